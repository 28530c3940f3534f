// REST calls of the matrix: bodies in a tree, the accounts each runs, their staff and the notices they receive.
import { request } from './api.js';

const at = encodeURIComponent;

export const bodiesApi = {
  bodies: () => request('GET', '/api/bodies'),
  mine: (token) => request('GET', '/api/bodies/mine', { token }),
  addBody: (token, body) => request('POST', '/api/bodies', { body, token }),
  moveBody: (token, bodyId, parentId) => request('PUT', `/api/bodies/${at(bodyId)}/parent`, { body: { parentId }, token }),
  accounts: (bodyId) => request('GET', `/api/bodies/${at(bodyId)}/accounts`),
  createAccount: (token, bodyId, account) => request('POST', `/api/bodies/${at(bodyId)}/accounts`, { body: account, token }),
  placement: (accountId) => request('GET', `/api/accounts/${at(accountId)}/placement`),
  placeAccount: (token, accountId, placement) => request('PUT', `/api/accounts/${at(accountId)}/placement`, { body: placement, token }),
  members: (token, bodyId) => request('GET', `/api/bodies/${at(bodyId)}/members`, { token }),
  addMember: (token, bodyId, member) => request('POST', `/api/bodies/${at(bodyId)}/members`, { body: member, token }),
  setMemberRoles: (token, bodyId, userId, roles) =>
    request('PUT', `/api/bodies/${at(bodyId)}/members/${at(userId)}`, { body: { roles }, token }),
  setAccountRoles: (token, accountId, userId, roles) =>
    request('PUT', `/api/accounts/${at(accountId)}/roles/${at(userId)}`, { body: { roles }, token }),
  notices: (token, bodyId) => request('GET', `/api/bodies/${at(bodyId)}/notices`, { token }),
};
