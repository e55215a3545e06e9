// A panel: one part of a view that loads its data from the API and draws it. A panel the API refuses to
// the signed-in role (403) shows a short note instead and carries data-forbidden="true". Each remembers
// the lowest projection position its answers reflected (X-Projection-Position), so a live event for a
// later position reloads exactly the panels it may change.

import {h, fill} from './dom.js';
import {t} from './i18n.js';
import {disposeDetached} from './charts.js';

/**
 * @param testid      the panel's data-testid
 * @param title       the dictionary key of its heading
 * @param projections the projections (processor names) its answers come from
 * @param positioned  those of them whose position its answers' X-Projection-Position reports (all, unless
 *                    said); an advance of another one reloads it whatever the position, since what the
 *                    answer reflects of that one is not known
 * @param load        async () => {data, position}
 * @param render      (body, data) => void; draws data into the panel's body
 */
export function panel({testid, title, projections, positioned = projections, load, render, wide = false,
                       attributes = {}}) {
  const body = h('div', {class: 'panel-body'}, h('p', {class: 'note', 'data-i18n': 'panel.loading'}, t('panel.loading')));
  const element = h('section', {class: wide ? 'panel wide' : 'panel', 'data-testid': testid, ...attributes},
                    title ? h('h2', {'data-i18n': title}, t(title)) : null, body);
  return {testid, element, body, projections, positioned, load, render, data: null, position: null,
          forbidden: false, failed: false, loading: false, again: false};
}

/**
 * Loads the panel and draws it; a reload asked for while one runs follows it. 401 goes to onSignedOut,
 * other failures to onError.
 */
export async function refresh(target, {onError, onSignedOut}) {
  if (target.loading) {
    target.again = true;
    return;
  }
  target.loading = true;
  try {
    const {data, position} = await target.load();
    Object.assign(target, {data, position, forbidden: false, failed: false});
  } catch (e) {
    if (e.status === 401) {
      target.loading = false;
      onSignedOut(e);
      return;
    }
    if (e.status === 403) {
      Object.assign(target, {data: null, position: null, forbidden: true, failed: false});
    } else {
      target.failed = true;
      onError(e);
    }
  }
  target.loading = false;
  draw(target);
  if (target.again) {
    target.again = false;
    refresh(target, {onError, onSignedOut});
  }
}

/** Draws what the panel holds: its data, the note for a refused role, or the note for a failure. */
export function draw(target) {
  if (target.forbidden) {
    target.element.dataset.forbidden = 'true';
    fill(target.body, h('p', {class: 'note forbidden', 'data-i18n': 'panel.forbidden'}, t('panel.forbidden')));
    return;
  }
  delete target.element.dataset.forbidden;
  if (target.data !== null) {
    target.render(target.body, target.data);
    // a live reload draws new chart containers: the charts of those it replaced go with them
    disposeDetached();
  } else if (target.failed) {
    fill(target.body, h('p', {class: 'note', 'data-i18n': 'panel.failed'}, t('panel.failed')));
  }
}

/** Whether an event of projection at position may change what the panel shows. */
export function isBehind(target, projection, position) {
  return !target.forbidden && target.projections.includes(projection)
         && (!target.positioned.includes(projection) || target.position === null || target.position < position);
}

/** Runs the loads of several calls together: their answers, and the lowest position among them. */
export async function together(...calls) {
  const answers = await Promise.all(calls);
  const positions = answers.map(answer => answer.position).filter(position => position !== null);
  return {answers: answers.map(answer => answer.body),
          position: positions.length ? Math.min(...positions) : null};
}
