// The three views: the province for a month, one unit (drill-down) and one dossier. Each is a list of
// panels; every figure shown carries data-value, the raw value as the API answered it. The national
// index's panel is index766.js's.

import {h, fill} from './dom.js';
import {call, allPages, path} from './api.js';
import {t, plural, formatCount, formatRate, formatDecimal, formatInstant, formatDay, formatMonth, provinceToday} from './i18n.js';
import {panel, together} from './panels.js';
import {barChart, dayChart} from './charts.js';
import {figure, table, empty} from './figures.js';
import {indexPanel} from './index766.js';

/** The projections (event processors) the panels read; the live stream names them. */
const TIMELINESS = 'timeliness-index';
const DOSSIERS = 'dossiers';
const PERSONNEL = 'personnel';

/** "Due soon": the clock runs and the appointment date lies within this many hours. */
export const DUE_SOON_HOURS = 48;
const LIST_SIZE = 25;
/** The province's procedures listed, those that received most first. */
const PROCEDURES_SHOWN = 50;

const COUNT_COLUMNS = ['received', 'resolved', 'early', 'onTime', 'late', 'pending', 'overdue'];

function formatOf(column) {
  return column === 'onTimeRate' ? formatRate : column === 'avgProcessingDays' ? formatDecimal : formatCount;
}

/** The figures of a timeliness row as tiles, each with data-testid `${prefix}-${column}`. */
function tiles(prefix, row) {
  return h('div', {class: 'tiles'}, [...COUNT_COLUMNS, 'onTimeRate'].map(column =>
      h('div', {class: column === 'onTimeRate' ? 'tile rate' : 'tile'},
        h('span', {class: 'tile-label'}, t(`column.${column}`)),
        figure('span', row[column], formatOf(column), {'data-testid': `${prefix}-${column}`, class: 'tile-value num'}))));
}

function unitLabel(context, code) {
  const name = context.unitName(code);
  return name ? `${name} (${code})` : code;
}

/**
 * A timeliness table by key (field or procedure), rows with data-key. Seven columns: its panel takes the full
 * width, else the rates scroll out of sight in half a desktop window.
 */
function keyedTable(testid, keyHeading, rows) {
  const columns = ['received', 'resolved', 'onTime', 'late', 'overdue', 'onTimeRate'];
  return rows.length === 0 ? empty() : table(testid, [[keyHeading], ...columns.map(column => [`column.${column}`, true])],
      rows.map(row => h('tr', {'data-key': row.key}, h('th', {scope: 'row'}, row.key),
                        columns.map(column => figure('td', row[column], formatOf(column), {'data-col': column})))));
}

function receivedPerDayChart(testid, days, context) {
  const container = h('div', {class: 'chart', 'data-testid': testid, role: 'img', 'aria-label': t('chart.receivedPerDay')});
  return {container, draw: () => dayChart(container, {
    name: t('column.received'), format: formatCount,
    points: days.rows.map(row => ({label: formatDay(row.key), value: row.received})),
  })};
}

/** The period's parameters for the timeliness queries. */
function span(period) {
  return {from: period.from, to: period.to};
}

/** The overdue or due-soon dossiers, soonest due first: each item links to its dossier. */
function dossierList(context, {testid, listTestid, title, query}) {
  return panel({
    testid, title, projections: [DOSSIERS],
    load: async () => {
      const answer = await call(path('api/v1/dossiers', {...query, size: LIST_SIZE}));
      return {data: answer.body, position: answer.position};
    },
    render: (body, page) => {
      const items = page.content.map(dossier => h('li', {'data-dossier': dossier.dossierId},
          h('a', {href: `#/dossiers/${encodeURIComponent(dossier.dossierId)}`}, dossier.dossierId),
          h('span', {class: 'due'}, t('dossier.dueAt'), ' ', formatInstant(dossier.dueAt)),
          h('span', {class: 'meta'}, unitLabel(context, dossier.unitCode), ' · ', dossier.procedureCode,
            // personal data: only in answers to roles that may read it (absent for CLIENT)
            dossier.applicant && dossier.applicant.fullName ? [' · ', dossier.applicant.fullName] : null)));
      fill(body,
           h('p', {class: 'count'}, t('list.shown', {shown: formatCount(page.content.length),
                                                      total: formatCount(page.totalElements)})),
           items.length ? h('ul', {class: 'dossiers', 'data-testid': listTestid}, items)
                        : [h('ul', {class: 'dossiers', 'data-testid': listTestid}), empty('list.none')]);
    },
  });
}

/** The day staffing is reviewed on: the period's last day, or today while the period runs. */
function staffingDay(period) {
  const today = provinceToday();
  return period.to < today ? period.to : today;
}

function staffingPanel(context, unitCode) {
  return panel({
    testid: 'panel-staffing', title: 'staffing.title', projections: [PERSONNEL], wide: !unitCode,
    load: async () => {
      const answer = await allPages(path('api/v1/personnel/audit',
                                         {asOf: staffingDay(context.period), unitCode, size: 1000}), 'rows');
      return {data: answer.body, position: answer.position};
    },
    render: (body, rows) => {
      // shortage first (most negative gap), then surplus; balanced rows are counted, not listed
      const shown = rows.filter(row => row.gap !== 0).sort((a, b) => a.gap - b.gap
          || a.unitCode.localeCompare(b.unitCode) || a.field.localeCompare(b.field));
      fill(body,
           h('p', {class: 'count'}, t('staffing.summary', {
             day: formatDay(staffingDay(context.period), true),
             shortage: formatCount(rows.filter(row => row.gap < 0).length),
             surplus: formatCount(rows.filter(row => row.gap > 0).length),
             balanced: formatCount(rows.length - shown.length)})),
           shown.length === 0 ? [table('staffing-table', [], []), empty('staffing.none')]
               : table('staffing-table', [['column.unit'], ['column.field'], ['column.quota', true],
                                          ['column.effective', true], ['column.gap', true], ['column.state']],
                   shown.map(row => h('tr', {'data-unit': row.unitCode, 'data-field': row.field,
                                             class: row.gap < 0 ? 'shortage' : 'surplus'},
                       h('th', {scope: 'row'}, row.unitName ? `${row.unitName} (${row.unitCode})` : row.unitCode),
                       h('td', {}, row.field),
                       figure('td', row.quota, formatCount, {'data-col': 'quota'}),
                       figure('td', row.effective, formatCount, {'data-col': 'effective'}),
                       figure('td', row.gap, formatCount, {'data-col': 'gap'}),
                       h('td', {'data-col': 'state', 'data-value': row.state}, t(`state.${row.state}`))))));
    },
  });
}

function proposalsPanel(context) {
  return panel({
    testid: 'panel-proposals', title: 'proposals.title', projections: [PERSONNEL], wide: true,
    load: async () => {
      const answer = await call(path('api/v1/personnel/rebalancing', {asOf: staffingDay(context.period)}));
      return {data: answer.body, position: answer.position};
    },
    render: (body, report) => fill(body,
        h('p', {class: 'count'}, plural('proposals.summary', report.proposals.length, {
          count: formatCount(report.proposals.length),
          moved: formatCount(report.proposals.reduce((sum, p) => sum + p.count, 0))})),
        report.proposals.length === 0 ? [table('proposals-table', [], []), empty('proposals.none')]
            : table('proposals-table', [['column.field'], ['column.fromUnit'], ['column.toUnit'], ['column.count', true]],
                report.proposals.map(proposal => h('tr', {'data-field': proposal.field, 'data-from': proposal.fromUnitCode,
                                                          'data-to': proposal.toUnitCode},
                    h('td', {}, proposal.field),
                    h('td', {}, unitLabel(context, proposal.fromUnitCode)),
                    h('td', {}, unitLabel(context, proposal.toUnitCode)),
                    figure('td', proposal.count, formatCount, {'data-col': 'count'}))))),
  });
}

/** The lists a caller sees: a unit-bound role its own unit's, others the province's. */
function listScope(context, unitCode) {
  return unitCode || context.caller.unitCode || null;
}

export function provinceView(context) {
  const {period} = context;
  const timeliness = panel({
    testid: 'panel-timeliness', title: 'timeliness.title', projections: [TIMELINESS], wide: true,
    load: async () => {
      const {answers, position} = await together(
          call(path('api/v1/timeliness', {groupBy: 'unit', ...span(period)})),
          call(path('api/v1/timeliness', {groupBy: 'day', ...span(period)})));
      return {data: {report: answers[0], days: answers[1]}, position};
    },
    render: (body, {report, days}) => {
      // the units with a rate, lowest first: those that need attention open the chart
      const rated = report.rows.filter(row => row.onTimeRate !== null)
          .sort((a, b) => a.onTimeRate - b.onTimeRate || a.key.localeCompare(b.key));
      const byUnit = h('div', {class: 'chart', 'data-testid': 'chart-on-time-by-unit', role: 'img',
                               'aria-label': t('chart.onTimeByUnit')});
      const perDay = receivedPerDayChart('chart-received-per-day', days, context);
      const columns = ['received', 'resolved', 'onTime', 'late', 'overdue', 'onTimeRate'];
      fill(body,
           h('p', {class: 'subtitle'}, t('timeliness.period', {month: formatMonth(period.month)})),
           tiles('province', report.total),
           h('div', {class: 'charts'},
             h('figure', {}, h('figcaption', {}, t('chart.onTimeByUnit')), byUnit),
             h('figure', {}, h('figcaption', {}, t('chart.receivedPerDay')), perDay.container)),
           h('h3', {}, t('units.title')),
           report.rows.length === 0 ? [table('units-table', [], []), empty()]
               : table('units-table', [['column.unit'], ...columns.map(column => [`column.${column}`, true])],
                   report.rows.map(row => h('tr', {'data-unit': row.key, class: 'link',
                                                   onclick: () => context.go(`#/units/${encodeURIComponent(row.key)}`)},
                       h('th', {scope: 'row'}, h('a', {href: context.link(`#/units/${encodeURIComponent(row.key)}`)},
                                                 unitLabel(context, row.key))),
                       columns.map(column => figure('td', row[column], formatOf(column), {'data-col': column}))))));
      barChart(byUnit, {name: t('column.onTimeRate'), format: formatRate, percent: true,
                        points: rated.map(row => ({label: row.key, value: row.onTimeRate}))});
      perDay.draw();
    },
  });
  const ranking = panel({
    testid: 'panel-ranking', title: 'ranking.title', projections: [TIMELINESS],
    load: async () => {
      const answer = await call(path('api/v1/timeliness/ranking', span(period)));
      return {data: answer.body, position: answer.position};
    },
    render: (body, answer) => fill(body, answer.units.length === 0 ? [table('ranking-table', [], []), empty()]
        : table('ranking-table', [['column.rank', true], ['column.unit'], ['column.onTimeRate', true],
                                  ['column.progressScore', true], ['column.resolved', true]],
            answer.units.map(unit => h('tr', {'data-unit': unit.unitCode},
                figure('td', unit.rank, formatCount, {'data-col': 'rank'}),
                h('th', {scope: 'row'}, h('a', {href: context.link(`#/units/${encodeURIComponent(unit.unitCode)}`)},
                                          unitLabel(context, unit.unitCode))),
                figure('td', unit.onTimeRate, formatRate, {'data-col': 'onTimeRate'}),
                figure('td', unit.progressScore, formatDecimal, {'data-col': 'progressScore'}),
                figure('td', unit.resolved, formatCount, {'data-col': 'resolved'}))))),
  });
  const byField = panel({
    testid: 'panel-by-field', title: 'byField.title', projections: [TIMELINESS], wide: true,
    load: async () => {
      const answer = await call(path('api/v1/timeliness', {groupBy: 'field', ...span(period)}));
      return {data: answer.body, position: answer.position};
    },
    render: (body, report) => fill(body, keyedTable('field-table', 'column.field', report.rows)),
  });
  const byProcedure = panel({
    testid: 'panel-by-procedure', title: 'byProcedure.title', projections: [TIMELINESS], wide: true,
    load: async () => {
      const answer = await call(path('api/v1/timeliness', {groupBy: 'procedure', ...span(period)}));
      return {data: answer.body, position: answer.position};
    },
    render: (body, report) => {
      // the procedures that received most first; the rest are counted, not listed
      const rows = [...report.rows].sort((a, b) => b.received - a.received || a.key.localeCompare(b.key));
      fill(body,
           h('p', {class: 'count'}, t('list.shown', {shown: formatCount(Math.min(rows.length, PROCEDURES_SHOWN)),
                                                      total: formatCount(rows.length)})),
           keyedTable('procedure-table', 'column.procedure', rows.slice(0, PROCEDURES_SHOWN)));
    },
  });
  const scope = listScope(context, null);
  return {
    title: () => (scope ? t('view.provinceForUnit', {unit: unitLabel(context, scope)}) : t('view.province')),
    panels: [timeliness, indexPanel(context), byField, byProcedure, ranking,
             dossierList(context, {testid: 'panel-overdue', listTestid: 'overdue-list', title: 'overdue.title',
                                   query: {overdue: true, unitCode: scope}}),
             dossierList(context, {testid: 'panel-due-soon', listTestid: 'due-soon-list', title: 'dueSoon.title',
                                   query: {dueWithinHours: DUE_SOON_HOURS, unitCode: scope}}),
             staffingPanel(context, null), proposalsPanel(context)],
  };
}

export function unitView(context, unitCode) {
  const {period} = context;
  const detail = panel({
    testid: 'unit-detail', title: null, projections: [TIMELINESS], wide: true, attributes: {'data-unit': unitCode},
    load: async () => {
      const query = {unitCode, ...span(period)};
      const {answers, position} = await together(
          call(path('api/v1/timeliness', {groupBy: 'field', ...query})),
          call(path('api/v1/timeliness', {groupBy: 'procedure', ...query})),
          call(path('api/v1/timeliness', {groupBy: 'day', ...query})));
      return {data: {byField: answers[0], byProcedure: answers[1], days: answers[2]}, position};
    },
    render: (body, {byField, byProcedure, days}) => {
      const perDay = receivedPerDayChart('chart-unit-received-per-day', days, context);
      fill(body,
           h('h2', {}, t('timeliness.title')),
           h('p', {class: 'subtitle'}, t('timeliness.period', {month: formatMonth(period.month)})),
           tiles('unit', byField.total),
           h('div', {class: 'charts single'},
             h('figure', {}, h('figcaption', {}, t('chart.receivedPerDay')), perDay.container)),
           h('h3', {}, t('unit.byField')),
           keyedTable('unit-by-field-table', 'column.field', byField.rows),
           h('h3', {}, t('unit.byProcedure')),
           keyedTable('unit-by-procedure-table', 'column.procedure', byProcedure.rows));
      perDay.draw();
    },
  });
  return {
    title: () => t('view.unit', {unit: unitLabel(context, unitCode)}),
    back: true,
    panels: [detail, indexPanel(context, unitCode),
             dossierList(context, {testid: 'panel-overdue', listTestid: 'overdue-list', title: 'overdue.title',
                                   query: {overdue: true, unitCode}}),
             dossierList(context, {testid: 'panel-due-soon', listTestid: 'due-soon-list', title: 'dueSoon.title',
                                   query: {dueWithinHours: DUE_SOON_HOURS, unitCode}}),
             staffingPanel(context, unitCode)],
  };
}

/** "DossierReceivedEvent" as "Dossier received". */
function eventName(type) {
  const simple = String(type).split('.').pop().replace(/Event$/, '');
  const words = simple.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function dossierView(context, dossierId) {
  const detail = panel({
    testid: 'dossier-detail', title: 'dossier.title', projections: [DOSSIERS], wide: false,
    attributes: {'data-dossier': dossierId},
    load: async () => {
      const answer = await call(`api/v1/dossiers/${encodeURIComponent(dossierId)}`);
      return {data: answer.body, position: answer.position};
    },
    render: (body, dossier) => {
      const entry = (key, value) => value === null || value === undefined ? null
          : [h('dt', {}, t(key)), h('dd', {}, value)];
      const applicant = dossier.applicant;
      fill(body, h('dl', {class: 'facts'},
          entry('dossier.id', dossier.dossierId),
          entry('dossier.status', h('span', {'data-testid': 'dossier-status', 'data-value': dossier.status},
                                    t(`status.${dossier.status}`))),
          entry('column.procedure', dossier.procedureCode),
          entry('column.field', dossier.field),
          entry('column.unit', h('a', {href: context.link(`#/units/${encodeURIComponent(dossier.unitCode)}`)},
                                 unitLabel(context, dossier.unitCode))),
          entry('dossier.channel', dossier.channel && t(`channel.${dossier.channel}`)),
          // personal data: only in answers to roles that may read it
          applicant ? entry('dossier.applicant', applicant.fullName
              || (applicant.erased ? t('dossier.applicantErased') : t('dossier.applicantUnreadable'))) : null,
          entry('dossier.receivedAt', dossier.receivedAt && formatInstant(dossier.receivedAt)),
          entry('dossier.dueAt', dossier.dueAt && formatInstant(dossier.dueAt)),
          entry('dossier.resolvedAt', dossier.resolvedAt && formatInstant(dossier.resolvedAt)),
          entry('dossier.outcome', dossier.outcome && t(`outcome.${dossier.outcome}`)),
          entry('dossier.timeliness', dossier.timeliness && t(`verdict.${dossier.timeliness}`)),
          entry('dossier.supplementRequests', figure('span', dossier.supplementRequests, formatCount)),
          entry('dossier.transfers', figure('span', dossier.transfers, formatCount))));
    },
  });
  const history = panel({
    testid: 'panel-history', title: 'history.title', projections: [DOSSIERS],
    load: async () => {
      const answer = await call(path(`api/v1/audit/streams/${encodeURIComponent(dossierId)}/events`));
      return {data: answer.body, position: answer.position};
    },
    render: (body, stream) => fill(body, h('ol', {class: 'history', 'data-testid': 'dossier-history'},
        stream.events.map(event => h('li', {'data-position': event.position},
            h('span', {class: 'event'}, eventName(event.type)),
            // when it happened (business time); an imported or back-dated event is recorded later
            h('span', {class: 'meta'}, formatInstant(event.occurredAt || event.timestamp),
              event.metadata && event.metadata.actor ? [' · ', t('history.by', {actor: event.metadata.actor})] : null))))),
  });
  return {title: () => t('view.dossier', {id: dossierId}), back: true, panels: [detail, history]};
}
