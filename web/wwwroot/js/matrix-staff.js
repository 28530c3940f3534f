// The staff of the chosen body's subtree: adding a member to the body with roles over it, and
// changing their roles over the body and in single accounts (the roles dialog).
import { ApiError } from './api.js';
import { bodiesApi } from './bodies-api.js';
import { t } from './i18n.js';
import { busy, byId, clearError, clearFieldError, h, showError, showFieldError, showNotice } from './ui.js';

const checked = (name) => [...document.querySelectorAll(`input[name="${name}"]:checked`)].map((input) => input.value);

function check(name, values) {
  for (const input of document.querySelectorAll(`input[name="${name}"]`)) input.checked = values.includes(input.value);
}

export function bindMatrixStaff(matrix, accounts) {
  let members = [];
  let editing = null;
  const dialog = byId('rolesDialog');

  const accountName = (id) => accounts.scopeAccounts().find((a) => a.id === id)?.name ?? id;
  const roleNames = (prefix, roles) => (roles.length ? roles.map((r) => t(`${prefix}.${r}`)).join(t('matrix.listSeparator')) : t('matrix.noRoles'));

  function row(m) {
    const grants = (m.grants ?? []).filter((g) => g.roles.length);
    return h('tr', { dataset: { userId: m.userId } },
      h('td', {}, h('span', { className: 'staff-name', text: m.displayName }), h('code', { text: m.username })),
      h('td', { dataset: { label: t('matrix.colBody') }, text: matrix.bodyName(m.bodyId) }),
      h('td', { dataset: { label: t('matrix.colBodyRoles') }, text: roleNames('body.role', m.roles) }),
      h('td', { dataset: { label: t('matrix.colAccountRoles') } }, grants.length
        ? h('ul', { className: 'grant-list' }, grants.map((g) => h('li', { text: t('matrix.grant', { account: accountName(g.accountId), roles: roleNames('role', g.roles) }) })))
        : t('matrix.noAccounts')),
      h('td', {}, h('button', {
        type: 'button', className: 'secondary-button small', text: t('matrix.editRoles'),
        'aria-label': t('matrix.editRolesOf', { name: m.displayName }), onclick: () => openRoles(m),
      })));
  }

  function render() {
    byId('memberRows').replaceChildren(...members.map(row));
    byId('membersEmpty').hidden = members.length > 0;
    if (editing) renderDialog();
  }

  async function load() {
    const body = matrix.selected();
    try {
      members = body ? ((await bodiesApi.members(matrix.token(), body.id)) ?? []) : [];
    } catch (err) {
      members = [];
      matrix.onFailure(err);
    }
    render();
  }

  function renderDialog() {
    byId('rolesMember').textContent = t('matrix.rolesMember', { name: editing.displayName, username: editing.username, body: matrix.bodyName(editing.bodyId) });
    const select = byId('rolesAccount');
    const chosen = select.value;
    select.replaceChildren(...accounts.scopeAccounts().map((a) => h('option', { value: a.id, text: `${a.name}（${a.id}）` })));
    if ([...select.options].some((o) => o.value === chosen)) select.value = chosen;
  }

  function showAccountRoles() {
    const grant = (editing.grants ?? []).find((g) => g.accountId === byId('rolesAccount').value);
    check('editAccountRole', grant?.roles ?? []);
  }

  function openRoles(member) {
    editing = member;
    byId('rolesAccount').value = '';
    renderDialog();
    check('editBodyRole', member.roles);
    showAccountRoles();
    for (const id of ['bodyRolesGroup', 'rolesAccount']) clearFieldError(byId(id));
    dialog.showModal();
  }

  async function afterChange(noticeKey) {
    showNotice(noticeKey, { name: editing.displayName });
    await load();
    editing = members.find((m) => m.userId === editing.userId) ?? editing;
  }

  byId('rolesAccount').addEventListener('change', showAccountRoles);
  byId('rolesClose').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    editing = null;
  });

  byId('bodyRolesForm').addEventListener('submit', (event) => {
    event.preventDefault();
    busy(byId('saveBodyRoles'), async () => {
      try {
        await bodiesApi.setMemberRoles(matrix.token(), editing.bodyId, editing.userId, checked('editBodyRole'));
        await afterChange('matrix.bodyRolesSaved');
      } catch (err) {
        showFieldError(byId('bodyRolesGroup'), err);
      }
    });
  });

  byId('accountRolesForm').addEventListener('submit', (event) => {
    event.preventDefault();
    const accountId = byId('rolesAccount').value;
    if (!accountId) return showFieldError(byId('rolesAccount'), 'matrix.accountRequired');
    return busy(byId('saveAccountRoles'), async () => {
      try {
        await bodiesApi.setAccountRoles(matrix.token(), accountId, editing.userId, checked('editAccountRole'));
        await afterChange('matrix.accountRolesSaved');
      } catch (err) {
        showFieldError(byId('rolesAccount'), err);
      }
    });
  });

  byId('memberForm').addEventListener('submit', (event) => {
    event.preventDefault();
    const body = matrix.selected();
    const member = {
      username: byId('memberUsername').value.trim(),
      password: byId('memberPassword').value,
      displayName: byId('memberDisplayName').value.trim(),
      roles: checked('memberRole'),
    };
    if (!member.username) return showFieldError(byId('memberUsername'), 'staff.usernameRequired');
    if (member.password.length < 8) return showFieldError(byId('memberPassword'), 'staffAdmin.passwordHint');
    if (!member.displayName) return showFieldError(byId('memberDisplayName'), 'matrix.nameRequired');
    return busy(byId('addMember'), async () => {
      clearError();
      try {
        await bodiesApi.addMember(matrix.token(), body.id, member);
        for (const id of ['memberUsername', 'memberPassword', 'memberDisplayName']) byId(id).value = '';
        check('memberRole', []);
        showNotice('matrix.memberAdded', { name: member.displayName, body: body.name });
        await load();
      } catch (err) {
        if (err instanceof ApiError && err.status === 409) showFieldError(byId('memberUsername'), 'matrix.usernameTaken');
        else if (err instanceof ApiError && err.status === 400) showFieldError(byId('memberPassword'), err);
        else if (err instanceof ApiError && err.status === 401) matrix.onFailure(err);
        else showError(err);
      }
    });
  });

  for (const id of ['memberUsername', 'memberPassword', 'memberDisplayName']) byId(id).addEventListener('input', () => clearFieldError(byId(id)));

  return { load, render };
}
