// The selected conversation's service-level clocks in the agent console: time left to the first
// response and to resolution (deadlines counted in the account's business time), or how far
// past them it is.
import { t } from './i18n.js';
import { formatSpan, h } from './ui.js';

const CLOCKS = [
  { kind: 'firstResponse', due: 'firstResponseDue' },
  { kind: 'resolution', due: 'resolutionDue' },
];

/** Fills `el` with one badge per running or breached clock of the view; hides it when there is none. */
export function renderConversationClocks(el, view) {
  const breached = new Set(view?.breaches ?? []);
  const badges = CLOCKS.filter((c) => view?.[c.due] || breached.has(c.kind)).map((c) => {
    const dueAt = view[c.due];
    const left = dueAt ? new Date(dueAt).getTime() - Date.now() : -1;
    const overdue = breached.has(c.kind) || left <= 0;
    const standing = !dueAt
      ? t('agent.clockMissed')
      : overdue ? t('desk.sla.overdue', { span: formatSpan(left) }) : t('desk.sla.left', { span: formatSpan(left) });
    return h('span', { className: 'chip sla-left', dataset: { state: overdue ? 'overdue' : 'ok' } },
      t('agent.clock', { name: t(`desk.sla.${c.kind}`), standing }));
  });
  el.replaceChildren(...badges);
  el.hidden = badges.length === 0;
}
