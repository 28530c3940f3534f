// The press console: the events of my accounts with their legal clocks, statements from draft
// to publication (先审后发 for grades I and II), conferences, cooperating accounts, the audit trail.
import { api, ApiError, session } from './api.js';
import { HubClient, hubError } from './connection.js';
import { savedSession } from './sign-in-keeper.js';
import { bindStaffSignIn } from './staff-sign-in.js';
import { onLangChange, t } from './i18n.js';
import { bindConnectionBadge, busy, byId, clearError, formatFullTime, formatTime, h, initPage, showError, showNotice, renderSignedIn } from './ui.js';
import {
  Timeline, clockLevel, conferenceItems, countdown, excerpt, gradeBadge, gradeOptionText, kindChip, mergeClock,
  nextPendingClock, sortClocks, sortEvents, staffClockItem, startTicker, statusChip,
} from './event-view.js';

initPage();
startTicker();

const STATEMENT_ORDER = { draft: 0, approved: 1, published: 2 };
const LIST_REFRESH_MS = 60000;

const saved = session('press');
let auth = saved.get('auth');
let accounts = [];
// Summaries from GET /api/events, only those my accounts take part in, open ones first.
let events = [];
// The fullest snapshot known per event; the list takes its next running clock from here.
const details = new Map();
let selectedId = saved.get('selected');
let current = null;
let statements = new Map();
let audit = [];
// The statement being edited and its unsaved text, kept across re-renders caused by pushes.
let editing = null;
let client = null;
const alerts = new Map();
const timeline = new Timeline(byId('timeline'), { empty: byId('timelineEmpty') });

const accountName = (id) => accounts.find((a) => a.id === id)?.name ?? id;

function personName(userId, name) {
  const shown = name || userId || '';
  return userId && userId === auth?.userId ? t('stmt.me', { name: shown || auth.displayName }) : shown;
}

function isMine(summary) {
  const ids = summary.accountIds?.length ? summary.accountIds : [summary.leadAccountId];
  return ids.some((id) => (auth?.accountIds ?? []).includes(id));
}

function severe(event) {
  return Number(event?.severity) <= 2;
}

function localInputValue(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** An expired token sends the officer back to the sign-in form; anything else is shown. */
function handleFailure(err) {
  if (err instanceof ApiError && err.status === 401) {
    signOutLocally();
  }
  showError(err);
}

// ---------------------------------------------------------------- header and forms

function renderHeader() {
  renderSignedIn(auth ? auth.displayName || auth.username : null);
}

function renderNewEventForm() {
  const select = byId('eventAccount');
  const chosen = select.value;
  select.replaceChildren(...(auth?.accountIds ?? []).map((id) => h('option', { value: id, text: accountName(id) })));
  if ((auth?.accountIds ?? []).includes(chosen)) select.value = chosen;
  for (const option of byId('eventSeverity').options) option.textContent = gradeOptionText(Number(option.value));
  const live = byId('eventKind').value === 'live';
  const high = Number(byId('eventSeverity').value) <= 2;
  byId('severityHint').textContent = live ? t('press.liveNoClocks') : t(high ? 'press.severityHigh' : 'press.severityLow');
}

// ---------------------------------------------------------------- the event list

function renderList() {
  const list = byId('events');
  const focusedId = list.contains(document.activeElement) ? document.activeElement.id : null;
  const items = events.map((summary) => {
    const snap = details.get(summary.eventId);
    const ev = { ...summary, ...(snap ? { status: snap.status, title: snap.title, severity: snap.severity, kind: snap.kind } : {}) };
    const selected = ev.eventId === selectedId;
    let clockLine = null;
    if (ev.status !== 'closed' && snap?.clocks?.length) {
      const next = nextPendingClock(snap.clocks);
      clockLine = next
        ? h('span', { className: 'event-clock', 'data-level-host': true, dataset: { level: clockLevel(next) } }, countdown(next, 'next'))
        : h('span', { className: 'event-clock', dataset: { level: snap.clocks.some((c) => c.status === 'breached') ? 'late' : 'met' }, text: t('clock.allDone') });
    }
    return h('li', { className: `event${selected ? ' selected' : ''}`, dataset: { id: ev.eventId, status: ev.status ?? '' } },
      h('button', { id: `event-${ev.eventId}`, type: 'button', className: 'event-button', 'aria-current': selected ? 'true' : null, onclick: () => select(ev.eventId) },
        h('span', { className: 'event-title', text: ev.title }),
        h('span', { className: 'event-tags' },
          ev.kind === 'live' ? kindChip('live') : gradeBadge(ev.severity),
          statusChip(ev.status, undefined, ev.kind)),
        clockLine));
  });
  list.replaceChildren(...items);
  byId('eventsEmpty').hidden = events.length > 0;
  if (focusedId) byId(focusedId)?.focus();
}

async function loadDetailFor(eventId) {
  try {
    const snap = await api.event(eventId, auth.token);
    if (snap?.eventId && eventId !== selectedId) details.set(eventId, snap);
  } catch {
    // The list still shows the event, only without its next clock.
  }
}

async function loadEvents() {
  if (!auth) return;
  try {
    events = sortEvents(((await api.events(auth.token)) ?? []).filter(isMine));
  } catch (err) {
    handleFailure(err);
    return;
  }
  renderList();
  await Promise.all(events.filter((e) => e.status !== 'closed' && e.eventId !== selectedId).map((e) => loadDetailFor(e.eventId)));
  renderList();
}

/** Keeps the list's summary in step with what the selected event's snapshot says. */
function syncSummary(snap) {
  const index = events.findIndex((e) => e.eventId === snap.eventId);
  if (index < 0) return;
  events[index] = { ...events[index], title: snap.title, status: snap.status, severity: snap.severity, accountIds: snap.accountIds ?? events[index].accountIds };
  events = sortEvents(events);
}

// ---------------------------------------------------------------- selecting and following

async function select(id, { force = false } = {}) {
  if (!force && id === selectedId && current?.eventId === id) return;
  const previous = current?.eventId;
  selectedId = id;
  saved.set('selected', id);
  current = id ? details.get(id) ?? null : null;
  statements = new Map();
  audit = [];
  editing = null;
  timeline.clear();
  if (current) timeline.merge(current.updates);
  // Half-written forms belong to the event they were written for.
  byId('closeSummary').value = '';
  byId('conferenceAt').value = '';
  byId('rumourText').value = '';
  document.querySelector('input[name="draftKind"][value="statement"]').checked = true;
  renderList();
  renderDetail();
  if (previous && previous !== id && client?.connected) client.invoke('UnfollowEvent', previous).catch(() => {});
  if (id) await openEvent(id);
}

async function openEvent(id) {
  // REST paints at once, even before the hub connection is up; following keeps it live.
  try {
    const snap = await api.event(id, auth.token);
    if (id === selectedId) applySnapshot(snap);
  } catch (err) {
    if (id !== selectedId) return;
    if (err instanceof ApiError && err.status === 404) select(null);
    handleFailure(err);
    return;
  }
  if (client?.connected) await followSelected();
}

async function followSelected() {
  const id = selectedId;
  if (!id || !client?.connected) return;
  try {
    const snap = await client.invoke('FollowEvent', id);
    if (id !== selectedId) return;
    applySnapshot(snap);
    await Promise.all([refreshStatements(), refreshAudit()]);
  } catch (err) {
    if (hubError(err)) showError(err);
  }
}

/** Merges a snapshot into the selected event; a shorter snapshot (FollowEvent) keeps what it leaves out. */
function applySnapshot(snap) {
  if (!snap?.eventId || snap.eventId !== selectedId) return;
  const next = current?.eventId === snap.eventId ? { ...current } : {};
  for (const [key, value] of Object.entries(snap)) if (value !== undefined) next[key] = value;
  next.clocks = sortClocks(next.clocks);
  current = next;
  details.set(next.eventId, next);
  timeline.merge(snap.updates ?? []);
  syncSummary(next);
  renderList();
  renderDetail();
}

async function refreshSelected() {
  const id = selectedId;
  if (!id) return;
  try {
    const snap = await api.event(id, auth.token);
    if (id === selectedId) applySnapshot(snap);
  } catch (err) {
    handleFailure(err);
  }
}

async function refreshStatements() {
  const id = selectedId;
  if (!id || !client?.connected) return;
  try {
    const list = (await client.invoke('GetStatements', id)) ?? [];
    if (id !== selectedId) return;
    statements = new Map(list.map((s) => [s.statementId, s]));
    renderStatements();
  } catch (err) {
    if (hubError(err)) showError(err);
  }
}

let auditTimer = null;

function scheduleAudit() {
  clearTimeout(auditTimer);
  auditTimer = setTimeout(refreshAudit, 300);
}

async function refreshAudit() {
  const id = selectedId;
  if (!id || !client?.connected) return;
  try {
    const rows = (await client.invoke('GetAuditTrail', id)) ?? [];
    if (id !== selectedId) return;
    audit = rows;
    renderAudit();
  } catch {
    // The trail is a convenience view; the next change fetches it again.
  }
}

// ---------------------------------------------------------------- the selected event

function renderDetail() {
  byId('detailEmpty').hidden = Boolean(current);
  byId('detailEmpty').textContent = selectedId ? t('status.loading') : t('press.detailEmpty');
  byId('detailPane').hidden = !current;
  if (!current) return;
  const ev = current;
  const closed = ev.status === 'closed';

  byId('detailBadges').replaceChildren(...[ev.kind === 'live' ? null : gradeBadge(ev.severity), kindChip(ev.kind), statusChip(ev.status, undefined, ev.kind)].filter(Boolean));
  byId('detailTitle').textContent = ev.title ?? '';
  const partners = (ev.accountIds ?? []).filter((id) => id !== ev.leadAccountId).map(accountName);
  const meta = [t('press.lead', { name: accountName(ev.leadAccountId) })];
  if (partners.length) meta.push(t('press.partners', { names: partners.join('、') }));
  if (ev.openedAt) meta.push(t('press.openedAt', { time: formatFullTime(ev.openedAt) }));
  if (ev.closedAt) meta.push(t('press.closedAt', { time: formatFullTime(ev.closedAt) }));
  byId('detailMeta').textContent = meta.join(' · ');
  byId('detailSummary').hidden = !(closed && ev.closingSummary);
  byId('detailSummaryText').textContent = ev.closingSummary ?? '';
  byId('publicLink').href = `/event.html?id=${encodeURIComponent(ev.eventId)}`;
  byId('setMonitoring').hidden = ev.status !== 'open';
  byId('setOpen').hidden = ev.status !== 'monitoring';
  byId('closedNote').hidden = !closed;

  renderClocks();
  renderComposer();
  renderStatements();
  timeline.render();

  byId('conferences').replaceChildren(...conferenceItems(ev.pressConferences).map((li) => {
    const record = (ev.pressConferences ?? []).find((c) => c.heldAt === li.querySelector('time')?.getAttribute('datetime'));
    if (record?.recordedByName || record?.recordedBy) li.append(h('span', { className: 'hint', text: t('press.conferenceBy', { name: personName(record.recordedBy, record.recordedByName) }) }));
    return li;
  }));
  byId('conferencesEmpty').hidden = (ev.pressConferences ?? []).length > 0;
  if (!byId('conferenceAt').value) byId('conferenceAt').value = localInputValue(new Date());
  // A closed event is a record: its forms go away rather than sit there disabled.
  byId('conferenceForm').hidden = closed;
  byId('conferenceSection').classList.toggle('span-2', closed);
  byId('inviteSection').hidden = closed;
  byId('closeSection').hidden = closed;

  renderInvite();
  renderAudit();
}

function renderClocks() {
  const clocks = sortClocks(current?.clocks);
  byId('clocks').replaceChildren(...clocks.map((clock) => staffClockItem(clock, { stopped: current?.status === 'closed' })));
  byId('clocksNone').hidden = clocks.length > 0;
  byId('clocksNone').textContent = current?.kind === 'live' ? t('press.liveNoClocks') : '';
  byId('clocksRule').hidden = current?.kind === 'live';
}

function renderComposer() {
  const closed = current?.status === 'closed';
  byId('composerForm').hidden = closed;
  const kind = document.querySelector('input[name="draftKind"]:checked')?.value ?? 'statement';
  byId('correctsField').hidden = kind !== 'correction';
  byId('rumourField').hidden = kind !== 'rebuttal';
  const select = byId('correctsStatement');
  const chosen = select.value;
  const published = timeline.sorted();
  select.replaceChildren(...published.map((u) => h('option', { value: u.statementId, text: `${t('update.seq', { seq: u.seq })}：${excerpt(u.text, 60)}` })));
  if (published.some((u) => u.statementId === chosen)) select.value = chosen;
  select.disabled = closed || published.length === 0;
  byId('correctsNone').hidden = published.length > 0;
}

function correctedLabel(statementId) {
  const update = timeline.sorted().find((u) => u.statementId === statementId);
  return update ? `${t('update.seq', { seq: update.seq })}：${excerpt(update.text, 40)}` : statementId;
}

function renderStatements() {
  const list = byId('statements');
  const focusedId = list.contains(document.activeElement) ? document.activeElement.id : null;
  const ordered = [...statements.values()].sort((a, b) =>
    (STATEMENT_ORDER[a.status] ?? 3) - (STATEMENT_ORDER[b.status] ?? 3) || String(b.updatedAt).localeCompare(String(a.updatedAt)));
  list.replaceChildren(...ordered.map(statementItem));
  byId('statementsEmpty').hidden = ordered.length > 0;
  if (focusedId) byId(focusedId)?.focus();
}

function statementItem(s) {
  const sid = s.statementId;
  const closed = current?.status === 'closed';
  const isAuthor = (s.authors ?? []).includes(auth.userId) || s.draftedBy === auth.userId;
  const reviewRule = severe(current) && s.status === 'draft';
  const ownHintId = `stmt-${sid}-own`;
  const ruleHintId = `stmt-${sid}-rule`;

  const meta = [t('stmt.draftedBy', { name: personName(s.draftedBy, s.draftedByName) })];
  if (s.approvedBy) meta.push(t('stmt.approvedBy', { name: personName(s.approvedBy, s.approvedByName) }));
  if (s.publishedSeq) meta.push(t('stmt.published', { seq: s.publishedSeq }));

  const editingThis = editing?.statementId === sid && s.status === 'draft' && !closed;
  let body;
  let buttons;
  if (editingThis) {
    const area = h('textarea', { id: `stmt-${sid}-text`, className: 'edit-text', rows: '4', maxlength: '4000' });
    area.value = editing.text;
    area.addEventListener('input', () => {
      editing.text = area.value;
    });
    body = h('div', { className: 'field' }, h('label', { for: area.id, className: 'sr-only', text: t('stmt.editLabel') }), area);
    buttons = [
      h('button', { id: `stmt-${sid}-save`, type: 'button', className: 'primary-button small save', text: t('stmt.save'), onclick: (e) => saveEdit(e.currentTarget, sid) }),
      h('button', { id: `stmt-${sid}-cancel`, type: 'button', className: 'ghost-button small cancel', text: t('cancel'), onclick: () => { editing = null; renderStatements(); byId(`stmt-${sid}-edit`)?.focus(); } }),
    ];
  } else {
    body = h('p', { className: 'statement-text', text: s.text });
    if (s.status === 'published') {
      buttons = closed ? [] : [h('button', { id: `stmt-${sid}-correct`, type: 'button', className: 'ghost-button small correct', text: t('stmt.correct'), onclick: () => startCorrection(sid) })];
    } else {
      buttons = [
        h('button', {
          id: `stmt-${sid}-edit`, type: 'button', className: 'ghost-button small edit', text: t('stmt.edit'),
          disabled: closed || s.status !== 'draft',
          onclick: () => {
            editing = { statementId: sid, text: s.text };
            renderStatements();
            byId(`stmt-${sid}-text`)?.focus();
          },
        }),
        h('button', {
          id: `stmt-${sid}-approve`, type: 'button', className: 'secondary-button small approve', text: t('stmt.approve'),
          disabled: closed || s.status !== 'draft' || isAuthor,
          'aria-describedby': s.status === 'draft' && isAuthor ? ownHintId : null,
          onclick: (e) => approve(e.currentTarget, sid),
        }),
        h('button', {
          id: `stmt-${sid}-publish`, type: 'button', className: 'primary-button small publish', text: t('stmt.publish'),
          disabled: closed || (severe(current) && s.status !== 'approved'),
          'aria-describedby': reviewRule ? ruleHintId : null,
          onclick: (e) => publish(e.currentTarget, sid),
        }),
      ];
    }
  }

  return h('li', { className: 'statement', dataset: { id: sid, status: s.status, kind: s.kind ?? 'statement' } },
    h('div', { className: 'statement-head' },
      h('span', { className: 'update-kind', dataset: { kind: s.kind ?? 'statement' }, text: t(`skind.${s.kind ?? 'statement'}`) }),
      h('span', { className: 'statement-status', dataset: { status: s.status }, text: t(`sstatus.${s.status}`) }),
      h('time', { className: 'statement-time', datetime: s.updatedAt, title: formatFullTime(s.updatedAt), text: formatTime(s.updatedAt) })),
    s.kind === 'correction' && s.correctsStatementId ? h('p', { className: 'statement-ref', text: t('stmt.corrects', { what: correctedLabel(s.correctsStatementId) }) }) : null,
    s.kind === 'rebuttal' && s.rumour ? h('blockquote', { className: 'rumour' }, h('span', { className: 'rumour-label', text: t('update.rumour') }), s.rumour) : null,
    body,
    h('p', { className: 'statement-meta', text: meta.join(' · ') }),
    buttons.length ? h('div', { className: 'statement-actions' }, ...buttons) : null,
    !editingThis && s.status === 'draft' && isAuthor ? h('p', { id: ownHintId, className: 'rule-hint', text: t('stmt.ownDraft') }) : null,
    !editingThis && reviewRule ? h('p', { id: ruleHintId, className: 'rule-hint', text: t('stmt.approveFirst') }) : null);
}

function upsertStatement(s) {
  if (!s?.statementId || (s.eventId && s.eventId !== selectedId)) return;
  statements.set(s.statementId, { ...statements.get(s.statementId), ...s });
  renderStatements();
}

function startCorrection(statementId) {
  document.querySelector('input[name="draftKind"][value="correction"]').checked = true;
  renderComposer();
  byId('correctsStatement').value = statementId;
  byId('statementText').focus();
}

function renderInvite() {
  const ev = current;
  const lead = (auth.accountIds ?? []).includes(ev.leadAccountId);
  const closed = ev.status === 'closed';
  const candidates = accounts.filter((a) => !(ev.accountIds ?? []).includes(a.id));
  const select = byId('inviteAccount');
  const chosen = select.value;
  select.replaceChildren(...candidates.map((a) => h('option', { value: a.id, text: `${a.name}（${a.id}）` })));
  if (candidates.some((a) => a.id === chosen)) select.value = chosen;
  const usable = lead && !closed && candidates.length > 0;
  select.disabled = !usable;
  byId('invite').disabled = !usable;
  const note = !lead ? t('press.inviteLeadOnly') : candidates.length === 0 ? t('press.inviteNone') : '';
  byId('inviteNote').hidden = !note;
  byId('inviteNote').textContent = note;
}

function renderAudit() {
  const rows = audit.map((entry) => {
    const key = `audit.action.${entry.action}`;
    const label = t(key);
    return h('tr', {},
      h('td', { className: 'nowrap' }, h('time', { datetime: entry.at, text: formatFullTime(entry.at) })),
      h('td', { text: personName(entry.actorId, entry.actorName) }),
      h('td', { text: label === key ? entry.action : label }),
      h('td', { text: entry.detail ?? '' }));
  });
  byId('auditRows').replaceChildren(...rows);
  byId('auditEmpty').hidden = rows.length > 0;
  byId('auditCount').textContent = rows.length ? `(${rows.length})` : '';
}

// ---------------------------------------------------------------- actions

/** Runs a hub action for the selected event with the button busy; answers its result, or undefined on failure. */
function act(button, action) {
  const id = selectedId;
  return busy(button, async () => {
    clearError();
    try {
      return await action(id);
    } catch (err) {
      showError(err);
      return undefined;
    }
  });
}

async function approve(button, statementId) {
  const result = await act(button, (id) => client.call('ApproveStatement', id, statementId).then((s) => s ?? {}));
  if (!result) return;
  upsertStatement(result.statementId ? { ...result, eventId: selectedId } : { statementId, status: 'approved' });
  showNotice('stmt.approvedNotice');
  refreshStatements();
  scheduleAudit();
}

async function publish(button, statementId) {
  const result = await act(button, (id) => client.call('PublishStatement', id, statementId).then((r) => r ?? {}));
  if (!result) return;
  showNotice('stmt.publishedNotice', { seq: result.seq ?? '' });
  await refreshStatements();
  // The push brings the update and the clocks too; the snapshot covers a push lost in a reconnect.
  refreshSelected();
  scheduleAudit();
}

async function saveEdit(button, statementId) {
  const text = editing?.text?.trim() ?? '';
  if (!text) {
    showError('draft.textRequired');
    byId(`stmt-${statementId}-text`)?.focus();
    return;
  }
  const result = await act(button, (id) => client.call('EditStatement', id, statementId, text).then((s) => s ?? {}));
  if (!result) return;
  editing = null;
  upsertStatement(result.statementId ? { ...result, eventId: selectedId } : { statementId, text });
  showNotice('stmt.editedNotice');
  byId(`stmt-${statementId}-edit`)?.focus();
  scheduleAudit();
}

byId('composerForm').addEventListener('change', (event) => {
  if (event.target.name === 'draftKind') renderComposer();
});

byId('composerForm').addEventListener('submit', async (event) => {
  event.preventDefault();
  const kind = document.querySelector('input[name="draftKind"]:checked')?.value ?? 'statement';
  const text = byId('statementText').value.trim();
  const rumour = byId('rumourText').value.trim();
  const corrects = byId('correctsStatement').value;
  if (kind === 'correction' && !corrects) {
    showError('draft.correctsRequired');
    return;
  }
  if (kind === 'rebuttal' && !rumour) {
    showError('draft.rumourRequired');
    byId('rumourText').focus();
    return;
  }
  if (!text) {
    showError('draft.textRequired');
    byId('statementText').focus();
    return;
  }
  const result = await act(byId('draftStatement'), (id) => {
    if (kind === 'correction') return client.call('DraftCorrection', id, corrects, text).then((r) => r ?? {});
    if (kind === 'rebuttal') return client.call('DraftRebuttal', id, rumour, text).then((r) => r ?? {});
    return client.call('DraftStatement', id, text).then((r) => r ?? {});
  });
  if (!result) return;
  byId('statementText').value = '';
  byId('rumourText').value = '';
  showNotice('draft.saved');
  await refreshStatements();
  scheduleAudit();
});

byId('newEventForm').addEventListener('change', renderNewEventForm);

byId('newEventForm').addEventListener('submit', (event) => {
  event.preventDefault();
  const body = {
    accountId: byId('eventAccount').value,
    kind: byId('eventKind').value,
    title: byId('eventTitle').value.trim(),
    severity: Number(byId('eventSeverity').value),
  };
  if (!body.title) {
    showError('press.titleRequired');
    byId('eventTitle').focus();
    return;
  }
  busy(byId('createEvent'), async () => {
    clearError();
    try {
      const result = await api.createEvent(auth.token, body);
      byId('eventTitle').value = '';
      showNotice('press.created', { title: body.title });
      await loadEvents();
      if (result?.eventId) {
        await select(result.eventId);
        byId(`event-${result.eventId}`)?.focus();
      }
    } catch (err) {
      handleFailure(err);
    }
  });
});

byId('conferenceForm').addEventListener('submit', async (event) => {
  event.preventDefault();
  const value = byId('conferenceAt').value;
  const place = byId('conferencePlace').value.trim();
  let heldAt = value ? new Date(value) : null;
  if (!heldAt || Number.isNaN(heldAt.getTime()) || !place) {
    showError('press.conferenceRequired');
    (place ? byId('conferenceAt') : byId('conferencePlace')).focus();
    return;
  }
  // The field has whole seconds at best: a time in the same minute as the opening or as now
  // means "just now", not a time before the event or in the future.
  const now = Date.now();
  const opened = Date.parse(current?.openedAt ?? '');
  if (heldAt.getTime() > now && heldAt.getTime() - now < 60000) heldAt = new Date(now);
  // The server keeps sub-millisecond opening times, so "at the opening" is one millisecond after it.
  if (!Number.isNaN(opened) && heldAt.getTime() <= opened && opened - heldAt.getTime() < 60000) heldAt = new Date(opened + 1);
  const result = await act(byId('recordConference'), (id) => client.call('RecordPressConference', id, heldAt.toISOString(), place).then(() => true));
  if (!result) return;
  byId('conferencePlace').value = '';
  byId('conferenceAt').value = '';
  showNotice('press.conferenceRecorded');
  await refreshSelected();
  scheduleAudit();
});

byId('inviteForm').addEventListener('submit', async (event) => {
  event.preventDefault();
  const accountId = byId('inviteAccount').value;
  if (!accountId) return;
  const result = await act(byId('invite'), (id) => client.call('InviteAccount', id, accountId).then(() => true));
  if (!result) return;
  showNotice('press.invited', { name: accountName(accountId) });
  await refreshSelected();
  scheduleAudit();
});

async function setStatus(button, status, summary) {
  const result = await act(button, (id) => client.call('SetEventStatus', id, status, summary).then(() => true));
  if (!result) return false;
  showNotice(status === 'closed' ? 'press.closedNotice' : 'press.statusChanged', { status: t(`evstatus.${status}`) });
  await refreshSelected();
  scheduleAudit();
  return true;
}

byId('setMonitoring').addEventListener('click', (event) => setStatus(event.currentTarget, 'monitoring', null));
byId('setOpen').addEventListener('click', (event) => setStatus(event.currentTarget, 'open', null));

byId('closeForm').addEventListener('submit', async (event) => {
  event.preventDefault();
  const summary = byId('closeSummary').value.trim();
  if (!summary) {
    showError('press.summaryRequired');
    byId('closeSummary').focus();
    return;
  }
  if (await setStatus(byId('closeEvent'), 'closed', summary)) byId('closeSummary').value = '';
});

byId('auditTrail').addEventListener('toggle', () => {
  if (byId('auditTrail').open) refreshAudit();
});

byId('refreshEvents').addEventListener('click', (event) => {
  busy(event.currentTarget, async () => {
    clearError();
    await loadEvents();
    await refreshSelected();
  });
});

// ---------------------------------------------------------------- clock alerts

function alertText(alert) {
  const params = { title: alert.title ?? '', clock: t(`clock.${alert.clock}`), percent: alert.percent, due: formatTime(alert.dueAt) };
  return t(alert.level === 'breach' ? 'alert.breach' : 'alert.warning', params);
}

function fillAlert(entry) {
  entry.el.querySelector('.clock-alert-text').textContent = alertText(entry.alert);
  entry.el.querySelector('.view').textContent = t('alert.view');
  entry.el.querySelector('.dismiss').setAttribute('aria-label', t('alert.dismiss'));
  entry.el.querySelector('.dismiss').title = t('alert.dismiss');
}

/** A banner per clock (a later reminder replaces an earlier one), shown whichever event is open. */
function addAlert(alert) {
  if (!alert?.eventId) return;
  const clock = typeof alert.clock === 'string' ? alert.clock : alert.clock?.name;
  const key = `${alert.eventId}|${clock}`;
  alerts.get(key)?.el.remove();
  const el = h('div', { className: 'clock-alert', role: 'alert', dataset: { level: alert.level === 'breach' ? 'breach' : 'warning', eventId: alert.eventId, clock, percent: String(alert.percent ?? '') } },
    h('span', { className: 'clock-alert-icon', 'aria-hidden': 'true', text: '!' }),
    h('p', { className: 'clock-alert-text' }),
    h('div', { className: 'clock-alert-actions' },
      h('button', {
        type: 'button', className: 'secondary-button small view',
        onclick: () => {
          select(alert.eventId);
          byId('clocksHeading').scrollIntoView({ block: 'start' });
        },
      }),
      h('button', {
        type: 'button', className: 'ghost-button small dismiss', text: '×',
        onclick: () => {
          el.remove();
          alerts.delete(key);
          (byId('alerts').querySelector('.dismiss') ?? byId('main')).focus?.();
        },
      })));
  const entry = { alert: { ...alert, clock }, el };
  fillAlert(entry);
  alerts.set(key, entry);
  byId('alerts').prepend(el);
}

function removeAlerts(predicate) {
  for (const [key, entry] of alerts) {
    if (!predicate(entry.alert)) continue;
    entry.el.remove();
    alerts.delete(key);
  }
}

// ---------------------------------------------------------------- connection

function setUpConnection() {
  client = new HubClient(() => auth?.token, savedSession(saved, () => auth, () => {
    signOutLocally();
    showError('err.unauthorized');
  }));
  bindConnectionBadge(client, byId('connection'));

  client.on('eventUpdate', (update) => {
    if (update?.eventId !== selectedId) return;
    timeline.merge([update], { live: true });
    if (current) current.updates = timeline.sorted().reverse();
    renderComposer();
    renderStatements();
  });

  client.on('eventStatus', (change) => {
    if (!change?.eventId) return;
    const snap = details.get(change.eventId);
    if (snap) details.set(change.eventId, { ...snap, status: change.status, closingSummary: change.closingSummary ?? snap.closingSummary });
    const index = events.findIndex((e) => e.eventId === change.eventId);
    if (index >= 0) {
      events[index] = { ...events[index], status: change.status };
      events = sortEvents(events);
    }
    if (change.status === 'closed') removeAlerts((alert) => alert.eventId === change.eventId);
    if (change.eventId === selectedId && current) {
      current = details.get(change.eventId) ?? { ...current, status: change.status, closingSummary: change.closingSummary };
      renderDetail();
      scheduleAudit();
      // closedAt comes only with the snapshot.
      if (change.status === 'closed') refreshSelected();
    }
    renderList();
  });

  client.on('clockChanged', (change) => {
    if (!change?.eventId || !change.clock) return;
    const snap = details.get(change.eventId);
    if (snap) details.set(change.eventId, { ...snap, clocks: mergeClock(snap.clocks, change.clock) });
    if (change.eventId === selectedId && current) {
      current = details.get(change.eventId);
      renderClocks();
    }
    // A reminder about a deadline that has since been met no longer calls for action.
    if (change.clock.status === 'met') removeAlerts((alert) => alert.eventId === change.eventId && alert.clock === change.clock.name);
    renderList();
  });

  client.on('clockAlert', (alert) => {
    addAlert(alert);
    if (alert?.eventId === selectedId) refreshSelected();
    else if (alert?.eventId) loadDetailFor(alert.eventId).then(renderList);
  });

  client.on('statementChanged', (statement) => {
    if (!statement?.statementId) return;
    if (statement.eventId === selectedId) {
      upsertStatement(statement);
      scheduleAudit();
    } else if (statement.status === 'published' && statement.eventId) {
      // Publishing meets a clock of an event that is not open here; its list entry should say so.
      loadDetailFor(statement.eventId).then(renderList);
    }
  });

  client.onConnected(async () => {
    await followSelected();
    loadEvents();
  });
}

// ---------------------------------------------------------------- sign-in and start

async function loadAccounts() {
  try {
    accounts = (await api.accounts()) ?? [];
  } catch (err) {
    showError(err);
  }
  renderNewEventForm();
  renderList();
  if (current) renderDetail();
}

function enterConsole() {
  renderHeader();
  byId('signInView').hidden = true;
  byId('consoleView').hidden = false;
  if (!client) setUpConnection();
  renderNewEventForm();
  renderDetail();
  loadAccounts();
  loadEvents();
  if (selectedId) select(selectedId, { force: true });
  client.start();
}

function signOutLocally() {
  client?.stop();
  saved.clear();
  auth = null;
  selectedId = null;
  current = null;
  renderHeader();
  byId('consoleView').hidden = true;
  byId('signInView').hidden = false;
}

bindStaffSignIn({
  refusal: (result) => {
    if (!(result.roles ?? []).includes('press')) return 'err.notPress';
    return (result.accountIds ?? []).length ? null : 'err.noAccounts';
  },
  onSignedIn: (signedIn) => {
    auth = signedIn;
    saved.set('auth', auth);
    enterConsole();
    (byId('events').querySelector('button') ?? byId('eventTitle')).focus();
  },
});

byId('signOut').addEventListener('click', async () => {
  await client?.stop();
  saved.clear();
  window.location.reload();
});

setInterval(() => {
  if (auth && document.visibilityState === 'visible') loadEvents();
}, LIST_REFRESH_MS);

onLangChange(() => {
  renderHeader();
  if (!auth) return;
  renderNewEventForm();
  renderList();
  renderDetail();
  for (const entry of alerts.values()) fillAlert(entry);
});

if (auth?.token) enterConsole();
else byId('signInView').hidden = false;
