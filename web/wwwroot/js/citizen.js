// The citizen's side: sign in with a name, pick an account, chat (or leave a message), rate, come back later.
import { api, ApiError, session } from './api.js';
import { catchUpHistory, mountChat } from './chat.js';
import { embeddedAccount } from './embed.js';
import { hubError } from './connection.js';
import { savedSession } from './sign-in-keeper.js';
import { onLangChange, t } from './i18n.js';
import { busy, byId, clearError, clearFieldError, h, initPage, showError, showFieldError, renderSignedIn } from './ui.js';

initPage();

const saved = session('citizen');
let auth = saved.get('auth');
let currentId = saved.get('conversationId');
let accounts = [];
let accountsLoaded = false;
let client = null;
let store = null;
let chat = null;
let sender = null;
// Remembers the score chosen in this tab until the server's view confirms it.
let ratedScore = null;

const views = { signIn: byId('signInView'), start: byId('startView'), chat: byId('chatView') };

function showView(name) {
  for (const [key, el] of Object.entries(views)) el.hidden = key !== name;
  byId('returnPanel').hidden = name === 'chat';
}

function accountName(id) {
  return accounts.find((a) => a.id === id)?.name ?? id;
}

async function loadAccounts() {
  try {
    accounts = (await api.accounts()) ?? [];
    accountsLoaded = true;
  } catch (err) {
    showError(err);
    return;
  }
  renderAccountOptions();
  showIntake(byId('account').value);
  if (currentId && store?.has(currentId)) renderChatHeader();
}

function renderAccountOptions() {
  const select = byId('account');
  const chosen = select.value || embeddedAccount;
  // A closed account takes no new conversations, so it is not offered.
  const open = accounts.filter((a) => !a.closedAt);
  const options = [h('option', { value: '', text: t(open.length || !accountsLoaded ? 'citizen.accountPlaceholder' : 'citizen.noAccounts') })];
  for (const account of open) {
    const label = account.department ? `${account.name} — ${account.department}` : account.name;
    options.push(h('option', { value: account.id, text: label }));
  }
  select.replaceChildren(...options);
  if (open.some((a) => a.id === chosen)) select.value = chosen;
  else if (open.length === 1) select.value = open[0].id;
  // With no account to ask there is nothing to start: the form says so instead of offering "start".
  const none = accountsLoaded && open.length === 0;
  select.disabled = none;
  byId('subject').disabled = none;
  byId('start').hidden = none;
}

function renderHeader() {
  renderSignedIn(auth ? auth.displayName : null);
  byId('greeting').textContent = auth ? t('citizen.greeting', { name: auth.displayName }) : '';
}

function statusText(view) {
  switch (view.status) {
    case 'queued':
      if (view.leftMessage) {
        return typeof view.queuePosition === 'number' ? t('status.leftMessageQueued', { n: view.queuePosition }) : t('status.leftMessage');
      }
      return typeof view.queuePosition === 'number' ? t('status.queued', { n: view.queuePosition }) : t('status.queuedNoPos');
    case 'assigned':
      return view.agentName ? t('status.assigned', { name: view.agentName }) : t('status.assignedNoName');
    case 'resolved':
      return view.rating ? t('status.resolvedRated', { n: view.rating }) : t('status.resolved');
    default:
      return t('status.loading');
  }
}

function renderChatHeader() {
  if (!currentId) return;
  const view = store.entry(currentId).view;
  byId('chatAccount').textContent = view.accountName || accountName(view.accountId) || '';
  byId('chatSubject').textContent = view.subject || '';
  const status = byId('status');
  const text = statusText(view);
  if (status.textContent !== text) status.textContent = text;
  status.dataset.status = view.status ?? '';

  const resolved = view.status === 'resolved';
  const rating = view.rating ?? ratedScore;
  byId('closing').hidden = !resolved;
  byId('composerForm').hidden = resolved;
  byId('ratingPanel').hidden = !resolved || Boolean(rating);
  byId('thanks').hidden = !rating;
  chat.setEnabled(Boolean(view.status) && !resolved);
  renderStars(rating ?? 0);
  byId('leftMessage').hidden = !(view.leftMessage && view.status === 'queued');
  renderReturnCode();
}

/** The return code is shown once, from the answer to the start, until the citizen says they noted it. */
function renderReturnCode() {
  const kept = saved.get('returnCode');
  const box = byId('returnCodeBox');
  box.hidden = !kept || kept.conversationId !== currentId;
  if (box.hidden) return;
  const link = `${window.location.origin}/citizen.html#return=${encodeURIComponent(kept.reference)}/${encodeURIComponent(kept.code)}`;
  byId('returnReference').textContent = kept.reference;
  byId('returnCode').textContent = kept.code;
  const anchor = byId('returnLink');
  anchor.href = link;
  anchor.textContent = link;
}

function renderStars(lit) {
  for (const button of byId('rating').querySelectorAll('button[data-score]')) {
    const score = Number(button.dataset.score);
    button.classList.toggle('lit', score <= lit);
    button.setAttribute('aria-label', t('rating.star', { n: score }));
  }
}

function whoLabel(message) {
  if (message.senderRole === 'citizen') return t('msg.me');
  const view = store.entry(message.conversationId).view;
  if (message.senderId === view.agentId && view.agentName) return t('msg.agentNamed', { name: view.agentName });
  return t('msg.agent');
}

async function fetchView(id) {
  const view = await client.invoke('GetConversation', id);
  store.setView(view);
}

/** Re-subscribes after every (re)connect and fetches whatever was said meanwhile. */
async function resume() {
  if (!currentId) return;
  const id = currentId;
  try {
    const view = await client.invoke('JoinConversation', id);
    if (view?.status) store.setView(view);
    else await fetchView(id);
    await catchUpHistory(client, store, id);
  } catch (err) {
    const parsed = hubError(err);
    if (parsed && (parsed.code === 'not_found' || parsed.code === 'forbidden')) {
      forgetConversation();
      showError('err.sessionGone');
      return;
    }
    if (parsed) showError(err);
  }
}

function openConversation(id) {
  currentId = id;
  saved.set('conversationId', id);
  ratedScore = null;
  showView('chat');
  chat.show(id);
  renderChatHeader();
}

function forgetConversation() {
  if (currentId) store.remove(currentId);
  currentId = null;
  ratedScore = null;
  saved.set('conversationId', null);
  saved.set('returnCode', null);
  chat.show(null);
  showView('start');
  if (!accounts.length) loadAccounts();
}

function setUpConnection() {
  ({ client, store, sender, chat } = mountChat({
    saved,
    auth: () => auth,
    role: 'citizen',
    whoLabel,
    onError: (err) => showError(err),
    session: savedSession(saved, () => auth, () => {
      client?.stop();
      saved.clear();
      auth = null;
      showView('signIn');
      showError('err.unauthorized');
    }),
  }));
  store.onChange((id) => {
    if (id === currentId) renderChatHeader();
  });

  client.on('message', (message) => {
    if (message?.conversationId === currentId) store.addMessages(currentId, [message]);
  });
  client.on('conversationStatus', (event) => {
    if (event?.conversationId !== currentId) return;
    store.setView({ conversationId: event.conversationId, status: event.status, queuePosition: event.queuePosition ?? null });
    const view = store.entry(currentId).view;
    if (event.status === 'assigned' && !view.agentName) fetchView(currentId).catch(() => {});
  });
  client.on('conversationAssigned', (event) => {
    if (event?.conversationId !== currentId) return;
    store.setView({
      conversationId: event.conversationId,
      accountId: event.accountId,
      accountName: accountName(event.accountId),
      agentId: event.agentId,
      agentName: event.agentName,
      status: 'assigned',
      queuePosition: null,
    });
  });
  client.on('conversationTransferred', (event) => {
    if (event?.conversationId !== currentId) return;
    const name = accountName(event.toAccountId);
    if (event.reason) store.addNote(currentId, 'note.anotherOfficer');
    else store.addNote(currentId, 'note.transferredTo', { account: name });
    store.setView({ conversationId: currentId, accountId: event.toAccountId, accountName: name, agentId: null, agentName: null });
    fetchView(currentId).catch(() => {});
  });
  client.on('typing', (event) => chat.onTyping(event));
  client.on('readReceipt', (event) => chat.onReadReceipt(event));

  client.onConnected(async () => {
    await resume();
    sender.flush();
  });
}

function enterApp() {
  renderHeader();
  if (!client) setUpConnection();
  loadAccounts();
  if (currentId) openConversation(currentId);
  else showView('start');
  client.start();
}

byId('signInForm').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = byId('displayName');
  const name = input.value.trim();
  if (!name) {
    showFieldError(input, 'citizen.nameRequired');
    return;
  }
  busy(byId('signIn'), async () => {
    clearError();
    clearFieldError(input);
    try {
      const result = await api.signInCitizen(name);
      auth = { token: result.token, userId: result.userId, displayName: name };
      saved.set('auth', auth);
      enterApp();
      byId('account').focus();
    } catch (err) {
      // A refused name (reserved words, too long) is about the field; anything else is not.
      if (err instanceof ApiError && err.status === 400) showFieldError(input, 'citizen.nameRefused');
      else showError(err);
    }
  });
});

byId('startForm').addEventListener('submit', (event) => {
  event.preventDefault();
  const select = byId('account');
  const accountId = select.value;
  if (!accountId) {
    showFieldError(select, 'citizen.accountRequired');
    return;
  }
  clearFieldError(select);
  busy(byId('start'), async () => {
    clearError();
    try {
      const view = await client.call('StartConversation', accountId, byId('subject').value.trim());
      const id = view.conversationId;
      if (view.returnCode) saved.set('returnCode', { conversationId: id, reference: view.reference, code: view.returnCode });
      store.setView({ accountName: accountName(accountId), accountId, ...view, returnCode: null });
      byId('subject').value = '';
      openConversation(id);
      // Routing events can overtake the answer and were ignored before the id was known.
      await fetchView(id);
      await catchUpHistory(client, store, id);
      chat.focusComposer();
    } catch (err) {
      showError(err);
    }
  });
});

byId('rating').addEventListener('click', (event) => {
  const button = event.target.closest('button[data-score]');
  if (!button || !currentId) return;
  const score = Number(button.dataset.score);
  const id = currentId;
  busy(button, async () => {
    clearError();
    try {
      await client.call('RateConversation', id, score);
      ratedScore = score;
      store.setView({ conversationId: id, rating: score });
      byId('thanks').focus();
    } catch (err) {
      showError(err);
    }
  });
});

// Lighting the stars up to the one under the pointer or focus shows what a click will give.
for (const button of byId('rating').querySelectorAll('button[data-score]')) {
  const preview = () => renderStars(Number(button.dataset.score));
  button.addEventListener('pointerenter', preview);
  button.addEventListener('focus', preview);
  button.addEventListener('pointerleave', () => renderStars(0));
  button.addEventListener('blur', () => renderStars(0));
}

byId('account').addEventListener('change', () => showIntake(byId('account').value));

/** Says before the start whether the account takes live chats now or the citizen will leave a message. */
async function showIntake(accountId) {
  let liveChat = true;
  if (accountId) {
    try {
      liveChat = (await api.intake(accountId))?.liveChat !== false;
    } catch {
      // Only a hint: the start itself says how the conversation was taken.
    }
  }
  if (byId('account').value !== accountId) return;
  byId('intakeHint').hidden = liveChat;
  const start = byId('start');
  start.dataset.i18n = liveChat ? 'citizen.start' : 'intake.leaveMessage';
  start.textContent = t(start.dataset.i18n);
}

byId('returnCodeDone').addEventListener('click', () => {
  saved.set('returnCode', null);
  renderReturnCode();
  chat.focusComposer();
});

/** Comes back to a conversation as the citizen it belongs to: a fresh page, signed in with the token it answered. */
async function returnTo(reference, code) {
  clearError();
  try {
    const returned = await api.returnToConversation(reference, code);
    await client?.stop();
    saved.clear();
    saved.set('auth', { token: returned.token, userId: returned.userId, displayName: returned.displayName });
    saved.set('conversationId', returned.conversationId);
    window.location.reload();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) showError('return.wrongCode');
    else if (err instanceof ApiError && err.status === 404) showError('return.unknown');
    else showError(err);
  }
}

byId('returnForm').addEventListener('submit', (event) => {
  event.preventDefault();
  const reference = byId('returnReferenceInput').value.trim();
  const code = byId('returnCodeInput').value.trim();
  if (!reference || !code) {
    const missing = reference ? byId('returnCodeInput') : byId('returnReferenceInput');
    showFieldError(missing, reference ? 'return.codeRequired' : 'return.referenceRequired');
    return;
  }
  busy(byId('returnSubmit'), () => returnTo(reference, code));
});

/** A return link (#return=REFERENCE/CODE) fills the form and opens the conversation; the code leaves the address bar at once. */
function followReturnLink() {
  const match = /^#return=([^/]+)\/(.+)$/.exec(window.location.hash);
  if (!match) return false;
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
  byId('returnReferenceInput').value = decodeURIComponent(match[1]);
  byId('returnCodeInput').value = decodeURIComponent(match[2]);
  byId('returnForm').requestSubmit();
  return true;
}

byId('newConversation').addEventListener('click', () => {
  clearError();
  forgetConversation();
  byId('account').focus();
});

byId('signOut').addEventListener('click', async () => {
  await client?.stop();
  saved.clear();
  window.location.reload();
});

onLangChange(() => {
  renderHeader();
  renderAccountOptions();
  if (currentId && store) renderChatHeader();
});

if (auth?.token) {
  enterApp();
} else {
  showView('signIn');
  renderAccountOptions();
}
followReturnLink();
window.addEventListener('hashchange', followReturnLink);

for (const id of ['displayName', 'account', 'returnReferenceInput', 'returnCodeInput']) {
  byId(id).addEventListener('input', () => clearFieldError(byId(id)));
}
