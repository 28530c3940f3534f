// Private notes on the selected conversation: staff of the account read and add them; the citizen never sees them.
import { onLangChange, t } from './i18n.js';
import { busy, byId, describeError, formatFullTime, formatTime, h } from './ui.js';

/**
 * Binds the notes panel of the agent console to the page's hub client.
 * Returns show(conversationId), called whenever the selected conversation changes or the connection is back.
 */
export function mountNotes(client) {
  let current = null;
  // Notes of the current conversation by number: a note both returned by AddNote and pushed is kept once.
  let notes = new Map();
  // Kept as a producer so that switching language re-words the visible error.
  let errorSource = null;

  const panel = byId('notesPanel');
  const list = byId('notesList');
  const form = byId('noteForm');
  const text = byId('noteText');
  const add = byId('addNote');

  function showError(source) {
    errorSource = source;
    byId('noteError').textContent = source ? source() : '';
  }

  function noteItem(note) {
    return h('li', { className: 'note', 'data-number': note.number },
      h('p', { className: 'note-meta' },
        h('span', { className: 'note-author', text: note.authorName || note.authorId }),
        h('time', { datetime: note.at, title: formatFullTime(note.at), text: formatTime(note.at) })),
      h('p', { className: 'note-text', text: note.text }));
  }

  function render() {
    const ordered = [...notes.values()].sort((a, b) => a.number - b.number);
    list.replaceChildren(...ordered.map(noteItem));
    byId('notesEmpty').hidden = ordered.length > 0;
    byId('notesCount').textContent = ordered.length ? String(ordered.length) : '';
    list.scrollTop = list.scrollHeight;
  }

  function remember(note) {
    if (!note || note.conversationId !== current || notes.has(note.number)) return;
    notes.set(note.number, note);
    render();
  }

  async function load(id) {
    try {
      const loaded = (await client.call('GetNotes', id)) ?? [];
      if (id !== current) return;
      for (const note of loaded) notes.set(note.number, note);
      render();
    } catch (err) {
      if (id === current) showError(() => describeError(err));
    }
  }

  function show(id) {
    if (id !== current) {
      current = id;
      notes = new Map();
      text.value = '';
      showError(null);
      render();
    }
    panel.hidden = !id;
    if (id) load(id);
  }

  client.on('noteAdded', remember);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const id = current;
    const value = text.value.trim();
    if (!id) return;
    if (!value) {
      showError(() => t('notes.required'));
      text.focus();
      return;
    }
    busy(add, async () => {
      showError(null);
      try {
        remember(await client.call('AddNote', id, value));
        if (id === current) text.value = '';
      } catch (err) {
        if (id === current) showError(() => describeError(err));
      }
    });
  });

  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  onLangChange(() => {
    render();
    if (errorSource) showError(errorSource);
  });

  return { show };
}
