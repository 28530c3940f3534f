// Canned responses in the agent console: "/" at the start of the reply box lists the account's
// responses, filtered by what follows; arrow keys move, Enter inserts, Escape closes.
import { onLangChange, t } from './i18n.js';
import { describeError, h } from './ui.js';

/**
 * The text of a response with its placeholders filled from a conversation view. A placeholder
 * the view has no value for stays as written, so the agent sees what is still to be filled.
 */
export function fillPlaceholders(text, view) {
  const values = {
    citizen: view?.citizenName,
    reference: view?.referenceNumber ?? view?.reference,
  };
  return text.replace(/\{(citizen|reference)\}/g, (match, name) => (values[name] ? String(values[name]) : match));
}

/** What the agent typed after the slash, or null when the reply box does not start with one. */
function queryOf(value) {
  return value.startsWith('/') && !value.includes('\n') ? value.slice(1).trim().toLowerCase() : null;
}

/**
 * Binds the "/" list to the reply box. view() answers the selected conversation's view;
 * the responses are read again each time the list opens, so a supervisor's edit shows at once.
 */
export function mountCannedReplies({ client, composer, form, menu, view }) {
  let responses = [];
  let loadedFor = null;
  let matches = [];
  let active = 0;
  let failure = null;

  composer.setAttribute('role', 'combobox');
  composer.setAttribute('aria-autocomplete', 'list');
  composer.setAttribute('aria-controls', menu.id);
  composer.setAttribute('aria-expanded', 'false');

  const isOpen = () => !menu.hidden;

  function close() {
    menu.hidden = true;
    composer.setAttribute('aria-expanded', 'false');
    composer.removeAttribute('aria-activedescendant');
  }

  function render() {
    const query = queryOf(composer.value) ?? '';
    matches = responses.filter((r) => !query || r.title.toLowerCase().includes(query) || r.text.toLowerCase().includes(query));
    active = Math.min(active, Math.max(matches.length - 1, 0));
    const items = matches.map((response, index) =>
      h('li', {
        id: `canned-${response.responseId}`,
        role: 'option',
        className: 'canned-option',
        'aria-selected': String(index === active),
        onmousedown: (event) => event.preventDefault(),
        onclick: () => insert(response),
      },
      h('span', { className: 'canned-title', text: response.title }),
      h('span', { className: 'canned-text', text: fillPlaceholders(response.text, view()) })));
    if (!items.length) {
      const key = failure ? null : responses.length ? 'canned.noMatch' : 'canned.none';
      items.push(h('li', { className: 'canned-empty', role: 'presentation', text: key ? t(key) : describeError(failure) }));
    }
    menu.replaceChildren(...items);
    menu.hidden = false;
    composer.setAttribute('aria-expanded', 'true');
    const current = matches[active];
    if (current) {
      composer.setAttribute('aria-activedescendant', `canned-${current.responseId}`);
      menu.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
    } else {
      composer.removeAttribute('aria-activedescendant');
    }
  }

  async function load() {
    const accountId = view()?.accountId;
    if (!accountId) return;
    try {
      const loaded = (await client.call('GetCannedResponses', accountId)) ?? [];
      failure = null;
      responses = loaded;
      loadedFor = accountId;
    } catch (err) {
      failure = err;
      if (loadedFor !== accountId) responses = [];
    }
    if (queryOf(composer.value) !== null) render();
  }

  function insert(response) {
    close();
    composer.value = fillPlaceholders(response.text, view());
    // The chat view counts characters and enables sending on input.
    composer.dispatchEvent(new Event('input', { bubbles: true }));
    composer.focus();
    composer.setSelectionRange(composer.value.length, composer.value.length);
  }

  composer.addEventListener('input', () => {
    if (queryOf(composer.value) === null) {
      close();
      return;
    }
    if (!isOpen()) {
      active = 0;
      load();
    }
    render();
  });

  composer.addEventListener('blur', close);

  // Capturing on the form runs before the chat view's own Enter-to-send on the reply box.
  form.addEventListener('keydown', (event) => {
    if (event.target !== composer || !isOpen() || event.isComposing || event.keyCode === 229) return;
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (step && matches.length) {
      active = (active + step + matches.length) % matches.length;
      render();
    } else if (event.key === 'Enter' && !event.shiftKey) {
      // With nothing to insert, Enter only closes the list: "/…" is a search, not a message.
      if (matches[active]) insert(matches[active]);
      else close();
    } else if (event.key === 'Escape') {
      close();
    } else {
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
  }, true);

  onLangChange(() => {
    if (isOpen()) render();
  });

  return { close };
}
