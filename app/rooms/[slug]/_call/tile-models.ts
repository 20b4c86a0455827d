import type { MediaState } from '@/server/signalling/contract';
import type { CallSnapshot, RemoteMedia } from './call-session';
import type { QualityBars } from './connection-quality';

/** Everything one tile shows; built from the session's snapshot, rendered by <Tile>. */
export interface TileModel {
  key: string;
  peerId: string;
  name: string;
  isSelf: boolean;
  source: 'camera' | 'screen';
  /** The video to show; null shows the person's initials instead. */
  track: MediaStreamTrack | null;
  /** The remote video's consumer, whose size and visibility go to the server. */
  consumerId: string | null;
  mic: MediaState;
  handRaised: boolean;
  speaking: boolean;
  quality: QualityBars;
  reconnecting: boolean;
}

export interface StageModel {
  cameras: TileModel[];
  screens: TileModel[];
  remoteCount: number;
}

function find(remote: readonly RemoteMedia[], peerId: string, source: RemoteMedia['source']): RemoteMedia | undefined {
  return remote.find((media) => media.peerId === peerId && media.source === source);
}

export function buildStage(snapshot: CallSnapshot, selfName: string): StageModel {
  const { self, peers, remote, local, activeSpeaker, videoPeers } = snapshot;
  const cameras: TileModel[] = [];
  const screens: TileModel[] = [];
  const selfId = self?.id ?? 'self';

  cameras.push({
    key: `${selfId}:camera`,
    peerId: selfId,
    name: self?.name ?? selfName,
    isSelf: true,
    source: 'camera',
    track: local.camera.state === 'on' ? local.camera.track : null,
    consumerId: null,
    mic: local.mic.state,
    handRaised: self?.handRaised ?? false,
    speaking: activeSpeaker === selfId && local.mic.state === 'on',
    quality: local.quality,
    // The status banner says it for the whole call.
    reconnecting: false,
  });
  if (local.screen.track) {
    screens.push({
      key: `${selfId}:screen`,
      peerId: selfId,
      name: self?.name ?? selfName,
      isSelf: true,
      source: 'screen',
      track: local.screen.track,
      consumerId: null,
      mic: local.mic.state,
      handRaised: false,
      speaking: false,
      quality: local.quality,
      reconnecting: false,
    });
  }

  for (const peer of peers) {
    const camera = find(remote, peer.id, 'camera');
    const mic = find(remote, peer.id, 'mic');
    const cameraLive = !!camera && !camera.producerPaused && peer.media.camera !== 'muted' && peer.media.camera !== 'off';
    const micState: MediaState = mic?.producerPaused ? 'muted' : peer.media.mic;
    const measured = camera ?? mic;
    cameras.push({
      key: `${peer.id}:camera`,
      peerId: peer.id,
      name: peer.name,
      isSelf: false,
      source: 'camera',
      track: cameraLive && videoPeers.has(peer.id) ? camera.track : null,
      consumerId: cameraLive && videoPeers.has(peer.id) ? camera.consumerId : null,
      mic: micState,
      handRaised: peer.handRaised,
      speaking: activeSpeaker === peer.id && micState === 'on',
      quality: measured?.quality ?? 3,
      reconnecting: peer.reconnecting,
    });
    const screen = find(remote, peer.id, 'screen');
    if (screen) {
      screens.push({
        key: `${peer.id}:screen`,
        peerId: peer.id,
        name: peer.name,
        isSelf: false,
        source: 'screen',
        track: screen.producerPaused ? null : screen.track,
        consumerId: screen.producerPaused ? null : screen.consumerId,
        mic: micState,
        handRaised: false,
        speaking: false,
        quality: screen.quality,
        reconnecting: peer.reconnecting,
      });
    }
  }
  return { cameras, screens, remoteCount: peers.length };
}
