// The staff sign-in form of the agent console, the press console, the moderator page and the
// admin page: the page holds an empty #signInForm, and this fills it (#username, #password, #signIn).
import { api, ApiError } from './api.js';
import { applyI18n } from './i18n.js';
import { busy, byId, clearError, clearFieldError, h, showError, showFieldError } from './ui.js';

function renderForm(form) {
  form.replaceChildren(
    h('div', { className: 'field' },
      h('label', { for: 'username', dataset: { i18n: 'staff.username' } }),
      h('input', { id: 'username', name: 'username', type: 'text', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', required: true })),
    h('div', { className: 'field' },
      h('label', { for: 'password', dataset: { i18n: 'staff.password' } }),
      h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true })),
    h('div', { className: 'actions' },
      h('button', { id: 'signIn', type: 'submit', className: 'primary-button', dataset: { i18n: 'staff.signIn' } })));
  applyI18n(form);
}

/**
 * Signs staff in and hands the page its session. `refusal(result)` answers an i18n error
 * key when this page is not for that person (say, a missing role), or nothing to accept.
 */
export function bindStaffSignIn({ refusal, onSignedIn }) {
  renderForm(byId('signInForm'));
  for (const id of ['username', 'password']) byId(id).addEventListener('input', () => clearFieldError(byId(id)));
  byId('signInForm').addEventListener('submit', (event) => {
    event.preventDefault();
    const username = byId('username').value.trim();
    const password = byId('password').value;
    if (!username) {
      showFieldError(byId('username'), 'staff.usernameRequired');
      return;
    }
    if (!password) {
      showFieldError(byId('password'), 'staff.passwordRequired');
      return;
    }
    busy(byId('signIn'), async () => {
      clearError();
      try {
        const result = await api.signInStaff(username, password);
        const refused = refusal(result);
        if (refused) {
          showError(refused);
          return;
        }
        byId('password').value = '';
        onSignedIn({
          token: result.token,
          userId: result.userId,
          roles: result.roles ?? [],
          accountIds: result.accountIds ?? [],
          grants: result.grants ?? [],
          displayName: result.displayName || username,
          username,
        });
      } catch (err) {
        showError(err instanceof ApiError && err.status === 401 ? 'err.signIn' : err);
      }
    });
  });
}
