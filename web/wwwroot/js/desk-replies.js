// The supervisors' desk: the selected account's canned responses and labels, kept by its
// supervisors. A module of its own beside desk.js, with its own connection, opened while the
// desk is shown: the desk's connection belongs to desk.js, which shares nothing.
import { session } from './api.js';
import { HubClient } from './connection.js';
import { onLangChange, t } from './i18n.js';
import { byId, describeError, h, showNotice } from './ui.js';

const saved = session('desk');
const consoleView = byId('consoleView');
let client = null;
let labels = [];
let responses = [];
// The response being edited, or null while the form adds a new one.
let editing = null;
// Each shown error keeps how to word it, so switching language re-words it.
const errors = new Map();

const accountId = () => byId('account').value || saved.get('account');

function placeError(el, source) {
  if (source) errors.set(el, source);
  else errors.delete(el);
  el.textContent = source ? source() : '';
}

const failed = (el) => (err) => placeError(el, () => describeError(err));

function renderLabels() {
  byId('deskLabels').replaceChildren(...labels.map((label) =>
    h('li', { className: 'label-chip' },
      h('span', { text: label }),
      h('button', {
        type: 'button',
        className: 'label-remove',
        text: '×',
        'aria-label': t('replies.removeLabel', { label }),
        title: t('replies.removeLabel', { label }),
        onclick: () => saveLabels(labels.filter((l) => l !== label)),
      }))));
  byId('deskLabelsEmpty').hidden = labels.length > 0;
}

function renderResponses() {
  byId('cannedList').replaceChildren(...responses.map((response) =>
    h('li', { className: 'canned-item', 'data-id': response.responseId },
      h('div', { className: 'canned-item-body' },
        h('strong', { text: response.title }),
        h('p', { text: response.text })),
      h('div', { className: 'canned-item-actions' },
        h('button', {
          type: 'button', className: 'secondary-button', text: t('replies.edit'),
          'aria-label': t('replies.editLabel', { title: response.title }),
          onclick: () => edit(response),
        }),
        h('button', {
          type: 'button', className: 'danger-button', text: t('replies.delete'),
          'aria-label': t('replies.deleteLabel', { title: response.title }),
          onclick: () => remove(response),
        })))));
  byId('cannedEmpty').hidden = responses.length > 0;
}

function renderForm() {
  byId('cannedFormHeading').textContent = t(editing ? 'replies.editHeading' : 'replies.newHeading');
  byId('cannedCancel').hidden = !editing;
}

async function load() {
  const id = accountId();
  if (!client || !id) return;
  try {
    const [loadedLabels, loadedResponses] = await Promise.all([
      client.call('GetLabels', id), client.call('GetCannedResponses', id)]);
    if (id !== accountId()) return;
    labels = loadedLabels ?? [];
    responses = loadedResponses ?? [];
    placeError(byId('deskLabelsError'), null);
    renderLabels();
    renderResponses();
  } catch (err) {
    failed(byId('deskLabelsError'))(err);
  }
}

async function saveLabels(next) {
  placeError(byId('deskLabelsError'), null);
  try {
    await client.call('SetLabels', accountId(), next);
    labels = next;
    renderLabels();
    return true;
  } catch (err) {
    failed(byId('deskLabelsError'))(err);
    return false;
  }
}

function edit(response) {
  editing = response;
  byId('cannedTitle').value = response.title;
  byId('cannedText').value = response.text;
  placeError(byId('cannedError'), null);
  renderForm();
  byId('cannedTitle').focus();
}

function stopEditing() {
  editing = null;
  byId('cannedForm').reset();
  renderForm();
}

async function remove(response) {
  if (!window.confirm(t('replies.deleteConfirm', { title: response.title }))) return;
  try {
    await client.call('DeleteCannedResponse', accountId(), response.responseId);
    responses = responses.filter((r) => r.responseId !== response.responseId);
    if (editing?.responseId === response.responseId) stopEditing();
    renderResponses();
    showNotice('replies.deleted', { title: response.title });
  } catch (err) {
    failed(byId('cannedError'))(err);
  }
}

byId('labelForm').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = byId('newLabel');
  const label = input.value.trim();
  if (!label || labels.includes(label)) return;
  if (await saveLabels([...labels, label])) input.value = '';
  input.focus();
});

byId('cannedForm').addEventListener('submit', async (event) => {
  event.preventDefault();
  const title = byId('cannedTitle').value.trim();
  const text = byId('cannedText').value.trim();
  if (!title || !text) {
    placeError(byId('cannedError'), () => t('replies.required'));
    return;
  }
  const save = byId('cannedSave');
  save.disabled = true;
  placeError(byId('cannedError'), null);
  try {
    const stored = editing
      ? await client.call('EditCannedResponse', accountId(), editing.responseId, title, text)
      : await client.call('AddCannedResponse', accountId(), title, text);
    responses = [...responses.filter((r) => r.responseId !== stored.responseId), stored]
      .sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
    stopEditing();
    renderResponses();
    showNotice('replies.saved', { title: stored.title });
  } catch (err) {
    failed(byId('cannedError'))(err);
  } finally {
    save.disabled = false;
  }
});

byId('cannedCancel').addEventListener('click', stopEditing);

byId('account').addEventListener('change', () => {
  stopEditing();
  labels = [];
  responses = [];
  renderLabels();
  renderResponses();
  load();
});

/** Connects while the desk is shown (signed in), and lets go when it is hidden (signed out). */
function follow() {
  if (!consoleView.hidden && !client) {
    client = new HubClient(() => saved.get('auth')?.token);
    client.onConnected(load);
    client.start();
  } else if (consoleView.hidden && client) {
    client.stop();
    client = null;
  }
}

new MutationObserver(follow).observe(consoleView, { attributes: true, attributeFilter: ['hidden'] });
follow();

onLangChange(() => {
  renderLabels();
  renderResponses();
  renderForm();
  for (const [el, source] of errors) el.textContent = source();
});
