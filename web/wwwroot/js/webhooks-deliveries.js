// An account's or a body's webhook deliveries, newest first: loaded once, then kept live from the hub's
// webhookDelivery events, with a replay for a delivery that is dead or already delivered.
import { api } from './api.js';
import { onLangChange, t } from './i18n.js';
import { busy, byId, clearFieldError, formatTime, h, showFieldError, showNotice } from './ui.js';

const COLUMNS = ['webhooks.colCreated', 'webhooks.colType', 'webhooks.colStatus', 'webhooks.colAttempts', 'webhooks.colLast', 'webhooks.colActions'];

function lastOutcome(delivery) {
  if (delivery.status === 'delivered') return t('webhooks.lastDelivered', { code: delivery.lastStatusCode ?? '' });
  if (!delivery.lastAttemptAt) return t('webhooks.notTried');
  const code = delivery.lastStatusCode ? `HTTP ${delivery.lastStatusCode}` : t('webhooks.noAnswer');
  const next = delivery.status === 'pending' && delivery.nextAttemptAt ? t('webhooks.nextAttempt', { at: formatTime(delivery.nextAttemptAt) }) : '';
  return [code, next].filter(Boolean).join(' · ');
}

export function bindDeliveries({ token, owner, urlOf, onFailure }) {
  // Newest first, by delivery number (d1, d2, ...), which only grows.
  let deliveries = [];
  const number = (d) => Number(d.deliveryId.slice(1));

  function replayButton(delivery) {
    if (delivery.status === 'pending') return null;
    const button = h('button', {
      type: 'button',
      id: `replay-${delivery.deliveryId}`,
      className: delivery.status === 'dead' ? 'secondary-button small' : 'ghost-button small',
      text: t('webhooks.replay'),
      'aria-label': t('webhooks.replayOf', { type: delivery.type, id: delivery.deliveryId }),
    });
    button.addEventListener('click', () => busy(button, async () => {
      clearFieldError(button);
      try {
        // The row changes when the hub tells of the replay and of its outcome, in their order;
        // this answer could come after the outcome and must not hide it.
        await api.replayWebhook(token(), owner(), delivery.deliveryId);
        showNotice('webhooks.replayed', { id: delivery.deliveryId });
      } catch (err) {
        showFieldError(button, err);
      }
    }));
    return button;
  }

  function row(delivery) {
    const cells = [
      h('td', { text: formatTime(delivery.createdAt) }),
      h('td', {}, h('span', { text: t(`webhooks.type.${delivery.type}`) }), h('br'), h('small', { className: 'subtle', text: urlOf(delivery.subscriptionId) })),
      h('td', {}, h('span', { className: 'delivery-status', dataset: { status: delivery.status }, text: t(`webhooks.status.${delivery.status}`) })),
      h('td', { text: String(delivery.attempts) }),
      h('td', { text: lastOutcome(delivery) }),
      h('td', {}, replayButton(delivery)),
    ];
    cells.forEach((cell, i) => {
      cell.dataset.label = t(COLUMNS[i]);
    });
    return h('tr', { dataset: { delivery: delivery.deliveryId, status: delivery.status } }, ...cells);
  }

  function render() {
    byId('deliveryRows').replaceChildren(...deliveries.map(row));
    byId('deliveriesEmpty').hidden = deliveries.length > 0;
  }

  /** One delivery as the hub tells of it: its row changes in place, or a new one goes on top. */
  function told(delivery) {
    const others = deliveries.filter((d) => d.deliveryId !== delivery.deliveryId);
    deliveries = [...others, delivery].sort((a, b) => number(b) - number(a));
    render();
  }

  async function load() {
    if (!owner()) return;
    try {
      deliveries = (await api.webhookDeliveries(token(), owner())) ?? [];
    } catch (err) {
      onFailure(err);
      deliveries = [];
    }
    render();
  }

  onLangChange(render);

  return { load, told };
}
