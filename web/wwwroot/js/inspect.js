// The inspector page: a body's inspection runs, live. The table, ranking and trend of the chosen run,
// an account's drill-down, runs now or at a chosen time, CSV export, a printable report, and notices (通报).
// Table and drill-down live in inspect-table.js, the charts in inspect-charts.js, the REST calls in inspect-api.js.
import { ApiError, session } from './api.js';
import { HubClient, hubError } from './connection.js';
import { onLangChange, t } from './i18n.js';
import { inspectApi } from './inspect-api.js';
import { drawRanking, drawTrend, resizeCharts } from './inspect-charts.js';
import { clearLive, onIndicatorsChanged, renderLive, seedLive } from './inspect-live.js';
import { renderAccounts, renderDrillDown } from './inspect-table.js';
import { savedSession } from './sign-in-keeper.js';
import { bindStaffSignIn } from './staff-sign-in.js';
import { bindConnectionBadge, busy, byId, clearError, clearFieldError, formatFullTime, formatTime, h, initPage, renderSignedIn, showError, showFieldError, showNotice } from './ui.js';

initPage();

const saved = session('inspect');
let auth = saved.get('auth');
let client = null;
let bodies = [];
let bodyId = saved.get('body');
let followed = null;
let runs = [];
let run = null;
let drill = null;
let scheduled = [];

const token = () => auth?.token;

/** Follows the newest run unless the inspector chose an older one. */
let followLatest = true;

function fail(err) {
  if (err instanceof ApiError && err.status === 401) {
    signOutLocally();
    showError('err.unauthorized');
    return;
  }
  const hub = hubError(err);
  showError(hub ? `err.${hub.code}` : err);
}

// ---------------------------------------------------------------- bodies the inspector reads

/** The bodies under `rootId`, the root first; every body for the global admin. */
function readable(all, rootId) {
  if (!rootId) return all;
  const children = new Map();
  for (const b of all) children.set(b.parentId, [...(children.get(b.parentId) ?? []), b]);
  const out = [];
  const visit = (b) => {
    out.push(b);
    for (const c of children.get(b.id) ?? []) visit(c);
  };
  const root = all.find((b) => b.id === rootId);
  if (root) visit(root);
  return out;
}

async function loadBodies() {
  const [mine, all] = await Promise.all([inspectApi.membership(auth.token), inspectApi.bodies()]);
  const member = mine?.membership;
  const reads = member && (member.roles.includes('inspector') || member.roles.includes('admin'));
  if (!reads && !auth.roles.includes('admin')) {
    signOutLocally();
    showError('inspect.notInspector');
    return false;
  }
  bodies = readable(all ?? [], auth.roles.includes('admin') ? null : member.bodyId);
  if (!bodies.some((b) => b.id === bodyId)) bodyId = bodies[0]?.id ?? null;
  renderBodies();
  return true;
}

function renderBodies() {
  byId('body').replaceChildren(...bodies.map((b) => h('option', { value: b.id, text: `${b.name}（${b.id}）` })));
  if (bodyId) byId('body').value = bodyId;
}

const bodyName = (id = bodyId) => bodies.find((b) => b.id === id)?.name ?? id ?? '';

// ---------------------------------------------------------------- runs, live

async function follow() {
  if (!bodyId || !client?.connected) return;
  if (followed && followed !== bodyId) client.invoke('UnfollowInspection', followed).catch(() => {});
  try {
    if (followed !== bodyId) clearLive(bodyName);
    runs = await client.invoke('FollowInspection', bodyId);
    followed = bodyId;
  } catch (err) {
    fail(err);
    return;
  }
  loadLive();
  renderRuns();
  const chosen = followLatest || !runs.some((r) => r.runId === run?.runId) ? runs.at(-1)?.runId : run.runId;
  await showRun(chosen);
  loadScheduled();
}

/** The subtree as it stands now, read after joining so no change falls between; changes then arrive live. */
async function loadLive() {
  try {
    seedLive(await inspectApi.live(auth.token, bodyId), bodyName);
  } catch (err) {
    fail(err);
  }
}

function onCompleted(completed) {
  if (!completed || completed.bodyId !== bodyId) return;
  runs = [...runs.filter((r) => r.runId !== completed.run.runId), completed.run];
  renderRuns();
  showNotice(completed.scheduleId ? 'inspect.scheduledRunDone' : 'inspect.runDone', { at: formatFullTime(completed.run.at) });
  if (followLatest) showRun(completed.run.runId);
  if (completed.scheduleId) loadScheduled();
}

function renderRuns() {
  const select = byId('run');
  select.replaceChildren(...[...runs].reverse().map((r) => h('option', { value: r.runId, text: `${formatFullTime(r.at)} · ${r.runId}` })));
  if (run) select.value = run.runId;
  byId('noRuns').hidden = runs.length > 0;
  byId('runView').hidden = runs.length === 0;
  for (const id of ['exportCsv', 'printReport']) byId(id).disabled = runs.length === 0;
  if (runs.length) drawTrend(byId('trendChart'), runs, formatTime);
}

async function showRun(runId) {
  if (!runId) {
    run = null;
    return;
  }
  try {
    run = await inspectApi.run(auth.token, bodyId, runId);
  } catch (err) {
    fail(err);
    return;
  }
  byId('run').value = run.runId;
  if (drill && drill.runId !== run.runId) closeDrill();
  renderRun();
}

function renderRun() {
  if (!run) return;
  const summary = runs.find((r) => r.runId === run.runId);
  byId('reportMeta').textContent = t('inspect.reportMeta', { body: bodyName(), at: formatFullTime(run.at), run: run.runId });
  byId('sumAccounts').textContent = run.accounts.length;
  byId('sumFlagged').textContent = summary?.flagged ?? run.accounts.filter((a) => a.indicators.flags.length).length;
  byId('sumVetoes').textContent = summary?.vetoes ?? run.accounts.filter((a) => a.indicators.flags.includes('veto')).length;
  byId('sumAverage').textContent = summary?.averageScore == null ? '—' : Math.round(summary.averageScore);
  renderAccounts(run, bodyName, openDrill);
  drawRanking(byId('rankingChart'), run.accounts);
}

async function openDrill(accountId) {
  try {
    drill = await inspectApi.drillDown(auth.token, bodyId, run.runId, accountId);
  } catch (err) {
    fail(err);
    return;
  }
  renderDrillDown(drill);
  byId('drillDown').scrollIntoView({ block: 'start' });
  byId('closeDrill').focus();
}

function closeDrill() {
  drill = null;
  byId('drillDown').hidden = true;
}

// ---------------------------------------------------------------- runs at a chosen time

async function loadScheduled() {
  try {
    scheduled = await inspectApi.scheduled(auth.token, bodyId);
  } catch (err) {
    fail(err);
    return;
  }
  renderScheduled();
}

function renderScheduled() {
  byId('scheduledList').replaceChildren(...scheduled.map((s) => h('li', {},
    h('span', { text: t('inspect.scheduledFor', { at: formatFullTime(s.at), by: s.requestedByName }) }), ' ',
    h('button', {
      type: 'button', className: 'ghost-button small', text: t('inspect.cancelScheduled'),
      onclick: (event) => busy(event.currentTarget, async () => {
        try {
          await inspectApi.cancelScheduled(auth.token, bodyId, s.scheduleId);
          await loadScheduled();
        } catch (err) {
          fail(err);
        }
      }),
    }))));
}

byId('scheduleForm').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = byId('scheduleAt');
  const at = new Date(input.value);
  if (!input.value || Number.isNaN(at.getTime())) {
    showFieldError(input, 'inspect.scheduleRequired');
    return;
  }
  busy(byId('schedule'), async () => {
    clearError();
    try {
      await inspectApi.schedule(auth.token, bodyId, at.toISOString());
      input.value = '';
      showNotice('inspect.scheduledNotice', { at: formatFullTime(at.toISOString()) });
      await loadScheduled();
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) showFieldError(input, 'inspect.schedulePast');
      else fail(err);
    }
  });
});
byId('scheduleAt').addEventListener('input', () => clearFieldError(byId('scheduleAt')));

// ---------------------------------------------------------------- actions

byId('runNow').addEventListener('click', () => busy(byId('runNow'), async () => {
  clearError();
  try {
    followLatest = true;
    await inspectApi.runNow(auth.token, bodyId);
  } catch (err) {
    fail(err);
  }
}));

byId('run').addEventListener('change', () => {
  followLatest = byId('run').value === runs.at(-1)?.runId;
  showRun(byId('run').value);
});

byId('body').addEventListener('change', () => {
  bodyId = byId('body').value;
  saved.set('body', bodyId);
  run = null;
  followLatest = true;
  closeDrill();
  follow();
});

byId('exportCsv').addEventListener('click', () => busy(byId('exportCsv'), async () => {
  try {
    const file = await inspectApi.csv(auth.token, bodyId, run.runId);
    const link = h('a', { href: URL.createObjectURL(file), download: `inspection-${bodyId}-${run.runId}.csv` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  } catch (err) {
    fail(err);
  }
}));

byId('printReport').addEventListener('click', () => window.print());
byId('closeDrill').addEventListener('click', closeDrill);

byId('noticeForm').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = byId('noticeText');
  if (!text.value.trim()) {
    showFieldError(text, 'inspect.noticeRequired');
    return;
  }
  busy(byId('circulate'), async () => {
    clearError();
    try {
      const told = await inspectApi.circulate(auth.token, bodyId, run.runId, text.value.trim());
      text.value = '';
      showNotice(told.bodyIds.length ? 'inspect.circulated' : 'inspect.nobodyFlagged', { n: told.bodyIds.length });
    } catch (err) {
      fail(err);
    }
  });
});
byId('noticeText').addEventListener('input', () => clearFieldError(byId('noticeText')));

window.addEventListener('resize', resizeCharts);
window.addEventListener('beforeprint', resizeCharts);
window.addEventListener('afterprint', resizeCharts);

onLangChange(() => {
  if (!auth) return;
  renderBodies();
  renderRuns();
  renderRun();
  renderScheduled();
  renderLive(bodyName);
  if (drill) renderDrillDown(drill);
});

// ---------------------------------------------------------------- sign-in

function signOutLocally() {
  client?.stop();
  saved.clear();
  auth = null;
  followed = null;
  renderSignedIn(null);
  byId('inspectView').hidden = true;
  byId('signInView').hidden = false;
}

async function enter() {
  renderSignedIn(auth.displayName || auth.username);
  byId('signInView').hidden = true;
  try {
    if (!(await loadBodies())) return;
  } catch (err) {
    fail(err);
    return;
  }
  byId('inspectView').hidden = false;
  if (!client) {
    client = new HubClient(token, savedSession(saved, () => auth, () => {
      signOutLocally();
      showError('err.unauthorized');
    }));
    bindConnectionBadge(client, byId('connection'));
    client.on('inspectionCompleted', onCompleted);
    client.on('accountIndicatorsChanged', (change) => onIndicatorsChanged(change, bodyName));
    client.onConnected(() => {
      followed = null;
      follow();
    });
  }
  client.start();
}

bindStaffSignIn({
  refusal: () => null,
  onSignedIn: (signedIn) => {
    auth = signedIn;
    saved.set('auth', auth);
    enter();
  },
});

byId('signOut').addEventListener('click', async () => {
  await client?.stop();
  saved.clear();
  window.location.reload();
});

if (auth) enter();
else byId('signInView').hidden = false;
