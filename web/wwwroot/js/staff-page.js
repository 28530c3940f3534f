// The frame of a page for signed-in staff: the sign-in form or the page's own view, who is
// signed in and sign-out in the header, and a lapsed sign-in that sends the person back to the form.
import { ApiError, session } from './api.js';
import { onLangChange } from './i18n.js';
import { bindStaffSignIn } from './staff-sign-in.js';
import { byId, renderSignedIn, showError } from './ui.js';

/**
 * `refusal(signedIn)` answers an i18n error key when the page is not for this person, before the
 * form lets go of their password. `admit(signedIn)` answers an error key to turn them away too, or
 * what the page adds to their sign-in (kept with it in the tab's session). `onEnter(auth, justSignedIn)`
 * shows the page's view; `onLeave()` lets go of what the view holds when the sign-in lapses;
 * `onSignOut(auth)` is awaited before the person signs out.
 */
export function bindStaffPage({ scope, viewId, refusal = () => null, admit = () => ({}), onEnter, onLeave = () => {}, onSignOut = async () => {} }) {
  const saved = session(scope);
  let auth = saved.get('auth');

  const renderHeader = () => renderSignedIn(auth ? auth.displayName || auth.username : null);

  function showSignIn() {
    renderHeader();
    byId(viewId).hidden = true;
    byId('signInView').hidden = false;
  }

  function enter(justSignedIn) {
    renderHeader();
    byId('signInView').hidden = true;
    byId(viewId).hidden = false;
    return onEnter(auth, justSignedIn);
  }

  function leave() {
    saved.clear();
    auth = null;
    onLeave();
    showSignIn();
  }

  bindStaffSignIn({
    refusal,
    onSignedIn: async (signedIn) => {
      try {
        const admitted = await admit(signedIn);
        if (typeof admitted === 'string') {
          showError(admitted);
          return;
        }
        auth = { ...signedIn, ...admitted };
        saved.set('auth', auth);
        await enter(true);
      } catch (err) {
        showError(err);
      }
    },
  });

  byId('signOut').addEventListener('click', async () => {
    await onSignOut(auth);
    saved.clear();
    window.location.reload();
  });
  onLangChange(renderHeader);

  // After the page has its handle on this frame: entering may use it.
  queueMicrotask(() => (auth?.token ? enter(false) : showSignIn()));

  return {
    auth: () => auth,
    saved,
    /** The hub no longer accepts this sign-in (disabled, roles changed, expired): back to the form, saying why. */
    ended() {
      leave();
      showError('err.unauthorized');
    },
    /** An expired or revoked sign-in goes back to the form; anything else is shown. */
    onFailure(err) {
      if (err instanceof ApiError && err.status === 401) leave();
      showError(err);
    },
  };
}
