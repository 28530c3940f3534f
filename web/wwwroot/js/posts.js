// An account's posts for its staff: drafting and editing drafts (posts-draft.js), the review queue and each post's
// next step (posts-queue.js), and the account's settings (posts-settings.js). The accounts shown
// are those the person serves, and for the admins and inspectors of a body those of its subtree.
import { api } from './api.js';
import { bodiesApi } from './bodies-api.js';
import { onLangChange, t } from './i18n.js';
import { bindDraftForm } from './posts-draft.js';
import { postsApi } from './posts-api.js';
import { bindPostQueue } from './posts-queue.js';
import { bindPostSettings } from './posts-settings.js';
import { bindStaffPage } from './staff-page.js';
import { byId, clearError, formatFullTime, h, initPage } from './ui.js';

initPage();

const POST_ROLES = ['press', 'supervisor', 'inspector'];
// { id, name, roles (in the account), administers (over its body) }
let accounts = [];
let queue = { reviewersRequired: 1, posts: [] };
let closure = null;

const desk = {
  token: () => page.auth()?.token,
  userId: () => page.auth()?.userId,
  accountId: () => byId('postsAccount').value,
  account: () => accounts.find((a) => a.id === byId('postsAccount').value) ?? null,
  posts: () => queue.posts,
  reviewersRequired: () => queue.reviewersRequired,
  closure: () => closure,
  writes: () => desk.account()?.roles.includes('press') ?? false,
  reload: () => loadPosts(),
  edit: (post) => draft.edit(post),
  focusPost: (postId) => postQueue.focus(postId),
  onFailure: (err) => page.onFailure(err),
};

const draft = bindDraftForm(desk);
const postQueue = bindPostQueue(desk);
const settings = bindPostSettings(desk);
const page = bindStaffPage({
  scope: 'posts',
  viewId: 'postsView',
  admit: async (signedIn) => ((await accountsOf(signedIn)).length ? {} : 'err.noPostAccounts'),
  onEnter: async (auth) => {
    try {
      accounts = await accountsOf(auth);
    } catch (err) {
      page.onFailure(err);
      return;
    }
    renderAccounts();
    await loadPosts();
    byId('postsAccount').focus();
  },
});

/** The accounts a person works on: their own grants, plus every account of the subtree they administer or inspect. */
async function accountsOf(signedIn) {
  const names = new Map(((await api.accounts()) ?? []).map((a) => [a.id, a.name]));
  const found = new Map();
  for (const grant of signedIn.grants ?? []) {
    const roles = grant.roles.filter((r) => POST_ROLES.includes(r));
    if (roles.length) found.set(grant.accountId, { id: grant.accountId, name: names.get(grant.accountId) ?? grant.accountId, roles, administers: false });
  }
  const over = signedIn.roles.includes('admin')
    ? { ids: [...names.keys()], administers: true }
    : await subtreeAccounts(signedIn.token);
  for (const id of over.ids) {
    const known = found.get(id) ?? { id, name: names.get(id) ?? id, roles: [], administers: false };
    found.set(id, { ...known, administers: over.administers });
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

async function subtreeAccounts(token) {
  const { membership } = await bodiesApi.mine(token);
  if (!membership?.roles?.length) return { ids: [], administers: false };
  const placed = (await bodiesApi.accounts(membership.bodyId)) ?? [];
  return { ids: placed.map((a) => a.id), administers: membership.roles.includes('admin') };
}

function renderAccounts() {
  const select = byId('postsAccount');
  const chosen = select.value || new URLSearchParams(window.location.search).get('account') || page.saved.get('account');
  select.replaceChildren(...accounts.map((a) => h('option', { value: a.id, text: `${a.name}（${a.id}）` })));
  if (accounts.some((a) => a.id === chosen)) select.value = chosen;
}

function renderAccountState() {
  const id = desk.accountId();
  byId('publicLink').href = `/account.html?id=${encodeURIComponent(id)}`;
  byId('accountState').textContent = closure
    ? t('posts.closedOn', { at: formatFullTime(closure.closedAt), notice: closure.notice })
    : t('posts.reviewPolicy', { n: queue.reviewersRequired });
  byId('accountState').dataset.closed = closure ? 'true' : 'false';
}

function render() {
  renderAccountState();
  draft.render();
  postQueue.render();
  settings.render();
}

async function loadPosts() {
  const id = desk.accountId();
  if (!id) return;
  page.saved.set('account', id);
  try {
    const [staffView, publicView] = await Promise.all([postsApi.queue(desk.token(), id), postsApi.published(id)]);
    if (id !== desk.accountId()) return;
    queue = staffView;
    closure = publicView.closure ?? null;
  } catch (err) {
    queue = { reviewersRequired: 1, posts: [] };
    closure = null;
    page.onFailure(err);
  }
  render();
}

byId('postsAccount').addEventListener('change', () => {
  clearError();
  draft.stopEditing();
  loadPosts();
});

onLangChange(() => {
  if (page.auth() && accounts.length) render();
});
