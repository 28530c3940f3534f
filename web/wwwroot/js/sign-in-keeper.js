// Keeps a page's sign-in alive: the token is renewed well before it expires, and when the hub
// refuses it (a disabled account, changed roles, a token past its time) the page is told that
// its sign-in has ended, instead of reconnecting forever.
import { api, ApiError } from './api.js';

// Renew once three quarters of a token's life have passed, and retry a failed renewal soon.
const RENEW_AT = 0.75;
const RETRY_MS = 30000;
const MAX_TIMER_MS = 2 ** 31 - 1;

/** When the token expires, in ms since the epoch, read from its payload; null when unreadable. */
function expiryOf(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const { exp, iat } = JSON.parse(atob(payload));
    return typeof exp === 'number' ? { expiresAt: exp * 1000, issuedAt: (iat ?? exp) * 1000 } : null;
  } catch {
    return null;
  }
}

export class SignInKeeper {
  /** getToken answers the current token; onRenewed(result) stores a new one; onSignedOut() ends the sign-in. */
  constructor(getToken, { onRenewed, onSignedOut }) {
    this.getToken = getToken;
    this.onRenewed = onRenewed;
    this.onSignedOut = onSignedOut;
    this.timer = null;
    // The token the server refused; a new sign-in brings another token and is kept alive again.
    this.refused = null;
  }

  /** Plans the next renewal from the current token's lifetime. */
  schedule(delayMs) {
    clearTimeout(this.timer);
    const token = this.getToken();
    if (!token || token === this.refused) return;
    let wait = delayMs;
    if (wait === undefined) {
      const times = expiryOf(token);
      if (!times) return;
      wait = times.issuedAt + (times.expiresAt - times.issuedAt) * RENEW_AT - Date.now();
    }
    this.timer = setTimeout(() => this.check(), Math.min(Math.max(wait, 0), MAX_TIMER_MS));
  }

  /** Renews now; answers false once the server no longer accepts this sign-in, true otherwise (anonymous included). */
  async check() {
    const token = this.getToken();
    if (!token) return true;
    if (token === this.refused) return false;
    try {
      const result = await api.renew(token);
      this.onRenewed(result);
      this.schedule();
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        this.refused = token;
        clearTimeout(this.timer);
        this.onSignedOut();
        return false;
      }
      // Offline or the server is busy: the sign-in may still be good, try again later.
      this.schedule(RETRY_MS);
      return true;
    }
  }

  stop() {
    clearTimeout(this.timer);
  }
}

/**
 * The session options of a page that keeps its sign-in as `{ token, ... }` under 'auth' in
 * `saved`: a renewed token replaces the old one there; onSignedOut ends the page's sign-in.
 */
export function savedSession(saved, getAuth, onSignedOut) {
  return {
    onRenewed: (result) => {
      const auth = getAuth();
      if (!auth) return;
      auth.token = result.token;
      saved.set('auth', auth);
    },
    onSignedOut,
  };
}
