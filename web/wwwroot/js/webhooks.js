// The webhooks page of an account's admins and supervisors, and of a body's admins (a body's
// subscriptions take the events of its subtree's accounts): the subscriptions
// (webhooks-subscriptions.js) and the delivery log, kept live by the hub (webhooks-deliveries.js).
import { api, session } from './api.js';
import { bodiesApi } from './bodies-api.js';
import { bodyOptions, visibleBodies } from './body-tree.js';
import { HubClient } from './connection.js';
import { onLangChange, t } from './i18n.js';
import { savedSession } from './sign-in-keeper.js';
import { bindStaffSignIn } from './staff-sign-in.js';
import { bindConnectionBadge, byId, h, initPage, renderSignedIn, showError } from './ui.js';
import { bindSubscriptions } from './webhooks-subscriptions.js';
import { bindDeliveries } from './webhooks-deliveries.js';

initPage();

const saved = session('webhooks');
let auth = saved.get('auth');
let selected = saved.get('owner');
let client = null;

/** The select's value, `account:ID` or `body:ID`, as the REST calls and the hub take it. */
const ownerOf = (value) => (value ? { kind: value.slice(0, value.indexOf(':')), id: value.slice(value.indexOf(':') + 1) } : null);

const context = { token: () => auth?.token, owner: () => ownerOf(selected), onFailure: showError };
const subscriptions = bindSubscriptions(context);
const deliveries = bindDeliveries({ ...context, urlOf: (id) => subscriptions.urlOf(id) });

function renderHeader() {
  renderSignedIn(auth ? auth.displayName || auth.username : null);
}

/** Admins keep every account's and body's webhooks, supervisors those of their accounts, body admins those of their subtree. */
async function loadOwners() {
  let accounts = [];
  let bodies = [];
  let rootId = null;
  try {
    [accounts, bodies] = (await Promise.all([api.accounts(), bodiesApi.bodies()])).map((list) => list ?? []);
    if (!auth.roles.includes('admin')) {
      const { membership } = await bodiesApi.mine(auth.token);
      rootId = membership?.roles?.includes('admin') ? membership.bodyId : undefined;
    }
  } catch (err) {
    showError(err);
  }
  const keptAccounts = auth.roles.includes('admin') ? accounts : accounts.filter((a) => auth.accountIds.includes(a.id));
  const keptBodies = rootId === undefined ? [] : visibleBodies(bodies, rootId);
  const values = [...keptAccounts.map((a) => `account:${a.id}`), ...keptBodies.map((b) => `body:${b.id}`)];
  if (!values.includes(selected)) selected = values[0] ?? null;
  saved.set('owner', selected);
  const group = (label, options) => (options.length ? [h('optgroup', { label: t(label), dataset: { label } }, ...options)] : []);
  byId('owner').replaceChildren(
    ...group('webhooks.accounts', keptAccounts.map((a) => h('option', { value: `account:${a.id}`, text: `${a.name}（${a.id}）` }))),
    ...group('webhooks.bodies', bodyOptions(bodies, keptBodies).map((option) => Object.assign(option, { value: `body:${option.value}` }))));
  if (selected) byId('owner').value = selected;
  if (!values.length) showError('webhooks.notKeeper');
}

async function watch(value) {
  const owner = ownerOf(value);
  if (!owner || !client?.connected) return;
  try {
    await client.invoke(owner.kind === 'body' ? 'WatchBodyWebhooks' : 'WatchWebhooks', owner.id);
  } catch (err) {
    showError(err);
  }
}

function unwatch(value) {
  const owner = ownerOf(value);
  if (owner && client?.connected) client.invoke(owner.kind === 'body' ? 'UnwatchBodyWebhooks' : 'UnwatchWebhooks', owner.id).catch(() => {});
}

function loadOwner() {
  subscriptions.load();
  deliveries.load();
}

function setUpConnection() {
  client = new HubClient(() => auth?.token, savedSession(saved, () => auth, signOutLocally));
  bindConnectionBadge(client, byId('connection'));
  client.on('webhookDelivery', (delivery) => deliveries.told(delivery));
  // Groups do not survive a reconnect: watch again, and read what passed meanwhile.
  client.onConnected(() => {
    watch(selected);
    deliveries.load();
  });
}

async function enter() {
  renderHeader();
  byId('signInView').hidden = true;
  byId('webhooksView').hidden = false;
  if (!client) setUpConnection();
  await Promise.all([loadOwners(), subscriptions.loadTypes()]);
  loadOwner();
  client.start();
}

/** The hub no longer accepts this sign-in: back to the form, saying why. */
function signOutLocally() {
  client?.stop();
  saved.clear();
  auth = null;
  byId('webhooksView').hidden = true;
  byId('signInView').hidden = false;
  renderHeader();
  showError('err.unauthorized');
}

let keeps = [];

bindStaffSignIn({
  refusal: (result) => {
    // Whether a body's admin keeps anything is known only once the tree is read (loadOwners).
    keeps = (result.grants ?? []).filter((g) => (g.roles ?? []).includes('supervisor')).map((g) => g.accountId);
    return null;
  },
  onSignedIn: (signedIn) => {
    auth = { ...signedIn, accountIds: keeps };
    saved.set('auth', auth);
    enter();
    byId('owner').focus();
  },
});

onLangChange(() => {
  for (const group of byId('owner').querySelectorAll('optgroup')) group.label = t(group.dataset.label);
});

byId('owner').addEventListener('change', async (event) => {
  unwatch(selected);
  selected = event.target.value;
  saved.set('owner', selected);
  subscriptions.reset();
  await watch(selected);
  loadOwner();
});

byId('signOut').addEventListener('click', async () => {
  await client?.stop();
  saved.clear();
  window.location.reload();
});

if (auth) enter();
else {
  renderHeader();
  byId('signInView').hidden = false;
}
