// The security log on the admin page: newest first, filtered by account, older entries on demand.
import { api } from './api.js';
import { t } from './i18n.js';
import { busy, byId, formatFullTime, h } from './ui.js';

const PAGE = 100;

/**
 * Binds the log's table and controls. `token()` gives the admin's token; `onFailure(err)`
 * handles a failed read (an expired token sends the admin back to sign in).
 */
export function bindSecurityLog({ token, onFailure }) {
  let entries = [];
  let accounts = [];
  let more = false;

  const kindLabel = (kind) => {
    const key = `seclog.kind.${kind}`;
    const label = t(key);
    return label === key ? kind : label;
  };

  const accountName = (id) => accounts.find((a) => a.id === id)?.name;

  function render() {
    const rows = entries.map((e) => h('tr', { dataset: { kind: e.kind } },
      h('td', { className: 'nowrap' }, h('time', { datetime: e.at, text: formatFullTime(e.at) })),
      h('td', { text: kindLabel(e.kind) }),
      h('td', {}, h('span', { title: e.actorId, text: e.actorName || e.actorId }),
        e.clientAddress ? h('div', { className: 'subtle', text: e.clientAddress }) : null),
      h('td', {}, e.accountId ? h('code', { title: accountName(e.accountId), text: e.accountId }) : ''),
      h('td', {}, h('code', { text: e.subject })),
      h('td', { text: e.detail ?? '' })));
    byId('securityLogRows').replaceChildren(...rows);
    byId('securityLogEmpty').hidden = entries.length > 0;
    byId('securityLogMore').hidden = !more;

    const select = byId('securityLogAccount');
    const chosen = select.value;
    select.replaceChildren(h('option', { value: '', text: t('seclog.allAccounts') }),
      ...accounts.map((a) => h('option', { value: a.id, text: `${a.name}（${a.id}）` })));
    select.value = accounts.some((a) => a.id === chosen) ? chosen : '';
  }

  async function load(older = false) {
    const query = { limit: String(PAGE) };
    const accountId = byId('securityLogAccount').value;
    if (accountId) query.accountId = accountId;
    if (older && entries.length) query.before = entries[entries.length - 1].at;
    try {
      const page = (await api.securityLog(token(), query)) ?? [];
      entries = older ? [...entries, ...page] : page;
      more = page.length === PAGE;
    } catch (err) {
      onFailure(err);
    }
    render();
  }

  byId('securityLogRefresh').addEventListener('click', (event) => busy(event.currentTarget, () => load()));
  byId('securityLogMore').addEventListener('click', (event) => busy(event.currentTarget, () => load(true)));
  byId('securityLogAccount').addEventListener('change', () => load());

  return {
    load,
    render,
    setAccounts(list) {
      accounts = list;
      render();
    },
  };
}
