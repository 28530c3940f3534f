// Handing the selected conversation to a named colleague of the same account, with a note
// only staff read.
import { byId, describeError, h } from './ui.js';
import { t } from './i18n.js';

/**
 * Binds the "transfer to colleague" button and dialog. view() answers the selected
 * conversation's view; onTransferred(id) runs once the colleague has it.
 */
export function mountColleagueTransfer({ client, view, onTransferred }) {
  const dialog = byId('colleagueDialog');
  const select = byId('colleague');
  const confirm = byId('colleagueConfirm');
  const errorEl = byId('colleagueError');

  async function open() {
    const current = view();
    if (!current) return;
    errorEl.textContent = '';
    byId('colleagueNote').value = '';
    let colleagues = [];
    try {
      colleagues = (await client.call('GetTransferTargets', current.accountId)) ?? [];
    } catch (err) {
      errorEl.textContent = describeError(err);
    }
    select.replaceChildren(...colleagues.map((c) =>
      h('option', { value: c.agentId, text: t('colleague.option', { name: c.displayName || c.agentId, open: c.open, capacity: c.capacity }) })));
    const none = colleagues.length === 0;
    select.disabled = none;
    confirm.disabled = none;
    byId('colleagueNone').hidden = !none;
    dialog.showModal();
    (none ? byId('colleagueCancel') : select).focus();
  }

  byId('transferColleague').addEventListener('click', open);
  byId('colleagueCancel').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => byId('transferColleague').focus());

  byId('colleagueForm').addEventListener('submit', async (event) => {
    event.preventDefault();
    const current = view();
    const toAgentId = select.value;
    if (!current || !toAgentId) return;
    confirm.disabled = true;
    errorEl.textContent = '';
    try {
      await client.call('TransferToAgent', current.accountId, current.conversationId, toAgentId, byId('colleagueNote').value.trim());
      dialog.close();
      onTransferred(current.conversationId);
    } catch (err) {
      errorEl.textContent = describeError(err);
    } finally {
      confirm.disabled = false;
    }
  });
}
