import { encode } from 'next-auth/jwt';
import { io as connect, type Socket } from 'socket.io-client';
import type { DatabaseHandle } from '../../db/client';
import { startHubro, type Hubro } from '../../server/hubro';
import { testConfig } from './config';
import { testLogger } from './logger';

export const TEST_SECRET = 'test-secret-that-is-at-least-32-characters-long';

/** An in-process Hubro node without the Next.js web app: HTTP, sockets, workers, db, store. */
export async function startTestNode(database: DatabaseHandle, env: Record<string, string> = {}): Promise<Hubro> {
  return startHubro({ config: testConfig({ AUTH_SECRET: TEST_SECRET, ...env }), logger: testLogger, web: false, database });
}

/** The cookie next-auth would set after sign-in, made with the same secret and encoder. */
export async function sessionCookie(userId: string, secret = TEST_SECRET): Promise<string> {
  const token = await encode({ token: { sub: userId, name: 'Test' }, secret });
  return `next-auth.session-token=${token}`;
}

export function connectSocket(url: string, cookie?: string): Socket {
  return connect(url, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: cookie ? { cookie } : {},
  });
}

export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
}
