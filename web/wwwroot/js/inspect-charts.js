// The inspector page's charts, drawn by Apache ECharts (loaded as /lib/echarts/echarts.min.js) on canvas.
// Tooltips are drawn on the canvas too (richText), so nothing needs inline styles, which the page's CSP forbids.
/* global echarts */
import { t } from './i18n.js';

const COLORS = { veto: '#a31d24', warning: '#9a5b00', clean: '#1f7a3f', line: '#1558b0', muted: '#595f6b', grid: '#dcdfe4' };

const charts = new Map();

function chartOn(el) {
  let chart = charts.get(el);
  if (!chart) {
    chart = echarts.init(el, null, { renderer: 'canvas' });
    charts.set(el, chart);
  }
  return chart;
}

function base() {
  return {
    aria: { enabled: true },
    animation: false,
    textStyle: { fontFamily: getComputedStyle(document.body).fontFamily, color: COLORS.muted },
    tooltip: { renderMode: 'richText', trigger: 'axis' },
  };
}

function colorOf(flags) {
  if (flags.includes('veto')) return COLORS.veto;
  return flags.length ? COLORS.warning : COLORS.clean;
}

/** Accounts by score, best at the top, each bar in its worst flag's colour. */
export function drawRanking(el, accounts) {
  const rows = [...accounts].reverse();
  el.style.height = `${Math.max(180, rows.length * 28 + 60)}px`;
  const chart = chartOn(el);
  chart.resize();
  chart.setOption({
    ...base(),
    grid: { left: 8, right: 32, top: 8, bottom: 24, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, splitLine: { lineStyle: { color: COLORS.grid } } },
    yAxis: { type: 'category', data: rows.map((a) => a.indicators.accountId), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [{
      name: t('inspect.score'),
      type: 'bar',
      data: rows.map((a) => ({ value: a.indicators.score, itemStyle: { color: colorOf(a.indicators.flags) } })),
      label: { show: true, position: 'right' },
    }],
  }, true);
}

/** Every kept run: the average score as a line, the flagged accounts as bars. */
export function drawTrend(el, runs, formatAt) {
  const chart = chartOn(el);
  chart.setOption({
    ...base(),
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: runs.map((r) => formatAt(r.at)) },
    yAxis: [
      { type: 'value', min: 0, max: 100, name: t('inspect.score'), splitLine: { lineStyle: { color: COLORS.grid } } },
      { type: 'value', minInterval: 1, name: t('inspect.flagged'), splitLine: { show: false } },
    ],
    series: [
      { name: t('inspect.average'), type: 'line', data: runs.map((r) => (r.averageScore == null ? null : Math.round(r.averageScore))), itemStyle: { color: COLORS.line } },
      { name: t('inspect.flagged'), type: 'bar', yAxisIndex: 1, data: runs.map((r) => r.flagged), itemStyle: { color: COLORS.warning }, barMaxWidth: 24 },
    ],
  }, true);
}

/** One account's score over the kept runs. */
export function drawAccountTrend(el, points, formatAt) {
  const chart = chartOn(el);
  chart.setOption({
    ...base(),
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: points.map((p) => formatAt(p.at)) },
    yAxis: { type: 'value', min: 0, max: 100, splitLine: { lineStyle: { color: COLORS.grid } } },
    series: [{
      name: t('inspect.score'),
      type: 'line',
      data: points.map((p) => ({ value: p.score, itemStyle: { color: colorOf(p.flags) } })),
      lineStyle: { color: COLORS.line },
      label: { show: true },
    }],
  }, true);
}

/** Charts follow their boxes: a narrower window, a printed page. */
export function resizeCharts() {
  for (const chart of charts.values()) chart.resize();
}
