// What the public event page and the press console show alike: grades, statuses, the legal
// clocks and the timeline, so that press officers see exactly what the public sees.
import { lang, t } from './i18n.js';
import { formatFullTime, formatTime, h } from './ui.js';

export const CLOCK_ORDER = ['information', 'pressConference', 'response'];
const ROMAN = { zh: ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ'], en: ['I', 'II', 'III', 'IV'] };
const STATUS_RANK = { open: 0, monitoring: 1, closed: 2 };
// The two reminder points the server warns at; the bar marks them so the amber phase is no surprise.
export const WARN_FRACTION = 0.8;

function roman(severity) {
  const n = Number(severity);
  return n >= 1 && n <= 4 ? ROMAN[lang()][n - 1] : '';
}

export function gradeText(severity) {
  const r = roman(severity);
  return r ? t('grade.badge', { roman: r, label: t(`severity.${Number(severity)}`) }) : '';
}

export function gradeOptionText(severity) {
  return t('grade.option', { roman: roman(severity), label: t(`severity.${severity}`) });
}

/** The grade badge uses the national warning colours: red, orange, yellow, blue. */
export function gradeBadge(severity) {
  const text = gradeText(severity);
  return text ? h('span', { className: 'grade', dataset: { grade: String(severity) }, text }) : null;
}

/** The words for an event's status; a live session is "live now" or "ended", not an incident's "ongoing". */
export function statusText(status, kind) {
  if (!status) return '';
  return t(kind === 'live' ? `evstatus.live.${status}` : `evstatus.${status}`);
}

export function statusChip(status, id, kind) {
  return h('span', { id, className: 'ev-status', dataset: { status: status ?? '' }, text: statusText(status, kind) });
}

export function kindChip(kind) {
  return kind ? h('span', { className: 'chip', dataset: { kind }, text: t(`kind.${kind}`) }) : null;
}

/** Orders open events first, then monitoring, then closed; the server's order breaks ties. */
export function sortEvents(list) {
  return list
    .map((item, index) => ({ item, index }))
    .sort((a, b) => (STATUS_RANK[a.item.status] ?? 3) - (STATUS_RANK[b.item.status] ?? 3) || a.index - b.index)
    .map(({ item }) => item);
}

export function sortClocks(clocks) {
  return [...(clocks ?? [])].sort((a, b) => CLOCK_ORDER.indexOf(a.name) - CLOCK_ORDER.indexOf(b.name));
}

/** Replaces a clock by name, or adds it. */
export function mergeClock(clocks, clock) {
  if (!clock?.name) return clocks ?? [];
  const rest = (clocks ?? []).filter((c) => c.name !== clock.name);
  return sortClocks([...rest, clock]);
}

/** The next clock still running, the one a press officer has to watch. */
export function nextPendingClock(clocks) {
  return (clocks ?? [])
    .filter((c) => c.status === 'pending')
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0] ?? null;
}

export function clockProgress(clock, now = Date.now()) {
  const due = Date.parse(clock.dueAt);
  if (Number.isNaN(due)) return null;
  const opened = Date.parse(clock.openedAt);
  const span = due - opened;
  const fraction = Number.isNaN(opened) || span <= 0 ? (now >= due ? 1 : 0) : (now - opened) / span;
  return { remaining: due - now, fraction };
}

/** ok, warn (past 80 %), late (breached or past due) or met. */
export function clockLevel(clock, now = Date.now()) {
  if (clock.status === 'breached') return 'late';
  if (clock.status === 'met') return 'met';
  const progress = clockProgress(clock, now);
  if (!progress) return 'ok';
  if (progress.remaining <= 0) return 'late';
  return progress.fraction >= WARN_FRACTION ? 'warn' : 'ok';
}

export function formatDuration(ms) {
  let seconds = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(seconds / 86400);
  seconds -= days * 86400;
  const hh = Math.floor(seconds / 3600);
  const mm = Math.floor((seconds % 3600) / 60);
  const ss = seconds % 60;
  const clock = `${hh}:${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')}`;
  return days ? `${t('clock.days', { n: days })}${clock}` : clock;
}

function countdownText(el, now) {
  const progress = clockProgress({ dueAt: el.dataset.due, openedAt: el.dataset.opened }, now);
  if (!progress) return '';
  const d = formatDuration(progress.remaining);
  const text = progress.remaining > 0 ? t('clock.left', { d }) : t('clock.overdue', { d });
  return el.dataset.countdown === 'next' ? t('clock.next', { name: t(`clock.${el.dataset.name}`), left: text }) : text;
}

/**
 * A live countdown for a running clock. style "next" also names the clock (for lists).
 * role=timer keeps screen readers from announcing every second.
 */
export function countdown(clock, style = 'plain') {
  const el = h('span', {
    className: 'countdown',
    role: 'timer',
    dataset: { countdown: style, due: clock.dueAt, opened: clock.openedAt ?? '', name: clock.name },
  });
  refreshCountdown(el, Date.now());
  return el;
}

function refreshCountdown(el, now) {
  const text = countdownText(el, now);
  if (el.textContent !== text) el.textContent = text;
  const level = clockLevel({ dueAt: el.dataset.due, openedAt: el.dataset.opened, status: 'pending' }, now);
  el.dataset.level = level;
  const host = el.closest('[data-level-host]');
  if (!host) return;
  host.dataset.level = level;
  const fill = host.querySelector('.clock-fill');
  const progress = clockProgress({ dueAt: el.dataset.due, openedAt: el.dataset.opened }, now);
  if (fill && progress) fill.style.width = `${Math.min(100, Math.max(0, progress.fraction * 100))}%`;
}

let ticking = false;

/** One timer for every countdown on the page; countdowns are found afresh each second, so re-rendering is free. */
export function startTicker() {
  if (ticking) return;
  ticking = true;
  setInterval(() => {
    const now = Date.now();
    for (const el of document.querySelectorAll('[data-countdown]')) refreshCountdown(el, now);
  }, 1000);
}

function timeEl(iso, formatter = formatTime) {
  return h('time', { datetime: iso, title: formatFullTime(iso), text: formatter(iso) });
}

function staticFraction(clock) {
  if (clock.status === 'breached') return 1;
  const at = clock.metAt ? Date.parse(clock.metAt) : Date.now();
  return Math.min(1, Math.max(0, clockProgress(clock, at)?.fraction ?? 0));
}

/**
 * A clock for press officers: due time, countdown or outcome, and the 50 % / 80 % reminder points.
 * stopped: the event closed while the clock still ran, so it no longer counts down.
 */
export function staffClockItem(clock, { stopped = false } = {}) {
  const running = clock.status === 'pending' && !stopped;
  const level = clock.status === 'pending' && stopped ? 'stopped' : clockLevel(clock);
  const state = [];
  if (running) state.push(countdown(clock));
  else if (clock.status === 'pending') state.push(t('clock.stopped'));
  else if (clock.status === 'met') state.push(t('clock.metAt', { time: formatTime(clock.metAt) }));
  else if (clock.status === 'breached') {
    state.push(t('clock.breachedAt', { time: formatTime(clock.breachedAt ?? clock.dueAt) }));
    if (clock.metAt) state.push(' · ', t('clock.lateMet', { time: formatTime(clock.metAt) }));
  }
  const warned = [];
  if (clock.warnedAt50) warned.push(h('span', { className: 'warned', title: formatFullTime(clock.warnedAt50), text: t('clock.warned', { p: 50 }) }));
  if (clock.warnedAt80) warned.push(h('span', { className: 'warned', title: formatFullTime(clock.warnedAt80), text: t('clock.warned', { p: 80 }) }));
  const fraction = staticFraction(clock);
  return h('li', { className: 'clock', dataset: { name: clock.name, status: clock.status, level }, 'data-level-host': running },
    h('div', { className: 'clock-head' },
      h('span', { className: 'clock-name', text: t(`clock.${clock.name}`) }),
      h('span', { className: 'clock-due' }, t('clock.due', { time: '' }).trim(), ' ', timeEl(clock.dueAt))),
    h('div', { className: 'clock-bar', role: 'img', 'aria-label': t('clock.barLabel') },
      h('span', { className: 'clock-fill', style: `width:${(fraction * 100).toFixed(1)}%` }),
      h('span', { className: 'clock-mark', style: 'left:50%', dataset: { passed: clock.warnedAt50 ? 'true' : 'false' } }),
      h('span', { className: 'clock-mark', style: 'left:80%', dataset: { passed: clock.warnedAt80 ? 'true' : 'false' } })),
    h('div', { className: 'clock-foot' },
      h('span', { className: 'clock-state' }, ...state),
      warned.length ? h('span', { className: 'clock-warned' }, ...warned) : null));
}

/** A clock in the public's words: met on time, still running, or missed. */
export function publicClockItem(clock, { stopped = false } = {}) {
  const name = t(`clock.${clock.name}`);
  const running = clock.status === 'pending' && !stopped;
  let outcome;
  if (clock.status === 'pending' && stopped) outcome = t('clock.stopped');
  else if (clock.status === 'met') outcome = t(`pclock.${clock.name}.met`, { time: formatTime(clock.metAt) });
  else if (clock.status === 'breached' && clock.metAt) outcome = t(`pclock.${clock.name}.late`, { time: formatTime(clock.metAt) });
  else if (clock.status === 'breached') outcome = t(`pclock.${clock.name}.breached`, { due: formatTime(clock.dueAt) });
  else outcome = t(`pclock.${clock.name}.pending`, { due: formatTime(clock.dueAt) });
  const level = clock.status === 'pending' && stopped ? 'stopped' : clockLevel(clock);
  return h('li', { className: 'clock public', dataset: { name: clock.name, status: clock.status, level }, 'data-level-host': running },
    h('span', { className: 'clock-icon', 'aria-hidden': 'true' }),
    h('span', { className: 'clock-text' },
      h('strong', { text: t('pclock.label', { name }) }),
      outcome,
      running ? [' ', h('span', { className: 'clock-left' }, '（', countdown(clock), '）')] : null));
}

/** Updates merged by seq (a reconnect snapshot repeats what was already pushed), shown newest first. */
export class Timeline {
  constructor(list, { empty, announce } = {}) {
    this.list = list;
    this.empty = empty;
    this.announce = announce;
    this.updates = new Map();
    this.items = new Map();
  }

  clear() {
    this.updates.clear();
    this.items.clear();
    this.list.replaceChildren();
    if (this.empty) this.empty.hidden = false;
  }

  /** Answers the updates that were new; live ones are highlighted and announced. */
  merge(updates, { live = false } = {}) {
    const added = [];
    for (const update of updates ?? []) {
      if (!update || typeof update.seq !== 'number') continue;
      const known = this.updates.has(update.seq);
      this.updates.set(update.seq, { ...this.updates.get(update.seq), ...update });
      if (!known) added.push(update);
    }
    this.render();
    if (live) {
      for (const update of added) {
        const li = this.items.get(update.seq);
        if (!li) continue;
        li.classList.add('fresh');
        setTimeout(() => li.classList.remove('fresh'), 6000);
      }
      const newest = added.sort((a, b) => b.seq - a.seq)[0];
      if (newest && this.announce) this.announce(t('update.announce', { text: excerpt(newest.text, 200) }));
    }
    return added;
  }

  sorted() {
    return [...this.updates.values()].sort((a, b) => b.seq - a.seq);
  }

  /** Rebuilds each item's content but keeps the element, so a running highlight is not restarted. */
  render() {
    const seqOfStatement = new Map([...this.updates.values()].map((u) => [u.statementId, u.seq]));
    const correctedBy = new Map();
    const targetOf = new Map();
    for (const update of this.updates.values()) {
      if (update.kind !== 'correction') continue;
      const target = update.correctsSeq ?? seqOfStatement.get(update.correctsStatementId);
      if (typeof target !== 'number') continue;
      targetOf.set(update.seq, target);
      if ((correctedBy.get(target) ?? 0) < update.seq) correctedBy.set(target, update.seq);
    }
    const ordered = this.sorted();
    let cursor = this.list.firstElementChild;
    for (const update of ordered) {
      let li = this.items.get(update.seq);
      if (!li) {
        li = h('li', { id: `update-${update.seq}`, className: 'update', tabindex: '-1' });
        this.items.set(update.seq, li);
      }
      fillUpdate(li, update, targetOf.get(update.seq), correctedBy.get(update.seq), update === ordered[0]);
      if (li !== cursor) this.list.insertBefore(li, cursor);
      else cursor = cursor.nextElementSibling;
    }
    if (this.empty) this.empty.hidden = ordered.length > 0;
  }
}

function excerpt(text, max) {
  const flat = String(text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export { excerpt };

function jumpLink(seq, text) {
  return h('a', {
    href: `#update-${seq}`,
    text,
    onclick: (event) => {
      // The target takes focus so keyboard and screen-reader users land on it too.
      const target = document.getElementById(`update-${seq}`);
      if (!target) return;
      event.preventDefault();
      target.scrollIntoView({ block: 'center', behavior: 'smooth' });
      target.focus({ preventScroll: true });
    },
  });
}

function fillUpdate(li, update, correctsSeq, correctionSeq, latest) {
  const kind = update.kind || 'statement';
  li.classList.toggle('latest', latest);
  li.dataset.seq = String(update.seq);
  li.dataset.kind = kind;
  li.classList.toggle('corrected', correctionSeq !== undefined);
  if (correctsSeq !== undefined) li.dataset.corrects = String(correctsSeq);
  else delete li.dataset.corrects;

  const tags = latest ? [h('span', { className: 'update-latest-tag', text: t('update.latest') })] : [];
  if (kind === 'correction' || kind === 'rebuttal') tags.push(h('span', { className: 'update-kind', dataset: { kind }, text: t(`skind.${kind}`) }));
  if (correctionSeq !== undefined) tags.push(h('span', { className: 'update-corrected-tag', text: t('update.corrected') }));

  const parts = [
    h('div', { className: 'update-meta' },
      timeEl(update.publishedAt),
      h('span', { className: 'update-seq', text: t('update.seq', { seq: update.seq }) }),
      ...tags),
    kind === 'correction' && correctsSeq !== undefined
      ? h('p', { className: 'update-corrects' }, jumpLink(correctsSeq, t('update.corrects', { seq: correctsSeq })))
      : null,
    kind === 'rebuttal' && update.rumour
      ? h('blockquote', { className: 'rumour' }, h('span', { className: 'rumour-label', text: t('update.rumour') }), update.rumour)
      : null,
    h('p', { className: 'update-text', text: update.text }),
    correctionSeq !== undefined
      ? h('p', { className: 'update-correction-link' }, jumpLink(correctionSeq, t('update.seeCorrection', { seq: correctionSeq })))
      : null,
  ];
  // replaceChildren would print a null as the text "null".
  li.replaceChildren(...parts.filter(Boolean));
}

/** A place that is a link opens as one; anything else is shown as written. */
export function placeNode(place) {
  const text = String(place ?? '');
  return /^https?:\/\/\S+$/i.test(text.trim())
    ? h('a', { href: text.trim(), rel: 'noopener noreferrer', target: '_blank', text: text.trim() })
    : document.createTextNode(text);
}

export function conferenceItems(conferences) {
  return [...(conferences ?? [])]
    .sort((a, b) => Date.parse(b.heldAt) - Date.parse(a.heldAt))
    .map((c) => h('li', { className: 'conference' },
      h('time', { datetime: c.heldAt, text: formatFullTime(c.heldAt) }),
      h('span', { className: 'conference-place' }, placeNode(c.place))));
}
