import type { Namespace, Server } from 'socket.io';
import type { ForumCategory, ForumPost, ForumThread } from '../../db/schema';
import type { ForumLivePost } from '../signalling/contract';

export interface PostAuthor {
  name: string;
  handle: string;
}

/**
 * Live forum updates, sent only after the write has committed. Each thread and category has a
 * Socket.IO room; members watch through the main namespace (restricted categories included,
 * checked on watch), anonymous readers of public categories through the read-only `/public`
 * namespace. Notifications go to the member's own room `user:<id>`.
 */
export interface ForumLive {
  threadCreated(category: ForumCategory, thread: ForumThread): void;
  postCreated(category: ForumCategory, thread: ForumThread, post: ForumPost, author: PostAuthor): void;
  postUpdated(category: ForumCategory, thread: ForumThread, post: ForumPost, author: PostAuthor): void;
  postHidden(category: ForumCategory, thread: ForumThread, postId: string, hidden: boolean): void;
  threadChanged(category: ForumCategory, thread: ForumThread): void;
  reactionsChanged(category: ForumCategory, thread: ForumThread, postId: string, counts: Record<string, number>): void;
  notified(rows: Array<{ id: string; userId: string; kind: string; data: Record<string, unknown>; createdAt: Date }>): void;
}

export const threadRoom = (threadId: string) => `forum:thread:${threadId}`;
export const categoryRoom = (categoryId: string) => `forum:category:${categoryId}`;
export const userRoom = (userId: string) => `user:${userId}`;

function livePost(post: ForumPost, author: PostAuthor): ForumLivePost {
  return {
    id: post.id,
    threadId: post.threadId,
    number: post.number,
    authorId: post.authorId,
    authorName: author.name,
    authorHandle: author.handle,
    language: post.language,
    html: post.hidden ? '' : post.html,
    replyToId: post.replyToId,
    createdAt: post.createdAt.toISOString(),
    editedAt: post.editedAt?.toISOString() ?? null,
  };
}

export function socketForumLive(io: Server, publicNamespace: Namespace): ForumLive {
  const to = (category: ForumCategory, room: string) => {
    // Restricted categories never reach the anonymous namespace.
    const targets = [io.to(room)];
    if (category.requiredRole === null) targets.push(publicNamespace.to(room));
    return {
      emit(event: string, payload: unknown) {
        for (const target of targets) target.emit(event, payload);
      },
    };
  };
  return {
    threadCreated(category, thread) {
      to(category, categoryRoom(category.id)).emit('forum:thread-created', {
        categoryId: category.id,
        threadId: thread.id,
        title: thread.title,
        createdAt: thread.createdAt.toISOString(),
      });
    },
    postCreated(category, thread, post, author) {
      to(category, threadRoom(thread.id)).emit('forum:post-created', livePost(post, author));
      to(category, categoryRoom(category.id)).emit('forum:thread-bumped', { threadId: thread.id, postCount: post.number });
    },
    postUpdated(category, thread, post, author) {
      to(category, threadRoom(thread.id)).emit('forum:post-updated', livePost(post, author));
    },
    postHidden(category, thread, postId, hidden) {
      to(category, threadRoom(thread.id)).emit('forum:post-hidden', { postId, hidden });
    },
    threadChanged(category, thread) {
      const payload = { threadId: thread.id, locked: thread.locked, pinned: thread.pinned, hidden: thread.hidden, categoryId: thread.categoryId };
      to(category, threadRoom(thread.id)).emit('forum:thread-changed', payload);
      to(category, categoryRoom(category.id)).emit('forum:thread-changed', payload);
    },
    reactionsChanged(category, thread, postId, counts) {
      to(category, threadRoom(thread.id)).emit('forum:reactions-changed', { postId, counts });
    },
    notified(rows) {
      for (const row of rows) {
        io.to(userRoom(row.userId)).emit('notification:created', {
          id: row.id,
          kind: row.kind,
          data: row.data,
          createdAt: row.createdAt.toISOString(),
        });
      }
    },
  };
}
