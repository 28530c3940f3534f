// The shown conversation's reference number, and its transcript as a text file, on both chat pages.
import { ApiError } from './api.js';

/** Saves the transcript the hub writes for the caller (never with staff's private notes) as REFERENCE.txt. */
export async function downloadTranscript(conversationId, token) {
  const response = await fetch(`/api/conversations/${encodeURIComponent(conversationId)}/transcript`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch {
      problem = null;
    }
    throw new ApiError(response.status, problem?.title ?? response.statusText, problem?.detail ?? '');
  }
  const name = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'transcript.txt';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Keeps #chatReference (with #chatReferenceValue) showing the reference of the conversation the
 * chat panel shows, and makes #downloadTranscript save its transcript. Either may be absent.
 */
export function mountReference({ store, chat, auth, onError }) {
  const line = document.getElementById('chatReference');
  const value = document.getElementById('chatReferenceValue');
  const button = document.getElementById('downloadTranscript');

  function render() {
    const reference = chat.id ? store.entry(chat.id).view.reference : '';
    if (line && value) {
      line.hidden = !reference;
      if (value.textContent !== (reference ?? '')) value.textContent = reference ?? '';
    }
    if (button) button.hidden = !chat.id;
  }

  chat.onShown(render);
  store.onChange((id) => {
    if (id === chat.id) render();
  });

  button?.addEventListener('click', async () => {
    const id = chat.id;
    const token = auth()?.token;
    if (!id || !token) return;
    button.disabled = true;
    try {
      await downloadTranscript(id, token);
    } catch (err) {
      onError(err instanceof ApiError ? err : new ApiError(0, 'network', ''));
    } finally {
      button.disabled = false;
    }
  });
  render();
}
