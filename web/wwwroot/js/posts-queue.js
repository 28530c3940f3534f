// The account's posts for its staff: the review queue (approve, or return with a note) and every
// post with the step it waits for (edit or submit a draft, publish now or at a time, withdraw with a reason).
// A refusal (an author reviewing their own post, a time in the past) shows beside the control.
import { ApiError } from './api.js';
import { t } from './i18n.js';
import { kindChip, linkLine, statusChip } from './post-view.js';
import { postsApi } from './posts-api.js';
import { busy, byId, clearError, formatFullTime, h, showFieldError, showNotice } from './ui.js';

const ORDER = ['review', 'draft', 'approved', 'scheduled', 'published', 'withdrawn'];

export function bindPostQueue(desk) {
  const titleOf = (postId) => desk.posts().find((p) => p.postId === postId)?.title ?? postId;

  /** Runs a step on a post; a refusal is shown at `control`, a lapsed sign-in ends the session. */
  function step(button, control, action, noticeKey, post) {
    return busy(button, async () => {
      clearError();
      try {
        await action();
        showNotice(noticeKey, { title: post.title });
        await desk.reload();
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) desk.onFailure(err);
        else showFieldError(control, err);
      }
    });
  }

  function field(id, labelKey, input) {
    return h('div', { className: 'field' }, h('label', { for: id, text: t(labelKey) }), input);
  }

  function reviewActions(post, base) {
    const note = h('input', { id: `${base}-note`, type: 'text', maxlength: 4000 });
    const approve = h('button', { id: `${base}-approve`, type: 'button', className: 'primary-button small', text: t('posts.approve') });
    const giveBack = h('button', { id: `${base}-return`, type: 'button', className: 'secondary-button small', text: t('posts.return') });
    approve.addEventListener('click', () =>
      step(approve, approve, () => postsApi.review(desk.token(), desk.accountId(), post.postId, true, null), 'posts.approved', post));
    giveBack.addEventListener('click', () => {
      if (!note.value.trim()) return showFieldError(note, 'posts.noteRequired');
      return step(giveBack, note, () => postsApi.review(desk.token(), desk.accountId(), post.postId, false, note.value.trim()), 'posts.returned', post);
    });
    return [field(note.id, 'posts.returnNote', note), h('div', { className: 'field post-actions' }, h('span', { className: 'row-actions' }, approve, giveBack))];
  }

  function statusActions(post, base) {
    const button = (key, className) => h('button', { id: `${base}-${key}`, type: 'button', className: `${className} small`, text: t(`posts.${key}`) });
    if (post.status === 'draft') {
      const submit = button('submit', 'primary-button');
      submit.addEventListener('click', () => step(submit, submit, () => postsApi.submit(desk.token(), desk.accountId(), post.postId), 'posts.submitted', post));
      const edit = desk.writes() ? button('edit', 'secondary-button') : null;
      edit?.addEventListener('click', () => desk.edit(post));
      return [h('div', { className: 'field post-actions' }, h('span', { className: 'row-actions' }, submit, edit))];
    }
    if (post.status === 'approved') {
      const when = h('input', { id: `${base}-at`, type: 'datetime-local', step: 60 });
      const publish = button('publish', 'primary-button');
      publish.addEventListener('click', () => {
        const at = when.value ? new Date(when.value).toISOString() : null;
        return step(publish, when.value ? when : publish, () => postsApi.publish(desk.token(), desk.accountId(), post.postId, at),
          at ? 'posts.scheduledNotice' : 'posts.published', post);
      });
      return [field(when.id, 'posts.at', when), h('div', { className: 'field post-actions' }, publish)];
    }
    if (post.status === 'published') {
      const reason = h('input', { id: `${base}-reason`, type: 'text', maxlength: 4000 });
      const withdraw = button('withdraw', 'danger-button');
      withdraw.addEventListener('click', () => {
        if (!reason.value.trim()) return showFieldError(reason, 'posts.reasonRequired');
        return step(withdraw, reason, () => postsApi.withdraw(desk.token(), desk.accountId(), post.postId, reason.value.trim()), 'posts.withdrawnNotice', post);
      });
      return [field(reason.id, 'posts.reason', reason), h('div', { className: 'field post-actions' }, withdraw)];
    }
    return [];
  }

  function meta(post) {
    const parts = [t('posts.createdAt', { at: formatFullTime(post.createdAt) })];
    if (post.authorIds.includes(desk.userId())) parts.push(t('posts.mine'));
    if (['review', 'approved'].includes(post.status)) parts.push(t('posts.approvals', { n: post.approvedBy.length, of: desk.reviewersRequired() }));
    if (post.status === 'scheduled') parts.push(t('posts.scheduledFor', { at: formatFullTime(post.scheduledFor) }));
    if (post.publishedAt) parts.push(t('posts.publishedAt', { at: formatFullTime(post.publishedAt) }));
    return parts.join(' · ');
  }

  function card(post, list) {
    const base = `${list}-${post.postId}`;
    const actions = list === 'review' ? reviewActions(post, base) : statusActions(post, base);
    return h('li', { className: 'post-card', dataset: { postId: post.postId, status: post.status } },
      h('div', { className: 'post-head' }, kindChip(post.kind), statusChip(post.status)),
      h('h3', { id: `${base}-title`, className: 'post-title', text: post.title }),
      h('p', { className: 'post-meta', text: meta(post) }),
      linkLine(post, titleOf),
      h('p', { className: 'post-text', text: post.text }),
      post.status === 'draft' && post.returnNote ? h('p', { className: 'post-note', text: t('posts.returnedWith', { note: post.returnNote }) }) : null,
      post.withdrawalReason ? h('p', { className: 'post-note', text: t('post.withdrawnReason', { reason: post.withdrawalReason }) }) : null,
      actions.length ? h('div', { className: 'post-steps', role: 'group', 'aria-labelledby': `${base}-title` }, actions) : null);
  }

  function render() {
    const posts = [...desk.posts()].sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || b.createdAt.localeCompare(a.createdAt));
    const inReview = posts.filter((p) => p.status === 'review');
    byId('reviewList').replaceChildren(...inReview.map((p) => card(p, 'review')));
    byId('reviewEmpty').hidden = inReview.length > 0;
    byId('reviewCount').textContent = inReview.length || '';
    byId('reviewCount').hidden = !inReview.length;
    byId('postList').replaceChildren(...posts.map((p) => card(p, 'all')));
    byId('postsEmpty').hidden = posts.length > 0;
  }

  /** Puts the focus back on a post of the full list: its Edit button, or its title once it is no longer a draft. */
  function focus(postId) {
    const edit = byId(`all-${postId}-edit`);
    if (edit) return edit.focus();
    const title = byId(`all-${postId}-title`);
    if (!title) return undefined;
    title.tabIndex = -1;
    return title.focus();
  }

  return { render, focus };
}
