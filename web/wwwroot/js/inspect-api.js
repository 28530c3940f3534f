// The inspection REST calls of the inspector page: a body's runs, its schedule, an account's drill-down, notices.
import { ApiError, request } from './api.js';

const body = (bodyId) => `/api/bodies/${encodeURIComponent(bodyId)}`;

export const inspectApi = {
  membership: (token) => request('GET', '/api/bodies/mine', { token }),
  bodies: () => request('GET', '/api/bodies'),
  runs: (token, bodyId) => request('GET', `${body(bodyId)}/inspections`, { token }),
  run: (token, bodyId, runId) => request('GET', `${body(bodyId)}/inspections/${encodeURIComponent(runId)}`, { token }),
  live: (token, bodyId) => request('GET', `${body(bodyId)}/live-indicators`, { token }),
  runNow: (token, bodyId) => request('POST', `${body(bodyId)}/inspections`, { token }),
  drillDown: (token, bodyId, runId, accountId) =>
    request('GET', `${body(bodyId)}/inspections/${encodeURIComponent(runId)}/accounts/${encodeURIComponent(accountId)}`, { token }),
  scheduled: (token, bodyId) => request('GET', `${body(bodyId)}/inspection-schedule`, { token }),
  schedule: (token, bodyId, at) => request('POST', `${body(bodyId)}/inspection-schedule`, { token, body: { at } }),
  cancelScheduled: (token, bodyId, scheduleId) =>
    request('DELETE', `${body(bodyId)}/inspection-schedule/${encodeURIComponent(scheduleId)}`, { token }),
  circulate: (token, bodyId, runId, text) =>
    request('POST', `${body(bodyId)}/inspections/${encodeURIComponent(runId)}/notice`, { token, body: { text } }),

  /** The run as a CSV file; a plain link cannot carry the bearer token, so the page saves what this fetches. */
  async csv(token, bodyId, runId) {
    let response;
    try {
      response = await fetch(`${body(bodyId)}/inspections/${encodeURIComponent(runId)}/csv`, { headers: { Authorization: `Bearer ${token}` } });
    } catch {
      throw new ApiError(0, 'network', '');
    }
    if (!response.ok) throw new ApiError(response.status, response.statusText, '');
    return response.blob();
  },
};
