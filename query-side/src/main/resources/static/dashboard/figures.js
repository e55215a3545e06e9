// The parts every view builds its panels from, as the browser tests read them: a figure carries the raw
// value the API answered in data-value, a table's rows carry their key and its cells their data-col.

import {h} from './dom.js';
import {t} from './i18n.js';

/** A figure: formatted for the language, with the raw value in data-value. */
export function figure(tag, value, format, attributes = {}) {
  return h(tag, {class: 'num', 'data-value': value ?? '', ...attributes}, format(value));
}

/**
 * A table that scrolls sideways on narrow screens; each heading is [dictionary key, numeric, params of the
 * key's placeholders].
 */
export function table(testid, headings, rows) {
  return h('div', {class: 'scroll'},
           h('table', {'data-testid': testid},
             h('thead', {}, h('tr', {}, headings.map(([key, numeric, params]) =>
                 h('th', {class: numeric ? 'num' : null}, t(key, params))))),
             h('tbody', {}, rows)));
}

export function empty(key = 'panel.empty') {
  return h('p', {class: 'note'}, t(key));
}
