// Staff find a conversation by the reference number a citizen quotes (on the phone, in a letter):
// its subject, status, agent and transcript. Mounted in every element marked
// data-reference-lookup="SCOPE", where SCOPE names the page's signed-in session ("desk", "agent");
// the account is the one the page's #account list has selected.
import { api, ApiError, session } from './api.js';
import { applyI18n, onLangChange, t } from './i18n.js';
import { busy, describeError, formatFullTime, h } from './ui.js';
import { downloadTranscript } from './reference.js';

// What a citizen quotes; the server tidies case and spaces, so this only catches plain slips.
const REFERENCE = /^HB-\d{8}-\d{4,}$/;

function words(err) {
  if (err instanceof ApiError && err.status === 404) return t('lookup.notFound');
  return describeError(err);
}

function mount(container) {
  const saved = session(container.dataset.referenceLookup);
  const token = () => saved.get('auth')?.token;
  const account = () => document.getElementById('account')?.value ?? '';
  const id = (name) => `lookup-${container.dataset.referenceLookup}-${name}`;

  const input = h('input', {
    id: id('reference'), name: 'reference', type: 'text', autocomplete: 'off', spellcheck: 'false', maxlength: 40,
    className: 'lookup-input', 'aria-describedby': id('error'), 'data-i18n-placeholder': 'lookup.placeholder',
  });
  const submit = h('button', { type: 'submit', className: 'secondary-button', 'data-i18n': 'lookup.find' });
  const errorEl = h('p', { id: id('error'), className: 'field-error lookup-error', role: 'alert' });
  const form = h('form', { className: 'lookup-form', novalidate: true, role: 'search', 'data-i18n-aria-label': 'lookup.label' },
    h('label', { for: id('reference'), className: 'lookup-label', 'data-i18n': 'lookup.label' }),
    h('div', { className: 'lookup-row' }, input, submit),
    errorEl);
  const result = h('div', { className: 'lookup-result', 'aria-live': 'polite', hidden: true });
  container.replaceChildren(form, result);
  applyI18n(container);

  let found = null;
  let errorSource = null;

  function placeError(source) {
    errorSource = source;
    errorEl.textContent = source ? source() : '';
    if (source) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }

  function row(label, value) {
    return [h('dt', { text: t(label) }), h('dd', { text: value || '—' })];
  }

  function renderResult() {
    result.hidden = !found;
    if (!found) return;
    const download = h('button', { type: 'button', className: 'ghost-button small lookup-transcript', text: t('transcript.download') });
    download.addEventListener('click', () => busy(download, async () => {
      try {
        await downloadTranscript(found.conversationId, token());
      } catch (err) {
        placeError(() => words(err));
      }
    }));
    const close = h('button', { type: 'button', className: 'ghost-button small lookup-close', text: t('lookup.close') });
    close.addEventListener('click', dismiss);
    result.replaceChildren(
      h('dl', { className: 'lookup-facts' },
        ...row('ref.label', found.reference),
        ...row('lookup.subject', found.subject),
        ...row('lookup.status', found.status ? t(`conv.${found.status}`) : ''),
        ...row('lookup.citizen', found.citizenName),
        ...row('lookup.agent', found.agentName || (found.status === 'queued' ? t('conv.queued') : '')),
        ...row('lookup.started', found.createdAt ? formatFullTime(found.createdAt) : '')),
      h('div', { className: 'lookup-actions' }, download, close));
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const reference = input.value.trim().toUpperCase();
    if (!REFERENCE.test(reference)) {
      placeError(() => t('lookup.badReference'));
      input.focus();
      return;
    }
    busy(submit, async () => {
      try {
        found = await api.conversationByReference(token(), account(), reference);
        placeError(null);
      } catch (err) {
        found = null;
        placeError(() => words(err));
        input.focus();
      }
      renderResult();
    });
  });

  function dismiss() {
    found = null;
    renderResult();
    input.focus();
  }

  result.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') dismiss();
  });

  // Another account's conversation is not this account's answer.
  document.getElementById('account')?.addEventListener('change', () => {
    found = null;
    placeError(null);
    renderResult();
  });

  onLangChange(() => {
    renderResult();
    if (errorSource) placeError(errorSource);
  });
}

for (const container of document.querySelectorAll('[data-reference-lookup]')) mount(container);
