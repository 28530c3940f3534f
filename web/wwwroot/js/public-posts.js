// An account's posts as the public reads them, newest first; a withdrawn post keeps its place
// with the reason in place of its text.
import { t } from './i18n.js';
import { kindChip, linkLine } from './post-view.js';
import { byId, formatFullTime, h } from './ui.js';

export function bindPublicPosts() {
  let posts = [];
  // Posts that arrived live since the page opened, marked new until the page is left.
  const fresh = new Set();

  const titleOf = (postId) => posts.find((p) => p.postId === postId)?.title ?? postId;

  function item(post) {
    const withdrawn = post.status === 'withdrawn' || Boolean(post.withdrawnAt);
    return h('li', { className: 'public-post', dataset: { postId: post.postId, withdrawn: withdrawn ? 'true' : 'false' } },
      h('article', { 'aria-labelledby': `post-${post.postId}` },
        h('div', { className: 'post-head' },
          kindChip(post.kind),
          withdrawn ? h('span', { className: 'chip post-status', dataset: { status: 'withdrawn' }, text: t('postStatus.withdrawn') }) : null,
          fresh.has(post.postId) ? h('span', { className: 'chip new-chip', text: t('account.new') }) : null,
          h('time', { className: 'post-time', datetime: post.publishedAt, text: formatFullTime(post.publishedAt) })),
        h('h3', { id: `post-${post.postId}`, className: 'post-title', text: post.title }),
        linkLine(post, titleOf),
        withdrawn
          ? h('p', { className: 'post-note', text: t('post.withdrawnReason', { reason: post.withdrawalReason ?? '' }) })
          : h('p', { className: 'post-text', text: post.text })));
  }

  function render() {
    byId('publicPosts').replaceChildren(...posts.map(item));
    byId('publicEmpty').hidden = posts.length > 0;
  }

  return {
    render,
    /** The whole list, from the REST answer or a FollowAccount snapshot. */
    set(list) {
      posts = [...list];
      render();
    },
    /** A pushed post: a new one goes on top, a withdrawn one replaces its earlier self. */
    put(post, isNew) {
      const index = posts.findIndex((p) => p.postId === post.postId);
      if (index >= 0) posts[index] = post;
      else posts.unshift(post);
      if (isNew) fresh.add(post.postId);
      render();
    },
  };
}
