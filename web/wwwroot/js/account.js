// The public page of a government account: its posts, live for followers (postPublished,
// postWithdrawn, accountClosed after FollowAccount), and the notice it was closed with.
// Without an account in the address it lists every account.
import { api, request } from './api.js';
import { bodiesApi } from './bodies-api.js';
import { channelName } from './channels.js';
import { HubClient } from './connection.js';
import { follows } from './follows.js';
import { onLangChange, t } from './i18n.js';
import { postsApi } from './posts-api.js';
import { bindPublicPosts } from './public-posts.js';
import { bindConnectionBadge, busy, byId, formatFullTime, h, initPage, showError, showNotice } from './ui.js';

initPage();

const accountId = new URLSearchParams(window.location.search).get('id');
const posts = bindPublicPosts();
let profile = null;
let placement = null;
let bodyName = '';
let closure = null;
let accounts = [];
let client = null;

// ---------------------------------------------------------------- the directory

function renderDirectory() {
  const ordered = [...accounts].sort((a, b) => Number(follows.has(b.id)) - Number(follows.has(a.id)) || a.name.localeCompare(b.name, 'zh-CN'));
  byId('accountList').replaceChildren(...ordered.map((a) => h('li', {},
    h('a', { className: 'account-link', href: `/account.html?id=${encodeURIComponent(a.id)}` },
      h('span', { className: 'account-link-name', text: a.name }),
      h('span', { className: 'subtle', text: a.department }),
      follows.has(a.id) ? h('span', { className: 'chip', text: t('account.following') }) : null))));
  byId('directoryEmpty').hidden = accounts.length > 0;
}

async function showDirectory() {
  byId('directoryView').hidden = false;
  try {
    accounts = (await api.accounts()) ?? [];
  } catch (err) {
    showError(err);
  }
  renderDirectory();
}

// ---------------------------------------------------------------- one account

function renderAccount() {
  document.title = profile ? `${profile.name} - ${t('account.title')}` : t('account.title');
  byId('accountName').textContent = profile?.name ?? accountId;
  const where = placement ? [bodyName, t('account.channelHandle', { channel: channelName(placement.channel), handle: placement.handle })] : [profile?.department];
  byId('accountMeta').textContent = where.filter(Boolean).join(' · ');
  byId('closedBanner').hidden = !closure;
  byId('closedNotice').textContent = closure ? t('account.closedOn', { at: formatFullTime(closure.closedAt), notice: closure.notice }) : '';
  const following = follows.has(accountId);
  const follow = byId('follow');
  follow.textContent = t(following ? 'account.unfollow' : 'account.follow');
  follow.setAttribute('aria-pressed', String(following));
  follow.className = following ? 'secondary-button' : 'primary-button';
  byId('followHint').textContent = t(following ? 'account.followingHint' : 'account.followHint');
}

function applySnapshot(snapshot) {
  closure = snapshot.closure ?? null;
  posts.set(snapshot.posts ?? []);
  renderAccount();
}

/** Joins the account's followers; the snapshot that comes back replaces whatever the page held. */
async function followLive() {
  client ??= createClient();
  client.start();
  applySnapshot(await client.call('FollowAccount', accountId));
}

function createClient() {
  const hub = new HubClient();
  bindConnectionBadge(hub, byId('connection'));
  hub.on('postPublished', (post) => {
    if (post.accountId !== accountId) return;
    posts.put(post, true);
    showNotice('account.newPost', { title: post.title });
  });
  hub.on('postWithdrawn', (post) => {
    if (post.accountId === accountId) posts.put(post, false);
  });
  hub.on('accountClosed', (closed) => {
    closure = closed;
    renderAccount();
  });
  hub.onConnected((isReconnect) => {
    if (isReconnect && follows.has(accountId)) followLive().catch(showError);
  });
  return hub;
}

async function toggleFollow() {
  if (follows.has(accountId)) {
    follows.remove(accountId);
    renderAccount();
    await client?.invoke('UnfollowAccount', accountId).catch(() => undefined);
    return;
  }
  follows.add(accountId);
  renderAccount();
  try {
    await followLive();
    showNotice('account.followed', { name: profile?.name ?? accountId });
  } catch (err) {
    follows.remove(accountId);
    renderAccount();
    showError(err);
  }
}

async function showAccount() {
  byId('accountView').hidden = false;
  byId('feedLink').href = `/api/accounts/${encodeURIComponent(accountId)}/feed.rss`;
  try {
    profile = await request('GET', `/api/accounts/${encodeURIComponent(accountId)}`);
  } catch (err) {
    showError(err);
    return;
  }
  try {
    placement = await bodiesApi.placement(accountId);
    bodyName = ((await bodiesApi.bodies()) ?? []).find((b) => b.id === placement.bodyId)?.name ?? '';
  } catch {
    // An account placed under no body shows its department instead.
    placement = null;
  }
  renderAccount();
  try {
    if (follows.has(accountId)) await followLive();
    else applySnapshot(await postsApi.published(accountId));
  } catch (err) {
    showError(err);
  }
}

byId('follow').addEventListener('click', () => busy(byId('follow'), toggleFollow));

onLangChange(() => {
  if (accountId) {
    renderAccount();
    posts.render();
  } else {
    renderDirectory();
  }
});

if (accountId) showAccount();
else showDirectory();
