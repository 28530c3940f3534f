// The matrix's tree of bodies: choosing a body, adding one under another, moving one elsewhere.
import { ApiError } from './api.js';
import { bodiesApi } from './bodies-api.js';
import { bodyOptions, childrenOf, subtreeOf, visibleBodies } from './body-tree.js';
import { t } from './i18n.js';
import { busy, byId, clearError, clearFieldError, h, showFieldError, showNotice } from './ui.js';

const ID = /^[a-z0-9-]{2,64}$/;
const ROOT = '';
// The level a new body most often has under a parent of each level.
const LEVEL_BELOW = { province: 'city', city: 'county', county: 'bureau', bureau: 'bureau' };

export function bindBodyTree(matrix) {
  const visible = () => visibleBodies(matrix.bodies, matrix.rootId);

  function node(body) {
    const selected = body.id === matrix.selectedId;
    const children = childrenOf(matrix.bodies, body.id);
    return h('li', {},
      h('button', {
        type: 'button', className: 'body-node', 'aria-current': selected ? 'true' : null, dataset: { id: body.id },
        onclick: () => matrix.select(body.id),
      }, h('span', { className: 'body-node-name', text: body.name }), h('span', { className: 'chip', text: t(`body.level.${body.level}`) })),
      children.length ? h('ul', { className: 'bare-list' }, children.map(node)) : null);
  }

  function renderTree() {
    const roots = matrix.rootId ? matrix.bodies.filter((b) => b.id === matrix.rootId) : childrenOf(matrix.bodies, null);
    const focused = byId('bodyTree').contains(document.activeElement) ? document.activeElement.dataset.id : null;
    byId('bodyTree').replaceChildren(...roots.map(node));
    byId('treeEmpty').hidden = roots.length > 0;
    if (focused) byId('bodyTree').querySelector(`[data-id="${CSS.escape(focused)}"]`)?.focus();
  }

  function renderParentSelect() {
    const select = byId('bodyParent');
    const chosen = matrix.selectedId ?? ROOT;
    const options = bodyOptions(matrix.bodies, visible());
    if (!matrix.rootId) options.unshift(h('option', { value: ROOT, text: t('matrix.noParent') }));
    select.replaceChildren(...options);
    select.value = [...select.options].some((o) => o.value === chosen) ? chosen : select.options[0]?.value ?? ROOT;
    suggestLevel();
  }

  function suggestLevel() {
    const parent = matrix.bodies.find((b) => b.id === byId('bodyParent').value);
    byId('bodyLevel').value = parent ? LEVEL_BELOW[parent.level] : 'province';
  }

  function renderSelected() {
    const body = matrix.selected();
    byId('bodyHeading').textContent = body ? body.name : t('matrix.noBody');
    byId('bodyMeta').textContent = body
      ? [t(`body.level.${body.level}`), body.id, body.parentId ? t('matrix.under', { name: matrix.bodyName(body.parentId) }) : t('matrix.rootBody')].join(' · ')
      : '';
    for (const id of ['moveForm', 'newAccountForm', 'placeForm', 'memberForm']) byId(id).hidden = !body;
    // Nobody moves the body they administer from: the body above it is not theirs.
    byId('moveForm').hidden = !body || body.id === matrix.rootId;
    if (!body) return;
    const below = new Set(subtreeOf(matrix.bodies, body.id).map((b) => b.id));
    const targets = visible().filter((b) => !below.has(b.id));
    const options = bodyOptions(matrix.bodies, targets);
    if (!matrix.rootId) options.unshift(h('option', { value: ROOT, text: t('matrix.noParent') }));
    byId('moveParent').replaceChildren(...options);
    byId('moveParent').value = body.parentId ?? ROOT;
  }

  function render() {
    renderTree();
    renderParentSelect();
    renderSelected();
  }

  byId('bodyForm').addEventListener('submit', (event) => {
    event.preventDefault();
    const body = {
      id: byId('bodyId').value.trim(),
      name: byId('bodyName').value.trim(),
      level: byId('bodyLevel').value,
      parentId: byId('bodyParent').value || null,
    };
    if (!ID.test(body.id)) return showFieldError(byId('bodyId'), 'matrix.idHint');
    if (!body.name) return showFieldError(byId('bodyName'), 'matrix.nameRequired');
    return busy(byId('addBody'), async () => {
      clearError();
      try {
        await bodiesApi.addBody(matrix.token(), body);
        for (const id of ['bodyId', 'bodyName']) byId(id).value = '';
        showNotice('matrix.bodyAdded', { name: body.name });
        matrix.selectedId = body.id;
        await matrix.reload();
      } catch (err) {
        if (err instanceof ApiError && err.status === 409) showFieldError(byId('bodyId'), 'matrix.bodyIdTaken');
        else if (err instanceof ApiError && err.status === 400) showFieldError(byId('bodyLevel'), err);
        else if (err instanceof ApiError && err.status === 403) showFieldError(byId('bodyParent'), err);
        else matrix.onFailure(err);
      }
    });
  });

  byId('moveForm').addEventListener('submit', (event) => {
    event.preventDefault();
    const body = matrix.selected();
    const parentId = byId('moveParent').value || null;
    busy(byId('moveBody'), async () => {
      clearError();
      try {
        await bodiesApi.moveBody(matrix.token(), body.id, parentId);
        showNotice('matrix.bodyMoved', { name: body.name });
        await matrix.reload();
      } catch (err) {
        if (err instanceof ApiError && [400, 403, 409].includes(err.status)) showFieldError(byId('moveParent'), err);
        else matrix.onFailure(err);
      }
    });
  });

  for (const id of ['bodyId', 'bodyName']) byId(id).addEventListener('input', () => clearFieldError(byId(id)));
  for (const id of ['bodyLevel', 'bodyParent']) byId(id).addEventListener('change', () => clearFieldError(byId(id)));
  byId('bodyParent').addEventListener('change', suggestLevel);
  byId('moveParent').addEventListener('change', () => clearFieldError(byId('moveParent')));

  return { render, visible };
}
