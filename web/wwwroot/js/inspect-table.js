// The inspector page's table of a run's accounts and the drill-down of one of them.
import { t } from './i18n.js';
import { byId, formatFullTime, formatTime, h } from './ui.js';
import { drawAccountTrend } from './inspect-charts.js';

const percent = (value) => (value == null ? '—' : `${Math.round(value * 100)}%`);
const oneDecimal = (value) => (value == null ? '—' : value.toFixed(1));

/** The flags as badges, or a single 'none'. */
export function flagBadges(flags) {
  if (!flags.length) return h('span', { className: 'flag flag-none', text: t('inspect.flag.none') });
  return flags.map((flag) => h('span', { className: `flag flag-${flag}`, text: t(`inspect.flag.${flag}`) }));
}

/** One row per account in rank order; `bodyName(id)` names its body, `onOpen(accountId)` opens its drill-down. */
export function renderAccounts(run, bodyName, onOpen) {
  byId('accountRows').replaceChildren(...run.accounts.map((row) => {
    const i = row.indicators;
    return h('tr', { className: i.flags.length ? 'is-flagged' : '', dataset: { account: i.accountId } },
      h('td', { text: row.rank }),
      h('td', {}, h('code', { text: i.accountId })),
      h('td', { text: bodyName(row.bodyId) }),
      h('td', { className: 'score', text: i.score }),
      h('td', { className: 'flags' }, flagBadges(i.flags)),
      h('td', { text: i.daysSinceUpdate }),
      h('td', { text: i.unansweredMessages }),
      h('td', { text: percent(i.replyRateWithinTarget) }),
      h('td', { text: oneDecimal(i.satisfaction) }),
      h('td', { className: 'no-print' },
        h('button', { type: 'button', className: 'secondary-button small', text: t('inspect.details'), 'aria-label': t('inspect.detailsOf', { account: i.accountId }), onclick: () => onOpen(i.accountId) })));
  }));
}

function indicator(key, value) {
  return h('div', {}, h('dt', { text: t(key) }), h('dd', {}, value));
}

/** The account as the run found it, its trend, its longest waits and its latest posts. */
export function renderDrillDown(drill) {
  const i = drill.account.indicators;
  byId('drillHeading').textContent = t('inspect.drillHeading', { account: i.accountId, rank: drill.account.rank });
  byId('drillIndicators').replaceChildren(
    indicator('inspect.colScore', i.score),
    indicator('inspect.colFlags', flagBadges(i.flags)),
    indicator('inspect.lastUpdate', i.lastUpdateAt ? formatFullTime(i.lastUpdateAt) : t('inspect.never')),
    indicator('inspect.colUnanswered', i.unansweredMessages),
    indicator('inspect.oldestUnanswered', i.oldestUnansweredSince ? formatFullTime(i.oldestUnansweredSince) : '—'),
    indicator('inspect.colReplyRate', percent(i.replyRateWithinTarget)),
    indicator('inspect.medianResponse', i.medianFirstResponseMinutes == null ? '—' : t('inspect.minutes', { n: Math.round(i.medianFirstResponseMinutes) })),
    indicator('inspect.colSatisfaction', i.ratings ? `${oneDecimal(i.satisfaction)}${t('inspect.ratings', { n: i.ratings })}` : '—'),
    indicator('inspect.breaches', i.clockBreaches + i.serviceLevelBreaches),
    indicator('inspect.corrections', i.corrections),
    indicator('inspect.moderation', i.moderationActions));
  byId('drillWaiting').replaceChildren(...(drill.waiting.length
    ? drill.waiting.map((w) => h('li', {},
      h('strong', { text: w.subject }), ' ',
      h('span', { className: 'hint', text: t('inspect.waitingSince', { at: formatFullTime(w.waitingSince), reference: w.reference }) }),
      h('ul', {}, w.latestMessages.map((m) => h('li', { text: m.text })))))
    : [h('li', { className: 'hint', text: t('inspect.noneWaiting') })]));
  byId('drillPosts').replaceChildren(...(drill.recentPosts.length
    ? drill.recentPosts.map((p) => h('li', {},
      h('strong', { text: p.title }), ' ',
      h('span', { className: 'hint', text: `${t(`inspect.postKind.${p.kind}`)} · ${formatFullTime(p.publishedAt)}${p.withdrawnAt ? ` · ${t('inspect.withdrawn')}` : ''}` })))
    : [h('li', { className: 'hint', text: t('inspect.noPosts') })]));
  byId('drillDown').hidden = false;
  drawAccountTrend(byId('accountTrendChart'), drill.trend, formatTime);
}
