import type { PeerView } from '@/server/signalling/contract';

/** How many remote camera tiles show live video at once; the rest show the person's initials. */
export const LAST_N = 9;

/**
 * The peers whose camera tile shows video. With LAST_N or fewer cameras, everyone's. With
 * more, the active speaker and the most recent speakers first, then the earliest joiners, so
 * a quiet room does not flicker.
 */
export function chooseVideoPeers(
  peersWithCamera: readonly PeerView[],
  activeSpeaker: string | null,
  recentSpeakers: readonly string[],
  limit = LAST_N,
): Set<string> {
  if (peersWithCamera.length <= limit) return new Set(peersWithCamera.map((peer) => peer.id));
  const present = new Set(peersWithCamera.map((peer) => peer.id));
  const chosen = new Set<string>();
  const add = (id: string | null | undefined) => {
    if (id && present.has(id) && chosen.size < limit) chosen.add(id);
  };
  add(activeSpeaker);
  for (const id of recentSpeakers) add(id);
  const byJoin = [...peersWithCamera].sort((a, b) => a.joinedAt.localeCompare(b.joinedAt));
  for (const peer of byJoin) add(peer.id);
  return chosen;
}

/** Most recent first, without duplicates, at most `max` long. */
export function rememberSpeaker(recent: readonly string[], peerId: string, max = 32): string[] {
  return [peerId, ...recent.filter((id) => id !== peerId)].slice(0, max);
}
