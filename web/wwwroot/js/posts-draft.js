// Drafting a post: its kind, and for an interpretation the policy it explains, for a correction
// the post it corrects (both chosen among the account's published posts).
import { ApiError } from './api.js';
import { t } from './i18n.js';
import { postsApi } from './posts-api.js';
import { busy, byId, clearError, clearFieldError, h, showFieldError, showNotice } from './ui.js';

const LINKS = { interpretation: { field: 'explainsPostId', label: 'posts.explains', kind: 'policy' }, correction: { field: 'correctsPostId', label: 'posts.corrects' } };

export function bindDraftForm(desk) {
  function render() {
    const link = LINKS[byId('draftKind').value];
    byId('draftLinkField').hidden = !link;
    if (!link) return;
    byId('draftLinkLabel').textContent = t(link.label);
    const select = byId('draftLink');
    const chosen = select.value;
    const targets = desk.posts().filter((p) => p.status === 'published' && (!link.kind || p.kind === link.kind));
    select.replaceChildren(...targets.map((p) => h('option', { value: p.postId, text: p.title })));
    if (targets.some((p) => p.postId === chosen)) select.value = chosen;
  }

  byId('draftKind').addEventListener('change', () => {
    clearFieldError(byId('draftLink'));
    render();
  });

  byId('draftForm').addEventListener('submit', (event) => {
    event.preventDefault();
    const kind = byId('draftKind').value;
    const draft = { kind, title: byId('draftTitle').value.trim(), text: byId('draftText').value.trim() };
    const link = LINKS[kind];
    if (link) {
      if (!byId('draftLink').value) return showFieldError(byId('draftLink'), link.kind ? 'posts.noPolicy' : 'posts.noPublished');
      draft[link.field] = byId('draftLink').value;
    }
    if (!draft.title) return showFieldError(byId('draftTitle'), 'posts.titleRequired');
    if (!draft.text) return showFieldError(byId('draftText'), 'posts.textRequired');
    return busy(byId('saveDraft'), async () => {
      clearError();
      try {
        await postsApi.draft(desk.token(), desk.accountId(), draft);
        byId('draftTitle').value = '';
        byId('draftText').value = '';
        showNotice('posts.drafted', { title: draft.title });
        await desk.reload();
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) desk.onFailure(err);
        else showFieldError(byId(err instanceof ApiError && err.status === 409 && link ? 'draftLink' : 'draftTitle'), err);
      }
    });
  });

  for (const id of ['draftTitle', 'draftText']) byId(id).addEventListener('input', () => clearFieldError(byId(id)));
  byId('draftLink').addEventListener('change', () => clearFieldError(byId('draftLink')));

  return { render };
}
