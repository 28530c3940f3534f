// What the live Q&A pages share: the question store, ranking, labels, and a keyed list that
// moves items instead of rebuilding them, so that live vote counts never steal focus or jump.
import { t } from './i18n.js';

export const MAX_QUESTION = 4000;

// Statuses only move forward (pending -> approved -> answered, or to rejected / merged), which
// lets a snapshot that was read before a push arrived be merged without undoing the push.
const STATUS_RANK = { pending: 0, approved: 1, answered: 2, rejected: 3, merged: 3 };

export const isPublic = (q) => q?.status === 'approved' || q?.status === 'answered';

/** "#12" for the server's "q12"; other ids are shown whole. */
export function questionLabel(id) {
  const match = /^q(\d+)$/.exec(String(id ?? ''));
  return t('qa.number', { n: match ? match[1] : id });
}

/**
 * Who asked, as this viewer may know it: "You" for one's own question, the board's
 * pseudonym ("Citizen 4821") for anyone else's; staff pages add the real name themselves.
 */
export function authorLabel(q, mine = false) {
  if (mine) return t('qa.you');
  return q?.authorPseudonym ? t('qa.pseudonym', { n: q.authorPseudonym }) : '';
}

const askedTime = (q) => Date.parse(q.askedAt) || 0;
const questionNumber = (q) => Number(/^q(\d+)$/.exec(q.questionId)?.[1] ?? 0);

/** The server's board order: most votes first, ties to the earlier question. */
export function byVotes(a, b) {
  return (b.votes ?? 0) - (a.votes ?? 0) || askedTime(a) - askedTime(b) || questionNumber(a) - questionNumber(b);
}

export function byNewest(a, b) {
  return askedTime(b) - askedTime(a) || questionNumber(b) - questionNumber(a);
}

export function byOldest(a, b) {
  return -byNewest(a, b);
}

export function byAnsweredLatest(a, b) {
  return (Date.parse(b.answeredAt) || 0) - (Date.parse(a.answeredAt) || 0) || byVotes(a, b);
}

export { newClientId } from './ui.js';

/**
 * The questions of one event as this page knows them. Pushes arrive in order and win;
 * snapshots may be older than a push that overtook them, so from a snapshot only forward
 * moves are taken, and vote counts (which never go down) keep the higher value.
 */
export class QuestionStore {
  constructor() {
    this.map = new Map();
  }

  get(id) {
    return this.map.get(id);
  }

  values() {
    return [...this.map.values()];
  }

  clear() {
    this.map.clear();
  }

  delete(id) {
    this.map.delete(id);
  }

  /** A pushed question; answers the previous version (or undefined). */
  push(question) {
    if (!question?.questionId) return undefined;
    const old = this.map.get(question.questionId);
    const next = { ...old, ...question, votes: Math.max(question.votes ?? 0, old?.votes ?? 0), seenAt: performance.now() };
    this.map.set(question.questionId, next);
    return old;
  }

  /**
   * A board frame (`votesChanged`): the changed counts by question id. A question this page
   * does not know yet arrives with its own push, count included.
   */
  readVotes(counts) {
    for (const [id, votes] of Object.entries(counts ?? {})) {
      const old = this.map.get(id);
      if (old) this.map.set(id, { ...old, votes: Math.max(votes ?? 0, old.votes ?? 0) });
    }
  }

  /** A question read from a snapshot or a query. */
  read(question) {
    if (!question?.questionId) return;
    const old = this.map.get(question.questionId);
    if (old && (STATUS_RANK[old.status] ?? 0) > (STATUS_RANK[question.status] ?? 0)) {
      this.map.set(question.questionId, { ...old, votes: Math.max(question.votes ?? 0, old.votes ?? 0) });
      return;
    }
    this.map.set(question.questionId, { ...old, ...question, votes: Math.max(question.votes ?? 0, old?.votes ?? 0), seenAt: old?.seenAt ?? 0 });
  }

  /**
   * Takes the public questions of a snapshot requested at `since` (performance.now()).
   * A public question missing from it has left the board (merged), unless a push about it
   * came after the request started.
   */
  readPublic(questions, since) {
    const ids = new Set();
    for (const q of questions ?? []) {
      ids.add(q.questionId);
      this.read(q);
    }
    for (const [id, q] of this.map) {
      if (isPublic(q) && !ids.has(id) && (q.seenAt ?? 0) < since) this.map.delete(id);
    }
  }
}

const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

/**
 * Makes `list` hold exactly `items` in order, reusing the element of each id: `create(item)`
 * builds a new one, `update(el, item)` refreshes it. Moved items slide from where they were
 * (FLIP), new ones fade in, and the element that had focus keeps it.
 */
export function syncList(list, items, { create, update, key = (item) => item.questionId, animate = true }) {
  const existing = new Map();
  for (const el of list.children) if (el.dataset.id) existing.set(el.dataset.id, el);
  const motion = animate && existing.size > 0 && !reducedMotion() && list.offsetParent !== null;
  const before = new Map();
  // Hidden items have no position to slide from.
  if (motion) for (const [id, el] of existing) if (!el.hidden) before.set(id, el.getBoundingClientRect().top);
  const focused = list.contains(document.activeElement) ? document.activeElement : null;

  const wanted = [];
  const ids = new Set();
  for (const item of items) {
    const id = String(key(item));
    ids.add(id);
    let el = existing.get(id);
    const fresh = !el;
    if (fresh) {
      el = create(item);
      el.dataset.id = id;
    }
    update(el, item);
    wanted.push({ el, fresh });
  }
  for (const [id, el] of existing) if (!ids.has(id)) el.remove();

  let cursor = list.firstElementChild;
  for (const { el } of wanted) {
    if (el === cursor) {
      cursor = cursor.nextElementSibling;
      continue;
    }
    list.insertBefore(el, cursor);
  }
  // Moving a node blurs what is inside it; the person should not notice the move.
  if (focused && focused !== document.activeElement && list.contains(focused)) focused.focus({ preventScroll: true });

  if (!motion) return;
  for (const { el, fresh } of wanted) {
    if (fresh) {
      el.classList.remove('q-enter');
      void el.offsetWidth;
      el.classList.add('q-enter');
      continue;
    }
    const top = before.get(el.dataset.id);
    if (top === undefined || el.hidden) continue;
    const delta = top - el.getBoundingClientRect().top;
    if (Math.abs(delta) < 1) continue;
    el.style.transition = 'none';
    el.style.transform = `translateY(${delta}px)`;
    requestAnimationFrame(() => {
      el.style.transition = 'transform 320ms cubic-bezier(0.2, 0.7, 0.2, 1)';
      el.style.transform = '';
    });
  }
}

/** Sets a vote count and makes a change visible for a moment. */
export function setVotes(el, votes) {
  const text = String(votes ?? 0);
  if (el.textContent === text) return;
  const changed = el.textContent !== '';
  el.textContent = text;
  if (changed && !reducedMotion()) {
    el.classList.remove('bump');
    void el.offsetWidth;
    el.classList.add('bump');
  }
}

/** Coalesces many changes in one frame into one render. */
export function frameScheduler(render) {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      render();
    });
  };
}
