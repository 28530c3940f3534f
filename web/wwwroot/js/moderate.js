// The moderator's desk for live Q&A: the pending queue (oldest first) with approve, reject with a
// reason and merge of near duplicates; the public board with pin, answer and merge; the log.
// Keyboard first: j/k move through the questions, a/r/m/p/e act on the selected one.
import { api, ApiError, session } from './api.js';
import { HubClient, hubError } from './connection.js';
import { savedSession } from './sign-in-keeper.js';
import { bindStaffSignIn } from './staff-sign-in.js';
import { onLangChange, t } from './i18n.js';
import { bindConnectionBadge, busy, byId, clearError, describeError, formatFullTime, formatTime, h, initPage, showError, showNotice, renderSignedIn } from './ui.js';
import { excerpt, sortEvents } from './event-view.js';
import { QuestionStore, authorLabel, byAnsweredLatest, byOldest, byVotes, frameScheduler, isPublic, questionLabel, setVotes, syncList } from './qa-view.js';

initPage();

const LIST_REFRESH_MS = 60000;
const REASON_PRESETS = ['personal', 'offTopic', 'duplicate', 'uncivil'];

const saved = session('moderate');
let auth = saved.get('auth');
const urlId = new URLSearchParams(window.location.search).get('id')?.trim() || null;
let selectedId = urlId || saved.get('selected');
let events = [];
let client = null;
let followedId = null;
let loadSeq = 0;
const store = new QuestionStore();
// Texts of every question seen in this event, so the log can name questions that left the lists.
const texts = new Map();
let pinnedId = null;
let log = [];
let selection = null;
let rejecting = null;
let freshPending = 0;
let announceTimer = null;
let queueTimer = null;

function announce(text) {
  const region = byId('announce');
  region.textContent = '';
  setTimeout(() => {
    region.textContent = text;
  }, 60);
}

function remember(q) {
  if (q?.questionId && q.text) texts.set(q.questionId, q.text);
}

function labelWithText(id, max = 30) {
  const text = store.get(id)?.text ?? texts.get(id);
  return text ? `${questionLabel(id)} “${excerpt(text, max)}”` : questionLabel(id);
}

function handleFailure(err) {
  if ((err instanceof ApiError && err.status === 401) || hubError(err)?.code === 'unauthorized') {
    signOutLocally();
    showError('err.unauthorized');
    return;
  }
  showError(err);
}

// ---------------------------------------------------------------- lists

const pendingList = () => store.values().filter((q) => q.status === 'pending').sort(byOldest);
const approvedList = () => store.values().filter((q) => q.status === 'approved').sort(byVotes);
const answeredList = () => store.values().filter((q) => q.status === 'answered').sort(byAnsweredLatest);

function metaNodes(q) {
  return [
    questionLabel(q.questionId), ' · ', [q.authorName || q.authorId, authorLabel(q)].filter(Boolean).join(' · '), ' · ',
    h('time', { datetime: q.askedAt, title: formatFullTime(q.askedAt), text: formatTime(q.askedAt) }),
    q.questionId === pinnedId ? h('span', { className: 'tag-live', text: t('qa.pinnedLabel') }) : null,
  ].filter(Boolean);
}

/** Earlier questions this one resembles that can still take a merge. */
function duplicatesOf(q) {
  return (q.resembles ?? []).filter((id) => {
    const other = store.get(id);
    return id !== q.questionId && other && other.status !== 'rejected' && other.status !== 'merged';
  });
}

function pendingItem() {
  return h('li', { className: 'question mod-item', tabindex: '-1' },
    h('div', { className: 'q-body' },
      h('p', { className: 'q-text' }),
      h('p', { className: 'q-meta' }),
      h('div', { className: 'q-dup', hidden: true },
        h('span', { className: 'q-dup-text' }),
        h('select', { className: 'merge-target' }),
        h('button', { type: 'button', className: 'secondary-button small merge' }))),
    h('div', { className: 'q-actions' },
      h('button', { type: 'button', className: 'primary-button small approve' }),
      h('button', { type: 'button', className: 'danger-button small reject' })));
}

function fillPending(li, q) {
  li.dataset.status = q.status;
  li.querySelector('.q-text').textContent = q.text ?? '';
  li.querySelector('.q-meta').replaceChildren(...metaNodes(q));
  const dups = duplicatesOf(q);
  const dup = li.querySelector('.q-dup');
  dup.hidden = dups.length === 0;
  if (dups.length) {
    const select = li.querySelector('.merge-target');
    const optionsKey = dups.join(',');
    if (select.dataset.options !== optionsKey || select.dataset.lang !== t('qa.number', { n: '' })) {
      const chosen = select.value;
      select.replaceChildren(...dups.map((id) => h('option', { value: id, text: labelWithText(id, 24) })));
      if (dups.includes(chosen)) select.value = chosen;
      select.dataset.options = optionsKey;
      select.dataset.lang = t('qa.number', { n: '' });
    }
    select.hidden = dups.length < 2;
    select.setAttribute('aria-label', t('mod.mergeTarget'));
    li.querySelector('.q-dup-text').textContent = dups.length === 1
      ? t('mod.duplicateOf', { label: labelWithText(dups[0], 40) })
      : t('mod.duplicateOfMany');
    li.querySelector('.merge').textContent = t('mod.merge');
  }
  li.querySelector('.approve').textContent = t('mod.approve');
  li.querySelector('.reject').textContent = t('mod.reject');
  li.classList.toggle('selected', selection === q.questionId);
  li.tabIndex = selection === q.questionId ? 0 : -1;
}

function boardItem() {
  const textarea = h('textarea', { className: 'answer-text', rows: 3, maxlength: 4000 });
  return h('li', { className: 'question mod-item', tabindex: '-1' },
    h('div', { className: 'q-vote static' }, h('span', { className: 'votes' }), h('span', { className: 'votes-unit' })),
    h('div', { className: 'q-body' },
      h('p', { className: 'q-text' }),
      h('p', { className: 'q-meta' }),
      // Not class "answer": on this page that names the button that opens the answer form.
      h('div', { className: 'q-answer', hidden: true }, h('span', { className: 'q-answer-label' }), h('p', { className: 'q-answer-text' })),
      h('form', { className: 'answer-form', hidden: true, novalidate: true },
        h('label', { className: 'sr-only answer-label' }),
        textarea,
        h('div', { className: 'inline-actions' },
          h('button', { type: 'button', className: 'ghost-button small answer-cancel' }),
          h('button', { type: 'submit', className: 'primary-button small answer-send' }))),
      h('div', { className: 'merge-form', hidden: true },
        h('label', { className: 'merge-into-label' }),
        h('select', { className: 'merge-into' }),
        h('button', { type: 'button', className: 'ghost-button small merge-cancel' }),
        h('button', { type: 'button', className: 'secondary-button small merge-send' }))),
    h('div', { className: 'q-actions' },
      h('button', { type: 'button', className: 'secondary-button small pin' }),
      h('button', { type: 'button', className: 'secondary-button small answer' }),
      h('button', { type: 'button', className: 'ghost-button small merge-open' })));
}

function fillBoardItem(li, q) {
  li.dataset.status = q.status;
  const pinned = q.questionId === pinnedId;
  li.classList.toggle('is-pinned', pinned);
  li.querySelector('.q-text').textContent = q.text ?? '';
  li.querySelector('.q-meta').replaceChildren(...metaNodes(q));
  setVotes(li.querySelector('.votes'), q.votes);
  li.querySelector('.votes-unit').textContent = t('qa.votesUnit');
  const answer = li.querySelector('.q-answer');
  answer.hidden = !q.answer;
  if (q.answer) {
    answer.querySelector('.q-answer-label').textContent = t('qa.answerLabel');
    answer.querySelector('.q-answer-text').textContent = q.answer;
  }
  const pin = li.querySelector('.pin');
  pin.textContent = t(pinned ? 'mod.unpin' : 'mod.pin');
  pin.setAttribute('aria-pressed', String(pinned));
  li.querySelector('button.answer').textContent = t(q.status === 'answered' ? 'mod.editAnswer' : 'mod.answer');
  li.querySelector('.answer-label').textContent = t('mod.answerLabel', { label: questionLabel(q.questionId) });
  li.querySelector('.answer-text').placeholder = t('mod.answerPlaceholder');
  li.querySelector('.answer-cancel').textContent = t('cancel');
  li.querySelector('.answer-send').textContent = t('mod.answerSend');
  li.querySelector('.merge-open').textContent = t('mod.mergeOpen');
  li.querySelector('.merge-into-label').textContent = t('mod.mergeInto');
  li.querySelector('.merge-cancel').textContent = t('cancel');
  li.querySelector('.merge-send').textContent = t('mod.merge');
  const textareaId = `answer-${q.questionId}`;
  li.querySelector('.answer-text').id = textareaId;
  li.querySelector('.answer-label').htmlFor = textareaId;
  const selectId = `merge-${q.questionId}`;
  li.querySelector('.merge-into').id = selectId;
  li.querySelector('.merge-into-label').htmlFor = selectId;
  if (!li.querySelector('.merge-form').hidden) fillMergeOptions(li, q);
  li.classList.toggle('selected', selection === q.questionId);
  li.tabIndex = selection === q.questionId ? 0 : -1;
}

function fillMergeOptions(li, q) {
  const select = li.querySelector('.merge-into');
  if (document.activeElement === select) return;
  const targets = store.values().filter((o) => isPublic(o) && o.questionId !== q.questionId).sort(byVotes);
  const chosen = select.value;
  select.replaceChildren(h('option', { value: '', text: t('mod.mergeChoose') }),
    ...targets.map((o) => h('option', { value: o.questionId, text: labelWithText(o.questionId, 36) })));
  if (targets.some((o) => o.questionId === chosen)) select.value = chosen;
}

function renderLists() {
  const pending = pendingList();
  syncList(byId('pending'), pending, { create: pendingItem, update: fillPending });
  byId('pendingEmpty').hidden = pending.length > 0;
  const count = byId('pendingCount');
  count.hidden = pending.length === 0;
  count.textContent = String(pending.length);

  const approved = approvedList();
  syncList(byId('approved'), approved, { create: boardItem, update: fillBoardItem });
  byId('approvedEmpty').hidden = approved.length > 0;
  byId('approvedCount').textContent = approved.length ? `(${approved.length})` : '';

  const answered = answeredList();
  syncList(byId('answeredList'), answered, { create: boardItem, update: fillBoardItem });
  byId('answeredEmpty').hidden = answered.length > 0;
  byId('answeredCount').textContent = answered.length ? `(${answered.length})` : '';

  document.title = pending.length ? `(${pending.length}) ${t('mod.title')}` : t('mod.title');
  // A selection that left every list (approved elsewhere, merged) falls to the first pending question.
  if (selection && !document.querySelector(`.mod-list .question[data-id="${CSS.escape(selection)}"]`)) selection = null;
}

function decisionText(entry) {
  const key = `mod.decision.${entry.decision}`;
  const text = t(key);
  return text === key ? entry.decision : text;
}

function reasonText(entry) {
  const into = entry.decision === 'merge' && /^into (\S+)$/.exec(entry.reason ?? '');
  if (into) return t('mod.mergeReason', { label: labelWithText(into[1], 24) });
  return entry.reason ?? '';
}

function renderLog() {
  const rows = [...log].reverse().map((entry) => h('tr', { dataset: { decision: entry.decision } },
    h('td', { className: 'nowrap' }, h('time', { datetime: entry.at, title: formatFullTime(entry.at), text: formatTime(entry.at) })),
    h('td', { text: entry.moderatorName || entry.moderatorId }),
    h('td', { text: entry.questionId ? labelWithText(entry.questionId, 30) : '' }),
    h('td', { className: 'nowrap' }, h('span', { className: 'decision', dataset: { decision: entry.decision }, text: decisionText(entry) })),
    h('td', { text: reasonText(entry) })));
  byId('log').replaceChildren(...rows);
  byId('logEmpty').hidden = log.length > 0;
  byId('logCount').textContent = log.length ? `(${log.length})` : '';
}

const scheduleRender = frameScheduler(() => {
  renderLists();
});

// ---------------------------------------------------------------- selection and shortcuts

function orderedItems() {
  return [...document.querySelectorAll('#pending > .question, #approved > .question, #answeredList > .question')];
}

function selectItem(id, { focus = true } = {}) {
  selection = id;
  for (const li of orderedItems()) {
    const on = li.dataset.id === id;
    li.classList.toggle('selected', on);
    li.tabIndex = on ? 0 : -1;
    if (on && focus) {
      li.focus({ preventScroll: true });
      li.scrollIntoView({ block: 'nearest' });
    }
  }
}

function selectedItem() {
  if (!selection) return null;
  return document.querySelector(`.mod-list .question[data-id="${CSS.escape(selection)}"]`);
}

function move(delta) {
  const items = orderedItems();
  if (!items.length) return;
  const index = items.findIndex((li) => li.dataset.id === selection);
  const next = index < 0 ? (delta > 0 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, index + delta));
  selectItem(items[next].dataset.id);
}

/** After the selected pending question leaves the queue, the next one in line is selected. */
function selectAfter(id, position) {
  const pending = pendingList().filter((q) => q.questionId !== id);
  const next = pending[Math.min(position, pending.length - 1)];
  renderLists();
  if (next) selectItem(next.questionId);
  else {
    selection = null;
    byId('pending').focus?.();
  }
}

function isTyping(target) {
  if (!(target instanceof Element)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

document.addEventListener('keydown', (e) => {
  if (!auth || byId('workView').hidden || byId('rejectDialog').open) return;
  if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
  const inList = e.target instanceof Element && !!e.target.closest('.mod-list');
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  const li = selectedItem();
  let handled = true;
  switch (key) {
    case 'j':
      move(1);
      break;
    case 'k':
      move(-1);
      break;
    case 'ArrowDown':
    case 'ArrowUp':
      // Outside the lists the arrows keep scrolling the page.
      if (!inList) return;
      move(key === 'ArrowDown' ? 1 : -1);
      break;
    case 'a':
      if (li?.dataset.status === 'pending') approve(li.dataset.id, li.querySelector('.approve'));
      break;
    case 'r':
      if (li?.dataset.status === 'pending') openReject(li.dataset.id);
      break;
    case 'm':
      if (li?.dataset.status === 'pending' && !li.querySelector('.q-dup').hidden) mergeDuplicate(li);
      else if (li && li.dataset.status !== 'pending') openMerge(li);
      break;
    case 'p':
      if (li) pinToggle(li.dataset.id, li.querySelector('.pin') ?? li.querySelector('.approve'));
      break;
    case 'e':
      if (li && li.dataset.status !== 'pending') openAnswer(li);
      break;
    default:
      handled = false;
  }
  if (handled) e.preventDefault();
});

// ---------------------------------------------------------------- actions

async function act(button, work) {
  const run = async () => {
    clearError();
    try {
      await work();
    } catch (err) {
      handleFailure(err);
    }
  };
  if (button) return busy(button, run);
  return run();
}

function approve(id, button) {
  const position = pendingList().findIndex((q) => q.questionId === id);
  return act(button, async () => {
    const result = await client.call('ModerateQuestion', selectedId, id, 'approve');
    store.push(result);
    showNotice('mod.approvedNotice', { label: questionLabel(id) });
    if (selection === id) selectAfter(id, position);
    else scheduleRender();
    scheduleQueueRefresh();
  });
}

function openReject(id) {
  rejecting = id;
  byId('rejectQuestion').textContent = labelWithText(id, 120);
  byId('rejectReason').value = '';
  byId('rejectError').textContent = '';
  renderPresets();
  byId('rejectDialog').showModal();
  byId('rejectReason').focus();
}

function renderPresets() {
  byId('reasonPresets').replaceChildren(...REASON_PRESETS.map((name) => h('button', {
    type: 'button',
    className: 'chip-button',
    text: t(`mod.reason.${name}`),
    onclick: () => {
      byId('rejectReason').value = t(`mod.reason.${name}`);
      byId('rejectReason').focus();
    },
  })));
}

async function confirmReject() {
  const id = rejecting;
  if (!id) return;
  const reason = byId('rejectReason').value.trim();
  const position = pendingList().findIndex((q) => q.questionId === id);
  await busy(byId('rejectConfirm'), async () => {
    try {
      const result = await client.call('ModerateQuestionWithReason', selectedId, id, 'reject', reason || null);
      store.push(result);
      rejecting = null;
      byId('rejectDialog').close();
      showNotice('mod.rejectedNotice', { label: questionLabel(id) });
      if (selection === id) selectAfter(id, position);
      else scheduleRender();
      scheduleQueueRefresh();
    } catch (err) {
      if (hubError(err)?.code === 'unauthorized') {
        byId('rejectDialog').close();
        handleFailure(err);
        return;
      }
      byId('rejectError').textContent = describeError(err);
    }
  });
}

function merge(id, into, button) {
  const position = pendingList().findIndex((q) => q.questionId === id);
  const wasPending = store.get(id)?.status === 'pending';
  return act(button, async () => {
    const target = await client.call('MergeQuestions', selectedId, id, into);
    const source = store.get(id);
    if (source) store.push({ ...source, status: 'merged', mergedInto: into });
    store.push(target);
    showNotice('mod.mergedNotice', { label: questionLabel(id), into: questionLabel(into) });
    if (selection === id && wasPending) selectAfter(id, position);
    else if (selection === id) selectItem(into);
    else scheduleRender();
    scheduleQueueRefresh();
  });
}

function mergeDuplicate(li) {
  const select = li.querySelector('.merge-target');
  const into = select.value || select.options[0]?.value;
  if (into) merge(li.dataset.id, into, li.querySelector('.merge'));
}

function pinToggle(id, button) {
  const q = store.get(id);
  if (!q) return undefined;
  return act(button, async () => {
    if (q.status === 'pending') {
      // Pinning a question from the queue means taking it now: it is published first.
      store.push(await client.call('ModerateQuestion', selectedId, id, 'approve'));
    }
    const next = pinnedId === id ? null : id;
    await client.call('PinQuestion', selectedId, next);
    pinnedId = next;
    showNotice(next ? 'mod.pinnedNotice' : 'mod.unpinnedNotice', { label: questionLabel(id) });
    renderLists();
    if (selection === id) selectItem(id);
    scheduleQueueRefresh();
  });
}

function openAnswer(li) {
  const form = li.querySelector('.answer-form');
  const textarea = li.querySelector('.answer-text');
  if (form.hidden) {
    form.hidden = false;
    const q = store.get(li.dataset.id);
    if (!textarea.value && q?.answer) textarea.value = q.answer;
  }
  textarea.focus();
}

function closeAnswer(li) {
  li.querySelector('.answer-form').hidden = true;
  li.focus();
}

function sendAnswer(li) {
  const id = li.dataset.id;
  const textarea = li.querySelector('.answer-text');
  const text = textarea.value.trim();
  if (!text) {
    showError('mod.answerRequired');
    textarea.focus();
    return undefined;
  }
  return act(li.querySelector('.answer-send'), async () => {
    const result = await client.call('AnswerQuestion', selectedId, id, text);
    textarea.value = '';
    li.querySelector('.answer-form').hidden = true;
    store.push(result);
    showNotice('mod.answeredNotice', { label: questionLabel(id) });
    renderLists();
    selectItem(id);
    scheduleQueueRefresh();
  });
}

function openMerge(li) {
  const form = li.querySelector('.merge-form');
  form.hidden = !form.hidden;
  if (!form.hidden) {
    fillMergeOptions(li, store.get(li.dataset.id));
    li.querySelector('.merge-into').focus();
  }
}

function bindLists() {
  for (const list of [byId('pending'), byId('approved'), byId('answeredList')]) {
    list.addEventListener('click', (e) => {
      const li = e.target.closest('.question');
      if (!li) return;
      const id = li.dataset.id;
      const button = e.target.closest('button');
      if (!button) {
        if (!e.target.closest('select, textarea, a')) selectItem(id, { focus: !window.getSelection()?.toString() });
        return;
      }
      selection = id;
      if (button.classList.contains('approve')) approve(id, button);
      else if (button.classList.contains('reject')) openReject(id);
      else if (button.classList.contains('merge')) mergeDuplicate(li);
      else if (button.classList.contains('pin')) pinToggle(id, button);
      else if (button.classList.contains('answer')) openAnswer(li);
      else if (button.classList.contains('answer-cancel')) closeAnswer(li);
      else if (button.classList.contains('merge-open')) openMerge(li);
      else if (button.classList.contains('merge-cancel')) {
        li.querySelector('.merge-form').hidden = true;
        li.focus();
      } else if (button.classList.contains('merge-send')) {
        const into = li.querySelector('.merge-into').value;
        if (!into) {
          showError('mod.mergeRequired');
          li.querySelector('.merge-into').focus();
        } else merge(id, into, button);
      }
    });
    list.addEventListener('submit', (e) => {
      e.preventDefault();
      const li = e.target.closest('.question');
      if (li) sendAnswer(li);
    });
    list.addEventListener('keydown', (e) => {
      if (!e.target.classList?.contains('answer-text')) return;
      const li = e.target.closest('.question');
      if (e.key === 'Escape') {
        e.preventDefault();
        closeAnswer(li);
      } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing) {
        e.preventDefault();
        sendAnswer(li);
      }
    });
    list.addEventListener('focusin', (e) => {
      const li = e.target.closest('.question');
      if (li && selection !== li.dataset.id) selectItem(li.dataset.id, { focus: false });
    });
  }

  byId('rejectForm').addEventListener('submit', (e) => {
    e.preventDefault();
    confirmReject();
  });
  byId('rejectCancel').addEventListener('click', () => byId('rejectDialog').close());
  // Back to the question that was being rejected, or to the next one when it has left the queue.
  byId('rejectDialog').addEventListener('close', () => {
    rejecting = null;
    selectedItem()?.focus();
  });
}

// ---------------------------------------------------------------- the event and its data

function isMine(summary) {
  const ids = summary.accountIds?.length ? summary.accountIds : [summary.leadAccountId];
  return ids.some((id) => (auth?.accountIds ?? []).includes(id));
}

function renderEventSelect() {
  const select = byId('event');
  const live = events.filter((ev) => ev.kind === 'live');
  const others = events.filter((ev) => ev.kind !== 'live');
  const option = (ev) => h('option', {
    value: ev.eventId,
    text: ev.status === 'closed' ? `${ev.title}（${t('evstatus.closed')}）` : ev.title,
  });
  const groups = [];
  if (live.length) groups.push(h('optgroup', { label: t('kind.live') }, ...live.map(option)));
  if (others.length) groups.push(h('optgroup', { label: t('kind.incident') }, ...others.map(option)));
  select.replaceChildren(...groups);
  if (selectedId && !events.some((ev) => ev.eventId === selectedId)) {
    select.prepend(h('option', { value: selectedId, text: selectedId }));
  }
  if (selectedId) select.value = selectedId;
  byId('eventNone').hidden = events.length > 0 || !!selectedId;
  byId('workView').hidden = !selectedId;
  const board = byId('openBoard');
  const pub = byId('openPublic');
  board.hidden = !selectedId;
  pub.hidden = !selectedId;
  if (selectedId) {
    board.href = `/board.html?id=${encodeURIComponent(selectedId)}`;
    pub.href = `/qa.html?id=${encodeURIComponent(selectedId)}`;
  }
}

async function loadEvents() {
  try {
    const all = (await api.events(auth.token)) ?? [];
    events = sortEvents(all.filter(isMine));
    // Live sessions first: they are what this desk is for.
    events.sort((a, b) => (a.kind === 'live' ? 0 : 1) - (b.kind === 'live' ? 0 : 1));
  } catch (err) {
    handleFailure(err);
    return;
  }
  if (!selectedId && events.length) {
    const first = events.find((ev) => ev.kind === 'live' && ev.status !== 'closed') ?? events[0];
    chooseEvent(first.eventId);
  }
  renderEventSelect();
}

function chooseEvent(id) {
  if (!id || (id === selectedId && followedId === id)) return;
  selectedId = id;
  saved.set('selected', id);
  const url = new URL(window.location.href);
  url.searchParams.set('id', id);
  window.history.replaceState(null, '', url);
  renderEventSelect();
  loadEvent(true);
}

/** Takes the pending queue and the log; pending questions missing from it have moved on. */
function readQueue(queue, since) {
  const ids = new Set();
  for (const q of queue?.pending ?? []) {
    ids.add(q.questionId);
    store.read(q);
    remember(q);
  }
  for (const q of store.values()) {
    if (q.status === 'pending' && !ids.has(q.questionId) && (q.seenAt ?? 0) < since) store.delete(q.questionId);
  }
  // The public board with its authors: the snapshot names them only by pseudonym.
  for (const q of queue?.board ?? []) store.read(q);
  log = queue?.log ?? [];
}

async function loadEvent(reset) {
  const id = selectedId;
  const seq = ++loadSeq;
  if (reset) {
    if (followedId && followedId !== id && client?.connected) client.invoke('UnfollowEvent', followedId).catch(() => {});
    followedId = null;
    store.clear();
    texts.clear();
    pinnedId = null;
    log = [];
    selection = null;
    renderLists();
    renderLog();
  }
  if (!id || !client?.connected) return;
  const since = performance.now();
  try {
    const [snap, queue] = await Promise.all([client.invoke('FollowEventBoard', id), client.invoke('GetModerationQueue', id)]);
    if (seq !== loadSeq) return;
    followedId = id;
    store.readPublic(snap?.questions, since);
    for (const q of snap?.questions ?? []) remember(q);
    pinnedId = snap?.pinnedQuestionId ?? null;
    readQueue(queue, since);
    clearError();
  } catch (err) {
    if (seq === loadSeq) handleFailure(err);
  }
  renderLists();
  renderLog();
  // The oldest pending question is ready for a/r/m/p at once; focus is taken only when nothing else holds it.
  const first = pendingList()[0];
  if (!selection && first) selectItem(first.questionId, { focus: !document.activeElement || document.activeElement === document.body });
}

function scheduleQueueRefresh() {
  clearTimeout(queueTimer);
  queueTimer = setTimeout(refreshQueue, 400);
}

async function refreshQueue() {
  const id = selectedId;
  if (!id || !client?.connected) return;
  const since = performance.now();
  try {
    const queue = await client.invoke('GetModerationQueue', id);
    if (id !== selectedId) return;
    readQueue(queue, since);
    renderLists();
    renderLog();
  } catch (err) {
    handleFailure(err);
  }
}

function onQuestion(q) {
  if (!q || q.eventId !== selectedId) return;
  remember(q);
  const old = store.push(q);
  if (!old && q.status === 'pending') {
    freshPending++;
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      announce(t('mod.newPending', { n: freshPending }));
      freshPending = 0;
    }, 1500);
  }
  // Someone else's decision adds a line to the log, which has no push of its own.
  if (old && old.status !== q.status) scheduleQueueRefresh();
  scheduleRender();
}

function onPinned(change) {
  if (!change || change.eventId !== selectedId) return;
  pinnedId = change.questionId ?? null;
  if (change.question) {
    remember(change.question);
    store.read(change.question);
  }
  scheduleRender();
  scheduleQueueRefresh();
}

// ---------------------------------------------------------------- sign-in and start

function setUpConnection() {
  client = new HubClient(() => auth?.token, savedSession(saved, () => auth, () => {
    signOutLocally();
    showError('err.unauthorized');
  }));
  bindConnectionBadge(client, byId('connection'));
  client.on('questionUpdated', onQuestion);
  client.on('votesChanged', (change) => {
    if (change?.eventId !== selectedId) return;
    store.readVotes(change.votes);
    scheduleRender();
  });
  client.on('questionPinned', onPinned);
  client.onConnected(() => {
    followedId = null;
    loadEvent(false);
  });
}

function renderHeader() {
  renderSignedIn(auth ? auth.displayName || auth.username : null);
}

function enterConsole() {
  renderHeader();
  byId('signInView').hidden = true;
  byId('consoleView').hidden = false;
  if (!client) setUpConnection();
  renderEventSelect();
  loadEvents();
  client.start();
}

function signOutLocally() {
  client?.stop();
  saved.clear();
  auth = null;
  followedId = null;
  store.clear();
  renderHeader();
  byId('consoleView').hidden = true;
  byId('signInView').hidden = false;
}

bindStaffSignIn({
  refusal: (result) => {
    const roles = result.roles ?? [];
    if (!roles.includes('moderator') && !roles.includes('press')) return 'err.notModerator';
    return (result.accountIds ?? []).length ? null : 'err.noAccounts';
  },
  onSignedIn: (signedIn) => {
    auth = signedIn;
    saved.set('auth', auth);
    if (selectedId) saved.set('selected', selectedId);
    enterConsole();
  },
});

byId('signOut').addEventListener('click', async () => {
  await client?.stop();
  saved.clear();
  window.location.reload();
});

byId('event').addEventListener('change', () => chooseEvent(byId('event').value));
byId('shortcuts').addEventListener('click', () => selectedItem()?.focus());
byId('logPanel').open = saved.get('logOpen') ?? true;
byId('logPanel').addEventListener('toggle', () => saved.set('logOpen', byId('logPanel').open));
bindLists();

setInterval(() => {
  if (auth && document.visibilityState === 'visible') loadEvents();
}, LIST_REFRESH_MS);

onLangChange(() => {
  renderHeader();
  if (!auth) return;
  renderEventSelect();
  renderLists();
  renderLog();
  if (byId('rejectDialog').open) renderPresets();
});

if (auth?.token) enterConsole();
else byId('signInView').hidden = false;
