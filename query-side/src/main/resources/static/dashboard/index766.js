// The national service-quality index (Decision 766, docs/index-766.md) for the month, from one answer of
// GET api/v1/index-766?period=YYYY-MM&groupBy=unit. On the province's view: the province's score out of
// 100 with its five groups, the units in rank order with the points each lost per group (a stacked bar
// chart and a table), and the indicators of the province or of the unit picked in the table (numerator,
// denominator, ratio, points). On a unit's view: that unit's score, rank, groups and indicators.

import {h, fill} from './dom.js';
import {call, path} from './api.js';
import {t, plural, formatCount, formatRate, formatDecimal, formatMonth} from './i18n.js';
import {panel} from './panels.js';
import {stackedBarChart} from './charts.js';
import {figure, table, empty} from './figures.js';

/**
 * The projections the answer comes from: the index's own, whose position the answer reports, and the
 * timeliness index whose on-time counts the progress group reads (its advances always reload the panel).
 */
const INDEX = 'index-766';
const TIMELINESS = 'timeliness-index';

/** The groups in the answer's order, each with its colour in the chart of points lost. */
const GROUP_COLOURS = {DISCLOSURE: '#2563eb', PROGRESS: '#0d9488', DIGITISATION: '#7c3aed', ONLINE: '#d97706',
                       SATISFACTION: '#db2777'};

const PROVINCE_HOOKS = {score: 'index-score', pointsLost: 'index-points-lost', groups: 'index-groups',
                        indicators: 'index-indicators-table'};
const UNIT_HOOKS = {score: 'unit-index-score', pointsLost: 'unit-index-points-lost', groups: 'unit-index-groups',
                    indicators: 'unit-index-indicators-table', rank: 'unit-index-rank'};

/** Points with up to two decimals, as the API rounds them. */
const formatPoints = formatDecimal;

function formatLost(value) {
  return value === null || value === undefined ? '—'
      : plural('index.pointsLost', value, {points: formatPoints(value)});
}

function unitLabel(unit) {
  return unit.unitName ? `${unit.unitName} (${unit.unitCode})` : unit.unitCode;
}

/** The index panel of the province's view, or of unit unitCode's view. */
export function indexPanel(context, unitCode = null) {
  const {period} = context;
  // the unit whose indicators the province's panel shows (picked in its table); null: the province's
  let picked = null;
  const load = async () => {
    const answer = await call(path('api/v1/index-766', {period: period.month, groupBy: 'unit'}));
    return {data: answer.body, position: answer.position};
  };
  const renderProvince = (body, answer) => {
    const units = answer.units || [];
    const pickedUnit = units.find(unit => unit.unitCode === picked) || null;
    const pick = code => {
      picked = code;
      renderProvince(body, answer);
      body.querySelector('[data-testid="index-indicators"]')?.scrollIntoView({block: 'nearest'});
    };
    const chart = h('div', {class: 'chart', 'data-testid': 'chart-index-points-lost', role: 'img',
                            'aria-label': t('index.chart')});
    const ranked = units.filter(unit => unit.rank !== null && unit.rank !== undefined).length;
    fill(body,
         h('p', {class: 'subtitle'}, t('index.period', {month: formatMonth(answer.period)})),
         scoreCard(PROVINCE_HOOKS, answer.province, answer.maxScore),
         h('h3', {}, t('index.byUnit')),
         h('p', {class: 'count'}, plural('index.ranked', ranked, {count: formatCount(ranked)}),
           ranked < units.length ? [' · ', plural('index.unranked', units.length - ranked,
                                                  {count: formatCount(units.length - ranked)})] : null),
         units.length === 0 ? [table('index-units-table', [], []), empty()]
             : [h('div', {class: 'charts single'},
                  h('figure', {}, h('figcaption', {}, t('index.chart')), chart)),
                unitsTable(units, answer.province.groups, picked, pick)],
         h('div', {class: 'index-detail', 'data-testid': 'index-indicators', 'data-unit': pickedUnit?.unitCode ?? ''},
           h('h3', {}, pickedUnit ? t('index.indicatorsOf', {unit: unitLabel(pickedUnit)}) : t('index.indicatorsOfProvince')),
           pickedUnit
               ? h('p', {class: 'count'},
                   h('a', {href: context.link(`#/units/${encodeURIComponent(pickedUnit.unitCode)}`)}, t('index.openUnit')),
                   ' · ',
                   h('button', {type: 'button', class: 'plain', 'data-testid': 'index-show-province',
                                onclick: () => pick(null)}, t('index.showProvince')))
               : h('p', {class: 'count'}, t('index.pick')),
           indicatorsTable(PROVINCE_HOOKS.indicators, pickedUnit || answer.province)));
    if (units.length) {
      // the units in rank order, each bar the points it lost, one part per group
      stackedBarChart(chart, {
        labels: units.map(unit => unit.unitCode), format: formatPoints,
        series: answer.province.groups.map(({group}) => ({
          name: t(`group.short.${group}`), color: GROUP_COLOURS[group],
          values: units.map(unit => unit.groups.find(g => g.group === group)?.pointsLost ?? null)})),
      });
    }
  };
  const renderUnit = (body, answer) => {
    const unit = (answer.units || []).find(row => row.unitCode === unitCode);
    if (!unit) {
      fill(body, h('p', {class: 'subtitle'}, t('index.period', {month: formatMonth(answer.period)})),
           empty('index.unitNotScored'));
      return;
    }
    fill(body,
         h('p', {class: 'subtitle'}, t('index.period', {month: formatMonth(answer.period)})),
         scoreCard(UNIT_HOOKS, unit, answer.maxScore),
         h('h3', {}, t('index.indicators')),
         indicatorsTable(UNIT_HOOKS.indicators, unit));
  };
  return panel({
    testid: unitCode ? 'panel-unit-index' : 'panel-index', title: 'index.title', projections: [INDEX, TIMELINESS],
    positioned: [INDEX], wide: true, attributes: unitCode ? {'data-unit': unitCode} : {}, load,
    render: unitCode ? renderUnit : renderProvince,
  });
}

/** The score out of maxScore, the points lost, the rank (a unit's) and the five groups, as tiles. */
function scoreCard(hooks, scored, maxScore) {
  const tile = (label, points, max, lost, attributes, valueHooks = {}) =>
      h('div', {class: 'tile index-tile', ...attributes},
        h('span', {class: 'tile-label'}, label),
        h('span', {class: 'tile-value'},
          figure('span', points, formatPoints, {'data-col': 'points', 'data-testid': valueHooks.points}),
          h('span', {class: 'of'}, t('index.of', {max: formatPoints(max)}))),
        h('meter', {min: 0, max, value: points ?? 0, 'aria-hidden': 'true'}),
        figure('span', lost, formatLost, {'data-col': 'pointsLost', class: 'lost num',
                                          'data-testid': valueHooks.pointsLost}));
  return h('div', {class: 'tiles index-tiles'},
           tile(t('index.score'), scored.score, maxScore, scored.pointsLost, {class: 'tile index-tile total'},
                {points: hooks.score, pointsLost: hooks.pointsLost}),
           hooks.rank ? h('div', {class: 'tile index-tile'},
                          h('span', {class: 'tile-label'}, t('column.rank')),
                          figure('span', scored.rank, formatCount, {'data-testid': hooks.rank, class: 'tile-value num'}),
                          scored.rank === null ? h('span', {class: 'lost'}, t('index.notRanked')) : null) : null,
           h('div', {class: 'index-groups', 'data-testid': hooks.groups},
             scored.groups.map(group => tile(t(`group.${group.group}`), group.points, group.maxPoints,
                                             group.pointsLost, {'data-group': group.group}))));
}

/** The units in rank order: rank, score, points lost, and the points lost in each group. */
function unitsTable(units, groups, picked, pick) {
  return table('index-units-table',
      [['column.rank', true], ['column.unit'], ['index.column.score', true], ['index.column.pointsLost', true],
       ...groups.map(({group, maxPoints}) => ['index.column.lostIn', true,
                                               {group: t(`group.short.${group}`), max: formatPoints(maxPoints)}])],
      units.map(unit => h('tr', {'data-unit': unit.unitCode, class: unit.unitCode === picked ? 'link picked' : 'link',
                                 onclick: () => pick(unit.unitCode)},
          figure('td', unit.rank, formatCount, {'data-col': 'rank'}),
          h('th', {scope: 'row'}, h('button', {type: 'button', class: 'plain',
                                               'aria-pressed': String(unit.unitCode === picked)}, unitLabel(unit))),
          figure('td', unit.score, formatPoints, {'data-col': 'score'}),
          figure('td', unit.pointsLost, formatPoints, {'data-col': 'pointsLost'}),
          groups.map(({group}) => {
            const lost = unit.groups.find(g => g.group === group)?.pointsLost;
            return figure('td', lost, formatPoints, {'data-col': group, class: lost > 0 ? 'num lost' : 'num'});
          }))));
}

/**
 * The indicators of the province or a unit, group by group: each with its numerator, denominator, ratio
 * and points; satisfaction's deductions (late, complaints) each with its own numerator and denominator.
 */
function indicatorsTable(testid, scored) {
  return table(testid,
      [['index.column.indicator'], ['index.column.fraction', true], ['index.column.ratio', true],
       ['index.column.points', true], ['index.column.pointsLost', true]],
      scored.groups.map(group => [
        h('tr', {class: 'group-row', 'data-group': group.group},
          h('th', {scope: 'rowgroup', colspan: 3}, t(`group.${group.group}`)),
          pointsOf(group),
          figure('td', group.pointsLost, formatPoints, {'data-col': 'pointsLost'})),
        group.indicators.map(indicator => [
          h('tr', {'data-indicator': indicator.indicator},
            h('th', {scope: 'row'}, t(`indicator.${indicator.indicator}`),
              indicator.fullAt !== null && indicator.fullAt !== undefined
                  ? h('span', {class: 'hint'}, t('index.fullAt', {ratio: formatRate(indicator.fullAt)})) : null,
              indicator.counted === false ? h('span', {class: 'hint'}, t('index.notCounted')) : null),
            fraction(indicator),
            figure('td', indicator.ratio, formatRate, {'data-col': 'ratio'}),
            pointsOf(indicator),
            figure('td', indicator.pointsLost, formatPoints,
                   {'data-col': 'pointsLost', class: indicator.pointsLost > 0 ? 'num lost' : 'num'})),
          (indicator.deductions || []).map(deduction => h('tr', {class: 'deduction', 'data-deduction': deduction.name},
              h('th', {scope: 'row'}, t(`deduction.${deduction.name}`)),
              fraction(deduction),
              figure('td', deduction.ratio, formatRate, {'data-col': 'ratio'}),
              h('td', {}), h('td', {})))])]));
}

/**
 * What was counted: "numerator / denominator" in one cell (narrow enough for a phone), each with its data-value.
 * Satisfaction is not one fraction: its cell points at the deductions listed under it.
 */
function fraction({numerator, denominator}) {
  if (numerator == null && denominator == null) {
    return h('td', {class: 'fraction see-below'}, t('index.seeDeductions'));
  }
  return h('td', {class: 'num fraction'},
           figure('span', numerator, formatCount, {'data-col': 'numerator'}), ' / ',
           figure('span', denominator, formatCount, {'data-col': 'denominator'}));
}

/** Points out of the most there are: "5.4 / 6" (a phone shows the points only). */
function pointsOf({points, maxPoints}) {
  return h('td', {class: 'num', 'data-col': 'points', 'data-value': points ?? ''}, formatPoints(points),
           h('span', {class: 'of'}, t('index.of', {max: formatPoints(maxPoints)})));
}
