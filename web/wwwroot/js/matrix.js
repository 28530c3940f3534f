// The matrix of government new media, for the global admin and the admins of a body: the bodies
// of their subtree (matrix-tree.js), the accounts each runs (matrix-accounts.js), the staff who
// belong to them (matrix-staff.js) and the notices (通报) inspectors circulated (matrix-notices.js).
import { bodiesApi } from './bodies-api.js';
import { onLangChange, t } from './i18n.js';
import { bindMatrixAccounts } from './matrix-accounts.js';
import { bindMatrixNotices } from './matrix-notices.js';
import { bindMatrixStaff } from './matrix-staff.js';
import { bindBodyTree } from './matrix-tree.js';
import { bindStaffPage } from './staff-page.js';
import { byId, clearError, initPage, showError } from './ui.js';

initPage();

/** What every part of the page shares: the sign-in, the caller's scope and the chosen body. */
const matrix = {
  token: () => page.auth()?.token,
  // The global admin manages every body; a body admin their own body's subtree (rootId).
  get rootId() {
    return page.auth()?.rootId ?? null;
  },
  bodies: [],
  selectedId: null,
  selected: () => matrix.bodies.find((b) => b.id === matrix.selectedId) ?? null,
  bodyName: (id) => matrix.bodies.find((b) => b.id === id)?.name ?? id,
  select,
  reload: () => loadBodies(),
  onFailure: (err) => page.onFailure(err),
};

const tree = bindBodyTree(matrix);
// The staff table names accounts, so it is drawn again once they have arrived.
const accounts = bindMatrixAccounts(matrix, () => staff.render());
const staff = bindMatrixStaff(matrix, accounts);
const notices = bindMatrixNotices(matrix);
const page = bindStaffPage({
  scope: 'matrix',
  viewId: 'matrixView',
  admit: scopeOf,
  onEnter: async () => {
    matrix.selectedId = page.saved.get('selected');
    await loadBodies();
    byId('bodyTree').querySelector('button')?.focus();
  },
});

function renderScope() {
  byId('scopeLine').textContent = matrix.rootId ? t('matrix.scopeBody', { name: matrix.bodyName(matrix.rootId) }) : t('matrix.scopeAll');
}

function select(bodyId) {
  matrix.selectedId = bodyId;
  page.saved.set('selected', bodyId);
  tree.render();
  clearError();
  accounts.load();
  staff.load();
  notices.load();
}

async function loadBodies() {
  try {
    matrix.bodies = (await bodiesApi.bodies()) ?? [];
  } catch (err) {
    showError(err);
  }
  const visible = tree.visible();
  if (!visible.some((b) => b.id === matrix.selectedId)) matrix.selectedId = visible[0]?.id ?? null;
  renderScope();
  select(matrix.selectedId);
}

/** The global admin, or a staff member who administers a body; anyone else is turned away. */
async function scopeOf(signedIn) {
  if (signedIn.roles.includes('admin')) return { rootId: null };
  const { membership } = await bodiesApi.mine(signedIn.token);
  return membership?.roles?.includes('admin') ? { rootId: membership.bodyId } : 'err.notBodyAdmin';
}

onLangChange(() => {
  if (!page.auth()) return;
  renderScope();
  tree.render();
  accounts.render();
  staff.render();
  notices.render();
});
