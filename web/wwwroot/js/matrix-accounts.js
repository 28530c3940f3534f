// The accounts of the chosen body's subtree: creating one in the body, placing an existing one
// under it with its channel and handle, and the ways to its posts and its public page.
import { api, ApiError } from './api.js';
import { bodiesApi } from './bodies-api.js';
import { channelName, renderChannelSelect } from './channels.js';
import { t } from './i18n.js';
import { busy, byId, clearError, clearFieldError, h, showFieldError, showNotice } from './ui.js';

const ID = /^[a-z0-9-]{2,64}$/;

export function bindMatrixAccounts(matrix, onLoaded) {
  // The accounts of the selected body's subtree, and every account the caller may place.
  let accounts = [];
  let scopeAccounts = [];

  function row(a) {
    return h('tr', { dataset: { id: a.id } },
      h('td', {}, h('span', { className: 'staff-name', text: a.name }), h('code', { text: a.id })),
      h('td', { dataset: { label: t('matrix.colBody') }, text: matrix.bodyName(a.bodyId) }),
      h('td', { dataset: { label: t('matrix.colChannel') } }, h('span', { className: 'chip', text: channelName(a.channel) }), ' ', a.handle),
      h('td', {}, h('span', { className: 'row-actions' },
        h('a', { className: 'secondary-button small', href: `/posts.html?account=${encodeURIComponent(a.id)}`, text: t('matrix.postsLink') }),
        h('a', { className: 'ghost-button small', href: `/account.html?id=${encodeURIComponent(a.id)}`, text: t('matrix.publicLink') }))));
  }

  function render() {
    byId('accountRows').replaceChildren(...accounts.map(row));
    byId('accountsEmpty').hidden = accounts.length > 0;
    for (const select of document.querySelectorAll('.channel-select')) renderChannelSelect(select);
    const place = byId('placeAccount');
    const chosen = place.value;
    place.replaceChildren(...scopeAccounts.map((a) => h('option', { value: a.id, text: `${a.name}（${a.id}）` })));
    if (scopeAccounts.some((a) => a.id === chosen)) place.value = chosen;
  }

  async function load() {
    const body = matrix.selected();
    try {
      accounts = body ? ((await bodiesApi.accounts(body.id)) ?? []) : [];
      scopeAccounts = matrix.rootId ? ((await bodiesApi.accounts(matrix.rootId)) ?? []) : ((await api.accounts()) ?? []);
    } catch (err) {
      matrix.onFailure(err);
    }
    render();
    onLoaded();
  }

  byId('newAccountForm').addEventListener('submit', (event) => {
    event.preventDefault();
    const body = matrix.selected();
    const account = {
      id: byId('newAccountId').value.trim(),
      name: byId('newAccountName').value.trim(),
      channel: byId('newAccountChannel').value,
      handle: byId('newAccountHandle').value.trim(),
    };
    if (!ID.test(account.id)) return showFieldError(byId('newAccountId'), 'admin.accountIdHint');
    if (!account.name) return showFieldError(byId('newAccountName'), 'matrix.nameRequired');
    if (!account.handle) return showFieldError(byId('newAccountHandle'), 'matrix.handleRequired');
    return busy(byId('createAccount'), async () => {
      clearError();
      try {
        await bodiesApi.createAccount(matrix.token(), body.id, account);
        for (const id of ['newAccountId', 'newAccountName', 'newAccountHandle']) byId(id).value = '';
        showNotice('matrix.accountCreated', { name: account.name, body: body.name });
        await load();
      } catch (err) {
        if (err instanceof ApiError && err.status === 409) showFieldError(byId('newAccountId'), 'admin.accountIdTaken');
        else if (err instanceof ApiError && err.status === 400) showFieldError(byId('newAccountHandle'), err);
        else matrix.onFailure(err);
      }
    });
  });

  byId('placeForm').addEventListener('submit', (event) => {
    event.preventDefault();
    const body = matrix.selected();
    const accountId = byId('placeAccount').value;
    const placement = { bodyId: body.id, channel: byId('placeChannel').value, handle: byId('placeHandle').value.trim() };
    if (!accountId) return showFieldError(byId('placeAccount'), 'matrix.accountRequired');
    if (!placement.handle) return showFieldError(byId('placeHandle'), 'matrix.handleRequired');
    return busy(byId('placeSubmit'), async () => {
      clearError();
      try {
        await bodiesApi.placeAccount(matrix.token(), accountId, placement);
        byId('placeHandle').value = '';
        showNotice('matrix.accountPlaced', { id: accountId, body: body.name });
        await load();
      } catch (err) {
        if (err instanceof ApiError && [400, 403, 404].includes(err.status)) showFieldError(byId('placeAccount'), err);
        else matrix.onFailure(err);
      }
    });
  });

  for (const id of ['newAccountId', 'newAccountName', 'newAccountHandle', 'placeHandle']) {
    byId(id).addEventListener('input', () => clearFieldError(byId(id)));
  }
  byId('placeAccount').addEventListener('change', () => clearFieldError(byId('placeAccount')));

  return { load, render, scopeAccounts: () => scopeAccounts };
}
