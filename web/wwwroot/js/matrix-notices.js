// Notices (通报) an inspecting body circulated to the chosen body about its flagged accounts.
import { bodiesApi } from './bodies-api.js';
import { t } from './i18n.js';
import { byId, formatFullTime, h } from './ui.js';

export function bindMatrixNotices(matrix) {
  let notices = [];

  function item(notice) {
    return h('li', { className: 'notice-item' },
      h('p', { className: 'notice-meta', text: t('matrix.noticeFrom', { body: matrix.bodyName(notice.fromBodyId), at: formatFullTime(notice.at) }) }),
      h('p', { className: 'notice-text', text: notice.text }),
      h('ul', { className: 'grant-list' }, notice.flagged.map((f) => h('li', {},
        h('code', { text: f.indicators.accountId }), ' ',
        f.indicators.flags.map((flag) => h('span', { className: 'chip flag-chip', dataset: { flag }, text: t(`matrix.flag.${flag}`) }))))));
  }

  function render() {
    byId('noticeList').replaceChildren(...[...notices].reverse().map(item));
    byId('noticesEmpty').hidden = notices.length > 0;
  }

  async function load() {
    const body = matrix.selected();
    try {
      notices = body ? ((await bodiesApi.notices(matrix.token(), body.id)) ?? []) : [];
    } catch (err) {
      notices = [];
      matrix.onFailure(err);
    }
    render();
  }

  return { load, render };
}
