import type { ReactionKind } from '@/db/schema';

/** The reactions in the order they are shown (db/schema.ts `reaction_kind`). */
export const REACTIONS = ['like', 'heart', 'laugh', 'insightful', 'celebrate'] as const satisfies ReadonlyArray<ReactionKind>;

export type PostLanguage = 'nb' | 'en';

/** A post as the thread page's client components hold it (server PostView with ISO dates). */
export interface PostItem {
  id: string;
  number: number;
  authorId: string;
  authorName: string;
  authorHandle: string;
  language: string;
  /** Sanitised on the server; empty when hidden from this viewer. */
  html: string;
  /** Markdown source (for editing and quoting); empty when hidden, or unknown for live posts. */
  body: string;
  hidden: boolean;
  createdAt: string;
  editedAt: string | null;
  replyTo: { id: string; number: number; authorName: string } | null;
  reactions: Record<string, number>;
  myReactions: string[];
}

export interface ThreadState {
  id: string;
  title: string;
  language: string;
  locked: boolean;
  pinned: boolean;
  hidden: boolean;
  postCount: number;
  categoryId: string;
}

export interface CategoryOption {
  id: string;
  slug: string;
  name: string;
}
