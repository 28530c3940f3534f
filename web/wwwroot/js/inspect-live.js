// The inspector page's live section: each account's flags as they change between runs,
// apart from the chosen run's snapshot.
import { byId, formatFullTime, h } from './ui.js';
import { flagBadges } from './inspect-table.js';

const latest = new Map();

/** Forgets what was heard, when the page follows another body. */
export function clearLive(bodyName) {
  latest.clear();
  renderLive(bodyName);
}

/** Keeps the latest change of an account; `bodyName(id)` names its body. */
export function onIndicatorsChanged(change, bodyName) {
  latest.set(change.accountId, change);
  renderLive(bodyName);
}

/** Flagged accounts first, then by account id. */
export function renderLive(bodyName) {
  const changes = [...latest.values()].sort((a, b) =>
    b.indicators.flags.length - a.indicators.flags.length || a.accountId.localeCompare(b.accountId));
  byId('liveEmpty').hidden = changes.length > 0;
  byId('liveRows').replaceChildren(...changes.map((change) => {
    const i = change.indicators;
    return h('tr', { className: i.flags.length ? 'is-flagged' : '', dataset: { account: change.accountId } },
      h('td', {}, h('code', { text: change.accountId })),
      h('td', { text: bodyName(change.bodyId) }),
      h('td', { className: 'flags' }, flagBadges(i.flags)),
      h('td', { text: i.daysSinceUpdate }),
      h('td', { text: i.unansweredMessages }),
      h('td', { text: formatFullTime(i.at) }));
  }));
}
