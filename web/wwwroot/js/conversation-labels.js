// Labels on the selected conversation: chips that can be taken off, and a list of the
// account's labels to add one. Staff only; the citizen never sees them.
import { onLangChange, t } from './i18n.js';
import { byId, describeError, h } from './ui.js';

/** Binds the labels bar of the agent console; show(id) follows the selected conversation. */
export function mountConversationLabels({ client, store }) {
  const bar = byId('labelsBar');
  const chips = byId('labelChips');
  const picker = byId('labelAdd');
  const errorEl = byId('labelError');
  // The account's labels, by account id, read again each time a conversation is shown.
  const known = new Map();
  let current = null;
  let errorSource = null;

  function showError(source) {
    errorSource = source;
    errorEl.textContent = source ? source() : '';
  }

  const labelsOf = (id) => (id && store.has(id) ? store.entry(id).view.labels ?? [] : []);

  function render() {
    bar.hidden = !current;
    if (!current) return;
    const labels = labelsOf(current);
    // Rebuilt only when the labels change: a chip replaced under the pointer or the focus loses its click.
    const chipsKey = JSON.stringify([current, t('labels.add'), labels]);
    if (chips.dataset.key !== chipsKey) {
      chips.dataset.key = chipsKey;
      chips.replaceChildren(...labels.map((label) =>
        h('li', { className: 'label-chip' },
          h('span', { text: label }),
          h('button', {
            type: 'button',
            className: 'label-remove',
            'aria-label': t('labels.remove', { label }),
            title: t('labels.remove', { label }),
            text: '×',
            onclick: () => change('RemoveLabel', label),
          }))));
    }
    byId('labelsNone').hidden = labels.length > 0;
    const accountId = store.entry(current).view.accountId;
    const addable = (known.get(accountId) ?? []).filter((label) => !labels.includes(label));
    // Rebuilt only when its choices change: a message arriving must not reset an open list.
    const key = JSON.stringify([t('labels.add'), addable]);
    if (picker.dataset.key === key) return;
    picker.dataset.key = key;
    picker.replaceChildren(
      h('option', { value: '', text: t(addable.length ? 'labels.add' : 'labels.noneToAdd') }),
      ...addable.map((label) => h('option', { value: label, text: label })));
    picker.disabled = addable.length === 0;
  }

  async function loadKnown(accountId) {
    try {
      known.set(accountId, (await client.call('GetLabels', accountId)) ?? []);
      render();
    } catch (err) {
      showError(() => describeError(err));
    }
  }

  async function change(method, label) {
    const id = current;
    showError(null);
    try {
      const labels = await client.call(method, id, label);
      store.setView({ conversationId: id, labels });
    } catch (err) {
      if (id === current) showError(() => describeError(err));
    }
  }

  function show(id) {
    if (id !== current) showError(null);
    current = id;
    render();
    const accountId = id && store.has(id) ? store.entry(id).view.accountId : null;
    if (accountId) loadKnown(accountId);
  }

  picker.addEventListener('change', async () => {
    const label = picker.value;
    if (!label || !current) return;
    await change('AddLabel', label);
    picker.focus();
  });

  client.on('conversationLabels', (event) => {
    if (event?.conversationId && store.has(event.conversationId)) {
      store.setView({ conversationId: event.conversationId, labels: event.labels ?? [] });
    }
  });

  store.onChange((id) => {
    if (id === current) render();
  });

  onLangChange(() => {
    render();
    if (errorSource) showError(errorSource);
  });

  return { show };
}
