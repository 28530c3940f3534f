// The one SignalR connection of a page, kept alive for as long as the page is open.
/* global signalR */
import { SignInKeeper } from './sign-in-keeper.js';

const RECONNECT_DELAYS = [0, 1000, 2000, 5000, 10000, 10000, 30000];
// Once the built-in reconnect policy gives up, a counter desk must still come back by itself.
const RESTART_INTERVAL_MS = 5000;

export const HUB_CODES = ['bad_request', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'too_large', 'rate_limited', 'unavailable'];

/** Splits a server-side HubException into its contract code and text; null for transport failures. */
export function hubError(err) {
  const message = err && typeof err.message === 'string' ? err.message : '';
  const match = /HubException:\s*([a-z_]+):\s*([\s\S]*)$/.exec(message);
  if (match && HUB_CODES.includes(match[1])) return { code: match[1], text: match[2].trim() };
  // Some servers send the bare code without the exception name.
  const bare = /(?:^|\s)(bad_request|unauthorized|forbidden|not_found|conflict|too_large|rate_limited|unavailable):\s*([\s\S]*)$/.exec(message);
  if (bare) return { code: bare[1], text: bare[2].trim() };
  return null;
}

export class OfflineError extends Error {
  constructor() {
    super('offline');
    this.name = 'OfflineError';
  }
}

export class HubClient {
  /**
   * getToken may be absent or answer nothing: a public viewer connects without a token.
   * A signed-in page passes `session` ({ onRenewed, onSignedOut }): its token is then renewed
   * before it expires, and a sign-in the hub no longer accepts ends instead of retrying forever.
   */
  constructor(getToken, session = null) {
    this.keeper = session && typeof getToken === 'function' ? new SignInKeeper(getToken, session) : null;
    this.state = 'idle';
    this.stopped = false;
    this.restartTimer = null;
    this.stateListeners = new Set();
    this.connectedListeners = new Set();
    this.waiters = new Set();
    this.connection = new signalR.HubConnectionBuilder()
      .withUrl('/hub', {
        // An empty token makes the client send no access_token at all, which the hub accepts as anonymous.
        accessTokenFactory: () => (typeof getToken === 'function' ? getToken() : null) ?? '',
        transport: signalR.HttpTransportType.WebSockets,
        skipNegotiation: true,
      })
      .withAutomaticReconnect(RECONNECT_DELAYS)
      .configureLogging(signalR.LogLevel.Warning)
      .build();

    this.connection.onreconnecting(() => {
      this.setState('reconnecting');
      // The hub closes a connection whose token expired or was revoked: renew before trying again.
      // A refused sign-in is the page's to end (onSignedOut); it stops or restarts this client.
      this.keeper?.check();
    });
    this.connection.onreconnected(() => {
      this.setState('connected');
      this.notifyConnected(true);
    });
    this.connection.onclose(() => {
      if (this.stopped) return;
      this.setState('offline');
      this.scheduleRestart();
    });
    window.addEventListener('online', () => {
      if (this.state === 'offline') this.tryStart(true);
    });
  }

  get connected() {
    return this.state === 'connected';
  }

  /** Listens for connection state: connecting, connected, reconnecting, offline. */
  onState(listener) {
    this.stateListeners.add(listener);
    listener(this.state);
  }

  /** Runs after every successful start or reconnect; pages re-join conversations here. */
  onConnected(listener) {
    this.connectedListeners.add(listener);
  }

  on(event, handler) {
    this.connection.on(event, handler);
  }

  start() {
    this.stopped = false;
    if (this.state === 'idle' || this.state === 'offline') this.tryStart(false);
  }

  async stop() {
    this.stopped = true;
    this.keeper?.stop();
    clearTimeout(this.restartTimer);
    this.setState('idle');
    try {
      await this.connection.stop();
    } catch {
      // Already closed.
    }
  }

  async invoke(method, ...args) {
    if (!this.connected) throw new OfflineError();
    return this.connection.invoke(method, ...args);
  }

  /** Resolves once connected; a click made while the connection is still coming up is not refused. */
  ready(timeoutMs = 15000) {
    if (this.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new OfflineError());
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** invoke() for actions a person started: waits briefly for the connection instead of failing at once. */
  async call(method, ...args) {
    await this.ready();
    return this.connection.invoke(method, ...args);
  }

  setState(state) {
    if (this.state === state) return;
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
    if (state === 'connected') {
      const waiters = [...this.waiters];
      this.waiters.clear();
      for (const waiter of waiters) waiter();
    }
  }

  notifyConnected(isReconnect) {
    for (const listener of this.connectedListeners) {
      Promise.resolve()
        .then(() => listener(isReconnect))
        .catch((err) => console.error(err));
    }
  }

  scheduleRestart() {
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => this.tryStart(true), RESTART_INTERVAL_MS);
  }

  async tryStart(isReconnect) {
    if (this.stopped) return;
    if (this.connection.state !== signalR.HubConnectionState.Disconnected) return;
    clearTimeout(this.restartTimer);
    this.setState(isReconnect ? 'reconnecting' : 'connecting');
    try {
      await this.connection.start();
    } catch {
      if (this.keeper && !(await this.keeper.check())) return;
      if (!this.stopped) {
        this.setState('offline');
        this.scheduleRestart();
      }
      return;
    }
    if (this.stopped) return;
    this.keeper?.schedule();
    this.setState('connected');
    this.notifyConnected(isReconnect);
  }
}
