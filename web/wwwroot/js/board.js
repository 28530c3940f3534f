// The projector board of a live session: the question being answered and the most voted ones,
// large and live, for a room to read from a distance. Anonymous and without controls;
// ?lang=en switches the language for one screen.
import { api } from './api.js';
import { HubClient, hubError } from './connection.js';
import { lang, onLangChange, setLang, t } from './i18n.js';
import { QuestionStore, byVotes, frameScheduler, isPublic, setVotes, syncList } from './qa-view.js';
import { eventCode, joinUrl } from './event-code.js';
import qrcode from '/lib/qrcode-generator/qrcode.mjs';

const TOP = 7;
const RESYNC_MS = 60000;

const params = new URLSearchParams(window.location.search);
const eventId = params.get('id')?.trim() || null;
if (params.get('lang') === 'en' || params.get('lang') === 'zh') setLang(params.get('lang'));
else setLang(lang());

const byId = (id) => document.getElementById(id);
const store = new QuestionStore();
let event = null;
let pinnedId = null;
let pinnedCopy = null;
let following = false;
let connectionState = 'connecting';
let client = null;
let errorKey = null;

function renderHead() {
  byId('title').textContent = event?.title ?? (eventId ? '' : t('board.noEvent'));
  document.title = event?.title ? `${event.title} - ${t('board.title')}` : t('board.title');
  renderJoin();
  const live = byId('live');
  const state = connectionState === 'connected' ? (following ? 'live' : 'connecting') : connectionState;
  // A board for a session that does not exist says so, instead of "connecting" for ever.
  live.hidden = errorKey === 'board.missing';
  document.querySelector('.board-top').hidden = errorKey === 'board.missing';
  live.dataset.state = state;
  live.textContent = t({ live: 'live.on', reconnecting: 'live.reconnecting', offline: 'live.offline' }[state] ?? 'live.connecting');
  byId('error').textContent = errorKey ? t(errorKey) : '';
}

/** The QR code and the short code, once the session is known to exist. */
function renderJoin() {
  const join = byId('join');
  join.hidden = !event;
  if (join.hidden) return;
  const url = joinUrl(eventId);
  const shown = `${window.location.host}/join.html`;
  byId('hint').replaceChildren(...t('board.hint', { url: '\u0000' }).split('\u0000').flatMap((part, i) => (i ? [strong(shown), part] : [part])));
  byId('code').textContent = eventCode(eventId);
  const qr = byId('qr');
  qr.alt = t('board.qrLabel', { url });
  if (qr.dataset.url === url) return;
  const code = qrcode(0, 'M');
  code.addData(url);
  code.make();
  // Drawn small and scaled up by the page (pixelated), so it stays sharp on any projector.
  qr.src = code.createDataURL(4, 4);
  qr.dataset.url = url;
}

function strong(text) {
  const el = document.createElement('strong');
  el.textContent = text;
  return el;
}

function renderPinned() {
  const q = (pinnedId && (store.get(pinnedId) ?? (pinnedCopy?.questionId === pinnedId ? pinnedCopy : null))) || null;
  const section = byId('pinned');
  section.hidden = !q || !isPublic(q);
  document.body.classList.toggle('has-pinned', !section.hidden);
  if (section.hidden) return;
  const box = byId('pinnedQuestion');
  box.dataset.id = q.questionId;
  box.dataset.status = q.status;
  box.querySelector('.q-text').textContent = q.text ?? '';
  const answer = box.querySelector('.board-answer');
  answer.hidden = !q.answer;
  box.querySelector('.answer').textContent = q.answer ?? '';
  setVotes(box.querySelector('.votes'), q.votes);
}

function topItem() {
  const li = document.createElement('li');
  li.className = 'question';
  li.innerHTML = '<span class="rank" aria-hidden="true"></span><p class="q-text"></p><span class="votes-box"><span class="votes"></span><span class="votes-unit"></span></span>';
  return li;
}

function renderTop() {
  const top = store.values().filter((q) => q.status === 'approved' && q.questionId !== pinnedId).sort(byVotes).slice(0, TOP);
  const ranks = new Map(top.map((q, i) => [q.questionId, i + 1]));
  syncList(byId('top'), top, {
    create: topItem,
    update: (li, q) => {
      li.dataset.status = q.status;
      li.querySelector('.rank').textContent = String(ranks.get(q.questionId));
      li.querySelector('.q-text').textContent = q.text ?? '';
      setVotes(li.querySelector('.votes'), q.votes);
      li.querySelector('.votes-unit').textContent = t('qa.votesUnit');
    },
  });
  // Under a pinned question "no questions" would contradict the screen.
  byId('topEmpty').hidden = top.length > 0 || !byId('pinned').hidden;
  fit();
}

/** Shows as many of the top questions as the screen holds whole; a projector has no scrollbar. */
const MIN_SHOWN = 5;

function fit() {
  const board = document.querySelector('.board');
  board.classList.remove('dense');
  if (place() < Math.min(MIN_SHOWN, byId('top').children.length)) {
    board.classList.add('dense');
    place();
  }
}

function place() {
  const list = byId('top');
  const items = [...list.children];
  for (const li of items) li.hidden = false;
  // Layout positions, not the scroll size: items sliding to a new rank are transformed for a moment.
  const limit = list.clientHeight;
  let shown = 0;
  let full = false;
  items.forEach((li, i) => {
    if (!full && i > 0 && li.offsetTop + li.offsetHeight > limit) full = true;
    li.hidden = full;
    if (!full) shown++;
  });
  return shown;
}

const render = frameScheduler(() => {
  renderPinned();
  renderTop();
});

function renderAll() {
  renderHead();
  renderPinned();
  renderTop();
}

function applySnapshot(snap, since) {
  if (!snap || (snap.eventId && snap.eventId !== eventId)) return;
  event = { title: snap.title, status: snap.status, kind: snap.kind };
  store.readPublic(snap.questions, since);
  if ('pinnedQuestionId' in snap) pinnedId = snap.pinnedQuestionId ?? null;
  renderHead();
  render();
}

async function follow() {
  following = false;
  renderHead();
  const since = performance.now();
  try {
    applySnapshot(await client.invoke('FollowEventBoard', eventId), since);
    following = true;
    errorKey = null;
  } catch (err) {
    errorKey = hubError(err)?.code === 'not_found' ? 'board.missing' : 'err.unknown';
    if (errorKey === 'board.missing') client.stop();
  }
  renderHead();
}

async function resync() {
  if (!following) return;
  const since = performance.now();
  try {
    applySnapshot(await api.event(eventId), since);
  } catch {
    // The live connection carries every change in the meantime.
  }
}

function start() {
  client = new HubClient(() => null);
  client.onState((state) => {
    connectionState = state;
    if (state !== 'connected') following = false;
    renderHead();
  });
  client.on('questionUpdated', (q) => {
    if (q?.eventId !== eventId) return;
    if (isPublic(q)) store.push(q);
    else store.delete(q.questionId);
    render();
  });
  client.on('votesChanged', (change) => {
    if (change?.eventId !== eventId) return;
    store.readVotes(change.votes);
    render();
  });
  client.on('questionPinned', (change) => {
    if (change?.eventId !== eventId) return;
    pinnedId = change.questionId ?? null;
    pinnedCopy = change.question ?? null;
    if (change.question && isPublic(change.question)) store.read(change.question);
    render();
  });
  client.on('eventStatus', (change) => {
    if (change?.eventId !== eventId || !event) return;
    event = { ...event, status: change.status };
    renderHead();
  });
  client.onConnected(follow);
  client.start();
  setInterval(resync, RESYNC_MS);
}

window.addEventListener('resize', () => fit());
// The operator may switch the language on another page of this browser; the board follows.
window.addEventListener('storage', (e) => {
  if (e.key === 'hub.lang' && (e.newValue === 'zh' || e.newValue === 'en')) setLang(e.newValue);
});
onLangChange(renderAll);

renderAll();
if (eventId) start();
