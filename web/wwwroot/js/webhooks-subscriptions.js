// An account's or a body's webhook subscriptions: the form that makes one (its secret is shown once, here),
// and the list with a delete that asks to be confirmed by a second press.
import { api, ApiError } from './api.js';
import { applyI18n, lang, onLangChange, t } from './i18n.js';
import { busy, byId, clearError, clearFieldError, h, showFieldError, showNotice } from './ui.js';

const CONFIRM_MS = 5000;

/** Which field a refused subscription is about, and how to say it, from the server's detail. */
function placeRefusal(err) {
  const detail = err instanceof ApiError ? err.detail ?? '' : '';
  if (/^types/.test(detail)) return [byId('hookTypes'), 'webhooks.typesRequired'];
  if (/private|loopback/.test(detail)) return [byId('hookUrl'), 'webhooks.urlPrivate'];
  if (/^url/.test(detail)) return [byId('hookUrl'), 'webhooks.urlInvalid'];
  return [byId('hookUrl'), err];
}

const typeLabel = (type) => t(`webhooks.type.${type}`);

export function bindSubscriptions({ token, owner, onFailure }) {
  let subscriptions = [];

  function render() {
    const items = subscriptions.map((s) => {
      const remove = h('button', { type: 'button', id: `delete-${s.subscriptionId}`, className: 'ghost-button small', text: t('webhooks.delete') });
      remove.addEventListener('click', () => confirmDelete(remove, s));
      return h('li', { dataset: { subscription: s.subscriptionId } },
        h('span', { className: 'hook-url', text: s.url }),
        h('span', { className: 'hook-types', text: s.types.map(typeLabel).join(lang() === 'zh' ? '、' : ', ') }),
        h('div', { className: 'row-actions' }, remove));
    });
    byId('subscriptions').replaceChildren(...items);
    byId('subscriptionsEmpty').hidden = subscriptions.length > 0;
  }

  /** The first press arms the button; a second within a few seconds deletes. */
  function confirmDelete(button, subscription) {
    if (!button.dataset.armed) {
      button.dataset.armed = 'true';
      button.textContent = t('webhooks.confirmDelete');
      button.className = 'danger-button small';
      setTimeout(() => {
        if (!button.isConnected) return;
        delete button.dataset.armed;
        button.textContent = t('webhooks.delete');
        button.className = 'ghost-button small';
      }, CONFIRM_MS);
      return;
    }
    busy(button, async () => {
      try {
        await api.unsubscribeWebhook(token(), owner(), subscription.subscriptionId);
        showNotice('webhooks.deleted', { url: subscription.url });
        await load();
      } catch (err) {
        showFieldError(button, err);
      }
    });
  }

  async function load() {
    if (!owner()) return;
    try {
      subscriptions = (await api.webhooks(token(), owner())) ?? [];
    } catch (err) {
      onFailure(err);
      subscriptions = [];
    }
    render();
  }

  async function loadTypes() {
    let types = [];
    try {
      types = (await api.webhookEventTypes()) ?? [];
    } catch (err) {
      onFailure(err);
    }
    const group = byId('hookTypes');
    group.replaceChildren(group.querySelector('legend'), ...types.map((type) =>
      h('label', {},
        h('input', { type: 'checkbox', name: 'hookType', value: type }),
        h('span', { dataset: { i18n: `webhooks.type.${type}` } }),
        h('code', { text: type }))));
    applyI18n(group);
  }

  const form = byId('subscribeForm');
  form.addEventListener('input', () => {
    clearFieldError(byId('hookUrl'));
    clearFieldError(byId('hookTypes'));
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = byId('hookUrl').value.trim();
    const types = [...form.querySelectorAll('input[name="hookType"]:checked')].map((input) => input.value);
    if (!/^https?:\/\/\S+$/i.test(url)) {
      showFieldError(byId('hookUrl'), 'webhooks.urlInvalid');
      return;
    }
    if (!types.length) {
      showFieldError(byId('hookTypes'), 'webhooks.typesRequired');
      return;
    }
    busy(byId('subscribe'), async () => {
      clearError();
      try {
        const created = await api.subscribeWebhook(token(), owner(), { url, types });
        form.reset();
        byId('secret').value = created.secret;
        byId('secretBox').hidden = false;
        byId('secret').focus();
        byId('secret').select();
        showNotice('webhooks.created', { url: created.url });
        await load();
      } catch (err) {
        const [field, reason] = placeRefusal(err);
        showFieldError(field, reason);
      }
    });
  });

  onLangChange(render);

  return {
    load,
    loadTypes,
    urlOf: (subscriptionId) => subscriptions.find((s) => s.subscriptionId === subscriptionId)?.url ?? '',
    /** Another account or body: the last secret belongs to the other one's integrator and goes. */
    reset() {
      byId('secretBox').hidden = true;
      byId('secret').value = '';
    },
  };
}
