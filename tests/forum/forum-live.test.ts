import { eq } from 'drizzle-orm';
import { io as connectIo, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { forumCategories, users } from '../../db/schema';
import { setUserRole } from '../../server/accounts/users';
import type { Hubro } from '../../server/hubro';
import { moderate } from '../../server/forum/moderation';
import type { Actor } from '../../server/forum/permissions';
import { createThread, reply, type ForumDeps } from '../../server/forum/posting';
import { getRuntime } from '../../server/runtime';
import { seedDemoContent } from '../../server/seed/seed';
import { MemoryStore } from '../../server/store/memory-store';
import { databaseTargets } from '../support/databases';
import { startTestNode } from '../support/hubro';
import { makeUser, RoomClient } from '../support/room-client';

function anonymous(url: string): Promise<Socket> {
  const socket = connectIo(`${url}/public`, { path: '/socket.io', transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

function next(socket: Socket, event: string, timeoutMs = 5000): Promise<any> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event}`)), timeoutMs);
    socket.once(event, (payload) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

describe.each(databaseTargets())('live forum updates on $name', (target) => {
  let database: DatabaseHandle;
  let node: Hubro;
  let deps: () => ForumDeps;
  let general: string;
  let staff: string;
  const sockets: Array<{ close(): void } | Socket> = [];
  const actor = async (name: string, role?: 'moderator'): Promise<NonNullable<Actor>> => {
    const user = await makeUser(database.db, name);
    if (role) await setUserRole(database.db, user.id, role);
    const [u] = await database.db.select().from(users).where(eq(users.id, user.id));
    return { id: u!.id, role: u!.role, handle: u!.handle, name: u!.displayName, createdAt: new Date(0), suspendedUntil: null };
  };

  beforeAll(async () => {
    database = await target.open();
    await seedDemoContent(database.db);
    node = await startTestNode(database);
    deps = () => ({ db: database.db, store: new MemoryStore(), live: getRuntime().forumLive });
    general = (await database.db.select().from(forumCategories).where(eq(forumCategories.slug, 'stedsuavhengig-arbeid')))[0]!.id;
    staff = (
      await database.db
        .insert(forumCategories)
        .values({ slug: 'stab-live', nameNb: 'Stab', nameEn: 'Staff', descriptionNb: '-', descriptionEn: '-', color: '#111111', requiredRole: 'moderator' })
        .returning()
    )[0]!.id;
  });
  afterAll(async () => {
    for (const s of sockets) (s as Socket).disconnect?.() ?? (s as { close(): void }).close();
    await node?.stop();
    await database?.close();
  });

  it('shows a committed reply to a member and an anonymous reader watching the thread', async () => {
    const kari = await actor('Kari');
    const ola = await actor('Ola');
    const { thread } = await createThread(deps(), kari, { categoryId: general, title: 'Live-tråd', body: 'Første innlegg', language: 'nb' });
    const member = await RoomClient.connect(node.url, ola.id);
    const reader = await anonymous(node.url);
    sockets.push(member, reader);
    // The watch says how many posts the thread has, so a page showing fewer loads the rest.
    expect(await member.request('forum:watch', { threadId: thread.id })).toEqual({ ok: true, data: { postCount: 1 } });
    expect(await reader.timeout(5000).emitWithAck('forum:watch', { threadId: thread.id })).toEqual({ ok: true, data: { postCount: 1 } });

    const seenByReader = next(reader, 'forum:post-created');
    const post = await reply(deps(), kari, { threadId: thread.id, body: 'Et **live** svar', language: 'nb' });
    const live = await seenByReader;
    expect(live).toMatchObject({ id: post.id, number: 2, authorName: 'Kari', html: '<p>Et <strong>live</strong> svar</p>\n' });
    await member.waitFor('forum:post-created', (p) => p.id === post.id);
    const late = await anonymous(node.url);
    sockets.push(late);
    expect(await late.timeout(5000).emitWithAck('forum:watch', { threadId: thread.id })).toEqual({ ok: true, data: { postCount: 2 } });

    // A moderator hides it: watchers are told at once.
    const mod = await actor('Mona', 'moderator');
    const hidden = next(reader, 'forum:post-hidden');
    await moderate(deps(), mod, { action: 'hide', postId: post.id, reason: 'Test av skjuling' });
    expect(await hidden).toEqual({ postId: post.id, hidden: true });
  });

  it('announces new threads to category watchers, and the author’s followers get a notification live', async () => {
    const kari = await actor('Kari');
    const watcher = await anonymous(node.url);
    sockets.push(watcher);
    expect(await watcher.timeout(5000).emitWithAck('forum:watch', { categoryId: general })).toMatchObject({ ok: true, data: { lastActivity: expect.any(String) } });
    const announced = next(watcher, 'forum:thread-created');
    const { thread } = await createThread(deps(), kari, { categoryId: general, title: 'Ny tråd i kategorien', body: 'Hei', language: 'nb' });
    expect(await announced).toMatchObject({ threadId: thread.id, title: 'Ny tråd i kategorien' });
    // A later watch says when the category last had a post: the new thread's.
    const late = await anonymous(node.url);
    sockets.push(late);
    expect(await late.timeout(5000).emitWithAck('forum:watch', { categoryId: general })).toEqual({ ok: true, data: { lastActivity: thread.lastPostAt.toISOString() } });

    const ola = await actor('Ola');
    const kariSocket = await RoomClient.connect(node.url, kari.id);
    sockets.push(kariSocket);
    await reply(deps(), ola, { threadId: thread.id, body: 'Svar til Kari', language: 'nb' });
    const note = await kariSocket.waitFor('notification:created');
    expect(note).toMatchObject({ kind: 'reply', data: expect.objectContaining({ threadId: thread.id, byName: 'Ola' }) });
  });

  it('keeps restricted categories out of the anonymous namespace and away from members without the role', async () => {
    const mod = await actor('Mona', 'moderator');
    const kari = await actor('Kari');
    const { thread } = await createThread(deps(), mod, { categoryId: staff, title: 'Stabsmøte', body: 'Internt', language: 'nb' });
    const reader = await anonymous(node.url);
    const member = await RoomClient.connect(node.url, kari.id);
    const moderator = await RoomClient.connect(node.url, mod.id);
    sockets.push(reader, member, moderator);
    expect(await reader.timeout(5000).emitWithAck('forum:watch', { threadId: thread.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await reader.timeout(5000).emitWithAck('forum:watch', { categoryId: staff })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await member.request('forum:watch', { threadId: thread.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await moderator.request('forum:watch', { threadId: thread.id })).toEqual({ ok: true, data: { postCount: 1 } });
    // The anonymous namespace offers no rooms and no media: such requests are refused.
    expect(await reader.timeout(2000).emitWithAck('room:join', { room: 'x', peerKey: 'abcdefgh' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await reader.timeout(2000).emitWithAck('chat:send', { text: 'x' }).catch(() => 'no answer')).toBe('no answer');
  });
});
