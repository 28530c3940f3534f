// The inspector page's live section: each account's flags as they stand now, updated as they
// change between runs, apart from the chosen run's snapshot.
import { byId, formatFullTime, h } from './ui.js';
import { flagBadges } from './inspect-table.js';

const latest = new Map();

/** Keeps what is newer of an account: a change can arrive before the answer it follows. */
function keep(change) {
  const known = latest.get(change.accountId);
  if (!known || Date.parse(known.indicators.at) <= Date.parse(change.indicators.at)) latest.set(change.accountId, change);
}

/** Starts from the subtree's accounts as they stand now; `bodyName(id)` names a body. */
export function seedLive(accounts, bodyName) {
  latest.clear();
  accounts.forEach((row) => keep({ accountId: row.indicators.accountId, bodyId: row.bodyId, indicators: row.indicators }));
  renderLive(bodyName);
}

/** Forgets what was heard, when the page follows another body. */
export function clearLive(bodyName) {
  latest.clear();
  renderLive(bodyName);
}

export function onIndicatorsChanged(change, bodyName) {
  keep(change);
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
