import { randomBytes } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import type { Database } from '../../db/client';
import { signUp } from '../../server/accounts/sign-up';
import { createRoom } from '../../server/rooms/rooms';
import type { Ack, JoinResult } from '../../server/signalling/contract';
import { connected, connectSocket, sessionCookie } from './hubro';

let counter = 0;

export async function makeUser(db: Database, name: string) {
  counter += 1;
  const result = await signUp(db, {
    email: `${name.toLowerCase().replace(/\W+/g, '.')}.${counter}.${randomBytes(3).toString('hex')}@dyroy.example`,
    password: 'fjordlys-og-fiber-2026',
    displayName: name,
  });
  if (!result.ok) throw new Error(`could not make user: ${JSON.stringify(result.errors)}`);
  return result.user;
}

export async function makeRoom(
  db: Database,
  ownerId: string,
  input: { title?: string; visibility?: string; capacity?: number; kind?: string; lobby?: boolean } = {},
) {
  const result = await createRoom(db, ownerId, { title: 'Teammøte', visibility: 'members', ...input });
  if (!result.ok) throw new Error(`could not make room: ${JSON.stringify(result.errors)}`);
  return result.room;
}

/**
 * A real Socket.IO client that records every notification, for asserting what a second
 * participant sees.
 */
export class RoomClient {
  readonly events: Array<{ event: string; payload: any }> = [];
  readonly peerKey = randomBytes(12).toString('base64url');
  join?: JoinResult;

  private constructor(readonly socket: Socket) {
    socket.onAny((event, payload) => this.events.push({ event, payload }));
  }

  static async connect(url: string, userId: string): Promise<RoomClient> {
    const socket = connectSocket(url, await sessionCookie(userId));
    await connected(socket);
    return new RoomClient(socket);
  }

  /** A guest without an account, let in by a guest pass (an invited school, a studio kiosk). */
  static async connectGuest(url: string, guestPass: string): Promise<RoomClient> {
    const socket = connect(url, { path: '/socket.io', transports: ['websocket'], reconnection: false, forceNew: true, auth: { guestPass } });
    await connected(socket);
    return new RoomClient(socket);
  }

  request<T = any>(event: string, payload: unknown): Promise<Ack<T>> {
    return (this.socket.timeout(10_000) as any).emitWithAck(event, payload);
  }

  async ok<T = any>(event: string, payload: unknown = {}): Promise<T> {
    const ack = await this.request<T>(event, payload);
    if (!ack.ok) throw new Error(`${event} failed: ${ack.error.code} ${ack.error.message}`);
    return ack.data;
  }

  async joinRoom(slug: string, extra: Record<string, unknown> = {}): Promise<JoinResult> {
    this.join = await this.ok<JoinResult>('room:join', { room: slug, peerKey: this.peerKey, ...extra });
    return this.join;
  }

  /** Resolves with the first notification that matches (already received, or still to come). */
  waitFor(event: string, match: (payload: any) => boolean = () => true, timeoutMs = 10_000): Promise<any> {
    const seen = this.events.find((e) => e.event === event && match(e.payload));
    if (seen) return Promise.resolve(seen.payload);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.socket.offAny(listener);
        reject(new Error(`no ${event} within ${timeoutMs} ms; saw ${this.events.map((e) => e.event).join(', ')}`));
      }, timeoutMs);
      const listener = (name: string, payload: any) => {
        if (name === event && match(payload)) {
          clearTimeout(timer);
          this.socket.offAny(listener);
          resolve(payload);
        }
      };
      this.socket.onAny(listener);
    });
  }

  count(event: string, match: (payload: any) => boolean = () => true): number {
    return this.events.filter((e) => e.event === event && match(e.payload)).length;
  }

  close() {
    this.socket.disconnect();
  }
}

/** DTLS parameters in a valid shape; no DTLS handshake happens in these tests. */
export const FAKE_DTLS = {
  role: 'client',
  fingerprints: [{ algorithm: 'sha-256', value: 'AB:'.repeat(31) + 'AB' }],
};

export function opusParameters(ssrc = 11_111_111) {
  return {
    mid: '0',
    codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2, parameters: { useinbandfec: 1, usedtx: 1 }, rtcpFeedback: [] }],
    headerExtensions: [],
    encodings: [{ ssrc }],
    rtcp: { cname: 'hubro-test', reducedSize: true },
  };
}

/** Three-layer VP8 simulcast, as a browser camera sends it. */
export function vp8SimulcastParameters(baseSsrc = 22_222_220) {
  return {
    mid: '1',
    codecs: [
      { mimeType: 'video/VP8', payloadType: 96, clockRate: 90000, parameters: {}, rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' }, { type: 'goog-remb' }] },
    ],
    headerExtensions: [],
    encodings: [
      { ssrc: baseSsrc + 1, scaleResolutionDownBy: 4, maxBitrate: 150_000 },
      { ssrc: baseSsrc + 2, scaleResolutionDownBy: 2, maxBitrate: 500_000 },
      { ssrc: baseSsrc + 3, scaleResolutionDownBy: 1, maxBitrate: 1_200_000 },
    ],
    rtcp: { cname: 'hubro-test', reducedSize: true },
  };
}

/** Creates and connects a transport and returns its id. */
export async function transport(client: RoomClient, direction: 'send' | 'recv'): Promise<string> {
  const options = await client.ok('transport:create', { direction });
  await client.ok('transport:connect', { transportId: options.id, dtlsParameters: FAKE_DTLS });
  return options.id;
}
