// Message text with its web addresses and phone numbers made into links. Everything else
// stays text: the message is never parsed as HTML.
import { h } from './ui.js';

// A web address ends before whitespace or punctuation that ends a sentence in either language.
const WEB = String.raw`https?:\/\/[^\s<>"'，。！？；、）】》]+[^\s<>"'，。！？；、）】》.,!?;:)]`;
// Mainland mobiles (138 1234 5678 written together), landlines with an area code, and 12345.
const PHONE = String.raw`(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}-\d{7,8}|12345)(?!\d)`;
const PATTERN = new RegExp(`(${WEB})|(${PHONE})`, 'g');

/** The text as nodes: plain runs, and links for the addresses and phone numbers in it. */
export function linkified(text) {
  const nodes = [];
  let last = 0;
  for (const match of String(text ?? '').matchAll(PATTERN)) {
    if (match.index > last) nodes.push(text.slice(last, match.index));
    const [found, web] = match;
    nodes.push(web
      ? h('a', { href: found, target: '_blank', rel: 'noopener noreferrer nofollow', text: found })
      : h('a', { href: `tel:${found.replace('-', '')}`, text: found }));
    last = match.index + found.length;
  }
  if (last < String(text ?? '').length) nodes.push(text.slice(last));
  return nodes;
}
