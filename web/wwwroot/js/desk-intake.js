// The supervisors' desk, intake: how a citizen who starts now is taken (a live chat or a left
// message, and why), and the supervisor's switch that makes every start a left message.
import { t } from './i18n.js';
import { byId, describeError, showNotice } from './ui.js';

const toggle = byId('leaveMessagesOnly');
let shown = null;
// While a change is on its way, a refresh of the desk must not flip the switch back.
let saving = false;
let errorSource = null;

function placeError(source) {
  errorSource = source;
  byId('intakeError').textContent = source ? source() : '';
}

/** Why a citizen starting now leaves a message: the switch, the account's hours, or nobody on duty. */
function reason(intake) {
  if (intake.leaveMessagesOnly) return 'desk.intake.becauseSwitch';
  if (intake.outsideHours) return 'desk.intake.becauseHours';
  return 'desk.intake.becauseNobody';
}

/** Shows the intake the desk answered, or nothing while no desk is read. */
export function renderIntake(intake) {
  shown = intake ?? null;
  byId('intakePanel').hidden = !shown;
  if (!shown) return;
  if (!saving) toggle.checked = shown.leaveMessagesOnly;
  const now = byId('intakeNow');
  now.dataset.state = shown.liveChat ? 'live' : 'messages';
  now.textContent = shown.liveChat ? t('desk.intake.live') : t('desk.intake.messages', { reason: t(reason(shown)) });
}

/** Binds the switch: hub() answers the connected client, account() the selected account, refresh() reads the desk again. */
export function bindIntakeSwitch(hub, account, refresh) {
  toggle.addEventListener('change', async () => {
    const on = toggle.checked;
    saving = true;
    toggle.disabled = true;
    placeError(null);
    try {
      await hub().call('SetLeaveMessagesOnly', account(), on);
      showNotice(on ? 'desk.intake.switchedOn' : 'desk.intake.switchedOff');
    } catch (err) {
      toggle.checked = !on;
      placeError(() => describeError(err));
    } finally {
      saving = false;
      toggle.disabled = false;
    }
    await refresh();
    toggle.focus();
  });
}

/** Re-words what the panel shows in the page's new language. */
export function rewordIntake() {
  renderIntake(shown);
  if (errorSource) placeError(errorSource);
}
