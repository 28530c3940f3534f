// The supervisors' desk, service levels: each open conversation's time left or overdue, and the
// account's business calendar and targets, which the supervisor edits in a small form.
import { t } from './i18n.js';
import { busy, byId, describeError, formatSpan, formatTime, h, showNotice } from './ui.js';
import { labelsOf, showLabels } from './desk-labels.js';

const KINDS = ['firstResponse', 'resolution'];

// ---------------------------------------------------------------- time left

/** What one clock says now: its words and its state (met, ok, near, overdue). */
function clockStanding(clock) {
  if (!clock) return { state: 'none', text: '—' };
  if (clock.stoppedAt) {
    return clock.status === 'met'
      ? { state: 'met', text: t('desk.sla.met') }
      : { state: 'overdue', text: t('desk.sla.metLate') };
  }
  const left = new Date(clock.dueAt).getTime() - Date.now();
  if (left <= 0 || clock.status === 'breached') return { state: 'overdue', text: t('desk.sla.overdue', { span: formatSpan(left) }) };
  const near = Date.now() >= new Date(clock.warnAt).getTime();
  return { state: near ? 'near' : 'ok', text: t('desk.sla.left', { span: formatSpan(left) }) };
}

function renderClockCell(cell, clock) {
  const { state, text } = clockStanding(clock);
  const badge = cell.querySelector('.sla-left');
  badge.dataset.state = state;
  badge.textContent = text;
  cell.querySelector('.sla-due').textContent = clock && !clock.stoppedAt ? t('desk.sla.due', { at: formatTime(clock.dueAt) }) : '';
}

function createRow() {
  // One block per cell, so a phone's label column stays beside it.
  const clockCell = () => h('td', {}, h('div', {}, h('span', { className: 'chip sla-left' }), h('span', { className: 'hint sla-due' })));
  return h('tr', {}, h('td', {}), h('td', {}), clockCell(), clockCell());
}

let shown = [];
let agentNames = new Map();
let lastDesk = null;

function updateRow(row, item) {
  const keys = ['desk.colConversation', 'desk.colAgent', 'desk.sla.firstResponse', 'desk.sla.resolution'];
  [...row.cells].forEach((cell, i) => {
    cell.dataset.label = t(keys[i]);
  });
  const subject = h('div', {}, item.subject
    ? h('span', { title: item.conversationId, text: item.subject })
    : h('code', { title: item.conversationId, text: `${item.conversationId.slice(0, 8)}…` }));
  showLabels(subject, labelsOf(lastDesk, item.conversationId));
  row.cells[0].replaceChildren(subject);
  row.cells[1].textContent = item.agentId ? agentNames.get(item.agentId) ?? item.agentId : t('desk.sla.queued');
  KINDS.forEach((kind, i) => renderClockCell(row.cells[2 + i], item.clocks.find((c) => c.kind === kind)));
}

/** Shows the desk's service levels, most urgent first, keeping one row per conversation. */
export function renderServiceLevels(desk) {
  lastDesk = desk;
  shown = desk?.serviceLevels ?? [];
  agentNames = new Map((desk?.agents ?? []).map((a) => [a.agentId, a.displayName || a.agentId]));
  const tbody = byId('serviceLevels');
  const existing = new Map([...tbody.rows].map((row) => [row.dataset.key, row]));
  tbody.replaceChildren(...shown.map((item) => {
    const row = existing.get(item.conversationId) ?? createRow();
    row.dataset.key = item.conversationId;
    updateRow(row, item);
    return row;
  }));
  byId('serviceLevelsEmpty').hidden = !desk || shown.length > 0;
}

/** Moves the countdowns on between two reads of the desk. */
export function tickServiceLevels() {
  for (const row of byId('serviceLevels').rows) {
    const item = shown.find((s) => s.conversationId === row.dataset.key);
    if (item) KINDS.forEach((kind, i) => renderClockCell(row.cells[2 + i], item.clocks.find((c) => c.kind === kind)));
  }
}

// ---------------------------------------------------------------- calendar and targets

const form = byId('slaForm');
const list = (text) => text.split(/[\s,，、;；]+/).map((s) => s.trim()).filter(Boolean);

function fill(settings) {
  byId('slaTimeZone').value = settings.timeZone ?? '';
  byId('slaHours').value = (settings.hours ?? []).join(', ');
  for (const box of form.querySelectorAll('input[name="slaDay"]')) box.checked = (settings.workingDays ?? []).includes(Number(box.value));
  byId('slaHolidays').value = (settings.holidays ?? []).join('\n');
  byId('slaSwapped').value = (settings.swappedWorkdays ?? []).join('\n');
  byId('slaFirstResponse').value = String(settings.firstResponseMinutes ?? '');
  byId('slaResolution').value = String(settings.resolutionMinutes ?? '');
  byId('slaOutsideHours').checked = Boolean(settings.leaveMessagesOutsideHours);
}

function read() {
  return {
    timeZone: byId('slaTimeZone').value.trim(),
    hours: list(byId('slaHours').value),
    workingDays: [...form.querySelectorAll('input[name="slaDay"]:checked')].map((box) => Number(box.value)),
    holidays: list(byId('slaHolidays').value),
    swappedWorkdays: list(byId('slaSwapped').value),
    firstResponseMinutes: Number(byId('slaFirstResponse').value),
    resolutionMinutes: Number(byId('slaResolution').value),
    leaveMessagesOutsideHours: byId('slaOutsideHours').checked,
  };
}

let shownError = null;

function placeError(err) {
  shownError = err;
  byId('slaError').textContent = err ? describeError(err) : '';
}

/**
 * Binds the form to the hub: hub() answers the connected client and account() the selected
 * account. Answers the function that loads the form with the account's stored settings.
 */
export function bindServiceLevelForm(hub, account) {
  async function load() {
    const accountId = account();
    if (!accountId || !hub()?.connected) return;
    try {
      const settings = await hub().invoke('GetServiceLevels', accountId);
      if (accountId !== account()) return;
      fill(settings);
      placeError(null);
    } catch (err) {
      placeError(err);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(byId('slaSave'), async () => {
      try {
        fill(await hub().call('SetServiceLevels', account(), read()));
        placeError(null);
        showNotice('desk.sla.saved');
      } catch (err) {
        placeError(err);
      }
    });
  });
  return load;
}

/** Re-words what the form shows in the page's new language. */
export function rewordServiceLevels() {
  if (shownError) placeError(shownError);
  tickServiceLevels();
}
