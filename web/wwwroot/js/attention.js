// The agent console's cues for work arriving while the agent looks elsewhere: an optional
// sound and an optional desktop notification. Both are the agent's choice, kept in this
// browser; notifications name the conversation's subject only, never what the citizen wrote,
// since they show on a screen others may see.
import { t } from './i18n.js';

const STORAGE_KEY = 'hub.agent.attention';

function load() {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY)) ?? {};
  } catch {
    return {};
  }
}

function store(choices) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(choices));
  } catch {
    // Storage can be full or disabled: the choice holds for this page.
  }
}

/** Two short rising tones, made on the spot so no sound file is needed. */
function chime(audio) {
  const start = audio.currentTime;
  [660, 880].forEach((frequency, i) => {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + i * 0.16);
    gain.gain.exponentialRampToValueAtTime(0.2, start + i * 0.16 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.16 + 0.15);
    tone.connect(gain).connect(audio.destination);
    tone.start(start + i * 0.16);
    tone.stop(start + i * 0.16 + 0.16);
  });
}

/**
 * Binds the two switches and answers `cue(textKey, params)`, which sounds and notifies as
 * chosen when the page is not in view, or sounds only when `whileVisible` is set.
 */
export function mountAttention({ soundSwitch, desktopSwitch, errorEl }) {
  let choices = load();
  let audio = null;
  const notifications = 'Notification' in window;

  function render() {
    soundSwitch.checked = Boolean(choices.sound);
    desktopSwitch.checked = Boolean(choices.desktop) && notifications && Notification.permission === 'granted';
    desktopSwitch.disabled = !notifications;
  }

  soundSwitch.addEventListener('change', () => {
    choices = { ...choices, sound: soundSwitch.checked };
    store(choices);
    // Browsers let a page play sound only once the user has acted on it: this change is that act.
    if (soundSwitch.checked) {
      audio ??= new AudioContext();
      audio.resume().then(() => chime(audio)).catch(() => {});
    }
  });

  desktopSwitch.addEventListener('change', async () => {
    errorEl.textContent = '';
    if (desktopSwitch.checked && Notification.permission !== 'granted') {
      const answer = await Notification.requestPermission().catch(() => 'denied');
      if (answer !== 'granted') {
        desktopSwitch.checked = false;
        errorEl.textContent = t('attention.denied');
      }
    }
    choices = { ...choices, desktop: desktopSwitch.checked };
    store(choices);
  });

  render();

  return {
    cue(textKey, params, { whileVisible = false } = {}) {
      const away = document.hidden || !document.hasFocus();
      if (choices.sound && (away || whileVisible)) {
        audio ??= new AudioContext();
        if (audio.state === 'running') chime(audio);
      }
      if (choices.desktop && away && notifications && Notification.permission === 'granted') {
        const note = new Notification(t('agent.title'), { body: t(textKey, params), tag: textKey });
        note.onclick = () => {
          window.focus();
          note.close();
        };
      }
    },
  };
}
