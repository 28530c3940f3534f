// The agent console: availability, the list of assigned conversations, replying, transfer, resolve.
import { api } from './api.js';
import { bindStaffPage } from './staff-page.js';
import { catchUpHistory, mountChat } from './chat.js';
import { mountNotes } from './notes.js';
import { mountAttention } from './attention.js';
import { renderConversationClocks } from './agent-clocks.js';
import { mountCannedReplies } from './canned-replies.js';
import { mountConversationLabels } from './conversation-labels.js';
import { mountColleagueTransfer } from './colleague-transfer.js';
import { hubError } from './connection.js';
import { savedSession } from './sign-in-keeper.js';
import { onLangChange, t } from './i18n.js';
import { busy, byId, clearError, describeError, h, initPage, showError, showNotice } from './ui.js';

initPage();

const page = bindStaffPage({
  scope: 'agent',
  viewId: 'consoleView',
  refusal: (result) => {
    if (!(result.roles ?? []).includes('agent')) return 'err.notAgent';
    return (result.accountIds ?? []).length ? null : 'err.noAccounts';
  },
  onEnter: enterConsole,
  onLeave: () => client?.stop(),
  onSignOut: async (auth) => {
    if (client?.connected) {
      for (const accountId of auth.accountIds ?? []) {
        if (wanted[accountId]) await client.invoke('SetAvailability', accountId, false).catch(() => {});
      }
    }
    await client?.stop();
  },
});
const saved = page.saved;
let accounts = [];
let selectedAccount = saved.get('account');
let selectedId = saved.get('selected');
// What the agent asked for per account; the server forgets it when the connection drops.
let wanted = saved.get('available') ?? {};
let client = null;
let store = null;
let sender = null;
let chat = null;
let notes = null;
let attention = null;
let labels = null;
const listItems = new Map();
// Entries learned before a refresh started are dropped when the refresh no longer lists them.
const learnedAt = new Map();
let refreshStartedAt = 0;

function learn(id) {
  learnedAt.set(id, performance.now());
}

function accountName(id) {
  return accounts.find((a) => a.id === id)?.name ?? id;
}

function conversationsOf(accountId) {
  return [...store.entries.values()]
    .filter((entry) => entry.view.accountId === accountId)
    .sort((a, b) => String(a.view.createdAt ?? '').localeCompare(String(b.view.createdAt ?? '')));
}

function renderAccountOptions() {
  const select = byId('account');
  const options = (page.auth()?.accountIds ?? []).map((id) => {
    const name = accountName(id);
    const unread = id === selectedAccount || !store ? 0 : conversationsOf(id).reduce((sum, e) => sum + (e.view.unread || 0), 0);
    return h('option', { value: id, text: unread ? t('agent.otherUnread', { name, n: unread }) : name });
  });
  select.replaceChildren(...options);
  if (selectedAccount) select.value = selectedAccount;
  byId('available').checked = Boolean(wanted[selectedAccount]);
}

function statusLabel(status) {
  return status ? t(`conv.${status}`) : '';
}

const WAIT_REFRESH_MS = 30_000;

/** The last message's text, and since when the citizen has waited if theirs is the last word. */
function lastWord(entry) {
  const last = entry.messages.at(-1);
  if (!last) return { preview: '', waitingSince: null };
  const waiting = last.senderRole === 'citizen' && entry.view.status === 'assigned';
  return { preview: last.text, waitingSince: waiting ? Date.parse(last.sentAt) : null };
}

function waitLabel(since) {
  if (!since) return '';
  const minutes = Math.floor((Date.now() - since) / 60_000);
  if (minutes < 1) return t('agent.waitingJustNow');
  return minutes < 60 ? t('agent.waitingMinutes', { n: minutes }) : t('agent.waitingHours', { n: Math.floor(minutes / 60) });
}

function renderList() {
  if (!store) return;
  const list = byId('conversations');
  const entries = conversationsOf(selectedAccount);
  const keep = new Set(entries.map((e) => e.id));
  for (const [id, li] of listItems) {
    if (!keep.has(id)) {
      li.remove();
      listItems.delete(id);
    }
  }
  let cursor = list.firstElementChild;
  for (const entry of entries) {
    let li = listItems.get(entry.id);
    if (!li) {
      li = h('li', { className: 'conversation', 'data-id': entry.id },
        h('button', { type: 'button', className: 'conversation-button', onclick: () => select(entry.id) },
          h('span', { className: 'conv-top' },
            h('span', { className: 'conv-subject' }),
            h('span', { className: 'unread' }),
            h('span', { className: 'sr-only unread-label' })),
          h('span', { className: 'conv-bottom' },
            h('span', { className: 'conv-citizen' }),
            h('span', { className: 'conv-status' })),
          h('span', { className: 'conv-bottom' },
            h('span', { className: 'conv-preview' }),
            h('span', { className: 'conv-wait' }))));
      listItems.set(entry.id, li);
    }
    const { view } = entry;
    const unread = view.unread || 0;
    li.dataset.status = view.status ?? '';
    li.querySelector('.conv-subject').textContent = view.subject || t('agent.noSubject');
    li.querySelector('.conv-citizen').textContent = view.citizenName || t('msg.citizen');
    li.querySelector('.conv-status').textContent = statusLabel(view.status);
    const { preview, waitingSince } = lastWord(entry);
    li.querySelector('.conv-preview').textContent = preview;
    li.querySelector('.conv-wait').textContent = waitLabel(waitingSince);
    const badge = li.querySelector('.unread');
    badge.textContent = String(unread);
    badge.hidden = unread === 0;
    li.querySelector('.unread-label').textContent = unread ? t('agent.unread', { n: unread }) : '';
    const button = li.querySelector('button');
    if (entry.id === selectedId) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
    li.classList.toggle('selected', entry.id === selectedId);
    if (li !== cursor) list.insertBefore(li, cursor);
    else cursor = cursor.nextElementSibling;
  }
  byId('listEmpty').hidden = entries.length > 0;
  // The tab shows how many citizen messages wait unread, so an agent on another tab sees them.
  const waiting = entries.reduce((sum, e) => sum + (e.view.unread || 0), 0);
  document.title = waiting ? `(${waiting}) ${t('agent.title')}` : t('agent.title');
}

function renderChatHeader() {
  const entry = selectedId && store.has(selectedId) ? store.entry(selectedId) : null;
  byId('chatEmpty').hidden = Boolean(entry);
  byId('chatPane').hidden = !entry;
  if (!entry) return;
  const { view } = entry;
  byId('chatSubject').textContent = view.subject || t('agent.noSubject');
  const meta = [t('agent.citizen', { name: view.citizenName || t('msg.citizen') }), statusLabel(view.status)];
  if (view.rating) meta.push(t('agent.ratingShown', { n: view.rating }));
  byId('chatMeta').textContent = meta.filter(Boolean).join(' · ');
  renderConversationClocks(byId('chatClocks'), view.status === 'resolved' ? null : view);
  const info = [];
  if (view.transferReason) {
    // Moved within the account by the hub or a supervisor: said in the reader's language.
    info.push(t(`note.${view.transferReason}`));
  } else {
    if (view.fromAccountId) info.push(t('note.transferredFrom', { account: accountName(view.fromAccountId) }));
    if (view.transferNote) info.push(t('note.transferNote', { note: view.transferNote }));
  }
  const transferInfo = byId('transferInfo');
  transferInfo.hidden = info.length === 0;
  transferInfo.textContent = info.join(' · ');
  const mine = view.status === 'assigned' && (!view.agentId || view.agentId === page.auth().userId);
  byId('transfer').disabled = !mine;
  byId('transferColleague').disabled = !mine;
  byId('resolve').disabled = !mine;
  chat.setEnabled(mine);
}

function renderAll() {
  renderAccountOptions();
  renderList();
  renderChatHeader();
}

function select(id, { keepFocus = true } = {}) {
  selectedId = id;
  saved.set('selected', id);
  chat.show(id && store.has(id) ? id : null);
  notes.show(id && store.has(id) ? id : null);
  labels.show(id && store.has(id) ? id : null);
  renderList();
  renderChatHeader();
  if (!keepFocus && id) listItems.get(id)?.querySelector('button')?.focus();
}

function moveSelection(step) {
  const ids = conversationsOf(selectedAccount).map((e) => e.id);
  if (!ids.length) return;
  const index = ids.indexOf(selectedId);
  const next = index < 0 ? (step > 0 ? 0 : ids.length - 1) : Math.min(ids.length - 1, Math.max(0, index + step));
  const focusInList = byId('conversations').contains(document.activeElement);
  select(ids[next], { keepFocus: !focusInList });
}

function whoLabel(message) {
  if (message.senderRole === 'citizen') return store.entry(message.conversationId).view.citizenName || t('msg.citizen');
  return message.senderId === page.auth().userId ? t('msg.me') : t('msg.colleague');
}

/** Joins one conversation's updates and brings its view and messages up to date. */
async function follow(id) {
  const joined = await client.invoke('JoinConversation', id);
  const view = joined?.status ? joined : await client.invoke('GetConversation', id);
  store.setView(view);
  await catchUpHistory(client, store, id);
}

/** Whole hours of a .NET TimeSpan as JSON writes it ("[d.]hh:mm:ss"); WeChat's window is 48. */
function windowHours(span) {
  const match = /^(?:(\d+)\.)?(\d+):/.exec(span ?? '');
  return match ? Number(match[1] ?? 0) * 24 + Number(match[2]) : 48;
}

async function refreshConversations() {
  refreshStartedAt = performance.now();
  const listed = new Set();
  let complete = true;
  for (const accountId of page.auth().accountIds ?? []) {
    try {
      const views = (await client.invoke('GetMyConversations', accountId)) ?? [];
      for (const view of views) {
        listed.add(view.conversationId);
        if (!store.has(view.conversationId)) learn(view.conversationId);
        store.setView(view);
      }
    } catch (err) {
      complete = false;
      if (hubError(err)) showError(err);
    }
  }
  if (complete) {
    for (const id of [...store.entries.keys()]) {
      const keepSelectedResolved = id === selectedId && store.entry(id).view.status === 'resolved';
      if (!listed.has(id) && !keepSelectedResolved && (learnedAt.get(id) ?? 0) < refreshStartedAt) store.remove(id);
    }
  }
  await Promise.all([...listed].map((id) => follow(id).catch(() => {})));
  if (selectedId && !store.has(selectedId)) select(null);
  else {
    const shown = selectedId && store.has(selectedId) ? selectedId : null;
    chat.show(shown);
    // Notes pushed while the connection was down are fetched again.
    notes.show(shown);
    labels.show(shown);
  }
  renderAll();
}

async function assertAvailability() {
  for (const accountId of page.auth().accountIds ?? []) {
    if (!wanted[accountId]) continue;
    try {
      await client.invoke('SetAvailability', accountId, true);
    } catch (err) {
      if (hubError(err)) showError(err);
    }
  }
}

function onMessage(message) {
  const id = message?.conversationId;
  if (!id || !store.has(id)) return;
  const entry = store.entry(id);
  if (message.senderRole === 'citizen' && !entry.seqs.has(message.seq) && message.seq > entry.markedSeq) {
    // Counted before adding: the chat view clears it again at once when the agent is looking.
    store.setView({ conversationId: id, unread: (entry.view.unread || 0) + 1 });
    attention.cue('attention.newMessage', { subject: entry.view.subject || t('agent.noSubject') }, { whileVisible: id !== selectedId });
  }
  if (message.senderRole !== 'citizen' && entry.view.firstResponseDue) {
    // Staff answered: the first-response clock stopped, as the conversation's next view will say.
    store.setView({ conversationId: id, firstResponseDue: null });
  }
  store.addMessages(id, [message]);
}

function setUpConnection() {
  ({ client, store, sender, chat } = mountChat({
    saved,
    auth: page.auth,
    role: 'agent',
    whoLabel,
    onError: (err) => showError(err),
    session: savedSession(saved, page.auth, page.ended),
  }));
  notes = mountNotes(client);
  attention = mountAttention({ soundSwitch: byId('soundCue'), desktopSwitch: byId('desktopCue'), errorEl: byId('attentionError') });
  // Waiting times and clocks move on by themselves.
  setInterval(() => {
    renderList();
    if (selectedId) renderChatHeader();
  }, WAIT_REFRESH_MS);
  labels = mountConversationLabels({ client, store });
  const selectedView = () => (selectedId && store.has(selectedId) ? store.entry(selectedId).view : null);
  mountCannedReplies({ client, composer: byId('composer'), form: byId('composerForm'), menu: byId('cannedMenu'), view: selectedView });
  mountColleagueTransfer({ client, view: selectedView, onTransferred: dropTransferred });
  store.onChange((id) => {
    renderList();
    renderAccountOptions();
    if (id === selectedId) renderChatHeader();
  });

  client.on('message', onMessage);
  client.on('conversationAssigned', (event) => {
    if (!event?.conversationId || event.agentId !== page.auth().userId) return;
    const isNew = !store.has(event.conversationId);
    learn(event.conversationId);
    store.setView({
      conversationId: event.conversationId,
      accountId: event.accountId,
      agentId: event.agentId,
      agentName: event.agentName,
      subject: event.subject,
      citizenName: event.citizenName,
      transferNote: event.transferNote ?? null,
      fromAccountId: event.fromAccountId ?? null,
      transferReason: event.transferReason ?? null,
      status: 'assigned',
    });
    if (isNew) {
      const subject = event.subject || t('agent.noSubject');
      showNotice('agent.newConversation', { subject });
      attention.cue('attention.newConversation', { subject }, { whileVisible: true });
    }
    follow(event.conversationId).catch((err) => {
      if (hubError(err)) showError(err);
    });
  });
  client.on('conversationStatus', (event) => {
    if (!event?.conversationId || !store.has(event.conversationId)) return;
    store.setView({ conversationId: event.conversationId, status: event.status, queuePosition: event.queuePosition ?? null });
  });
  client.on('conversationTransferred', (event) => {
    const id = event?.conversationId;
    if (!id || !store.has(id)) return;
    // If this agent already received it again in the target account, keep it.
    if (store.entry(id).view.accountId !== event.fromAccountId) return;
    store.remove(id);
    if (id === selectedId) select(null);
    renderAll();
  });
  client.on('conversationRated', (event) => {
    if (!event?.conversationId || !store.has(event.conversationId)) return;
    store.setView({ conversationId: event.conversationId, rating: event.rating });
    showNotice('agent.rated', { subject: store.entry(event.conversationId).view.subject || t('agent.noSubject'), n: event.rating });
  });
  // A reply on an outside channel whose reply window has shut waits until the citizen writes again.
  client.on('channelReplyHeld', (event) => {
    const id = event?.conversationId;
    if (!id || !store.has(id)) return;
    const hours = windowHours(event.window);
    store.addNote(id, 'agent.replyHeld', { hours }, { afterSeq: event.seq, tone: 'held' });
    showNotice('agent.replyHeld', { hours });
  });
  // A clock near or past its due time: the view says so with its fresh due times and breaches.
  for (const name of ['serviceLevelWarning', 'serviceLevelBreached']) {
    client.on(name, (event) => {
      if (!event?.conversationId || !store.has(event.conversationId)) return;
      const subject = event.subject || t('agent.noSubject');
      showNotice(name === 'serviceLevelWarning' ? 'agent.clockWarning' : 'agent.clockBreached', { subject });
      attention.cue(name === 'serviceLevelWarning' ? 'agent.clockWarning' : 'agent.clockBreached', { subject }, { whileVisible: true });
      client.invoke('GetConversation', event.conversationId).then((view) => store.setView(view)).catch(() => {});
    });
  }
  client.on('typing', (event) => chat.onTyping(event));
  client.on('readReceipt', (event) => chat.onReadReceipt(event));

  client.onConnected(async () => {
    await refreshConversations();
    await assertAvailability();
    sender.flush();
  });
}

async function loadAccounts() {
  try {
    accounts = (await api.accounts()) ?? [];
  } catch (err) {
    showError(err);
  }
  renderAll();
}

function enterConsole(auth, justSignedIn) {
  const ids = auth.accountIds ?? [];
  if (!ids.includes(selectedAccount)) selectedAccount = ids[0] ?? null;
  saved.set('account', selectedAccount);
  if (!client) setUpConnection();
  renderAll();
  loadAccounts();
  client.start();
  if (justSignedIn) byId('account').focus();
}

byId('account').addEventListener('change', (event) => {
  selectedAccount = event.target.value;
  saved.set('account', selectedAccount);
  if (selectedId && store.entry(selectedId).view.accountId !== selectedAccount) select(null);
  renderAll();
});

byId('available').addEventListener('change', async (event) => {
  const checkbox = event.target;
  const accountId = selectedAccount;
  const available = checkbox.checked;
  wanted = { ...wanted, [accountId]: available };
  saved.set('available', wanted);
  clearError();
  // Offline, the wish is kept and asserted as soon as the connection is back.
  if (!client.connected) return;
  try {
    await client.invoke('SetAvailability', accountId, available);
  } catch (err) {
    wanted = { ...wanted, [accountId]: !available };
    saved.set('available', wanted);
    if (selectedAccount === accountId) checkbox.checked = !available;
    showError(err);
  }
});

const resolveDialog = byId('resolveDialog');

byId('resolve').addEventListener('click', () => {
  if (selectedId) resolveDialog.showModal();
});

byId('resolveCancel').addEventListener('click', () => resolveDialog.close());

// Resolving cannot be undone, so it is asked again; focus goes back to the button either way.
resolveDialog.addEventListener('close', () => byId('resolve').focus());

byId('resolveForm').addEventListener('submit', () => {
  const id = selectedId;
  if (!id) return;
  busy(byId('resolve'), async () => {
    clearError();
    try {
      await client.call('ResolveConversation', id);
      store.setView({ conversationId: id, status: 'resolved' });
      showNotice('agent.resolved');
    } catch (err) {
      showError(err);
    }
  }).then(() => {
    // busy() re-enables the button; the conversation's state decides whether it stays usable.
    renderChatHeader();
  });
});

const dialog = byId('transferDialog');

function openTransfer() {
  const id = selectedId;
  if (!id) return;
  const current = store.entry(id).view.accountId;
  const targets = accounts.filter((a) => a.id !== current);
  byId('transferAccount').replaceChildren(...targets.map((a) => h('option', { value: a.id, text: a.department ? `${a.name} — ${a.department}` : a.name })));
  byId('transferAccount').disabled = targets.length === 0;
  byId('transferNone').hidden = targets.length > 0;
  byId('transferConfirm').disabled = targets.length === 0;
  byId('transferNote').value = '';
  byId('transferError').textContent = '';
  dialog.showModal();
  byId('transferAccount').focus();
}

byId('transfer').addEventListener('click', async () => {
  // Accounts created after sign-in must be offered too.
  await loadAccounts();
  openTransfer();
});

byId('transferCancel').addEventListener('click', () => dialog.close());

/** A conversation this agent handed on leaves the list (unless it came back to them), and focus goes to the list. */
function dropTransferred(id, cameBack = false) {
  if (store.has(id) && !cameBack) store.remove(id);
  if (selectedId === id) select(null);
  renderAll();
  showNotice('agent.transferred');
  byId('conversations').querySelector('button')?.focus();
}

byId('transferForm').addEventListener('submit', (event) => {
  event.preventDefault();
  const id = selectedId;
  const toAccountId = byId('transferAccount').value;
  if (!id || !toAccountId) return;
  busy(byId('transferConfirm'), async () => {
    byId('transferError').textContent = '';
    try {
      await client.call('TransferConversation', id, toAccountId, byId('transferNote').value.trim());
      dialog.close();
      dropTransferred(id, store.has(id) && store.entry(id).view.accountId === toAccountId);
    } catch (err) {
      byId('transferError').textContent = describeError(err);
    }
  });
});

document.addEventListener('keydown', (event) => {
  if (!event.altKey || event.ctrlKey || event.metaKey || !page.auth() || dialog.open) return;
  if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
    event.preventDefault();
    moveSelection(event.key === 'ArrowDown' ? 1 : -1);
  }
});

onLangChange(() => {
  if (page.auth() && store) renderAll();
});
