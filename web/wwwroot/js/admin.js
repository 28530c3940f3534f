// Administration: government accounts, the staff who answer for them, and the security log.
// The staff table and its actions live in staff-admin.js, the log in security-log.js.
import { api, ApiError, session } from './api.js';
import { bindOperations } from './operations.js';
import { bindSecurityLog } from './security-log.js';
import { bindStaffAdmin } from './staff-admin.js';
import { bindStaffSignIn } from './staff-sign-in.js';
import { onLangChange, t } from './i18n.js';
import { busy, byId, clearError, clearFieldError, h, initPage, showError, showFieldError, showNotice, renderSignedIn } from './ui.js';

initPage();

const ACCOUNT_ID = /^[a-z0-9-]{2,64}$/;
const saved = session('admin');
let auth = saved.get('auth');
let accounts = [];

function renderHeader() {
  renderSignedIn(auth ? auth.displayName || auth.username : null);
}

function renderAccounts() {
  const rows = accounts.map((a) => h('tr', {}, h('td', {}, h('code', { text: a.id })), h('td', { text: a.name }), h('td', { text: a.department })));
  byId('accountRows').replaceChildren(...rows);
  byId('accountsEmpty').hidden = accounts.length > 0;

  const select = byId('staffAccount');
  const chosen = select.value;
  select.replaceChildren(...accounts.map((a) => h('option', { value: a.id, text: `${a.name}（${a.id}）` })));
  if (accounts.some((a) => a.id === chosen)) select.value = chosen;
  securityLog.setAccounts(accounts);
  staffAdmin.setAccounts(accounts);
}

async function loadAccounts() {
  try {
    accounts = (await api.accounts()) ?? [];
    accounts.sort((a, b) => a.id.localeCompare(b.id));
  } catch (err) {
    showError(err);
  }
  renderAccounts();
}

/** An expired or revoked token sends the administrator back to the sign-in form. */
function handleFailure(err) {
  if (err instanceof ApiError && err.status === 401) {
    saved.clear();
    auth = null;
    showSignIn();
  }
  showError(err);
}

const securityLog = bindSecurityLog({ token: () => auth?.token, onFailure: handleFailure });
bindOperations({ token: () => auth?.token, onFailure: handleFailure });
const staffAdmin = bindStaffAdmin({
  token: () => auth?.token,
  selfId: () => auth?.userId,
  onFailure: handleFailure,
  onChanged: () => securityLog.load(),
});

function showSignIn() {
  renderHeader();
  byId('adminView').hidden = true;
  byId('signInView').hidden = false;
}

function enterAdmin() {
  renderHeader();
  byId('signInView').hidden = true;
  byId('adminView').hidden = false;
  loadAccounts();
  staffAdmin.load();
  securityLog.load();
}

bindStaffSignIn({
  refusal: (result) => ((result.roles ?? []).includes('admin') ? null : 'err.notAdmin'),
  onSignedIn: (signedIn) => {
    auth = signedIn;
    saved.set('auth', auth);
    enterAdmin();
    byId('accountId').focus();
  },
});

byId('accountForm').addEventListener('submit', (event) => {
  event.preventDefault();
  const account = {
    id: byId('accountId').value.trim(),
    name: byId('accountName').value.trim(),
    department: byId('accountDepartment').value.trim(),
  };
  if (!ACCOUNT_ID.test(account.id)) {
    showFieldError(byId('accountId'), 'admin.accountIdHint');
    return;
  }
  clearFieldError(byId('accountId'));
  busy(byId('createAccount'), async () => {
    clearError();
    try {
      await api.createAccount(auth.token, account);
      event.target.reset();
      showNotice('admin.accountCreated', { name: account.name });
      await loadAccounts();
      securityLog.load();
      byId('staffAccount').value = account.id;
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) showFieldError(byId('accountId'), 'admin.accountIdTaken');
      else handleFailure(err);
    }
  });
});

byId('accountId').addEventListener('input', () => clearFieldError(byId('accountId')));

byId('staffForm').addEventListener('submit', (event) => {
  event.preventDefault();
  const roles = [...document.querySelectorAll('input[name="role"]:checked')].map((input) => input.value);
  if (!roles.length) {
    showError('err.rolesRequired');
    document.querySelector('input[name="role"]').focus();
    return;
  }
  const accountId = byId('staffAccount').value;
  const staff = {
    username: byId('staffUsername').value.trim(),
    password: byId('staffPassword').value,
    displayName: byId('staffDisplayName').value.trim(),
    email: byId('staffEmail').value.trim(),
    roles,
  };
  busy(byId('createStaff'), async () => {
    clearError();
    try {
      const result = await api.createStaff(auth.token, accountId, staff);
      showNotice('admin.staffCreated', { username: staff.username, userId: result?.userId ?? '' });
      for (const id of ['staffUsername', 'staffPassword', 'staffDisplayName', 'staffEmail']) byId(id).value = '';
      byId('staffUsername').focus();
      staffAdmin.load();
      securityLog.load();
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && /email/.test(err.detail ?? '')) showFieldError(byId('staffEmail'), 'admin.staffEmailInvalid');
      else handleFailure(err);
    }
  });
});

byId('staffEmail').addEventListener('input', () => clearFieldError(byId('staffEmail')));

byId('signOut').addEventListener('click', () => {
  saved.clear();
  window.location.reload();
});

onLangChange(() => {
  renderHeader();
  renderAccounts();
  staffAdmin.render();
  securityLog.render();
});

if (auth?.token) enterAdmin();
else showSignIn();
