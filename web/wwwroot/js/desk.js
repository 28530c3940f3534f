// The supervisors' desk: an account's queue and agents, kept fresh while the page is in view,
// with each agent's capacity, the reassignment of a conversation to a named agent, the labels of
// open conversations (desk-labels.js), how citizens are taken now (desk-intake.js), and the
// service levels (desk-service-levels.js).
import { api } from './api.js';
import { HubClient, OfflineError } from './connection.js';
import { savedSession } from './sign-in-keeper.js';
import { bindStaffPage } from './staff-page.js';
import { onLangChange, t } from './i18n.js';
import { bindConnectionBadge, busy, byId, describeError, h, initPage, showError, showNotice } from './ui.js';
import { bindServiceLevelForm, renderServiceLevels, rewordServiceLevels, tickServiceLevels } from './desk-service-levels.js';
import { bindIntakeSwitch, renderIntake, rewordIntake } from './desk-intake.js';
import { labelChips, labelsOf, showLabels } from './desk-labels.js';

initPage();

// The hub pushes nothing when the desk changes, so the page asks again this often.
const REFRESH_MS = 3000;
const MAX_CAPACITY = 100;

// The shared form hands on the flat sign-in; the accounts this person supervises are in its grants.
const supervisedBy = (signedIn) => (signedIn.grants ?? []).filter((g) => (g.roles ?? []).includes('supervisor')).map((g) => g.accountId);

const page = bindStaffPage({
  scope: 'desk',
  viewId: 'consoleView',
  refusal: (result) => (supervisedBy(result).length ? null : 'err.notSupervisor'),
  admit: (signedIn) => ({ accountIds: supervisedBy(signedIn) }),
  onEnter: enterDesk,
  onLeave: leaveDesk,
  onSignOut: async () => {
    await client?.stop();
  },
});
const saved = page.saved;
let accounts = [];
let selectedAccount = saved.get('account');
let desk = null;
let client = null;
// The conversation the reassign dialog is about: { conversationId, holder }.
let reassigning = null;
const dialog = byId('reassignDialog');

const accountName = (id) => accounts.find((a) => a.id === id)?.name ?? id;
const shortId = (id) => `${id.slice(0, 8)}…`;
const agentName = (agent) => agent.displayName || agent.agentId;

// ---------------------------------------------------------------- errors beside their place

// Each shown error keeps how to word it, so switching language re-words it where it stands.
const placedErrors = new Map();

function placeError(el, err) {
  if (err) placedErrors.set(el, () => describeError(err));
  else placedErrors.delete(el);
  el.textContent = err ? placedErrors.get(el)() : '';
}

function placeMessage(el, key) {
  placedErrors.set(el, () => t(key, { max: MAX_CAPACITY }));
  el.textContent = placedErrors.get(el)();
}

onLangChange(() => {
  for (const [el, source] of placedErrors) {
    if (el.isConnected) el.textContent = source();
    else placedErrors.delete(el);
  }
});

// ---------------------------------------------------------------- rendering

function agentState(agent) {
  if (!agent.available) return 'paused';
  return agent.present ? 'online' : 'gone';
}

function waited(since) {
  const total = Math.max(0, Math.floor((Date.now() - new Date(since).getTime()) / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours) return t('desk.waitHours', { h: hours, m: minutes });
  if (minutes) return t('desk.waitMinutes', { m: minutes, s: seconds });
  return t('desk.waitSeconds', { s: seconds });
}

function tickWaiting() {
  for (const el of byId('queue').querySelectorAll('.waited')) el.textContent = waited(el.dataset.since);
}

/** Keeps one row per key, in order, so focus and a half-typed capacity survive each refresh. */
function syncRows(tbody, items, keyOf, create, update) {
  const existing = new Map([...tbody.rows].map((row) => [row.dataset.key, row]));
  const keep = new Set();
  let cursor = tbody.firstElementChild;
  for (const item of items) {
    const key = keyOf(item);
    keep.add(key);
    let row = existing.get(key);
    if (!row) {
      row = create(item);
      row.dataset.key = key;
    }
    update(row, item);
    if (row === cursor) cursor = cursor.nextElementSibling;
    else tbody.insertBefore(row, cursor);
  }
  for (const [key, row] of existing) {
    if (!keep.has(key)) row.remove();
  }
}

function labelCells(row, keys) {
  [...row.cells].forEach((cell, i) => {
    cell.dataset.label = t(keys[i]);
  });
}

function reassignButton(conversationId, holder) {
  return h('button', {
    type: 'button',
    className: 'ghost-button small',
    dataset: { reassign: conversationId },
    onclick: () => openReassign(conversationId, holder),
  });
}

function createQueueRow(item) {
  return h('tr', {},
    h('td', { className: 'desk-position' }),
    // One block per cell, so a phone's label column stays beside the subject and its labels.
    h('td', {}, h('div', {}, item.subject ? h('span', { title: item.conversationId, text: item.subject }) : h('code', { title: item.conversationId, text: shortId(item.conversationId) }))),
    h('td', {}, h('span', { className: 'waited', dataset: { since: item.waitingSince } })),
    h('td', {}, reassignButton(item.conversationId, null)));
}

function updateQueueRow(row, item) {
  labelCells(row, ['desk.colPosition', 'desk.colConversation', 'desk.colWaiting', 'desk.colActions']);
  row.cells[0].textContent = t('desk.position', { n: item.position });
  const since = row.querySelector('.waited');
  since.dataset.since = item.waitingSince;
  since.textContent = waited(item.waitingSince);
  showLabels(row.cells[1].firstElementChild, labelsOf(desk, item.conversationId));
  const button = row.querySelector('button');
  button.textContent = t('desk.reassign');
  button.setAttribute('aria-label', t('desk.reassignLabel', { id: shortId(item.conversationId) }));
}

function createAgentRow(agent) {
  const inputId = `capacity-${agent.agentId}`;
  const errorId = `capacity-error-${agent.agentId}`;
  const input = h('input', {
    id: inputId, name: 'capacity', type: 'number', min: 1, max: MAX_CAPACITY, step: 1, inputmode: 'numeric',
    required: true, className: 'capacity-input', 'aria-describedby': errorId,
    oninput: () => {
      input.dataset.dirty = 'true';
    },
  });
  const form = h('form', { className: 'capacity-form', novalidate: true },
    h('label', { for: inputId, className: 'sr-only capacity-label' }),
    input,
    h('button', { type: 'submit', className: 'ghost-button small capacity-save' }),
    h('span', { id: errorId, className: 'field-error capacity-error' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    saveCapacity(agent.agentId, form);
  });
  return h('tr', {},
    h('td', {}, h('span', { className: 'staff-name' })),
    h('td', {}, h('span', { className: 'chip agent-status' })),
    h('td', { className: 'desk-load' }),
    h('td', {}, form),
    h('td', {}, h('ul', { className: 'desk-conversations' })));
}

function updateConversations(list, agent) {
  const ids = agent.conversationIds ?? [];
  const focused = list.contains(document.activeElement) ? document.activeElement.dataset.reassign : null;
  list.replaceChildren(...ids.map((id) => h('li', {},
    h('code', { title: id, text: shortId(id) }),
    labelChips(labelsOf(desk, id)),
    reassignButton(id, agent.agentId))));
  for (const button of list.querySelectorAll('button')) {
    button.textContent = t('desk.reassign');
    button.setAttribute('aria-label', t('desk.reassignLabel', { id: shortId(button.dataset.reassign) }));
  }
  if (!ids.length) list.append(h('li', { className: 'hint', text: t('desk.noConversations') }));
  if (focused) list.querySelector(`[data-reassign="${focused}"]`)?.focus();
}

function updateAgentRow(row, agent) {
  labelCells(row, ['desk.colAgent', 'desk.colStatus', 'desk.colLoad', 'desk.colCapacity', 'desk.colConversations']);
  const name = agentName(agent);
  row.querySelector('.staff-name').textContent = name;
  const state = agentState(agent);
  const status = row.querySelector('.agent-status');
  status.dataset.state = state;
  status.textContent = t(`desk.state.${state}`);
  const held = agent.conversationIds?.length ?? 0;
  const load = row.querySelector('.desk-load');
  load.textContent = t('desk.load', { n: held, capacity: agent.capacity });
  load.dataset.full = String(held >= agent.capacity);
  row.querySelector('.capacity-label').textContent = t('desk.capacityLabel', { name });
  row.querySelector('.capacity-save').textContent = t('desk.capacitySave');
  const input = row.querySelector('.capacity-input');
  if (input !== document.activeElement && !input.dataset.dirty) input.value = String(agent.capacity);
  const list = row.querySelector('.desk-conversations');
  const signature = JSON.stringify((agent.conversationIds ?? []).map((id) => [id, labelsOf(desk, id)]));
  // Rebuilt only when the held conversations change, or for the words of another language.
  if (list.dataset.ids !== signature || list.dataset.lang !== document.documentElement.lang) {
    list.dataset.ids = signature;
    list.dataset.lang = document.documentElement.lang;
    updateConversations(list, agent);
  }
}

function renderSummary() {
  const agents = desk?.agents ?? [];
  byId('summary').textContent = desk
    ? t('desk.summary', { queued: desk.queue.length, online: agents.filter((a) => agentState(a) === 'online').length, agents: agents.length })
    : '';
}

function renderDesk() {
  const queue = desk?.queue ?? [];
  const agents = desk?.agents ?? [];
  syncRows(byId('queue'), queue, (item) => item.conversationId, createQueueRow, updateQueueRow);
  syncRows(byId('agents'), agents, (agent) => agent.agentId, createAgentRow, updateAgentRow);
  byId('queueEmpty').hidden = !desk || queue.length > 0;
  byId('agentsEmpty').hidden = !desk || agents.length > 0;
  renderServiceLevels(desk);
  renderIntake(desk?.intake);
  renderSummary();
  renderReassignDialog();
}

function renderAccountOptions() {
  const select = byId('account');
  select.replaceChildren(...(page.auth()?.accountIds ?? []).map((id) => h('option', { value: id, text: accountName(id) })));
  if (selectedAccount) select.value = selectedAccount;
}

// ---------------------------------------------------------------- reading the desk

let inFlight = null;
let again = false;

async function loadDesk() {
  const accountId = selectedAccount;
  if (!page.auth() || !client?.connected || !accountId) return;
  try {
    const answer = await client.invoke('GetServiceDesk', accountId);
    if (accountId !== selectedAccount) return;
    desk = answer;
    placeError(byId('deskError'), null);
  } catch (err) {
    // The connection badge already says the page is offline.
    if (accountId !== selectedAccount || err instanceof OfflineError) return;
    placeError(byId('deskError'), err);
  }
  renderDesk();
}

/** Reads the desk now; a call made during a read brings one more read, so an action's result is seen. */
function refresh() {
  if (inFlight) {
    again = true;
    return inFlight;
  }
  inFlight = (async () => {
    do {
      again = false;
      await loadDesk();
    } while (again);
  })().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

// ---------------------------------------------------------------- actions

async function saveCapacity(agentId, form) {
  const input = form.querySelector('.capacity-input');
  const errorEl = form.querySelector('.capacity-error');
  const value = Number(input.value);
  if (!Number.isInteger(value) || value < 1 || value > MAX_CAPACITY) {
    input.setAttribute('aria-invalid', 'true');
    placeMessage(errorEl, 'desk.capacityRange');
    input.focus();
    return;
  }
  await busy(form.querySelector('.capacity-save'), async () => {
    try {
      await client.call('SetAgentCapacity', selectedAccount, agentId, value);
      input.removeAttribute('aria-invalid');
      delete input.dataset.dirty;
      placeError(errorEl, null);
      const agent = desk?.agents.find((a) => a.agentId === agentId);
      showNotice('desk.capacitySaved', { name: agent ? agentName(agent) : agentId, n: value });
    } catch (err) {
      input.setAttribute('aria-invalid', 'true');
      placeError(errorEl, err);
    }
  });
  await refresh();
}

function reassignTargets(holder) {
  const order = { online: 0, paused: 1, gone: 2 };
  // The hub hands work only to an agent some node vouches for, whether or not they take new work.
  return (desk?.agents ?? [])
    .filter((a) => a.present && a.agentId !== holder)
    .sort((a, b) => order[agentState(a)] - order[agentState(b)]);
}

function renderReassignDialog() {
  if (!reassigning) return;
  const { conversationId, holder } = reassigning;
  const from = desk?.agents.find((a) => a.agentId === holder);
  byId('reassignWhat').textContent = from
    ? t('desk.reassignFromAgent', { id: shortId(conversationId), name: agentName(from) })
    : t('desk.reassignFromQueue', { id: shortId(conversationId) });
  const select = byId('reassignAgent');
  const chosen = select.value;
  const targets = reassignTargets(holder);
  const options = targets.map((a) => [a.agentId, t('desk.reassignOption', {
    name: agentName(a), state: t(`desk.state.${agentState(a)}`), load: t('desk.load', { n: a.conversationIds?.length ?? 0, capacity: a.capacity }),
  })]);
  // A refresh while the person is choosing leaves the list alone unless it really changed.
  const signature = JSON.stringify(options);
  if (select.dataset.options !== signature) {
    select.dataset.options = signature;
    select.replaceChildren(...options.map(([value, text]) => h('option', { value, text })));
    if (targets.some((a) => a.agentId === chosen)) select.value = chosen;
  }
  select.disabled = targets.length === 0;
  byId('reassignNone').hidden = targets.length > 0;
  byId('reassignConfirm').disabled = targets.length === 0;
}

function openReassign(conversationId, holder) {
  reassigning = { conversationId, holder };
  byId('reassignAgent').replaceChildren();
  delete byId('reassignAgent').dataset.options;
  placeError(byId('reassignError'), null);
  renderReassignDialog();
  dialog.showModal();
  (byId('reassignAgent').disabled ? byId('reassignCancel') : byId('reassignAgent')).focus();
}

// Focus goes back to the conversation's reassign button, wherever a refresh has put it.
dialog.addEventListener('close', () => {
  const id = reassigning?.conversationId;
  reassigning = null;
  const back = id ? document.querySelector(`#consoleView [data-reassign="${id}"]`) : null;
  (back ?? byId('account')).focus();
});

byId('reassignCancel').addEventListener('click', () => dialog.close());

byId('reassignForm').addEventListener('submit', (event) => {
  event.preventDefault();
  const target = reassigning;
  const toAgentId = byId('reassignAgent').value;
  if (!target || !toAgentId) return;
  busy(byId('reassignConfirm'), async () => {
    placeError(byId('reassignError'), null);
    try {
      await client.call('ReassignConversation', selectedAccount, target.conversationId, toAgentId);
    } catch (err) {
      placeError(byId('reassignError'), err);
      return;
    }
    const agent = desk?.agents.find((a) => a.agentId === toAgentId);
    await refresh();
    dialog.close();
    showNotice('desk.reassigned', { id: shortId(target.conversationId), name: agent ? agentName(agent) : toAgentId });
  });
});

// ---------------------------------------------------------------- sign-in and start

const loadServiceLevels = bindServiceLevelForm(() => client, () => selectedAccount);
bindIntakeSwitch(() => client, () => selectedAccount, refresh);

function setUpConnection() {
  client = new HubClient(() => page.auth()?.token, savedSession(saved, page.auth, page.ended));
  bindConnectionBadge(client, byId('connection'));
  client.onConnected(() => {
    refresh();
    loadServiceLevels();
  });
}

async function loadAccounts() {
  try {
    accounts = (await api.accounts()) ?? [];
  } catch (err) {
    showError(err);
  }
  renderAccountOptions();
}

function enterDesk(auth, justSignedIn) {
  const ids = auth.accountIds ?? [];
  if (!ids.includes(selectedAccount)) selectedAccount = ids[0] ?? null;
  saved.set('account', selectedAccount);
  if (!client) setUpConnection();
  renderAccountOptions();
  renderDesk();
  loadAccounts();
  client.start();
  if (justSignedIn) byId('account').focus();
}

/** A lapsed sign-in: the desk it showed is let go of. */
function leaveDesk() {
  client?.stop();
  desk = null;
  if (dialog.open) dialog.close();
  renderDesk();
}

byId('account').addEventListener('change', (event) => {
  selectedAccount = event.target.value;
  saved.set('account', selectedAccount);
  desk = null;
  placeError(byId('deskError'), null);
  byId('queue').replaceChildren();
  byId('agents').replaceChildren();
  byId('serviceLevels').replaceChildren();
  renderDesk();
  refresh();
  loadServiceLevels();
});

setInterval(() => {
  if (page.auth() && document.visibilityState === 'visible') refresh();
}, REFRESH_MS);
setInterval(() => {
  tickWaiting();
  tickServiceLevels();
}, 1000);
document.addEventListener('visibilitychange', () => {
  if (page.auth() && document.visibilityState === 'visible') refresh();
});

onLangChange(() => {
  renderAccountOptions();
  renderDesk();
  rewordServiceLevels();
  rewordIntake();
});
