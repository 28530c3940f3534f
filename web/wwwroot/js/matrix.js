// The matrix of government new media, for the global admin and the admins of a body: the bodies
// of their subtree (matrix-tree.js), the accounts each runs (matrix-accounts.js), the staff who
// belong to them (matrix-staff.js) and the notices (通报) inspectors circulated (matrix-notices.js).
import { ApiError, session } from './api.js';
import { bodiesApi } from './bodies-api.js';
import { onLangChange, t } from './i18n.js';
import { bindMatrixAccounts } from './matrix-accounts.js';
import { bindMatrixNotices } from './matrix-notices.js';
import { bindMatrixStaff } from './matrix-staff.js';
import { bindBodyTree } from './matrix-tree.js';
import { bindStaffSignIn } from './staff-sign-in.js';
import { byId, clearError, initPage, renderSignedIn, showError } from './ui.js';

initPage();

const saved = session('matrix');
let auth = saved.get('auth');

/** What every part of the page shares: the sign-in, the caller's scope and the chosen body. */
const matrix = {
  token: () => auth?.token,
  // The global admin manages every body; a body admin their own body's subtree (rootId).
  rootId: saved.get('rootId'),
  bodies: [],
  selectedId: saved.get('selected'),
  selected: () => matrix.bodies.find((b) => b.id === matrix.selectedId) ?? null,
  bodyName: (id) => matrix.bodies.find((b) => b.id === id)?.name ?? id,
  select,
  reload: () => loadBodies(),
  onFailure: handleFailure,
};

const tree = bindBodyTree(matrix);
// The staff table names accounts, so it is drawn again once they have arrived.
const accounts = bindMatrixAccounts(matrix, () => staff.render());
const staff = bindMatrixStaff(matrix, accounts);
const notices = bindMatrixNotices(matrix);

function renderHeader() {
  renderSignedIn(auth ? auth.displayName || auth.username : null);
}

function renderScope() {
  byId('scopeLine').textContent = matrix.rootId ? t('matrix.scopeBody', { name: matrix.bodyName(matrix.rootId) }) : t('matrix.scopeAll');
}

function select(bodyId) {
  matrix.selectedId = bodyId;
  saved.set('selected', bodyId);
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

/** An expired or revoked sign-in sends the admin back to the sign-in form. */
function handleFailure(err) {
  if (err instanceof ApiError && err.status === 401) {
    saved.clear();
    auth = null;
    showSignIn();
  }
  showError(err);
}

function showSignIn() {
  renderHeader();
  byId('matrixView').hidden = true;
  byId('signInView').hidden = false;
}

function enterMatrix() {
  renderHeader();
  byId('signInView').hidden = true;
  byId('matrixView').hidden = false;
  loadBodies();
}

/** The global admin, or a staff member who administers a body; anyone else is refused. */
async function scopeOf(signedIn) {
  if (signedIn.roles.includes('admin')) return { rootId: null };
  const { membership } = await bodiesApi.mine(signedIn.token);
  return membership?.roles?.includes('admin') ? { rootId: membership.bodyId } : null;
}

bindStaffSignIn({
  refusal: () => null,
  onSignedIn: async (signedIn) => {
    try {
      const scope = await scopeOf(signedIn);
      if (!scope) {
        showError('err.notBodyAdmin');
        return;
      }
      auth = signedIn;
      matrix.rootId = scope.rootId;
      saved.set('auth', auth);
      saved.set('rootId', scope.rootId);
      enterMatrix();
      byId('bodyTree').querySelector('button')?.focus();
    } catch (err) {
      showError(err);
    }
  },
});

byId('signOut').addEventListener('click', () => {
  saved.clear();
  window.location.reload();
});

onLangChange(() => {
  renderHeader();
  if (!auth) return;
  renderScope();
  tree.render();
  accounts.render();
  staff.render();
  notices.render();
});

if (auth?.token) enterMatrix();
else showSignIn();
