// The citizen page as the web widget (/widget.js) frames it, ?embed=1: compact, in the host
// page's language, with the host's account already chosen.
import { lang, setLang } from './i18n.js';

const params = new URLSearchParams(location.search);

export const embedded = params.get('embed') === '1';

/** The account the host page embeds the chat for; null on the hub's own page. */
export const embeddedAccount = embedded ? params.get('account') : null;

if (embedded) {
  document.body.classList.add('embedded');
  const wanted = params.get('lang');
  if ((wanted === 'zh' || wanted === 'en') && wanted !== lang()) setLang(wanted);
}
