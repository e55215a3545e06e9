// Charts drawn with ECharts (the WebJar's echarts.min.js, loaded before the modules as the global
// `echarts`). Each chart container carries data-points, the number of points drawn; a chart resizes with
// its container.

const charts = new Map();
/** Per container, what to redo when its width changes (the category labels that fit), beside resizing. */
const relayouts = new Map();
const resizing = typeof ResizeObserver === 'function'
    ? new ResizeObserver(entries => entries.forEach(entry => {
      charts.get(entry.target)?.resize();
      relayouts.get(entry.target)?.();
    })) : null;

function chartIn(container) {
  let chart = charts.get(container);
  if (!chart || chart.isDisposed()) {
    chart = echarts.init(container, null, {renderer: 'canvas'});
    charts.set(container, chart);
    resizing?.observe(container);
  }
  return chart;
}

/** Forgets the charts whose containers left the page. */
export function disposeDetached() {
  for (const [container, chart] of charts) {
    if (!container.isConnected) {
      resizing?.unobserve(container);
      chart.dispose();
      charts.delete(container);
      relayouts.delete(container);
    }
  }
}

const AXIS_LABEL = {color: '#475569', fontSize: 11};

/** At most this many bars are drawn at once; more are reached by zooming (the slider under the chart). */
const BARS_SHOWN = 25;

/**
 * The category axis's labels for the room each bar has (px): level while they fit, slanted, then upright
 * on narrow screens (a phone); every label while the upright ones fit, else ECharts skips some (the
 * tooltip still names each bar). hideOverlap drops any that would still overlap.
 */
function categoryLabels(room) {
  return {...AXIS_LABEL, hideOverlap: true, rotate: room >= 72 ? 0 : room >= 28 ? 45 : 90,
          interval: room >= 14 ? 0 : 'auto'};
}

/**
 * Bars of one value per category, e.g. on-time rate by unit.
 *
 * @param points   [{label, value}] in drawing order
 * @param format   value => text for labels and the tooltip
 * @param percent  values are rates between 0 and 1
 */
export function barChart(container, {points, format, percent = false, name}) {
  categoryBars(container, {
    labels: points.map(point => point.label), format,
    yAxis: {type: 'value', max: percent ? 1 : null, axisLabel: {...AXIS_LABEL, formatter: format}},
    series: [{type: 'bar', name, data: points.map(point => point.value), itemStyle: {color: '#2563eb'},
              barMaxWidth: 28}],
  });
}

/**
 * Bars of several values per category stacked on each other, with a legend naming them: e.g. the points
 * a unit lost, one part per group.
 *
 * @param labels  the categories, in drawing order
 * @param series  [{name, color, values}], each values in the order of labels
 * @param format  value => text for the axis and the tooltip
 */
export function stackedBarChart(container, {labels, series, format}) {
  categoryBars(container, {
    labels, format, legend: true,
    yAxis: {type: 'value', axisLabel: {...AXIS_LABEL, formatter: format}},
    series: series.map(part => ({type: 'bar', stack: 'total', name: part.name, data: part.values,
                                 itemStyle: {color: part.color}, barMaxWidth: 28})),
  });
}

/** Bars along a category axis whose labels fit the room each bar has, zoomed when there are many. */
function categoryBars(container, {labels, format, yAxis, series, legend = false}) {
  container.dataset.points = String(labels.length);
  const chart = chartIn(container);
  const many = labels.length > BARS_SHOWN;
  const room = () => (container.clientWidth - 64) / Math.max(1, Math.min(labels.length, BARS_SHOWN));
  chart.setOption({
    animation: false,
    legend: legend ? {type: 'scroll', top: 0, textStyle: AXIS_LABEL} : undefined,
    // containLabel: the grid leaves room for the labels however they are turned
    grid: {left: 8, right: 16, top: legend ? 40 : 24, bottom: many ? 32 : 8, containLabel: true},
    tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: format},
    xAxis: {type: 'category', data: labels, axisLabel: categoryLabels(room())},
    yAxis,
    dataZoom: many ? [{type: 'inside', startValue: 0, endValue: BARS_SHOWN - 1},
                      {type: 'slider', height: 16, bottom: 8}] : [],
    series,
  }, true);
  let labelled = room();
  relayouts.set(container, () => {
    const now = room();
    if (categoryLabels(now).rotate !== categoryLabels(labelled).rotate
        || categoryLabels(now).interval !== categoryLabels(labelled).interval) {
      labelled = now;
      chart.setOption({xAxis: {axisLabel: categoryLabels(now)}});
    }
  });
}

/** A line of one value per day, e.g. dossiers received per day. */
export function dayChart(container, {points, format, name}) {
  container.dataset.points = String(points.length);
  const chart = chartIn(container);
  chart.setOption({
    animation: false,
    grid: {left: 48, right: 16, top: 24, bottom: 40},
    tooltip: {trigger: 'axis', valueFormatter: format},
    xAxis: {type: 'category', data: points.map(point => point.label), axisLabel: AXIS_LABEL},
    yAxis: {type: 'value', minInterval: 1, axisLabel: {...AXIS_LABEL, formatter: format}},
    series: [{type: 'bar', name, data: points.map(point => point.value), itemStyle: {color: '#0d9488'},
              barMaxWidth: 24}],
  }, true);
}
