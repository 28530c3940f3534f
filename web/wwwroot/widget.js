// The hub's citizen chat on another site: <script src="https://HUB/widget.js" data-account="ID" async></script>
// adds a launcher button that opens the account's citizen page in a frame, in the host page's
// language (data-lang, else <html lang>). The hub lets only the sites the account allows frame it.
(() => {
  const script = document.currentScript;
  const account = script?.dataset.account;
  if (!script || !account) return;

  const texts = {
    zh: { open: '在线咨询', close: '关闭咨询', frame: '在线咨询' },
    en: { open: 'Chat with us', close: 'Close chat', frame: 'Online chat' },
  };
  const wanted = (script.dataset.lang || document.documentElement.lang || 'zh').toLowerCase();
  const lang = wanted.startsWith('en') ? 'en' : 'zh';
  const text = texts[lang];
  const page = new URL('citizen.html', script.src);
  page.search = new URLSearchParams({ account, embed: '1', lang }).toString();

  // Styles are set through the DOM, not a <style> element, so a host with a strict
  // Content-Security-Policy (no inline styles) shows the widget as well.
  const style = (el, rules) => Object.assign(el.style, rules);

  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.id = 'hub-widget-launcher';
  launcher.textContent = text.open;
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'hub-widget-panel');
  style(launcher, {
    position: 'fixed', right: '20px', bottom: '20px', zIndex: '2147483000', padding: '12px 18px',
    border: '0', borderRadius: '24px', background: '#a31d24', color: '#fff', font: '600 15px/1.2 system-ui, sans-serif',
    cursor: 'pointer', boxShadow: '0 4px 14px rgba(0,0,0,.25)',
  });

  const panel = document.createElement('div');
  panel.id = 'hub-widget-panel';
  panel.hidden = true;
  style(panel, {
    position: 'fixed', right: '20px', bottom: '76px', zIndex: '2147483000', width: 'min(400px, calc(100vw - 40px))',
    height: 'min(600px, calc(100vh - 100px))', background: '#fff', borderRadius: '10px', overflow: 'hidden',
    boxShadow: '0 8px 30px rgba(0,0,0,.3)',
  });

  let frame = null;
  const setOpen = (open) => {
    // The frame is made on first opening, so a page that never opens the chat loads nothing of the hub's.
    if (open && !frame) {
      frame = document.createElement('iframe');
      frame.src = page.href;
      frame.title = text.frame;
      frame.lang = lang === 'en' ? 'en' : 'zh-CN';
      style(frame, { width: '100%', height: '100%', border: '0', display: 'block' });
      panel.append(frame);
    }
    panel.hidden = !open;
    launcher.textContent = open ? text.close : text.open;
    launcher.setAttribute('aria-expanded', String(open));
  };
  launcher.addEventListener('click', () => setOpen(panel.hidden));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) {
      setOpen(false);
      launcher.focus();
    }
  });

  const mount = () => document.body.append(panel, launcher);
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
