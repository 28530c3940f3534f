// The staff sign-in form (#signInForm, #username, #password, #signIn) of the agent console and the admin page.
import { api, ApiError } from './api.js';
import { busy, byId, clearError, showError } from './ui.js';

/**
 * Signs staff in and hands the page its session. `refusal(result)` answers an i18n error
 * key when this page is not for that person (say, a missing role), or nothing to accept.
 */
export function bindStaffSignIn({ refusal, onSignedIn }) {
  byId('signInForm').addEventListener('submit', (event) => {
    event.preventDefault();
    const username = byId('username').value.trim();
    const password = byId('password').value;
    if (!username || !password) {
      showError('err.bad_request');
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
          displayName: result.displayName || username,
          username,
        });
      } catch (err) {
        showError(err instanceof ApiError && err.status === 401 ? 'err.signIn' : err);
      }
    });
  });
}
