// An account's posts for its staff: drafting (posts-draft.js), the review queue and each post's
// next step (posts-queue.js), and the account's settings (posts-settings.js). The accounts shown
// are those the person serves, and for the admins and inspectors of a body those of its subtree.
import { api, ApiError, session } from './api.js';
import { bodiesApi } from './bodies-api.js';
import { onLangChange, t } from './i18n.js';
import { bindDraftForm } from './posts-draft.js';
import { postsApi } from './posts-api.js';
import { bindPostQueue } from './posts-queue.js';
import { bindPostSettings } from './posts-settings.js';
import { bindStaffSignIn } from './staff-sign-in.js';
import { byId, clearError, formatFullTime, h, initPage, renderSignedIn, showError } from './ui.js';

initPage();

const POST_ROLES = ['press', 'supervisor', 'inspector'];
const saved = session('posts');
let auth = saved.get('auth');
// { id, name, roles (in the account), administers (over its body) }
let accounts = [];
let queue = { reviewersRequired: 1, posts: [] };
let closure = null;

const desk = {
  token: () => auth?.token,
  userId: () => auth?.userId,
  accountId: () => byId('postsAccount').value,
  account: () => accounts.find((a) => a.id === byId('postsAccount').value) ?? null,
  posts: () => queue.posts,
  reviewersRequired: () => queue.reviewersRequired,
  closure: () => closure,
  reload: () => loadPosts(),
  onFailure: handleFailure,
};

const draft = bindDraftForm(desk);
const postQueue = bindPostQueue(desk);
const settings = bindPostSettings(desk);

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

function renderHeader() {
  renderSignedIn(auth ? auth.displayName || auth.username : null);
}

function renderAccounts() {
  const select = byId('postsAccount');
  const chosen = select.value || new URLSearchParams(window.location.search).get('account') || saved.get('account');
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
  saved.set('account', id);
  try {
    const [staffView, publicView] = await Promise.all([postsApi.queue(auth.token, id), postsApi.published(id)]);
    if (id !== desk.accountId()) return;
    queue = staffView;
    closure = publicView.closure ?? null;
  } catch (err) {
    queue = { reviewersRequired: 1, posts: [] };
    closure = null;
    handleFailure(err);
  }
  render();
}

function handleFailure(err) {
  if (err instanceof ApiError && err.status === 401) {
    saved.clear();
    auth = null;
    showSignIn();
  }
  showError(err);
}

function showSignIn() {
  renderHeader();
  byId('postsView').hidden = true;
  byId('signInView').hidden = false;
}

async function enter() {
  renderHeader();
  byId('signInView').hidden = true;
  byId('postsView').hidden = false;
  try {
    accounts = await accountsOf(auth);
  } catch (err) {
    handleFailure(err);
    return;
  }
  if (!accounts.length) {
    showError('err.noPostAccounts');
    return;
  }
  renderAccounts();
  await loadPosts();
}

bindStaffSignIn({
  refusal: () => null,
  onSignedIn: (signedIn) => {
    auth = signedIn;
    saved.set('auth', auth);
    enter().then(() => byId('postsAccount').focus());
  },
});

byId('postsAccount').addEventListener('change', () => {
  clearError();
  loadPosts();
});

byId('signOut').addEventListener('click', () => {
  saved.clear();
  window.location.reload();
});

onLangChange(() => {
  renderHeader();
  if (auth && accounts.length) render();
});

if (auth?.token) enter();
else showSignIn();
