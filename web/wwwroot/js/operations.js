// The admin page's way into the Orleans dashboard: the token becomes a cookie only the dashboard's path receives.
import { api } from './api.js';
import { busy, byId, describeError } from './ui.js';

/** `token()` gives the admin's token; `onFailure(err)` handles an expired sign-in. */
export function bindOperations({ token, onFailure }) {
  const button = byId('openDashboard');
  const error = byId('dashboardError');
  button.addEventListener('click', () => busy(button, async () => {
    error.textContent = '';
    // Opened before the request, while the click still allows a new tab.
    const tab = window.open('', '_blank');
    try {
      const { path } = await api.openDashboardSession(token());
      if (tab) tab.location.href = `${path}/`;
      else window.location.assign(`${path}/`);
    } catch (err) {
      tab?.close();
      if (err.status === 401) onFailure(err);
      else error.textContent = describeError(err);
    }
  }));
}
