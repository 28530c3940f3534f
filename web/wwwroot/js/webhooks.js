// The webhooks page of an account's admins and supervisors: its subscriptions
// (webhooks-subscriptions.js) and its delivery log, kept live by the hub (webhooks-deliveries.js).
import { api, session } from './api.js';
import { HubClient } from './connection.js';
import { savedSession } from './sign-in-keeper.js';
import { bindStaffSignIn } from './staff-sign-in.js';
import { bindConnectionBadge, byId, h, initPage, renderSignedIn, showError } from './ui.js';
import { bindSubscriptions } from './webhooks-subscriptions.js';
import { bindDeliveries } from './webhooks-deliveries.js';

initPage();

const saved = session('webhooks');
let auth = saved.get('auth');
let selectedAccount = saved.get('account');
let client = null;

const context = { token: () => auth?.token, account: () => selectedAccount, onFailure: showError };
const subscriptions = bindSubscriptions(context);
const deliveries = bindDeliveries({ ...context, urlOf: (id) => subscriptions.urlOf(id) });

function renderHeader() {
  renderSignedIn(auth ? auth.displayName || auth.username : null);
}

/** Admins keep every account's webhooks, supervisors those of the accounts they supervise. */
async function loadAccounts() {
  let accounts = [];
  try {
    accounts = (await api.accounts()) ?? [];
  } catch (err) {
    showError(err);
  }
  const kept = auth.roles.includes('admin') ? accounts : accounts.filter((a) => auth.accountIds.includes(a.id));
  if (!kept.some((a) => a.id === selectedAccount)) selectedAccount = kept[0]?.id ?? null;
  saved.set('account', selectedAccount);
  byId('account').replaceChildren(...kept.map((a) => h('option', { value: a.id, text: `${a.name}（${a.id}）` })));
  if (selectedAccount) byId('account').value = selectedAccount;
}

async function watch(accountId) {
  if (!accountId || !client?.connected) return;
  try {
    await client.invoke('WatchWebhooks', accountId);
  } catch (err) {
    showError(err);
  }
}

function loadAccount() {
  subscriptions.load();
  deliveries.load();
}

function setUpConnection() {
  client = new HubClient(() => auth?.token, savedSession(saved, () => auth, signOutLocally));
  bindConnectionBadge(client, byId('connection'));
  client.on('webhookDelivery', (delivery) => deliveries.told(delivery));
  // Groups do not survive a reconnect: watch again, and read what passed meanwhile.
  client.onConnected(() => {
    watch(selectedAccount);
    deliveries.load();
  });
}

async function enter() {
  renderHeader();
  byId('signInView').hidden = true;
  byId('webhooksView').hidden = false;
  if (!client) setUpConnection();
  await Promise.all([loadAccounts(), subscriptions.loadTypes()]);
  loadAccount();
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
    keeps = (result.grants ?? []).filter((g) => (g.roles ?? []).includes('supervisor')).map((g) => g.accountId);
    return (result.roles ?? []).includes('admin') || keeps.length ? null : 'webhooks.notKeeper';
  },
  onSignedIn: (signedIn) => {
    auth = { ...signedIn, accountIds: keeps };
    saved.set('auth', auth);
    enter();
    byId('account').focus();
  },
});

byId('account').addEventListener('change', async (event) => {
  const previous = selectedAccount;
  selectedAccount = event.target.value;
  saved.set('account', selectedAccount);
  if (client?.connected && previous) client.invoke('UnwatchWebhooks', previous).catch(() => {});
  subscriptions.reset();
  await watch(selectedAccount);
  loadAccount();
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
