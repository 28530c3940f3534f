// Conversation state shared by the citizen and agent pages: messages ordered by seq,
// an outbox that survives reconnects and reloads, typing, read receipts and the composer.
import { HubClient, hubError } from './connection.js';
import { onLangChange, t } from './i18n.js';
import { linkified } from './linkify.js';
import { mountReference } from './reference.js';
import { bindConnectionBadge, byId, formatFullTime, formatTime, h, newClientId } from './ui.js';

export const MAX_TEXT = 4000;
const TYPING_REPEAT_MS = 3000;
const TYPING_IDLE_MS = 4000;
// A lost "stopped typing" event must not leave the indicator on forever.
const TYPING_SHOW_MS = 6000;
const RATE_LIMIT_RETRY_MS = 2000;

export class ConversationStore {
  constructor(storage, myUserId, myRole) {
    this.storage = storage;
    this.myUserId = myUserId;
    this.myRole = myRole;
    this.entries = new Map();
    this.listeners = new Set();
    // The outbox is what the user typed and the server has not yet confirmed; it outlives a reload.
    this.outbox = (storage.get('outbox') ?? []).filter((item) => item && item.clientMessageId && item.conversationId);
  }

  onChange(listener) {
    this.listeners.add(listener);
  }

  changed(id) {
    for (const listener of this.listeners) listener(id);
  }

  entry(id) {
    let entry = this.entries.get(id);
    if (!entry) {
      entry = { id, view: { conversationId: id }, messages: [], seqs: new Set(), lastSeq: 0, otherReadSeq: 0, markedSeq: 0, notes: [], typingUntil: 0, typingRole: null };
      this.entries.set(id, entry);
    }
    return entry;
  }

  has(id) {
    return this.entries.has(id);
  }

  setView(view) {
    if (!view?.conversationId) return null;
    const entry = this.entry(view.conversationId);
    const merged = { ...entry.view };
    for (const [key, value] of Object.entries(view)) if (value !== undefined) merged[key] = value;
    entry.view = merged;
    if (typeof view.otherReadSeq === 'number' && view.otherReadSeq > entry.otherReadSeq) entry.otherReadSeq = view.otherReadSeq;
    this.changed(entry.id);
    return entry;
  }

  /** Adds messages once each, keeping seq order; answers the ones that were new. */
  addMessages(id, messages) {
    const entry = this.entry(id);
    const added = [];
    for (const message of messages ?? []) {
      if (!message || typeof message.seq !== 'number') continue;
      if (entry.seqs.has(message.seq)) {
        // The server's copy replaces a locally built one (its sentAt is authoritative).
        const index = entry.messages.findIndex((m) => m.seq === message.seq);
        if (index >= 0 && entry.messages[index].local) entry.messages[index] = message;
        continue;
      }
      entry.seqs.add(message.seq);
      entry.messages.push(message);
      added.push(message);
      if (message.seq > entry.lastSeq) entry.lastSeq = message.seq;
      if (message.senderRole !== this.myRole && entry.typingRole === message.senderRole) entry.typingUntil = 0;
    }
    if (added.length) {
      entry.messages.sort((a, b) => a.seq - b.seq);
      const confirmed = new Set(added.map((m) => m.clientMessageId).filter(Boolean));
      if (confirmed.size) this.dropFromOutbox((item) => confirmed.has(item.clientMessageId));
      this.changed(id);
    }
    return added;
  }

  /** A line of the page's own in the conversation, after the latest message or after the one at `afterSeq`; `tone` styles it. */
  addNote(id, key, params, { afterSeq, tone } = {}) {
    const entry = this.entry(id);
    entry.notes.push({ key: `${entry.notes.length}`, textKey: key, params, afterSeq: afterSeq ?? entry.lastSeq, tone });
    this.changed(id);
  }

  remove(id) {
    this.entries.delete(id);
    this.dropFromOutbox((item) => item.conversationId === id);
  }

  outboxFor(id) {
    return this.outbox.filter((item) => item.conversationId === id);
  }

  enqueue(conversationId, text) {
    const item = { conversationId, clientMessageId: newClientId(), text, createdAt: new Date().toISOString(), state: 'pending' };
    this.outbox.push(item);
    this.saveOutbox();
    this.changed(conversationId);
    return item;
  }

  acknowledge(item, seq) {
    this.dropFromOutbox((candidate) => candidate.clientMessageId === item.clientMessageId);
    if (typeof seq === 'number') {
      this.addMessages(item.conversationId, [{
        conversationId: item.conversationId,
        seq,
        clientMessageId: item.clientMessageId,
        senderId: this.myUserId,
        senderRole: this.myRole,
        text: item.text,
        sentAt: new Date().toISOString(),
        local: true,
      }]);
    }
    this.changed(item.conversationId);
  }

  setOutboxState(item, state) {
    const found = this.outbox.find((candidate) => candidate.clientMessageId === item.clientMessageId);
    if (!found) return;
    found.state = state;
    this.saveOutbox();
    this.changed(found.conversationId);
  }

  discard(item) {
    this.dropFromOutbox((candidate) => candidate.clientMessageId === item.clientMessageId);
    this.changed(item.conversationId);
  }

  dropFromOutbox(predicate) {
    const before = this.outbox.length;
    this.outbox = this.outbox.filter((item) => !predicate(item));
    if (this.outbox.length !== before) this.saveOutbox();
  }

  saveOutbox() {
    this.storage.set('outbox', this.outbox.map(({ conversationId, clientMessageId, text, createdAt, state }) => ({ conversationId, clientMessageId, text, createdAt, state })));
  }
}

/**
 * Sends outbox items one at a time, in the order typed. A transport failure leaves the item
 * queued for the next connection; the same clientMessageId makes the re-send harmless.
 */
/**
 * Adds to the store what the conversation holds after the last seq seen. A long history comes
 * in pages: ask again after each page's last seq until a page is empty.
 */
export async function catchUpHistory(client, store, id) {
  let after = store.entry(id).lastSeq;
  for (;;) {
    const page = await client.invoke('GetHistory', id, after);
    if (!page?.length) return;
    store.addMessages(id, page);
    after = page[page.length - 1].seq;
  }
}

export class Sender {
  constructor(store, client, onError) {
    this.store = store;
    this.client = client;
    this.onError = onError;
    this.running = false;
    this.again = false;
    this.retryTimer = null;
  }

  async flush() {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.again = false;
        for (const item of [...this.store.outbox]) {
          if (item.state !== 'pending') continue;
          if (!this.client.connected) return;
          if (!this.store.outbox.includes(item)) continue;
          try {
            const result = await this.client.invoke('SendMessage', item.conversationId, item.clientMessageId, item.text);
            this.store.acknowledge(item, result?.seq);
          } catch (err) {
            const parsed = hubError(err);
            if (!parsed) return;
            if (parsed.code === 'rate_limited') {
              clearTimeout(this.retryTimer);
              this.retryTimer = setTimeout(() => this.flush(), RATE_LIMIT_RETRY_MS);
              return;
            }
            this.store.setOutboxState(item, 'failed');
            this.onError(err);
          }
        }
      } while (this.again);
    } finally {
      this.running = false;
    }
  }
}

/** Renders one conversation at a time into a message list and drives the composer. */
export class ChatView {
  constructor({ store, client, sender, list, emptyEl, typingEl, form, composer, sendButton, counter, whoLabel, onError }) {
    Object.assign(this, { store, client, sender, list, emptyEl, typingEl, form, composer, sendButton, counter, whoLabel, onError });
    this.id = null;
    this.enabled = false;
    this.elements = new Map();
    this.drafts = new Map();
    this.typingSentAt = 0;
    this.typingOn = false;
    this.idleTimer = null;
    this.typingHideTimer = null;
    this.shownListeners = new Set();

    store.onChange((id) => {
      if (id === this.id) this.render();
    });
    onLangChange(() => this.render(true));
    // A message written while the connection is down is not "sending": it waits, and says so.
    this.online = client.connected;
    client.onState((state) => {
      const online = state === 'connected';
      if (online === this.online) return;
      this.online = online;
      this.render(true);
    });

    composer.maxLength = MAX_TEXT;
    composer.addEventListener('input', () => {
      this.updateComposer();
      this.noteTyping();
    });
    composer.addEventListener('keydown', (event) => {
      // Enter confirms an IME candidate while composing Chinese text; it must not send then.
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
        event.preventDefault();
        this.submit();
      }
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });

    let scrollTimer = null;
    list.addEventListener('scroll', () => {
      clearTimeout(scrollTimer);
      scrollTimer = setTimeout(() => this.markRead(), 150);
    });
    window.addEventListener('focus', () => this.markRead());
    document.addEventListener('visibilitychange', () => this.markRead());
    this.updateComposer();
  }

  show(id) {
    if (this.id !== id) {
      this.stopTyping();
      // An agent juggling several citizens keeps a half-written reply per conversation.
      if (this.id) this.drafts.set(this.id, this.composer.value);
      this.id = id;
      this.list.replaceChildren();
      this.elements.clear();
      this.composer.value = (id && this.drafts.get(id)) || '';
    }
    this.render();
    this.scrollToBottom();
    this.markRead();
    for (const listener of this.shownListeners) listener(id);
  }

  /** Calls back whenever the panel is pointed at a conversation (or at none). */
  onShown(listener) {
    this.shownListeners.add(listener);
  }

  setEnabled(enabled) {
    this.enabled = enabled;
    this.composer.disabled = !enabled;
    if (!enabled) this.stopTyping();
    this.updateComposer();
  }

  focusComposer() {
    if (!this.composer.disabled) this.composer.focus();
  }

  updateComposer() {
    const length = this.composer.value.length;
    this.counter.textContent = t('composer.counter', { n: length, max: MAX_TEXT });
    this.counter.classList.toggle('near-limit', length > MAX_TEXT * 0.9);
    this.sendButton.disabled = !this.enabled || !this.id || this.composer.value.trim() === '';
  }

  submit() {
    const text = this.composer.value.trim();
    if (!this.enabled || !this.id || !text) return;
    if (text.length > MAX_TEXT) {
      this.onError('err.too_large');
      return;
    }
    this.store.enqueue(this.id, text);
    this.composer.value = '';
    this.drafts.delete(this.id);
    this.updateComposer();
    this.stopTyping();
    this.scrollToBottom();
    this.sender.flush();
  }

  noteTyping() {
    if (!this.id || !this.enabled) return;
    const now = Date.now();
    const hasText = this.composer.value.trim() !== '';
    if (hasText && (!this.typingOn || now - this.typingSentAt >= TYPING_REPEAT_MS)) {
      this.typingOn = true;
      this.typingSentAt = now;
      this.sendTyping(this.id, true);
    }
    clearTimeout(this.idleTimer);
    if (this.typingOn) this.idleTimer = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
  }

  stopTyping() {
    clearTimeout(this.idleTimer);
    if (this.typingOn && this.id) this.sendTyping(this.id, false);
    this.typingOn = false;
    this.typingSentAt = 0;
  }

  sendTyping(id, isTyping) {
    if (!this.client.connected) return;
    // Typing is a courtesy signal; a failure is not worth interrupting the user for.
    this.client.invoke('SetTyping', id, isTyping).catch(() => {});
  }

  onTyping(event) {
    if (event.userId === this.store.myUserId) return;
    const entry = this.store.entry(event.conversationId);
    entry.typingRole = event.role;
    entry.typingUntil = event.isTyping ? Date.now() + TYPING_SHOW_MS : 0;
    if (event.conversationId === this.id) this.renderTyping();
  }

  onReadReceipt(event) {
    if (event.userId === this.store.myUserId || event.role === this.store.myRole) return;
    const entry = this.store.entry(event.conversationId);
    if (event.seq > entry.otherReadSeq) {
      entry.otherReadSeq = event.seq;
      if (event.conversationId === this.id) this.render();
    }
  }

  renderTyping() {
    clearTimeout(this.typingHideTimer);
    const entry = this.id ? this.store.entry(this.id) : null;
    const remaining = entry ? entry.typingUntil - Date.now() : 0;
    const text = remaining > 0 ? t(entry.typingRole === 'agent' ? 'typing.agent' : 'typing.citizen') : '';
    if (this.typingEl.textContent !== text) this.typingEl.textContent = text;
    if (remaining > 0) this.typingHideTimer = setTimeout(() => this.renderTyping(), remaining + 50);
  }

  isNearBottom() {
    const { scrollHeight, scrollTop, clientHeight } = this.list;
    return scrollHeight - scrollTop - clientHeight < 48;
  }

  scrollToBottom() {
    this.list.scrollTop = this.list.scrollHeight;
  }

  /** Tells the server what this person has actually seen: a focused window scrolled to the end. */
  markRead() {
    if (!this.id || !this.client.connected) return;
    if (document.visibilityState !== 'visible' || !document.hasFocus()) return;
    if (!this.isNearBottom()) return;
    const entry = this.store.entry(this.id);
    if (entry.lastSeq <= entry.markedSeq) {
      if (entry.view.unread) this.clearUnread(entry);
      return;
    }
    const previous = entry.markedSeq;
    const seq = entry.lastSeq;
    entry.markedSeq = seq;
    this.clearUnread(entry);
    this.client.invoke('MarkRead', this.id, seq).catch(() => {
      if (entry.markedSeq === seq) entry.markedSeq = previous;
    });
  }

  clearUnread(entry) {
    if (entry.view.unread) this.store.setView({ conversationId: entry.id, unread: 0 });
  }

  /** Brings the list in line with the store, touching only what changed so screen readers hear only new lines. */
  render(relabel = false) {
    this.renderTyping();
    this.updateComposer();
    if (!this.id) {
      this.list.replaceChildren();
      this.elements.clear();
      if (this.emptyEl) this.emptyEl.hidden = true;
      return;
    }
    const entry = this.store.entry(this.id);
    const wasAtBottom = this.isNearBottom();

    const myLastRead = entry.messages.reduce(
      (best, m) => (m.senderRole === this.store.myRole && m.seq <= entry.otherReadSeq && m.seq > best ? m.seq : best),
      0,
    );

    const wanted = [];
    let noteIndex = 0;
    const notes = [...entry.notes].sort((a, b) => a.afterSeq - b.afterSeq);
    const pushNotesUpTo = (seq) => {
      while (noteIndex < notes.length && notes[noteIndex].afterSeq <= seq) {
        const note = notes[noteIndex++];
        wanted.push({ key: `n:${note.key}`, kind: 'note', note });
      }
    };
    pushNotesUpTo(0);
    for (const message of entry.messages) {
      wanted.push({ key: `m:${message.seq}`, kind: 'message', message, read: message.seq === myLastRead });
      pushNotesUpTo(message.seq);
    }
    pushNotesUpTo(Number.MAX_SAFE_INTEGER);
    for (const item of this.store.outboxFor(this.id)) wanted.push({ key: `o:${item.clientMessageId}`, kind: 'outbox', item });

    const wantedKeys = new Set(wanted.map((w) => w.key));
    for (const [key, el] of this.elements) {
      if (!wantedKeys.has(key)) {
        el.remove();
        this.elements.delete(key);
      }
    }

    let cursor = this.list.firstElementChild;
    let addedMine = false;
    for (const want of wanted) {
      let el = this.elements.get(want.key);
      if (!el) {
        el = this.build(want);
        this.elements.set(want.key, el);
        if (want.kind === 'outbox') addedMine = true;
      } else {
        this.update(el, want, relabel);
      }
      if (el !== cursor) this.list.insertBefore(el, cursor);
      else cursor = cursor.nextElementSibling;
    }

    if (this.emptyEl) this.emptyEl.hidden = wanted.length > 0;
    if (wasAtBottom || addedMine) this.scrollToBottom();
    this.markRead();
  }

  build(want) {
    if (want.kind === 'note') {
      return h('li', { className: 'system-note', 'data-tone': want.note.tone, text: t(want.note.textKey, want.note.params) });
    }
    if (want.kind === 'outbox') {
      const { item } = want;
      const el = h('li', { className: 'message mine pending', 'data-role': this.store.myRole, 'data-client-id': item.clientMessageId },
        h('div', { className: 'bubble' }, h('p', { className: 'text' }, linkified(item.text))),
        h('div', { className: 'meta' }));
      this.update(el, want, true);
      return el;
    }
    const { message } = want;
    const mine = message.senderRole === this.store.myRole;
    const el = h('li', { className: `message ${mine ? 'mine' : 'theirs'}`, 'data-seq': message.seq, 'data-role': message.senderRole },
      h('div', { className: 'bubble' }, h('p', { className: 'text' }, linkified(message.text))),
      h('div', { className: 'meta' },
        h('span', { className: 'who' }),
        h('time', { datetime: message.sentAt }),
        h('span', { className: 'receipt' })));
    this.update(el, want, true);
    return el;
  }

  update(el, want, relabel) {
    if (want.kind === 'note') {
      if (relabel) el.textContent = t(want.note.textKey, want.note.params);
      return;
    }
    if (want.kind === 'outbox') {
      const { item } = want;
      const state = item.state === 'pending' && !this.online ? 'waiting' : item.state;
      if (!relabel && el.dataset.state === state) return;
      el.dataset.state = state;
      el.classList.toggle('failed', item.state === 'failed');
      const meta = el.querySelector('.meta');
      if (item.state === 'failed') {
        meta.replaceChildren(
          h('span', { className: 'state', text: t('msg.failed') }),
          h('button', { type: 'button', className: 'link-button', text: t('msg.retry'), onclick: () => {
            this.store.setOutboxState(item, 'pending');
            this.sender.flush();
          } }),
          h('button', { type: 'button', className: 'link-button', text: t('msg.discard'), onclick: () => this.store.discard(item) }),
        );
      } else {
        meta.replaceChildren(h('span', { className: 'state', text: t(state === 'waiting' ? 'msg.waiting' : 'msg.sending') }));
      }
      return;
    }
    const { message } = want;
    const setText = (node, text) => {
      if (node.textContent !== text) node.textContent = text;
    };
    setText(el.querySelector('.who'), this.whoLabel(message));
    const time = el.querySelector('time');
    if (relabel || time.getAttribute('datetime') !== message.sentAt) {
      time.setAttribute('datetime', message.sentAt);
      time.textContent = formatTime(message.sentAt);
      time.title = formatFullTime(message.sentAt);
    }
    setText(el.querySelector('.receipt'), want.read ? t('msg.read') : '');
  }
}

/**
 * The banner over a conversation while the connection is lost: what is shown may be out of date,
 * and what is written waits. Not shown while the page first connects.
 */
function bindConnectionBanner(client, el) {
  let state = 'idle';
  const render = () => {
    el.hidden = state !== 'reconnecting' && state !== 'offline';
    el.dataset.state = state;
    el.textContent = el.hidden ? '' : t('conn.banner');
  };
  client.onState((value) => {
    state = value;
    render();
  });
  onLangChange(render);
}

/**
 * Wires a page's hub connection, conversation store, outbox and chat panel to the
 * standard elements (#messages, #composer, #send, ...) that both chat pages share.
 */
export function mountChat({ saved, auth, role, whoLabel, onError, session }) {
  const client = new HubClient(() => auth()?.token, session);
  const store = new ConversationStore(saved, auth().userId, role);
  const sender = new Sender(store, client, onError);
  const chat = new ChatView({
    store,
    client,
    sender,
    list: byId('messages'),
    emptyEl: byId('emptyMessages'),
    typingEl: byId('typing'),
    form: byId('composerForm'),
    composer: byId('composer'),
    sendButton: byId('send'),
    counter: byId('counter'),
    whoLabel,
    onError,
  });
  bindConnectionBadge(client, byId('connection'));
  bindConnectionBanner(client, byId('connectionBanner'));
  mountReference({ store, chat, auth, onError });
  return { client, store, sender, chat };
}
