// The supervisors' desk, labels: the kinds of demand on each open conversation, shown as chips
// beside it in the queue, in each agent's list and among the service levels.
import { t } from './i18n.js';
import { h } from './ui.js';

/** The labels the desk lists for a conversation; none when it has none. */
export const labelsOf = (desk, conversationId) => desk?.labels?.[conversationId] ?? [];

/** A read-only list of chips; null when there are no labels. */
export function labelChips(labels) {
  if (!labels.length) return null;
  return h('ul', { className: 'label-chips desk-label-chips', 'aria-label': t('labels.heading') },
    ...labels.map((label) => h('li', { className: 'label-chip', text: label })));
}

/** Puts the chips of <labels> at the end of <cell>, rebuilding them only when they change. */
export function showLabels(cell, labels) {
  const key = JSON.stringify([t('labels.heading'), labels]);
  const current = cell.querySelector(':scope > .desk-label-chips');
  if (cell.dataset.labels === key) return;
  cell.dataset.labels = key;
  current?.remove();
  const chips = labelChips(labels);
  if (chips) cell.append(chips);
}
