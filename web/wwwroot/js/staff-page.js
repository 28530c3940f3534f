// The frame of a page for signed-in staff: the sign-in form or the page's own view, who is
// signed in and sign-out in the header, and a lapsed sign-in that sends the person back to the form.
import { ApiError, session } from './api.js';
import { onLangChange } from './i18n.js';
import { bindStaffSignIn } from './staff-sign-in.js';
import { byId, renderSignedIn, showError } from './ui.js';

/**
 * `admit(signedIn)` answers an i18n error key to turn the person away, or what the page adds to
 * their sign-in (kept with it in the tab's session). `onEnter(auth)` shows the page's view.
 */
export function bindStaffPage({ scope, viewId, admit, onEnter }) {
  const saved = session(scope);
  let auth = saved.get('auth');

  const renderHeader = () => renderSignedIn(auth ? auth.displayName || auth.username : null);

  function showSignIn() {
    renderHeader();
    byId(viewId).hidden = true;
    byId('signInView').hidden = false;
  }

  function enter() {
    renderHeader();
    byId('signInView').hidden = true;
    byId(viewId).hidden = false;
    return onEnter(auth);
  }

  bindStaffSignIn({
    refusal: () => null,
    onSignedIn: async (signedIn) => {
      try {
        const admitted = await admit(signedIn);
        if (typeof admitted === 'string') {
          showError(admitted);
          return;
        }
        auth = { ...signedIn, ...admitted };
        saved.set('auth', auth);
        await enter();
      } catch (err) {
        showError(err);
      }
    },
  });

  byId('signOut').addEventListener('click', () => {
    saved.clear();
    window.location.reload();
  });
  onLangChange(renderHeader);

  // After the page has its handle on this frame: entering may use it.
  queueMicrotask(() => (auth?.token ? enter() : showSignIn()));

  return {
    auth: () => auth,
    saved,
    /** An expired or revoked sign-in goes back to the form; anything else is shown. */
    onFailure(err) {
      if (err instanceof ApiError && err.status === 401) {
        saved.clear();
        auth = null;
        showSignIn();
      }
      showError(err);
    },
  };
}
