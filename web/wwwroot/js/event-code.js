// The short code of a live session, for people in a room to type on the join page: six
// characters derived from the event's id, so the hub stores nothing new. The alphabet leaves
// out I, L, O and U; typing them is forgiven (I and L read as 1, O as 0).
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 6;

/** The code of an event id (32 hex digits): its first 30 bits, five bits a character. */
export function eventCode(eventId) {
  let bits = parseInt(String(eventId).slice(0, 8), 16) >>> 2;
  let code = '';
  for (let i = 0; i < LENGTH; i++) {
    code = ALPHABET[bits & 31] + code;
    bits >>>= 5;
  }
  return code;
}

/** What a person typed, as a code: upper case, without spaces or dashes, look-alikes read as digits. */
export function normalizeCode(typed) {
  return String(typed ?? '')
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
}

export const isCodeShaped = (code) => code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c));

/** The address a QR code and the board's hint lead to. */
export function joinUrl(eventId) {
  return `${window.location.origin}/join.html?code=${eventCode(eventId)}`;
}
