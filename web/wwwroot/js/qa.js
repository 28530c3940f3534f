// The citizens' live Q&A page: anyone reads the board live; a citizen who gives a name asks,
// follows their own questions through moderation, and upvotes. Without ?id= it lists the live sessions.
import { api, session } from './api.js';
import { HubClient, hubError, OfflineError } from './connection.js';
import { savedSession } from './sign-in-keeper.js';
import { onLangChange, t } from './i18n.js';
import { bindConnectionBadge, busy, byId, clearError, clearFieldError, formatFullTime, formatTime, h, initPage, showError, showFieldError, showNotice } from './ui.js';
import { excerpt, kindChip, sortEvents, statusChip, statusText } from './event-view.js';
import {
  MAX_QUESTION, QuestionStore, authorLabel, byAnsweredLatest, byNewest, byVotes, frameScheduler, isPublic, newClientId, questionLabel, setVotes, syncList,
} from './qa-view.js';

initPage();

const LIST_REFRESH_MS = 60000;
// A question merged away leaves the board only in snapshots, so the board re-reads one now and then.
const RESYNC_MS = 60000;
const NEAR_LIMIT = MAX_QUESTION - 400;

const eventId = new URLSearchParams(window.location.search).get('id')?.trim() || null;
const saved = session('qa');
let auth = saved.get('auth');
let event = null;
let client = null;
let connectionState = 'idle';
let following = false;
let pinnedId = null;
let pinnedCopy = null;
const board = new QuestionStore();
const mine = new QuestionStore();
// What this citizen asked or clicked before signing in, done once they have.
let intent = null;
let sortMode = saved.get('sort') === 'newest' ? 'newest' : 'votes';
// The question being asked, with the id that makes a retry after a lost answer harmless.
let draft = eventId ? saved.get(`draft.${eventId}`) : null;
let sending = false;

const votedKey = () => `voted.${auth?.userId ?? ''}.${eventId}`;
let voted = new Set(auth ? saved.get(votedKey()) ?? [] : []);

function announce(text) {
  const region = byId('announce');
  region.textContent = '';
  setTimeout(() => {
    region.textContent = text;
  }, 60);
}

// ---------------------------------------------------------------- the list of sessions

async function showList() {
  document.title = t('qa.title');
  byId('listView').hidden = false;
  let summaries = [];
  const render = () => {
    const items = summaries.map((ev) => h('li', { className: 'public-event', dataset: { id: ev.eventId, status: ev.status ?? '' } },
      h('a', { className: 'public-event-link', href: `/qa.html?id=${encodeURIComponent(ev.eventId)}` },
        h('span', { className: 'event-tags' }, kindChip(ev.kind), statusChip(ev.status, undefined, ev.kind)),
        h('span', { className: 'public-event-title', text: ev.title }),
        ev.openedAt ? h('span', { className: 'subtle' }, h('time', { datetime: ev.openedAt, title: formatFullTime(ev.openedAt), text: formatTime(ev.openedAt) })) : null)));
    byId('eventList').replaceChildren(...items);
    byId('eventListEmpty').hidden = summaries.length > 0;
  };
  const load = async () => {
    try {
      summaries = sortEvents(((await api.events()) ?? []).filter((ev) => ev.kind === 'live'));
      clearError();
    } catch (err) {
      showError(err);
    }
    render();
  };
  onLangChange(() => {
    document.title = t('qa.title');
    render();
  });
  await load();
  setInterval(() => {
    if (document.visibilityState === 'visible') load();
  }, LIST_REFRESH_MS);
}

// ---------------------------------------------------------------- question items

function questionItem() {
  const voteButton = h('button', { type: 'button', className: 'upvote', 'aria-pressed': 'false' });
  // SVG needs its own namespace, which innerHTML gives and createElement does not.
  voteButton.innerHTML = '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M12 4l8 10h-5v6H9v-6H4z" fill="currentColor"/></svg><span class="upvote-text"></span>';
  voteButton.addEventListener('click', () => upvote(voteButton.closest('.question').dataset.id, voteButton));
  // tabindex -1: when a vote disables the focused button, focus stays on its question.
  return h('li', { className: 'question', tabindex: '-1' },
    h('div', { className: 'q-vote' }, voteButton, h('span', { className: 'votes' }), h('span', { className: 'votes-unit' })),
    h('div', { className: 'q-body' },
      h('p', { className: 'q-text' }),
      h('p', { className: 'q-meta' }),
      h('div', { className: 'q-answer', hidden: true },
        h('span', { className: 'q-answer-label' }),
        h('p', { className: 'answer' }),
        h('p', { className: 'q-answer-time' }))));
}

function fillQuestion(li, q) {
  li.dataset.status = q.status;
  li.classList.toggle('is-pinned', q.questionId === pinnedId);
  li.querySelector('.q-text').textContent = q.text ?? '';
  const meta = [questionLabel(q.questionId)];
  const author = authorLabel(q, Boolean(mine.get(q.questionId)));
  if (author) meta.push(author);
  li.querySelector('.q-meta').replaceChildren(...[meta.join(' · '), ' · ',
    h('time', { datetime: q.askedAt, title: formatFullTime(q.askedAt), text: formatTime(q.askedAt) }),
    q.questionId === pinnedId && !li.closest('#pinnedBody') ? h('span', { className: 'tag-live', text: t('qa.pinnedLabel') }) : null].filter(Boolean));
  setVotes(li.querySelector('.votes'), q.votes);
  li.querySelector('.votes-unit').textContent = t('qa.votesUnit');

  const button = li.querySelector('.upvote');
  const canVote = q.status === 'approved';
  const mineVoted = voted.has(q.questionId);
  button.hidden = !canVote;
  button.disabled = mineVoted || li.dataset.voting === 'true';
  button.setAttribute('aria-pressed', String(mineVoted));
  button.querySelector('.upvote-text').textContent = t(mineVoted ? 'qa.upvoted' : 'qa.upvote');
  button.setAttribute('aria-label', t(mineVoted ? 'qa.upvotedLabel' : 'qa.upvoteLabel', { n: q.votes ?? 0, label: questionLabel(q.questionId) }));

  const answer = li.querySelector('.q-answer');
  answer.hidden = !q.answer;
  if (q.answer) {
    answer.querySelector('.q-answer-label').textContent = t('qa.answerLabel');
    answer.querySelector('.answer').textContent = q.answer;
    answer.querySelector('.q-answer-time').textContent = q.answeredAt ? t('qa.answeredAt', { time: formatTime(q.answeredAt) }) : '';
  }
}

function mineItem() {
  return h('li', { className: 'question mine' },
    h('div', { className: 'q-body' },
      h('p', { className: 'q-head' }, h('span', { className: 'q-status' }), h('span', { className: 'q-meta' })),
      h('p', { className: 'q-text' }),
      h('p', { className: 'q-outcome' }),
      h('div', { className: 'q-answer', hidden: true }, h('span', { className: 'q-answer-label' }), h('p', { className: 'answer' }))));
}

function fillMine(li, q) {
  li.dataset.status = q.status;
  const status = li.querySelector('.q-status');
  status.dataset.status = q.status;
  status.textContent = t(`qstatus.${q.status}`);
  li.querySelector('.q-meta').replaceChildren(questionLabel(q.questionId), ' · ',
    h('time', { datetime: q.askedAt, title: formatFullTime(q.askedAt), text: formatTime(q.askedAt) }));
  li.querySelector('.q-text').textContent = q.text ?? '';
  const outcome = li.querySelector('.q-outcome');
  let text = '';
  if (q.status === 'pending') text = t('qa.pendingNote');
  else if (q.status === 'rejected') text = q.rejectReason ? t('qa.rejectedReason', { reason: q.rejectReason }) : t('qa.rejectedNoReason');
  else if (q.status === 'merged') {
    const into = board.get(q.mergedInto) ?? mine.get(q.mergedInto);
    text = t('qa.mergedInto', { label: questionLabel(q.mergedInto) }) + (into?.text ? ` “${excerpt(into.text, 40)}”` : '');
  } else if (q.status === 'approved') text = t('qa.publicNote', { n: board.get(q.questionId)?.votes ?? q.votes ?? 0 });
  outcome.textContent = text;
  outcome.hidden = !text;
  const answer = li.querySelector('.q-answer');
  answer.hidden = !q.answer;
  if (q.answer) {
    answer.querySelector('.q-answer-label').textContent = t('qa.answerLabel');
    answer.querySelector('.answer').textContent = q.answer;
  }
}

// ---------------------------------------------------------------- rendering

function renderHeader() {
  const who = byId('who');
  who.hidden = !auth;
  who.textContent = auth?.displayName ?? '';
  byId('signOut').hidden = !auth;
  byId('citizenSignIn').hidden = !!auth;
  if (!intent) {
    const prompt = byId('signInPrompt');
    prompt.dataset.i18n = 'qa.signInIntro';
    prompt.classList.remove('prompting');
    prompt.textContent = t('qa.signInIntro');
  }
  byId('askingAs').hidden = !auth;
  byId('askingAs').textContent = auth ? t('qa.askingAs', { name: auth.displayName }) : '';
  byId('mineSection').hidden = !auth;
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

function renderEvent() {
  if (!event) return;
  document.title = `${event.title ?? ''} - ${t('qa.title')}`;
  byId('eventBadges').replaceChildren(...[kindChip(event.kind)].filter(Boolean));
  byId('eventTitle').textContent = event.title ?? '';
  const status = byId('eventStatus');
  status.dataset.status = event.status ?? '';
  status.textContent = statusText(event.status, event.kind);
  const closed = event.status === 'closed';
  byId('askClosed').hidden = !closed;
  byId('questionText').disabled = closed;
  renderAskButton();
}

function renderAskButton() {
  byId('ask').disabled = sending || event?.status === 'closed';
}

function renderCounter() {
  const n = byId('questionText').value.length;
  const counter = byId('askCounter');
  counter.textContent = t('composer.counter', { n, max: MAX_QUESTION });
  counter.classList.toggle('near-limit', n >= NEAR_LIMIT);
}

function renderPinned() {
  const q = (pinnedId && (board.get(pinnedId) ?? (pinnedCopy?.questionId === pinnedId ? pinnedCopy : null))) || null;
  const section = byId('pinned');
  section.hidden = !q || !isPublic(q);
  const body = byId('pinnedBody');
  if (section.hidden) {
    body.replaceChildren();
    return;
  }
  let li = body.firstElementChild;
  if (!li || li.dataset.id !== q.questionId) {
    li = questionItem();
    li.dataset.id = q.questionId;
    body.replaceChildren(li);
  }
  fillQuestion(li, q);
}

function renderBoard() {
  const all = board.values();
  const approved = all.filter((q) => q.status === 'approved' && q.questionId !== pinnedId).sort(sortMode === 'newest' ? byNewest : byVotes);
  syncList(byId('board'), approved, { create: questionItem, update: fillQuestion });
  byId('boardEmpty').hidden = approved.length > 0;
  byId('boardCount').textContent = approved.length ? `(${approved.length})` : '';

  // The question being answered is shown once, in its own place at the top.
  const answered = all.filter((q) => q.status === 'answered' && q.questionId !== pinnedId).sort(byAnsweredLatest);
  syncList(byId('answered'), answered, { create: questionItem, update: fillQuestion });
  byId('answeredEmpty').hidden = answered.length > 0;
  byId('answeredCount').textContent = answered.length ? `(${answered.length})` : '';
  renderPinned();
}

function renderMine() {
  const list = mine.values().sort(byNewest);
  syncList(byId('myQuestions'), list, { create: mineItem, update: fillMine });
  byId('mineEmpty').hidden = list.length > 0;
}

const scheduleRender = frameScheduler(() => {
  renderBoard();
  if (auth) renderMine();
});

function renderAll() {
  renderHeader();
  renderEvent();
  renderLive();
  renderCounter();
  renderBoard();
  renderMine();
}

// ---------------------------------------------------------------- live data

function applySnapshot(snap, since) {
  if (!snap || (snap.eventId && snap.eventId !== eventId)) return;
  const { questions, updates, ...rest } = snap;
  event = { ...(event ?? {}), ...rest };
  board.readPublic(questions, since);
  if ('pinnedQuestionId' in snap) pinnedId = snap.pinnedQuestionId ?? null;
  renderEvent();
  scheduleRender();
}

function onQuestion(q) {
  if (!q || q.eventId !== eventId) return;
  const mineBefore = auth && q.authorId === auth.userId ? mine.push(q) : undefined;
  const old = board.get(q.questionId);
  if (isPublic(q)) board.push(q);
  else if (old) board.delete(q.questionId);
  if (q.status === 'answered' && old?.status !== 'answered' && q.answer) announce(t('qa.announceAnswered', { text: excerpt(q.text, 60) }));
  if (mineBefore && mineBefore.status !== q.status && (q.status === 'approved' || q.status === 'rejected' || q.status === 'merged')) {
    showNotice(`qa.mine.${q.status}`, { label: questionLabel(q.questionId) });
  }
  scheduleRender();
}

function onPinned(change) {
  if (!change || change.eventId !== eventId) return;
  pinnedId = change.questionId ?? null;
  pinnedCopy = change.question ?? null;
  if (change.question && isPublic(change.question)) board.read(change.question);
  if (change.question) announce(t('qa.announcePinned', { text: excerpt(change.question.text, 80) }));
  scheduleRender();
}

async function refreshMine() {
  if (!auth) return;
  try {
    const list = await client.invoke('GetMyQuestions', eventId);
    mine.clear();
    for (const q of list ?? []) mine.read(q);
    scheduleRender();
  } catch (err) {
    if (hubError(err)?.code === 'unauthorized') tokenRejected();
  }
}

/** A wrong or withdrawn address: say so and offer the ways in, instead of an empty Q&A page. */
function showMissing() {
  byId('eventView').hidden = true;
  byId('missingView').hidden = false;
  document.title = t('qa.missing');
  client.stop();
}

async function follow() {
  following = false;
  renderLive();
  const since = performance.now();
  try {
    const snap = await client.invoke('FollowEventBoard', eventId);
    following = true;
    clearError();
    applySnapshot(snap, since);
  } catch (err) {
    if (hubError(err)?.code === 'not_found') showMissing();
    else showError(err);
  }
  renderLive();
}

async function resync() {
  if (document.visibilityState !== 'visible' || !following) return;
  const since = performance.now();
  try {
    applySnapshot(await api.event(eventId), since);
  } catch {
    // The live connection still carries every change; the next round tries again.
  }
}

/** A stored token the hub refuses (expired, or signed by a key the server no longer has). */
async function tokenRejected() {
  auth = null;
  saved.set('auth', null);
  voted = new Set();
  mine.clear();
  renderAll();
  showError('err.unauthorized');
  await client.stop();
  client.start();
}

async function onConnected() {
  await follow();
  await refreshMine();
  if (draft?.retry) send();
  const next = intent;
  intent = null;
  if (next?.kind === 'ask') send();
  else if (next?.kind === 'vote') {
    const button = byId('board').querySelector(`.question[data-id="${CSS.escape(next.id)}"] .upvote`);
    if (button) button.focus();
    upvote(next.id, button);
  }
}

function startConnection() {
  client = new HubClient(() => auth?.token, savedSession(saved, () => auth, tokenRejected));
  bindConnectionBadge(client, byId('connection'));
  client.onState(async (state) => {
    connectionState = state;
    if (state !== 'connected') following = false;
    renderLive();
  });
  client.on('questionUpdated', onQuestion);
  client.on('votesChanged', (change) => {
    if (change?.eventId !== eventId) return;
    board.readVotes(change.votes);
    scheduleRender();
  });
  client.on('questionPinned', onPinned);
  client.on('eventStatus', (change) => {
    if (change?.eventId !== eventId || !event) return;
    event = { ...event, status: change.status };
    renderEvent();
  });
  client.onConnected(onConnected);
  client.start();
}

// ---------------------------------------------------------------- asking and voting

/** A vote or a question before the name: the name field asks for it, as a prompt, not as an error. */
function askSignIn(nextIntent) {
  intent = nextIntent;
  const prompt = byId('signInPrompt');
  prompt.dataset.i18n = nextIntent?.kind === 'vote' ? 'qa.signInToVote' : 'qa.signInToAsk';
  prompt.textContent = t(prompt.dataset.i18n);
  prompt.classList.add('prompting');
  const input = byId('displayName');
  input.scrollIntoView({ block: 'center', behavior: 'smooth' });
  input.focus({ preventScroll: true });
}

function saveDraft() {
  saved.set(`draft.${eventId}`, draft);
}

async function send() {
  const textarea = byId('questionText');
  const text = textarea.value.trim();
  if (!text) {
    if (!draft?.retry) showError('qa.textRequired');
    draft = null;
    saveDraft();
    textarea.focus();
    return;
  }
  if (!auth) {
    askSignIn({ kind: 'ask' });
    return;
  }
  if (sending) return;
  // The same id until the question is known to be stored: a resend after a lost answer is a no-op on the server.
  if (!draft?.id) draft = { id: newClientId() };
  draft.text = text;
  draft.retry = false;
  saveDraft();
  sending = true;
  renderAskButton();
  byId('ask').setAttribute('aria-busy', 'true');
  try {
    const result = await client.call('AskQuestion', eventId, draft.id, text);
    draft = null;
    saveDraft();
    if (textarea.value.trim() === text) textarea.value = '';
    renderCounter();
    clearError();
    showNotice(result?.status === 'approved' ? 'qa.askedPublic' : 'qa.asked');
    if (result?.questionId && !mine.get(result.questionId)) await refreshMine();
  } catch (err) {
    const parsed = hubError(err);
    if (parsed?.code === 'unauthorized') {
      tokenRejected();
    } else if (!parsed || err instanceof OfflineError) {
      // Not known whether it arrived; the reconnect sends it again with the same id.
      draft.retry = true;
      saveDraft();
      showError('qa.willRetry');
    } else {
      showError(err);
    }
  } finally {
    sending = false;
    byId('ask').removeAttribute('aria-busy');
    renderAskButton();
  }
}

async function upvote(questionId, button) {
  if (!questionId) return;
  if (!auth) {
    askSignIn({ kind: 'vote', id: questionId });
    return;
  }
  if (voted.has(questionId)) return;
  const items = document.querySelectorAll(`.question[data-id="${CSS.escape(questionId)}"]`);
  for (const li of items) li.dataset.voting = 'true';
  voted.add(questionId);
  scheduleRender();
  try {
    const result = await client.call('UpvoteQuestion', eventId, questionId);
    const q = board.get(questionId);
    if (q && typeof result?.votes === 'number') board.push({ ...q, votes: result.votes });
    clearError();
  } catch (err) {
    const parsed = hubError(err);
    // A vote this citizen already gave (say, from another tab) counts as given.
    if (!(parsed?.code === 'conflict' && /one vote/i.test(parsed.text))) voted.delete(questionId);
    if (parsed?.code === 'unauthorized') tokenRejected();
    else showError(err);
  } finally {
    for (const li of items) delete li.dataset.voting;
    saved.set(votedKey(), [...voted]);
    scheduleRender();
    if (button && (!document.activeElement || document.activeElement === document.body)) button.closest('.question')?.focus();
  }
}

// ---------------------------------------------------------------- wiring

function bindForms() {
  byId('citizenSignIn').addEventListener('submit', (e) => {
    e.preventDefault();
    const name = byId('displayName').value.trim();
    if (!name) {
      showFieldError(byId('displayName'), 'qa.nameRequired');
      return;
    }
    clearFieldError(byId('displayName'));
    busy(byId('signIn'), async () => {
      try {
        const result = await api.signInCitizen(name);
        auth = { token: result.token, userId: result.userId, displayName: name };
        saved.set('auth', auth);
        voted = new Set(saved.get(votedKey()) ?? []);
        clearError();
        renderAll();
        if (!intent) byId('questionText').focus();
        // The hub learns who this is only from a new connection.
        await client.stop();
        client.start();
      } catch (err) {
        showError(err);
      }
    });
  });

  const textarea = byId('questionText');
  textarea.addEventListener('input', renderCounter);
  textarea.addEventListener('keydown', (e) => {
    // An IME composing Chinese uses Enter to pick characters; that Enter is not a submit.
    if (e.key !== 'Enter' || e.shiftKey || e.isComposing || e.keyCode === 229) return;
    e.preventDefault();
    send();
  });
  byId('askForm').addEventListener('submit', (e) => {
    e.preventDefault();
    send();
  });

  const sort = byId('sort');
  sort.value = sortMode;
  sort.addEventListener('change', () => {
    sortMode = sort.value === 'newest' ? 'newest' : 'votes';
    saved.set('sort', sortMode);
    renderBoard();
  });

  byId('signOut').addEventListener('click', async () => {
    auth = null;
    saved.set('auth', null);
    voted = new Set();
    mine.clear();
    intent = null;
    renderAll();
    await client.stop();
    client.start();
  });
}

function showEvent() {
  byId('eventView').hidden = false;
  if (draft?.text && !byId('questionText').value) byId('questionText').value = draft.text;
  bindForms();
  renderAll();
  startConnection();
  setInterval(resync, RESYNC_MS);
  onLangChange(renderAll);
}

if (eventId) showEvent();
else showList();
