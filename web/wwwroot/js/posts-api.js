// REST calls of an account's posts: the public list, and drafting, editing, review and publication for its staff.
import { request } from './api.js';

const at = encodeURIComponent;
const posts = (accountId) => `/api/accounts/${at(accountId)}/posts`;
const post = (accountId, postId, step) => `${posts(accountId)}/${at(postId)}/${step}`;

export const postsApi = {
  published: (accountId) => request('GET', posts(accountId)),
  queue: (token, accountId) => request('GET', `${posts(accountId)}/queue`, { token }),
  draft: (token, accountId, draft) => request('POST', posts(accountId), { body: draft, token }),
  edit: (token, accountId, postId, changes) => request('PUT', `${posts(accountId)}/${at(postId)}`, { body: changes, token }),
  submit: (token, accountId, postId) => request('POST', post(accountId, postId, 'submit'), { token }),
  review: (token, accountId, postId, approve, note) =>
    request('POST', post(accountId, postId, 'review'), { body: { approve, note }, token }),
  publish: (token, accountId, postId, when) => request('POST', post(accountId, postId, 'publish'), { body: { at: when }, token }),
  withdraw: (token, accountId, postId, reason) => request('POST', post(accountId, postId, 'withdraw'), { body: { reason }, token }),
  setReviewers: (token, accountId, reviewers) =>
    request('PUT', `/api/accounts/${at(accountId)}/review-policy`, { body: { reviewers }, token }),
  close: (token, accountId, notice) => request('POST', `/api/accounts/${at(accountId)}/closure`, { body: { notice }, token }),
};
