/**
 * The host's hand on the stage: a signalling-only seat in the event's backstage room. It joins
 * as a peer without camera, microphone or receive transport (so it costs the media server
 * nothing), sees who is backstage and what they send, and sends the host-only requests that
 * must come from the backstage socket (`stage:mute`, `stage:remove`; `webcast:pin` too).
 *
 * NOTE: the performers see this seat in their meeting as "<host> (control room)"; that is
 * deliberate: they should know the host is listening in on the backstage.
 */
import type { Socket } from 'socket.io-client';
import { Emitter } from '@/app/rooms/[slug]/_call/emitter';
import type { Ack, AckFn, ClientToServerEvents, PeerView, ServerToClientEvents } from '@/server/signalling/contract';
import { WatchError } from './watch-session';

type ControlSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type RequestName = keyof ClientToServerEvents;
type RequestPayload<E extends RequestName> = Parameters<ClientToServerEvents[E]>[0];
type RequestData<E extends RequestName> = Parameters<ClientToServerEvents[E]>[1] extends AckFn<infer T> ? T : never;

export type StageControlStatus = 'idle' | 'connecting' | 'connected' | 'failed';

export interface StageControlSnapshot {
  status: StageControlStatus;
  error: WatchError | null;
  selfId: string | null;
  /** Everyone backstage but this seat, in the order they came. */
  peers: readonly PeerView[];
}

function randomKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export class StageControl extends Emitter<{ change: StageControlSnapshot }> {
  readonly #backstage: string;
  readonly #displayName: string;
  readonly #peerKey = randomKey();
  #socket: ControlSocket | null = null;
  #status: StageControlStatus = 'idle';
  #error: WatchError | null = null;
  #selfId: string | null = null;
  #peers = new Map<string, PeerView>();
  #closing = false;
  #snapshot: StageControlSnapshot;

  constructor(options: { backstage: string; displayName: string }) {
    super();
    this.#backstage = options.backstage;
    this.#displayName = options.displayName;
    this.#snapshot = this.#build();
  }

  readonly subscribe = (listener: () => void): (() => void) => this.on('change', listener);
  readonly getSnapshot = (): StageControlSnapshot => this.#snapshot;

  async connect(): Promise<void> {
    if (this.#status !== 'idle') return;
    this.#set('connecting');
    const { io } = await import('socket.io-client');
    if (this.#closing) return;
    const socket: ControlSocket = io({ path: '/socket.io', transports: ['websocket'], forceNew: true, reconnectionDelay: 1_000, reconnectionDelayMax: 8_000 });
    this.#socket = socket;
    socket.on('connect', () => void this.#join());
    socket.on('disconnect', () => {
      if (!this.#closing) this.#set('connecting');
    });
    socket.on('connect_error', () => {
      if (!socket.active && !this.#closing) this.#fail(new WatchError('unauthorized'));
    });
    socket.on('peer:joined', (peer) => this.#upsert(peer));
    socket.on('peer:updated', (peer) => this.#upsert(peer));
    socket.on('peer:left', ({ peerId }) => {
      if (this.#peers.delete(peerId)) this.#publish();
    });
  }

  mute(peerId: string): Promise<null> {
    return this.#request('stage:mute', { peerId });
  }

  remove(peerId: string): Promise<null> {
    return this.#request('stage:remove', { peerId });
  }

  pin(peerId: string | null): Promise<null> {
    return this.#request('webcast:pin', { peerId });
  }

  dispose(): void {
    if (this.#closing) return;
    this.#closing = true;
    const socket = this.#socket;
    this.#socket = null;
    if (socket) {
      if (socket.connected) socket.emit('room:leave', {}, () => {});
      socket.removeAllListeners();
      socket.disconnect();
    }
    this.removeAllListeners();
  }

  async #join(): Promise<void> {
    try {
      const answer = await this.#request('room:join', { room: this.#backstage, peerKey: this.#peerKey, displayName: this.#displayName });
      // A backstage has no lobby.
      if (answer.waiting) throw new WatchError('internal');
      const result = answer;
      this.#selfId = result.self.id;
      this.#peers = new Map(result.peers.filter((p) => p.id !== result.self.id).map((p) => [p.id, p]));
      this.#error = null;
      this.#set('connected');
    } catch (error) {
      const watchError = error instanceof WatchError ? error : new WatchError('internal');
      if (['forbidden', 'not_found', 'unauthorized', 'room_full'].includes(watchError.code)) this.#fail(watchError);
      else window.setTimeout(() => this.#socket?.connected && void this.#join(), 2_000);
    }
  }

  async #request<E extends RequestName>(event: E, payload: RequestPayload<E>): Promise<RequestData<E>> {
    const socket = this.#socket;
    if (!socket?.connected) throw new WatchError('disconnected');
    type Emit = { emitWithAck(event: string, payload: unknown): Promise<Ack<RequestData<E>>> };
    let response: Ack<RequestData<E>>;
    try {
      response = await (socket.timeout(10_000) as unknown as Emit).emitWithAck(event, payload);
    } catch {
      throw new WatchError(socket.connected ? 'timeout' : 'disconnected');
    }
    if (!response.ok) throw new WatchError(response.error.code, response.error.message);
    return response.data;
  }

  #upsert(peer: PeerView): void {
    if (peer.id === this.#selfId) return;
    this.#peers.set(peer.id, peer);
    this.#publish();
  }

  #fail(error: WatchError): void {
    this.#error = error;
    this.#set('failed');
    const socket = this.#socket;
    this.#socket = null;
    socket?.removeAllListeners();
    socket?.disconnect();
  }

  #set(status: StageControlStatus): void {
    this.#status = status;
    this.#publish();
  }

  #publish(): void {
    this.#snapshot = this.#build();
    this.emit('change', this.#snapshot);
  }

  #build(): StageControlSnapshot {
    return {
      status: this.#status,
      error: this.#error,
      selfId: this.#selfId,
      peers: [...this.#peers.values()].sort((a, b) => a.joinedAt.localeCompare(b.joinedAt)),
    };
  }
}
