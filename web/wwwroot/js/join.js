// The join page: a person in the room types the short code shown on the projector board and
// lands on that session's Q&A page. The QR code on the board carries the code in the address.
import { api } from './api.js';
import { eventCode, isCodeShaped, normalizeCode } from './event-code.js';
import { busy, byId, clearFieldError, initPage, showError, showFieldError } from './ui.js';

initPage();

const input = byId('code');

/** The open live session with this code, among the public events. */
async function findSession(code) {
  const events = (await api.events()) ?? [];
  return events.find((ev) => ev.kind === 'live' && ev.status !== 'closed' && eventCode(ev.eventId) === code) ?? null;
}

async function join() {
  const code = normalizeCode(input.value);
  if (!code) return showFieldError(input, 'join.codeRequired');
  if (!isCodeShaped(code)) return showFieldError(input, 'join.codeShape');
  clearFieldError(input);
  try {
    const session = await findSession(code);
    if (!session) return showFieldError(input, 'join.codeUnknown');
    window.location.assign(`/qa.html?id=${encodeURIComponent(session.eventId)}`);
  } catch (err) {
    showError(err);
  }
  return undefined;
}

byId('joinForm').addEventListener('submit', (e) => {
  e.preventDefault();
  busy(byId('join'), join);
});
input.addEventListener('input', () => clearFieldError(input));

const fromQr = new URLSearchParams(window.location.search).get('code');
if (fromQr) {
  input.value = normalizeCode(fromQr);
  busy(byId('join'), join);
}
