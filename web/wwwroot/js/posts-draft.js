// The draft form: a new post (its kind, and for an interpretation the policy it explains, for a
// correction the post it corrects, both chosen among the account's published posts), or changes
// to the title and text of a draft, a returned one with its reviewer's note kept in view.
import { ApiError } from './api.js';
import { t } from './i18n.js';
import { postsApi } from './posts-api.js';
import { busy, byId, clearError, clearFieldError, h, showFieldError, showNotice } from './ui.js';

const LINKS = { interpretation: { field: 'explainsPostId', label: 'posts.explains', kind: 'policy' }, correction: { field: 'correctsPostId', label: 'posts.corrects' } };

export function bindDraftForm(desk) {
  // The id of the draft being changed; null while the form writes a new post.
  let editing = null;

  function label(element, key) {
    element.dataset.i18n = key;
    element.textContent = t(key);
  }

  function renderMode() {
    label(byId('draftHeading'), editing ? 'posts.editHeading' : 'posts.draftHeading');
    label(byId('saveDraft'), editing ? 'posts.saveEdit' : 'posts.saveDraft');
    byId('cancelEdit').hidden = !editing;
    byId('draftKindField').hidden = Boolean(editing);
    const note = editing ? desk.posts().find((p) => p.postId === editing)?.returnNote : null;
    byId('draftNote').hidden = !note;
    byId('draftNote').textContent = note ? t('posts.returnedWith', { note }) : '';
  }

  function renderLink() {
    const link = editing ? null : LINKS[byId('draftKind').value];
    byId('draftLinkField').hidden = !link;
    if (!link) return;
    byId('draftLinkLabel').textContent = t(link.label);
    const select = byId('draftLink');
    const chosen = select.value;
    const targets = desk.posts().filter((p) => p.status === 'published' && (!link.kind || p.kind === link.kind));
    select.replaceChildren(...targets.map((p) => h('option', { value: p.postId, text: p.title })));
    if (targets.some((p) => p.postId === chosen)) select.value = chosen;
  }

  function render() {
    renderMode();
    renderLink();
  }

  function clearWriting() {
    for (const id of ['draftTitle', 'draftText', 'draftLink']) clearFieldError(byId(id));
    byId('draftTitle').value = '';
    byId('draftText').value = '';
  }

  /** Opens a draft in the form, its reviewer's note above the fields. */
  function edit(post) {
    clearError();
    clearWriting();
    editing = post.postId;
    byId('draftTitle').value = post.title;
    byId('draftText').value = post.text;
    render();
    byId('draftForm').closest('section').scrollIntoView({ block: 'nearest' });
    byId('draftTitle').focus({ preventScroll: true });
  }

  /** Back to writing a new post; answers the draft that was open, if any. */
  function stopEditing() {
    const postId = editing;
    if (!postId) return null;
    editing = null;
    clearWriting();
    render();
    return postId;
  }

  function refused(err, fieldId) {
    if (err instanceof ApiError && err.status === 401) desk.onFailure(err);
    else showFieldError(byId(fieldId), err);
  }

  async function saveNew(draft, link) {
    try {
      await postsApi.draft(desk.token(), desk.accountId(), draft);
      clearWriting();
      showNotice('posts.drafted', { title: draft.title });
      await desk.reload();
    } catch (err) {
      refused(err, err instanceof ApiError && err.status === 409 && link ? 'draftLink' : 'draftTitle');
    }
  }

  async function saveEdit(postId, changes) {
    try {
      await postsApi.edit(desk.token(), desk.accountId(), postId, changes);
      stopEditing();
      showNotice('posts.edited', { title: changes.title });
      await desk.reload();
      desk.focusPost(postId);
    } catch (err) {
      refused(err, 'draftTitle');
      // A draft someone submitted meanwhile: the list shows where it went.
      if (err instanceof ApiError && err.status === 409) await desk.reload();
    }
  }

  byId('draftKind').addEventListener('change', () => {
    clearFieldError(byId('draftLink'));
    renderLink();
  });

  byId('draftForm').addEventListener('submit', (event) => {
    event.preventDefault();
    const written = { title: byId('draftTitle').value.trim(), text: byId('draftText').value.trim() };
    const postId = editing;
    const kind = byId('draftKind').value;
    const link = postId ? null : LINKS[kind];
    const linked = {};
    if (link) {
      if (!byId('draftLink').value) return showFieldError(byId('draftLink'), link.kind ? 'posts.noPolicy' : 'posts.noPublished');
      linked[link.field] = byId('draftLink').value;
    }
    if (!written.title) return showFieldError(byId('draftTitle'), 'posts.titleRequired');
    if (!written.text) return showFieldError(byId('draftText'), 'posts.textRequired');
    clearError();
    return busy(byId('saveDraft'), () => (postId ? saveEdit(postId, written) : saveNew({ kind, ...written, ...linked }, link)));
  });

  function cancel() {
    const postId = stopEditing();
    if (postId) desk.focusPost(postId);
  }

  byId('cancelEdit').addEventListener('click', cancel);
  byId('draftForm').addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && editing) cancel();
  });

  for (const id of ['draftTitle', 'draftText']) byId(id).addEventListener('input', () => clearFieldError(byId(id)));
  byId('draftLink').addEventListener('change', () => clearFieldError(byId('draftLink')));

  return { render, edit, stopEditing };
}
