// The public event page: anyone may read an event and follow it live, without signing in.
// Without ?id= it lists the events.
import { api, ApiError } from './api.js';
import { HubClient, hubError } from './connection.js';
import { onLangChange, t } from './i18n.js';
import { byId, clearError, formatFullTime, formatTime, h, initPage, showError } from './ui.js';
import {
  Timeline, conferenceItems, gradeBadge, kindChip, mergeClock, publicClockItem, sortClocks, sortEvents, startTicker, statusChip, statusText,
} from './event-view.js';

initPage();
startTicker();

const LIST_REFRESH_MS = 60000;
const PAGE_SIZE = 10;
const params = new URLSearchParams(window.location.search);
const eventId = params.get('id')?.trim() || null;
let kindFilter = ['incident', 'live'].includes(params.get('kind')) ? params.get('kind') : '';
let shown = PAGE_SIZE;
let accounts = [];
let summaries = [];
let event = null;
let client = null;
let connectionState = 'connecting';
let following = false;

function announce(text) {
  const region = byId('announce');
  // Emptied first so that two identical announcements in a row are both read.
  region.textContent = '';
  setTimeout(() => {
    region.textContent = text;
  }, 60);
}

const timeline = new Timeline(byId('timeline'), { empty: byId('timelineEmpty'), announce });

const accountName = (id) => accounts.find((a) => a.id === id)?.name ?? id;

function publishers(ev) {
  const ids = ev.accountIds?.length ? ev.accountIds : [ev.leadAccountId];
  // The lead account is named first.
  return [...new Set([ev.leadAccountId, ...ids].filter(Boolean))].map(accountName).join('、');
}

async function loadAccounts() {
  try {
    accounts = (await api.accounts()) ?? [];
  } catch {
    // Without names the page shows account ids; nothing else depends on them.
  }
}

// ---------------------------------------------------------------- the list

function renderList() {
  const matching = summaries.filter((ev) => !kindFilter || ev.kind === kindFilter);
  for (const button of byId('kindFilter').querySelectorAll('button')) button.setAttribute('aria-pressed', String(button.dataset.kind === kindFilter));
  const items = matching.slice(0, shown).map((ev) => h('li', { className: 'public-event', dataset: { id: ev.eventId, status: ev.status ?? '' } },
    h('a', { className: 'public-event-link', href: `/event.html?id=${encodeURIComponent(ev.eventId)}` },
      h('span', { className: 'event-tags' }, ev.kind === 'live' ? kindChip('live') : gradeBadge(ev.severity), statusChip(ev.status, undefined, ev.kind)),
      h('span', { className: 'public-event-title', text: ev.title }),
      h('span', { className: 'subtle' },
        t('events.publisher', { names: publishers(ev) }), ' · ',
        h('time', { datetime: ev.openedAt, title: formatFullTime(ev.openedAt), text: formatTime(ev.openedAt) })))));
  byId('eventList').replaceChildren(...items);
  byId('eventListEmpty').hidden = matching.length > 0;
  byId('showMore').hidden = matching.length <= shown;
}

/** The kind filter is kept in the address, so a filtered list can be shared and survives a reload. */
function chooseKind(kind) {
  kindFilter = kind;
  shown = PAGE_SIZE;
  const url = new URL(window.location.href);
  if (kind) url.searchParams.set('kind', kind);
  else url.searchParams.delete('kind');
  history.replaceState(null, '', url);
  renderList();
}

async function loadList() {
  try {
    summaries = sortEvents((await api.events()) ?? []);
    clearError();
  } catch (err) {
    showError(err);
  }
  renderList();
}

async function showList() {
  document.title = t('events.title');
  byId('listView').hidden = false;
  byId('kindFilter').addEventListener('click', (e) => {
    const button = e.target.closest('button[data-kind]');
    if (button) chooseKind(button.dataset.kind);
  });
  byId('showMore').addEventListener('click', () => {
    shown += PAGE_SIZE;
    renderList();
  });
  await loadAccounts();
  await loadList();
  setInterval(() => {
    if (document.visibilityState === 'visible') loadList();
  }, LIST_REFRESH_MS);
}

// ---------------------------------------------------------------- one event

/** Merges a snapshot: updates by seq (a reconnect repeats what was pushed), everything else replaced. */
function apply(snap) {
  if (!snap || (snap.eventId && snap.eventId !== eventId)) return;
  const next = { ...(event ?? {}) };
  for (const [key, value] of Object.entries(snap)) if (value !== undefined) next[key] = value;
  event = next;
  // Updates missed while disconnected are highlighted like live ones; the first load is not.
  const hadUpdates = timeline.updates.size > 0;
  timeline.merge(snap.updates ?? [], { live: hadUpdates });
  render();
}

function renderLive() {
  const live = byId('live');
  let state = connectionState;
  if (state === 'connected') state = following ? 'live' : 'connecting';
  if (state === 'idle') state = 'connecting';
  const keys = { connecting: 'live.connecting', live: 'live.on', reconnecting: 'live.reconnecting', offline: 'live.offline' };
  live.dataset.state = state;
  live.textContent = t(keys[state] ?? 'live.connecting');
}

function render() {
  if (!event) return;
  document.title = `${event.title ?? ''} - ${t('events.title')}`;
  byId('eventBadges').replaceChildren(...[event.kind === 'live' ? null : gradeBadge(event.severity), kindChip(event.kind)].filter(Boolean));
  byId('eventTitle').textContent = event.title ?? '';
  const status = byId('eventStatus');
  status.dataset.status = event.status ?? '';
  status.textContent = statusText(event.status, event.kind);

  const meta = [t('events.publisher', { names: publishers(event) })];
  if (event.openedAt) meta.push(t('press.openedAt', { time: formatFullTime(event.openedAt) }));
  if (event.closedAt) meta.push(t('press.closedAt', { time: formatFullTime(event.closedAt) }));
  byId('eventMeta').textContent = meta.join(' · ');
  const closed = event.status === 'closed';
  byId('closingSummary').hidden = !(closed && event.closingSummary);
  byId('closingSummaryText').textContent = event.closingSummary ?? '';

  renderClocks();
  const conferences = conferenceItems(event.pressConferences);
  byId('conferences').replaceChildren(...conferences);
  byId('conferencesSection').hidden = conferences.length === 0;
  timeline.render();
}

function renderClocks() {
  const clocks = sortClocks(event?.clocks);
  byId('clocks').replaceChildren(...clocks.map((clock) => publicClockItem(clock, { stopped: event?.status === 'closed' })));
  byId('clocksSection').hidden = clocks.length === 0;
}

/** A wrong or withdrawn address: say so and point to the list, instead of an empty event page. */
function showMissing() {
  byId('eventView').hidden = true;
  byId('missingView').hidden = false;
  document.title = t('events.missing');
}

async function loadSnapshot() {
  try {
    apply(await api.event(eventId));
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) showMissing();
    else if (!event) showError(err);
  }
}

async function follow() {
  following = false;
  renderLive();
  try {
    const snap = await client.invoke('FollowEvent', eventId);
    following = true;
    clearError();
    apply(snap);
  } catch (err) {
    if (hubError(err)?.code === 'not_found') showMissing();
    else showError(err);
  }
  renderLive();
}

function showEvent() {
  byId('eventView').hidden = false;
  renderLive();
  client = new HubClient(() => null);
  client.onState((state) => {
    connectionState = state;
    if (state !== 'connected') following = false;
    renderLive();
  });
  client.on('eventUpdate', (update) => {
    if (update?.eventId !== eventId) return;
    timeline.merge([update], { live: true });
  });
  client.on('eventStatus', (change) => {
    if (change?.eventId !== eventId || !event) return;
    event = { ...event, status: change.status, closingSummary: change.closingSummary ?? event.closingSummary };
    render();
    // The closing time comes only with the snapshot.
    if (change.status === 'closed') loadSnapshot();
  });
  client.on('clockChanged', (change) => {
    if (change?.eventId !== eventId || !event || !change.clock) return;
    event = { ...event, clocks: mergeClock(event.clocks, change.clock) };
    renderClocks();
  });
  // Every start and every reconnect follows again; the snapshot fills what was missed.
  client.onConnected(follow);
  loadAccounts().then(render);
  loadSnapshot();
  client.start();
}

onLangChange(() => {
  if (eventId) {
    render();
    renderLive();
  } else {
    document.title = t('events.title');
    renderList();
  }
});

if (eventId) showEvent();
else showList();
