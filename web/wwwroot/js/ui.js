// Small helpers shared by every page: inline errors and notices, times, the connection badge.
import { ApiError } from './api.js';
import { hubError, OfflineError } from './connection.js';
import { initLangToggle, lang, onLangChange, t } from './i18n.js';

export const byId = (id) => document.getElementById(id);

const STATUS_CODES = { 400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 413: 'too_large', 429: 'rate_limited', 503: 'unavailable' };

/**
 * A sentence for a person, in the page language, from the contract's error code. The server's own
 * words are English: they are added to English pages only, never inside a Chinese sentence.
 */
export function describeError(err) {
  if (err instanceof OfflineError) return t('err.offline');
  if (err instanceof ApiError) {
    if (err.status === 0) return t('err.network');
    const code = STATUS_CODES[err.status];
    const base = code ? t(`err.${code}`) : err.status >= 500 ? t('err.server') : t('err.unknown');
    return withDetail(base, err.detail);
  }
  const parsed = hubError(err);
  if (parsed) return withDetail(t(`err.${parsed.code}`), parsed.text);
  if (err && typeof err.message === 'string' && /connection|websocket|closed/i.test(err.message)) return t('err.offline');
  return t('err.unknown');
}

function withDetail(base, detail) {
  return detail && lang() === 'en' ? `${base} (${detail})` : base;
}

let errorEl = null;
let noticeEl = null;
let noticeTimer = null;
// Errors are kept as a producer so that switching language re-words the visible message.
let errorSource = null;
let noticeSource = null;

export function showError(errOrKey) {
  errorEl ??= byId('error');
  errorSource = typeof errOrKey === 'string' ? () => t(errOrKey) : () => describeError(errOrKey);
  errorEl.textContent = errorSource();
  if (errOrKey && typeof errOrKey !== 'string' && !(errOrKey instanceof ApiError) && !hubError(errOrKey)) {
    console.warn(errOrKey);
  }
}

export function clearError() {
  errorEl ??= byId('error');
  errorSource = null;
  if (errorEl.textContent) errorEl.textContent = '';
}

/** A passing confirmation, announced politely and cleared after a while. */
export function showNotice(key, params) {
  noticeEl ??= byId('notice');
  if (!noticeEl) return;
  noticeSource = () => t(key, params);
  noticeEl.textContent = noticeSource();
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => {
    noticeSource = null;
    noticeEl.textContent = '';
  }, 8000);
}

// Field errors are worded again on a language switch, like the page's error.
const fieldErrors = new Map();

/**
 * An error shown at the field it is about: below the input, announced, linked to the input
 * (aria-describedby) and marked aria-invalid; the input gets the focus.
 */
export function showFieldError(input, errOrKey) {
  const id = `${input.id}-error`;
  let message = byId(id);
  if (!message) {
    message = h('p', { id, className: 'field-error', role: 'alert' });
    (input.closest('.field') ?? input.parentElement).append(message);
  }
  const source = typeof errOrKey === 'string' ? () => t(errOrKey) : () => describeError(errOrKey);
  fieldErrors.set(input, source);
  message.textContent = source();
  input.setAttribute('aria-invalid', 'true');
  const described = new Set((input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean));
  described.add(id);
  input.setAttribute('aria-describedby', [...described].join(' '));
  input.focus();
}

export function clearFieldError(input) {
  if (!fieldErrors.delete(input)) return;
  byId(`${input.id}-error`)?.remove();
  input.removeAttribute('aria-invalid');
  const described = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== `${input.id}-error`);
  if (described.length) input.setAttribute('aria-describedby', described.join(' '));
  else input.removeAttribute('aria-describedby');
}

onLangChange(() => {
  for (const [input, source] of fieldErrors) {
    const message = byId(`${input.id}-error`);
    if (message) message.textContent = source();
  }
  if (errorSource && errorEl) errorEl.textContent = errorSource();
  if (noticeSource && noticeEl) noticeEl.textContent = noticeSource();
});

export function formatTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const locale = lang() === 'zh' ? 'zh-CN' : 'en-GB';
  const sameDay = date.toDateString() === new Date().toDateString();
  const options = sameDay
    ? { hour: '2-digit', minute: '2-digit' }
    : { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

export function formatFullTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(lang() === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
}

/** Creates an element; attrs may hold className, dataset, text and plain attributes. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'className') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Shows the live connection state in the header badge. */
export function bindConnectionBadge(client, el) {
  const keys = { idle: '', connecting: 'conn.connecting', connected: 'conn.connected', reconnecting: 'conn.reconnecting', offline: 'conn.offline' };
  let state = 'idle';
  const render = () => {
    el.hidden = state === 'idle';
    el.dataset.state = state;
    el.textContent = keys[state] ? t(keys[state]) : '';
  };
  client.onState((value) => {
    state = value;
    render();
  });
  onLangChange(render);
}

/** Common header wiring: language switch. */
export function initPage() {
  initLangToggle(byId('lang'));
}

/** Disables a button while an async action runs, so a double click cannot submit twice. */
export async function busy(button, action) {
  if (button.disabled) return undefined;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await action();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/** An id a client keeps across retries (messages, questions), so the server stores a resend once. */
export function newClientId() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  // Non-secure origins (plain http on a LAN address) have no randomUUID.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The header's "who is signed in" and sign-out button. */
export function renderSignedIn(name) {
  const who = byId('who');
  who.hidden = !name;
  who.textContent = name ?? '';
  byId('signOut').hidden = !name;
}

/** A span of time as people say it (minutes, hours and minutes, days and hours), rounded up to whole minutes. */
export function formatSpan(ms) {
  // Rounded up, so the last minute before a due time shows as one left and the first after as one over.
  const minutes = Math.max(1, Math.ceil(Math.abs(ms) / 60000));
  const hours = Math.floor(minutes / 60);
  if (hours >= 24) return t('desk.sla.spanDays', { d: Math.floor(hours / 24), h: hours % 24 });
  if (hours) return t('desk.sla.spanHours', { h: hours, m: minutes % 60 });
  return t('desk.sla.spanMinutes', { m: minutes });
}
