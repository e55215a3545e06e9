// Vietnamese and English: every string of the page is a key of both dictionaries (i18n/vi.json and
// i18n/en.json, the same keys); numbers and dates are formatted with Intl for vi-VN or en-GB, times in
// the province's zone. Switching the language re-renders without reloading the page.

const LANGUAGE_KEY = 'govtrack.language';
const LOCALES = {vi: 'vi-VN', en: 'en-GB'};
const ZONE = 'Asia/Ho_Chi_Minh';

const dictionaries = {};
let language = 'vi';
const listeners = [];

/** Loads both dictionaries and picks the remembered language, else English if the browser prefers it, else Vietnamese. */
export async function loadLanguages() {
  await Promise.all(Object.keys(LOCALES).map(async code => {
    const response = await fetch(`dashboard/i18n/${code}.json`);
    dictionaries[code] = await response.json();
  }));
  const remembered = localStorage.getItem(LANGUAGE_KEY);
  const preferred = (navigator.languages || [navigator.language || 'vi'])
      .map(tag => String(tag).toLowerCase().slice(0, 2)).find(tag => tag === 'vi' || tag === 'en');
  setLanguage(LOCALES[remembered] ? remembered : (preferred === 'en' ? 'en' : 'vi'), false);
}

export function currentLanguage() {
  return language;
}

/** Switches the language, remembers it (when asked) and tells the listeners to re-render. */
export function setLanguage(code, remember = true) {
  language = LOCALES[code] ? code : 'vi';
  if (remember) {
    localStorage.setItem(LANGUAGE_KEY, language);
  }
  document.documentElement.lang = language;
  document.querySelectorAll('[data-i18n]').forEach(element => {
    element.textContent = t(element.dataset.i18n);
  });
  document.querySelectorAll('[data-i18n-title]').forEach(element => {
    element.title = t(element.dataset.i18nTitle);
  });
  document.querySelectorAll('[data-i18n-placeholder]').forEach(element => {
    element.placeholder = t(element.dataset.i18nPlaceholder);
  });
  document.querySelectorAll('[data-i18n-label]').forEach(element => {
    element.setAttribute('aria-label', t(element.dataset.i18nLabel));
  });
  document.title = t('app.title');
  listeners.forEach(listener => listener(language));
}

export function onLanguageChange(listener) {
  listeners.push(listener);
}

/** The text of key in the current language, {name} placeholders replaced from params. */
export function t(key, params = {}) {
  const text = (dictionaries[language] || {})[key] ?? (dictionaries.vi || {})[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/**
 * The text for count of something: key.one, key.other (and so on) chosen by the language's plural rules
 * (Intl.PluralRules), key.other when the language has no word for the form; {name} placeholders as t's.
 * Vietnamese has no plural forms, so its rules always pick other.
 */
export function plural(key, count, params = {}) {
  const form = `${key}.${new Intl.PluralRules(locale()).select(count)}`;
  const dictionary = dictionaries[language] || {};
  return t(form in dictionary ? form : `${key}.other`, params);
}

function locale() {
  return LOCALES[language];
}

/** Today in the province's zone, YYYY-MM-DD: the business day, whatever the browser's zone. */
export function provinceToday() {
  return new Intl.DateTimeFormat('en-CA', {timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit'})
      .format(new Date());
}

/** A count, e.g. 12.345 (vi) or 12,345 (en). */
export function formatCount(value) {
  return value === null || value === undefined ? '—' : new Intl.NumberFormat(locale()).format(value);
}

/** A rate between 0 and 1 as a percentage with one decimal; a dash when there is none. */
export function formatRate(value) {
  return value === null || value === undefined ? '—'
      : new Intl.NumberFormat(locale(), {style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1})
          .format(value);
}

/** A decimal with up to two digits after the point. */
export function formatDecimal(value) {
  return value === null || value === undefined ? '—'
      : new Intl.NumberFormat(locale(), {maximumFractionDigits: 2}).format(value);
}

/** An instant (ISO-8601 with offset) as date and time in the province's zone. */
export function formatInstant(value) {
  return value ? new Intl.DateTimeFormat(locale(), {dateStyle: 'short', timeStyle: 'short', timeZone: ZONE})
      .format(new Date(value)) : '—';
}

/** A local date YYYY-MM-DD, as the day of the month and its month (for chart axes) or in full. */
export function formatDay(value, full = false) {
  const [year, month, day] = value.split('-').map(Number);
  const options = full ? {dateStyle: 'medium', timeZone: 'UTC'} : {day: 'numeric', month: 'numeric', timeZone: 'UTC'};
  return new Intl.DateTimeFormat(locale(), options).format(new Date(Date.UTC(year, month - 1, day)));
}

/** A month YYYY-MM in words, e.g. "tháng 7, 2025" or "July 2025". */
export function formatMonth(value) {
  const [year, month] = value.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), {month: 'long', year: 'numeric', timeZone: 'UTC'})
      .format(new Date(Date.UTC(year, month - 1, 1)));
}
