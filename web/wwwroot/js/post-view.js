// What a post shows wherever it appears: its kind, its status, and the post it explains or corrects.
import { t } from './i18n.js';
import { h } from './ui.js';

export const kindChip = (kind) => h('span', { className: 'chip post-kind', dataset: { kind }, text: t(`postKind.${kind}`) });

export const statusChip = (status) => h('span', { className: 'chip post-status', dataset: { status }, text: t(`postStatus.${status}`) });

/** "Explains: <title>" or "Corrects: <title>", naming the linked post by its title when it is known. */
export function linkLine(post, titleOf) {
  if (post.explainsPostId) return h('p', { className: 'post-link', text: t('post.explains', { title: titleOf(post.explainsPostId) }) });
  if (post.correctsPostId) return h('p', { className: 'post-link', text: t('post.corrects', { title: titleOf(post.correctsPostId) }) });
  return null;
}
