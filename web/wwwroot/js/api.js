// REST calls and the per-tab sign-in state.
// sessionStorage (not localStorage) lets one browser hold a citizen in one tab and an agent in another.

export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail || title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

/** A small namespaced view of sessionStorage, one per page role. */
export function session(scope) {
  const prefix = `hub.${scope}.`;
  return {
    get(key) {
      try {
        const raw = sessionStorage.getItem(prefix + key);
        return raw === null ? null : JSON.parse(raw);
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        if (value === null || value === undefined) sessionStorage.removeItem(prefix + key);
        else sessionStorage.setItem(prefix + key, JSON.stringify(value));
      } catch {
        // Storage can be full or disabled; the page keeps working for this load.
      }
    },
    clear() {
      try {
        for (let i = sessionStorage.length - 1; i >= 0; i--) {
          const key = sessionStorage.key(i);
          if (key && key.startsWith(prefix)) sessionStorage.removeItem(key);
        }
      } catch {
        // Nothing stored, nothing to clear.
      }
    },
  };
}

/** One REST call: the JSON answer, or an ApiError with the problem's title and detail. */
export async function request(method, path, { body, token } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, data?.title ?? response.statusText, data?.detail ?? '');
  }
  return data;
}

/** Webhooks belong to an account or to a body, whose subscriptions take its subtree's events: `{ kind: 'account' | 'body', id }`. */
const webhooksOf = ({ kind, id }) => `/api/${kind === 'body' ? 'bodies' : 'accounts'}/${encodeURIComponent(id)}/webhooks`;

export const api = {
  signInCitizen: (displayName) => request('POST', '/api/auth/citizen', { body: { displayName } }),
  signInStaff: (username, password) => request('POST', '/api/auth/staff', { body: { username, password } }),
  renew: (token) => request('POST', '/api/auth/renew', { token }),
  webhookEventTypes: () => request('GET', '/api/webhooks/event-types'),
  webhooks: (token, owner) => request('GET', webhooksOf(owner), { token }),
  subscribeWebhook: (token, owner, subscription) => request('POST', webhooksOf(owner), { body: subscription, token }),
  unsubscribeWebhook: (token, owner, subscriptionId) =>
    request('DELETE', `${webhooksOf(owner)}/${encodeURIComponent(subscriptionId)}`, { token }),
  webhookDeliveries: (token, owner) => request('GET', `${webhooksOf(owner)}/deliveries`, { token }),
  replayWebhook: (token, owner, deliveryId) =>
    request('POST', `${webhooksOf(owner)}/deliveries/${encodeURIComponent(deliveryId)}/replay`, { token }),
  accounts: () => request('GET', '/api/accounts'),
  createAccount: (token, account) => request('POST', '/api/accounts', { body: account, token }),
  createStaff: (token, accountId, staff) =>
    request('POST', `/api/accounts/${encodeURIComponent(accountId)}/staff`, { body: staff, token }),
  staff: (token) => request('GET', '/api/staff', { token }),
  changeStaff: (token, userId, change) =>
    request('PATCH', `/api/staff/${encodeURIComponent(userId)}`, { body: change, token }),
  setAccountRoles: (token, accountId, userId, roles) =>
    request('PUT', `/api/accounts/${encodeURIComponent(accountId)}/staff/${encodeURIComponent(userId)}`, { body: { roles }, token }),
  events: (token) => request('GET', '/api/events', { token }),
  event: (eventId, token) => request('GET', `/api/events/${encodeURIComponent(eventId)}`, { token }),
  createEvent: (token, event) => request('POST', '/api/events', { body: event, token }),
  openDashboardSession: (token) => request('POST', '/ops/session', { token }),
  intake: (accountId) => request('GET', `/api/accounts/${encodeURIComponent(accountId)}/intake`),
  returnToConversation: (reference, code) => request('POST', '/api/conversations/return', { body: { reference, code } }),
  conversationByReference: (token, accountId, reference) =>
    request('GET', `/api/accounts/${encodeURIComponent(accountId)}/conversations/by-reference/${encodeURIComponent(reference)}`, { token }),
  securityLog: (token, query) => request('GET', `/api/security-log?${new URLSearchParams(query)}`, { token }),
};
