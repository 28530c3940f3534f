// The staff panel on the admin page: every member with their roles per account, and what an
// admin does to one member (disable or enable, reset the password, set their roles in an account).
// Every change ends the member's sign-ins at once, so each dialog says so before it is confirmed.
import { api, ApiError } from './api.js';
import { t } from './i18n.js';
import { busy, byId, describeError, h, showNotice } from './ui.js';

const MIN_PASSWORD_LENGTH = 8;

function showFieldError(field, errorEl, text) {
  errorEl.textContent = text;
  field.setAttribute('aria-invalid', 'true');
}

function clearFieldError(field, errorEl) {
  errorEl.textContent = '';
  field.removeAttribute('aria-invalid');
}

/**
 * Binds the staff table and its dialogs. `token()` gives the admin's token and `selfId()` their
 * user id; `onFailure(err)` handles a failed read or an ended sign-in; `onChanged()` runs after
 * each change (the security log has a new entry).
 */
export function bindStaffAdmin({ token, selfId, onFailure, onChanged }) {
  let members = [];
  let accounts = [];
  // The member the open dialog is about, and the button that opened it (focus goes back there).
  let acting = null;

  const accountName = (id) => accounts.find((a) => a.id === id)?.name ?? id;
  const roleNames = (roles) => roles.map((role) => t(`role.${role}`)).join(t('staffAdmin.roleSeparator'));
  const memberLabel = (m) => t('staffAdmin.member', { name: m.displayName, username: m.username });
  const rolesIn = (m, accountId) => m.grants.find((g) => g.accountId === accountId)?.roles ?? [];

  function grantList(m) {
    const items = m.grants.map((g) => h('li', { title: g.accountId, text: t('staffAdmin.grant', { account: accountName(g.accountId), roles: roleNames(g.roles) }) }));
    if (m.roles.includes('admin')) items.unshift(h('li', { text: t('role.admin') }));
    return items.length ? h('ul', { className: 'grant-list' }, items) : h('span', { className: 'subtle', text: t('staffAdmin.noRoles') });
  }

  function actionButton(m, action, labelKey) {
    return h('button', {
      type: 'button',
      className: 'ghost-button small',
      dataset: { action, userId: m.userId },
      'aria-label': t(`${labelKey}For`, { name: m.displayName }),
      text: t(labelKey),
    });
  }

  function row(m) {
    const self = m.userId === selfId();
    return h('tr', { dataset: { userId: m.userId } },
      h('td', {}, h('span', { className: 'staff-name', text: m.displayName }), self ? h('span', { className: 'chip', text: t('staffAdmin.you') }) : null),
      h('td', {}, h('code', { text: m.username })),
      h('td', {}, grantList(m)),
      h('td', {}, h('span', { className: 'chip staff-status', dataset: { state: m.disabled ? 'disabled' : 'enabled' }, text: t(m.disabled ? 'staffAdmin.disabled' : 'staffAdmin.enabled') })),
      h('td', {}, h('div', { className: 'row-actions' },
        actionButton(m, 'password', 'staffAdmin.resetPassword'),
        actionButton(m, 'roles', 'staffAdmin.editRoles'),
        // The server refuses an admin disabling themselves; the page does not offer it.
        self ? null : actionButton(m, 'status', m.disabled ? 'staffAdmin.enable' : 'staffAdmin.disable'))));
  }

  function render() {
    const select = byId('staffFilter');
    const chosen = select.value;
    select.replaceChildren(h('option', { value: '', text: t('staffAdmin.allAccounts') }),
      ...accounts.map((a) => h('option', { value: a.id, text: `${a.name}（${a.id}）` })));
    select.value = accounts.some((a) => a.id === chosen) ? chosen : '';

    const shown = select.value ? members.filter((m) => m.grants.some((g) => g.accountId === select.value)) : members;
    byId('staffRows').replaceChildren(...shown.map(row));
    byId('staffEmpty').hidden = shown.length > 0;
  }

  async function load() {
    try {
      members = (await api.staff(token())) ?? [];
      members.sort((a, b) => a.username.localeCompare(b.username));
    } catch (err) {
      onFailure(err);
    }
    render();
  }

  /** Runs one change from an open dialog: on success the table refreshes, the dialog closes and a notice confirms. */
  function commit(dialog, button, errorEl, change, notice, onRefused) {
    return busy(button, async () => {
      errorEl.textContent = '';
      try {
        await change();
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) {
          dialog.close();
          onFailure(err);
        } else if (!onRefused?.(err)) {
          errorEl.textContent = describeError(err);
        }
        return;
      }
      await load();
      dialog.close();
      showNotice(notice.key, notice.params);
      onChanged();
    });
  }

  function open(dialog, member, opener, focus) {
    acting = { member, action: opener.dataset.action };
    dialog.showModal();
    focus?.focus();
  }

  /** The table was rebuilt while the dialog was open, so focus returns to the same action's new button. */
  function returnFocus() {
    if (!acting) return;
    const { member, action } = acting;
    acting = null;
    const button = byId('staffRows').querySelector(`button[data-action="${action}"][data-user-id="${CSS.escape(member.userId)}"]`)
      ?? byId('staffRows').querySelector(`button[data-user-id="${CSS.escape(member.userId)}"]`);
    (button ?? byId('staffFilter')).focus();
  }

  // ---------------------------------------------------------------- disable or enable

  const statusDialog = byId('staffStatusDialog');

  function openStatus(member, opener) {
    const disabling = !member.disabled;
    byId('staffStatusHeading').textContent = t(disabling ? 'staffAdmin.disableHeading' : 'staffAdmin.enableHeading');
    byId('staffStatusText').textContent = t(disabling ? 'staffAdmin.disableConfirmText' : 'staffAdmin.enableConfirmText', { member: memberLabel(member) });
    byId('staffStatusConfirm').textContent = t(disabling ? 'staffAdmin.disable' : 'staffAdmin.enable');
    byId('staffStatusError').textContent = '';
    open(statusDialog, member, opener, byId('staffStatusCancel'));
  }

  byId('staffStatusForm').addEventListener('submit', (event) => {
    event.preventDefault();
    const { member } = acting;
    const disabled = !member.disabled;
    commit(statusDialog, byId('staffStatusConfirm'), byId('staffStatusError'),
      () => api.changeStaff(token(), member.userId, { disabled }),
      { key: disabled ? 'staffAdmin.disabledNotice' : 'staffAdmin.enabledNotice', params: { member: memberLabel(member) } });
  });

  // ---------------------------------------------------------------- reset the password

  const passwordDialog = byId('staffPasswordDialog');
  const passwordInput = byId('staffNewPassword');
  const passwordError = byId('staffNewPasswordError');

  function openPassword(member, opener) {
    byId('staffPasswordMember').textContent = memberLabel(member);
    // Password managers file the new password under this username.
    byId('staffPasswordUsername').value = member.username;
    passwordInput.value = '';
    clearFieldError(passwordInput, passwordError);
    byId('staffPasswordError').textContent = '';
    open(passwordDialog, member, opener, passwordInput);
  }

  passwordInput.addEventListener('input', () => {
    if (passwordInput.value.length >= MIN_PASSWORD_LENGTH) clearFieldError(passwordInput, passwordError);
  });

  byId('staffPasswordForm').addEventListener('submit', (event) => {
    event.preventDefault();
    const { member } = acting;
    const password = passwordInput.value;
    if (password.length < MIN_PASSWORD_LENGTH) {
      showFieldError(passwordInput, passwordError, t('staffAdmin.passwordTooShort', { min: MIN_PASSWORD_LENGTH }));
      passwordInput.focus();
      return;
    }
    clearFieldError(passwordInput, passwordError);
    commit(passwordDialog, byId('staffPasswordConfirm'), byId('staffPasswordError'),
      () => api.changeStaff(token(), member.userId, { password }),
      { key: 'staffAdmin.passwordResetNotice', params: { member: memberLabel(member) } },
      (err) => {
        // A 400 here is about the password (its length): say so beside it.
        if (!(err instanceof ApiError) || err.status !== 400) return false;
        showFieldError(passwordInput, passwordError, describeError(err));
        passwordInput.focus();
        return true;
      });
  });

  // ---------------------------------------------------------------- roles in an account

  const rolesDialog = byId('staffRolesDialog');
  const rolesAccount = byId('staffRolesAccount');
  const rolesGroup = byId('staffRolesGroup');
  const rolesFieldError = byId('staffRolesFieldError');
  const roleBoxes = () => [...rolesGroup.querySelectorAll('input[name="grantRole"]')];

  function tickHeldRoles(member) {
    const held = rolesIn(member, rolesAccount.value);
    for (const box of roleBoxes()) box.checked = held.includes(box.value);
    clearFieldError(rolesGroup, rolesFieldError);
  }

  function openRoles(member, opener) {
    byId('staffRolesMember').textContent = memberLabel(member);
    rolesAccount.replaceChildren(...accounts.map((a) => h('option', { value: a.id, text: `${a.name}（${a.id}）` })));
    const preferred = [byId('staffFilter').value, member.grants[0]?.accountId].find((id) => id && accounts.some((a) => a.id === id));
    if (preferred) rolesAccount.value = preferred;
    rolesAccount.disabled = accounts.length === 0;
    byId('staffRolesConfirm').disabled = accounts.length === 0;
    byId('staffRolesError').textContent = accounts.length ? '' : t('admin.accountsEmpty');
    tickHeldRoles(member);
    open(rolesDialog, member, opener, rolesAccount);
  }

  rolesAccount.addEventListener('change', () => tickHeldRoles(acting.member));
  rolesGroup.addEventListener('change', () => clearFieldError(rolesGroup, rolesFieldError));

  byId('staffRolesForm').addEventListener('submit', (event) => {
    event.preventDefault();
    const { member } = acting;
    const accountId = rolesAccount.value;
    const roles = roleBoxes().filter((box) => box.checked).map((box) => box.value);
    if (!roles.length && !rolesIn(member, accountId).length) {
      showFieldError(rolesGroup, rolesFieldError, t('staffAdmin.rolesToAdd'));
      roleBoxes()[0].focus();
      return;
    }
    const params = { member: memberLabel(member), account: accountName(accountId), roles: roleNames(roles) };
    commit(rolesDialog, byId('staffRolesConfirm'), byId('staffRolesError'),
      () => api.setAccountRoles(token(), accountId, member.userId, roles),
      { key: roles.length ? 'staffAdmin.rolesSavedNotice' : 'staffAdmin.removedNotice', params });
  });

  // ---------------------------------------------------------------- wiring

  const openers = { status: openStatus, password: openPassword, roles: openRoles };

  byId('staffRows').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action]');
    const member = button && members.find((m) => m.userId === button.dataset.userId);
    if (member) openers[button.dataset.action](member, button);
  });

  for (const [dialog, cancel] of [[statusDialog, 'staffStatusCancel'], [passwordDialog, 'staffPasswordCancel'], [rolesDialog, 'staffRolesCancel']]) {
    byId(cancel).addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', returnFocus);
  }

  byId('staffFilter').addEventListener('change', render);
  byId('staffRefresh').addEventListener('click', (event) => busy(event.currentTarget, load));

  return {
    load,
    render,
    setAccounts(list) {
      accounts = list;
      render();
    },
  };
}
