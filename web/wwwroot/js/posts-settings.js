// An account's settings on the posts page: how many reviewers a post needs (its supervisors and
// the admins over its body), and closing the account with a public notice (the admins over its body).
import { ApiError } from './api.js';
import { postsApi } from './posts-api.js';
import { busy, byId, clearError, clearFieldError, showFieldError, showNotice } from './ui.js';

export function bindPostSettings(desk) {
  function render() {
    const account = desk.account();
    const keeps = Boolean(account && (account.roles.includes('supervisor') || account.administers));
    const closes = Boolean(account?.administers && !desk.closure());
    byId('settingsPanel').hidden = !keeps && !closes;
    byId('reviewersForm').hidden = !keeps;
    byId('closeForm').hidden = !closes;
    byId('reviewers').value = String(desk.reviewersRequired());
  }

  function failed(control, err) {
    if (err instanceof ApiError && err.status === 401) desk.onFailure(err);
    else showFieldError(control, err);
  }

  byId('reviewersForm').addEventListener('submit', (event) => {
    event.preventDefault();
    const reviewers = Number(byId('reviewers').value);
    busy(byId('saveReviewers'), async () => {
      clearError();
      try {
        await postsApi.setReviewers(desk.token(), desk.accountId(), reviewers);
        showNotice('posts.reviewersSaved', { n: reviewers });
        await desk.reload();
      } catch (err) {
        failed(byId('reviewers'), err);
      }
    });
  });

  byId('closeForm').addEventListener('submit', (event) => {
    event.preventDefault();
    const notice = byId('closeNotice').value.trim();
    if (!notice) return showFieldError(byId('closeNotice'), 'posts.closeNoticeRequired');
    return busy(byId('closeAccount'), async () => {
      clearError();
      try {
        await postsApi.close(desk.token(), desk.accountId(), notice);
        byId('closeNotice').value = '';
        showNotice('posts.closed', { name: desk.account().name });
        await desk.reload();
      } catch (err) {
        failed(byId('closeNotice'), err);
      }
    });
  });

  byId('closeNotice').addEventListener('input', () => clearFieldError(byId('closeNotice')));
  byId('reviewers').addEventListener('change', () => clearFieldError(byId('reviewers')));

  return { render };
}
