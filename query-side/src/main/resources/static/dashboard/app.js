// The dashboard: sign-in, the header (period, language, live status), routing by the URL hash
// (#/?period=YYYY-MM, #/units/CODE?period=YYYY-MM, #/dossiers/ID) and live reloads.

import {h, fill, byTestId} from './dom.js';
import {call, allPages, path, session, callerOf} from './api.js';
import {t, loadLanguages, setLanguage, onLanguageChange, currentLanguage, provinceToday} from './i18n.js';
import {refresh, draw, isBehind} from './panels.js';
import {provinceView, unitView, dossierView} from './views.js';
import {openLive} from './live.js';
import {disposeDetached} from './charts.js';

const ROLES = ['CLERK', 'UNIT_HEAD', 'HOME_AFFAIRS', 'ADMIN', 'AUDITOR', 'CLIENT'];
const UNIT_BOUND = new Set(['CLERK', 'UNIT_HEAD']);
/** Live reloads of a panel happen at most this often. */
const RELOAD_EVERY_MS = 500;

const main = document.getElementById('main');
const errorBanner = byTestId('error');
const periodInput = byTestId('period');
const liveStatus = byTestId('live-status');
const signedInAs = byTestId('signed-in-as');
const signOutButton = byTestId('signout');

const state = {
  caller: null,
  month: null,
  units: new Map(),
  view: null,
  live: null,
  livePosition: 0,
  behind: new Map(),
  reloadAt: 0,
  reloadTimer: null,
};

// ---- errors -------------------------------------------------------------------------------------

function showError(error) {
  const text = [error.title, error.detail].filter(Boolean).join(': ') || error.message;
  fill(errorBanner, h('span', {}, text),
       h('button', {type: 'button', class: 'close', 'data-i18n-label': 'error.close', 'aria-label': t('error.close'),
                    onclick: hideError}, '×'));
  errorBanner.hidden = false;
}

function hideError() {
  errorBanner.hidden = true;
  errorBanner.replaceChildren();
}

// ---- period -------------------------------------------------------------------------------------

function isMonth(value) {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value || '');
}

function thisMonth() {
  return provinceToday().slice(0, 7);
}

/** The month as the queries' period: from its first to its last day. */
function periodOf(month) {
  const [year, number] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return {month, from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}`};
}

/**
 * The month shown when the URL names none: the latest month in which dossiers were received, looking back
 * a calendar year at a time (one call each: the received count per day) over the last five years; else
 * the current month.
 */
async function latestActiveMonth() {
  const today = provinceToday();
  const thisYear = Number(today.slice(0, 4));
  for (let year = thisYear; year > thisYear - 5; year--) {
    try {
      const answer = await call(path('api/v1/timeliness', {groupBy: 'day', from: `${year}-01-01`,
                                                           to: year === thisYear ? today : `${year}-12-31`}));
      const active = answer.body.rows.filter(row => row.received > 0).map(row => row.key);
      if (active.length) {
        return active[active.length - 1].slice(0, 7);
      }
    } catch (e) {
      break;
    }
  }
  return thisMonth();
}

// ---- routing ------------------------------------------------------------------------------------

function parseHash() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [route, query = ''] = hash.split('?');
  return {route, params: new URLSearchParams(query)};
}

/** A path segment of the hash as it was meant; one that is not valid percent-encoding, as it stands. */
function decoded(segment) {
  try {
    return decodeURIComponent(segment);
  } catch (e) {
    return segment;
  }
}

/** A view's hash with the current period. */
function link(hash) {
  return `${hash}?period=${state.month}`;
}

function go(hash) {
  location.hash = link(hash);
}

async function show() {
  if (!state.caller) {
    return;
  }
  const {route, params} = parseHash();
  const month = params.get('period');
  if (isMonth(month)) {
    state.month = month;
  } else {
    state.month = state.month || await latestActiveMonth();
    if (!route.startsWith('/dossiers/')) {
      history.replaceState(null, '', `#${route}?period=${state.month}`);
    }
  }
  periodInput.value = state.month;
  const context = {caller: state.caller, period: periodOf(state.month), go, link,
                   unitName: code => state.units.get(code)};
  const units = route.match(/^\/units\/([^/]+)$/);
  const dossier = route.match(/^\/dossiers\/([^/]+)$/);
  const view = units ? unitView(context, decoded(units[1]))
      : dossier ? dossierView(context, decoded(dossier[1]))
      : provinceView(context);
  state.view = view;
  fill(main,
       h('div', {class: 'view-head'},
         view.back ? h('a', {class: 'back', href: link('#/')}, h('span', {'data-i18n': 'view.backToProvince'},
                                                                    t('view.backToProvince'))) : null,
         h('h1', {class: 'view-title'}, view.title())),
       h('div', {class: 'panels'}, view.panels.map(p => p.element)));
  disposeDetached();
  const callbacks = {onError: showError, onSignedOut: expired};
  view.panels.forEach(p => refresh(p, callbacks));
}

// ---- live updates -------------------------------------------------------------------------------

function setLive(liveState) {
  liveStatus.dataset.state = liveState;
  fill(liveStatus, h('span', {class: 'dot'}), h('span', {}, t(`live.${liveState}`)));
}

/** Reloads the panels a projection event may change, at most once per RELOAD_EVERY_MS. */
function onProjection(event) {
  if (event.position > state.livePosition) {
    state.livePosition = event.position;
    liveStatus.dataset.position = String(event.position);
  }
  const behind = state.behind.get(event.projection) || 0;
  state.behind.set(event.projection, Math.max(behind, event.position));
  if (!state.reloadTimer) {
    const wait = Math.max(50, state.reloadAt + RELOAD_EVERY_MS - Date.now());
    state.reloadTimer = setTimeout(reloadBehind, wait);
  }
}

function reloadBehind() {
  state.reloadTimer = null;
  state.reloadAt = Date.now();
  const advanced = [...state.behind];
  state.behind.clear();
  if (!state.view) {
    return;
  }
  const callbacks = {onError: showError, onSignedOut: expired};
  state.view.panels.filter(p => advanced.some(([projection, position]) => isBehind(p, projection, position)))
       .forEach(p => refresh(p, callbacks));
}

function startLive() {
  stopLive();
  state.live = openLive({token: () => session.token(), onProjection, onState: setLive, onRefused: expired});
}

function stopLive() {
  if (state.live) {
    state.live.stop();
    state.live = null;
  }
  setLive('offline');
}

// ---- sign-in ------------------------------------------------------------------------------------

/**
 * Whether this service mints local tokens (POST dev/tokens, the local profile), as its open dashboard/config
 * says: a plain read that answers 200 either way, so nothing shows as failed in the browser's console.
 */
async function devTokensExist() {
  try {
    const response = await fetch('dashboard/config', {headers: {Accept: 'application/json'}});
    return response.ok && (await response.json()).devTokens === true;
  } catch (e) {
    return false;
  }
}

async function mint(role, unitCode, ttlMinutes) {
  const answer = await call('dev/tokens', {method: 'POST', token: null, body: {role, unitCode, ttlMinutes}});
  return answer.body.token;
}

function roleLabel(role) {
  return t(`role.${role}`);
}

async function showSignIn() {
  state.view = null;
  fill(main, h('p', {class: 'note'}, t('panel.loading')));
  const local = await devTokensExist();
  const submit = h('button', {type: 'submit', 'data-testid': 'signin-submit', class: 'primary'}, t('signin.submit'));
  let form;
  if (local) {
    const role = h('select', {'data-testid': 'signin-role', id: 'signin-role', required: true},
                   ROLES.map(code => h('option', {value: code}, roleLabel(code))));
    role.value = 'HOME_AFFAIRS';
    const unit = h('select', {'data-testid': 'signin-unit', id: 'signin-unit'});
    const unitField = h('label', {class: 'field'}, h('span', {}, t('signin.unit')), unit);
    const units = await unitsForSignIn();
    fill(unit, units.map(u => h('option', {value: u.code}, `${u.name} (${u.code})`)));
    const toggle = () => {
      unitField.hidden = !UNIT_BOUND.has(role.value);
    };
    role.addEventListener('change', toggle);
    toggle();
    form = h('form', {class: 'signin', onsubmit: async event => {
      event.preventDefault();
      try {
        const token = await mint(role.value, UNIT_BOUND.has(role.value) ? unit.value : null);
        signIn(token);
      } catch (e) {
        showError(e);
      }
    }},
      h('h1', {}, t('signin.title')), h('p', {class: 'note'}, t('signin.local')),
      h('label', {class: 'field'}, h('span', {}, t('signin.role')), role), unitField, submit);
  } else {
    const token = h('textarea', {'data-testid': 'signin-token', id: 'signin-token', rows: 4, required: true,
                                 autocomplete: 'off', spellcheck: 'false'});
    form = h('form', {class: 'signin', onsubmit: async event => {
      event.preventDefault();
      try {
        const value = token.value.trim();
        callerOf(value);
        await call(path('api/v1/units', {size: 1}), {token: value});
        signIn(value);
      } catch (e) {
        // not a JWT (status 0) or one the API refuses (401): the same words for both
        showError(e.status === 401 || e.status === 0 ? {title: t('signin.invalid')} : e);
      }
    }},
      h('h1', {}, t('signin.title')), h('p', {class: 'note'}, t('signin.paste')),
      h('label', {class: 'field'}, h('span', {}, t('signin.token')), token), submit);
  }
  fill(main, form);
}

/** The units to pick from, read with a short-lived CLIENT token (any role may read units). */
async function unitsForSignIn() {
  try {
    const token = await mint('CLIENT', null, 5);
    const units = [];
    let target = path('api/v1/units', {size: 1000});
    while (target) {
      const answer = await call(target, {token});
      units.push(...answer.body.units.filter(unit => !unit.dissolvedOn));
      target = answer.body.next ? answer.body.next.replace(/^\//, '') : null;
    }
    return units;
  } catch (e) {
    showError(e);
    return [];
  }
}

async function signIn(token) {
  hideError();
  state.caller = session.signIn(token);
  await start();
}

function signOut() {
  session.signOut();
  state.caller = null;
  stopLive();
  showHeader();
  showSignIn();
}

function expired() {
  if (!state.caller) {
    return;
  }
  signOut();
  showError({title: t('signin.expired')});
}

function showHeader() {
  const caller = state.caller;
  signedInAs.hidden = !caller;
  signOutButton.hidden = !caller;
  periodInput.disabled = !caller;
  if (caller) {
    signedInAs.dataset.role = caller.role;
    signedInAs.textContent = roleLabel(caller.role) + (caller.unitCode ? ` · ${caller.unitCode}` : '');
  } else {
    delete signedInAs.dataset.role;
    signedInAs.textContent = '';
  }
}

async function start() {
  showHeader();
  try {
    const units = await allPages(path('api/v1/units', {size: 1000}), 'units');
    state.units = new Map(units.body.map(unit => [unit.code, unit.name]));
  } catch (e) {
    if (e.status === 401) {
      expired();
      return;
    }
    showError(e);
  }
  startLive();
  await show();
}

function markLanguage(language) {
  byTestId('lang-vi').setAttribute('aria-pressed', String(language === 'vi'));
  byTestId('lang-en').setAttribute('aria-pressed', String(language === 'en'));
}

// ---- start --------------------------------------------------------------------------------------

async function boot() {
  await loadLanguages();
  byTestId('lang-vi').addEventListener('click', () => setLanguage('vi'));
  byTestId('lang-en').addEventListener('click', () => setLanguage('en'));
  markLanguage(currentLanguage());
  onLanguageChange(language => {
    markLanguage(language);
    setLive(liveStatus.dataset.state);
    showHeader();
    if (state.view) {
      // the data stays; only the words and number formats change
      const title = main.querySelector('.view-title');
      if (title) {
        title.textContent = state.view.title();
      }
      state.view.panels.forEach(draw);
    } else if (!state.caller) {
      showSignIn();
    }
  });
  signOutButton.addEventListener('click', signOut);
  periodInput.addEventListener('change', () => {
    if (isMonth(periodInput.value)) {
      const {route} = parseHash();
      location.hash = `#${route.startsWith('/dossiers/') ? '/' : route}?period=${periodInput.value}`;
    }
  });
  window.addEventListener('hashchange', () => {
    if (state.caller) {
      hideError();
      show();
    }
  });
  state.caller = session.caller();
  if (state.caller) {
    await start();
  } else {
    showHeader();
    setLive('offline');
    await showSignIn();
  }
}

boot();
