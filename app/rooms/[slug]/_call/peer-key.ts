/**
 * The tab's key for a room (JoinRequest.peerKey). It lives in sessionStorage, so a reload or
 * a reconnect of the same tab resumes the same peer instead of adding a second one.
 *
 * NOTE: "Duplicate tab" copies sessionStorage. Two live tabs with one key would keep taking
 * the peer from each other, so a tab asks the others (BroadcastChannel) before reusing a key,
 * and answers for the key it holds until released.
 */
const CHANNEL = 'hubro-peer-keys';
const ASK_MS = 150;

type Message = { type: 'who-has' | 'taken'; key: string };

function randomKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function claimPeerKey(slug: string): Promise<{ key: string; release: () => void }> {
  const storageKey = `hubro-peer:${slug}`;
  let key: string | null = null;
  try {
    key = sessionStorage.getItem(storageKey);
  } catch {
    // Storage disabled: a fresh key for every join.
  }
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  if (channel && key) {
    const candidate = key;
    const taken = await new Promise<boolean>((resolve) => {
      const timer = window.setTimeout(() => resolve(false), ASK_MS);
      channel.onmessage = (event: MessageEvent<Message>) => {
        if (event.data?.type === 'taken' && event.data.key === candidate) {
          window.clearTimeout(timer);
          resolve(true);
        }
      };
      channel.postMessage({ type: 'who-has', key: candidate } satisfies Message);
    });
    if (taken) key = null;
  }
  key ??= randomKey();
  const claimed = key;
  try {
    sessionStorage.setItem(storageKey, claimed);
  } catch {
    // See above.
  }
  if (channel) {
    channel.onmessage = (event: MessageEvent<Message>) => {
      if (event.data?.type === 'who-has' && event.data.key === claimed) {
        channel.postMessage({ type: 'taken', key: claimed } satisfies Message);
      }
    };
  }
  return { key: claimed, release: () => channel?.close() };
}
