import { count } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { forumCategories, hostCommunities, resources, spaces, users } from '../../db/schema';
import { DEMO_COMMUNITIES, DEMO_FORUM_CATEGORIES, DEMO_SPACES, demoResources } from './demo-content';
import { seedDemoEvents } from './demo-events';
import { seedDemoForum } from './demo-forum';
import { seedDemoJobs } from './demo-jobs';
import { seedDemoHub } from './demo-hub';
import { seedDemoLessons } from './demo-lessons';
import { seedDemoStudyTrips } from './demo-study-trips';
import { seedDemoStudios } from './demo-studios';

export type SeedOutcome = { seeded: true; spaces: number; forumCategories: number; forumThreads: number } | { seeded: false; reason: string };

/** True when no one has written anything yet: no users, spaces or forum categories. */
export async function isEmpty(db: Database): Promise<boolean> {
  const [[u], [s], [c]] = await Promise.all([
    db.select({ n: count() }).from(users),
    db.select({ n: count() }).from(spaces),
    db.select({ n: count() }).from(forumCategories),
  ]);
  return (u?.n ?? 0) + (s?.n ?? 0) + (c?.n ?? 0) === 0;
}

/**
 * Adds the demo content to an empty database, all or nothing. A database with any content is
 * never touched. `progress` hears each step, for the terminal.
 */
export async function seedDemoContent(db: Database, progress: (message: string) => void = () => {}): Promise<SeedOutcome> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    // Checked inside the transaction, so two nodes seeding at once cannot both add content.
    if (!(await isEmpty(t))) return { seeded: false, reason: 'the database already has content' };
    progress(`seeding ${DEMO_SPACES.length} co-working spaces and office hotels (1/2)`);
    const created = await tx.insert(spaces).values(DEMO_SPACES).returning();
    await tx.insert(resources).values(created.flatMap((space) => demoResources(space.slug, space.currency).map((r) => ({ ...r, spaceId: space.id }))));
    await tx.insert(hostCommunities).values(DEMO_COMMUNITIES);
    progress('seeding the digital studios at Dyrøy library and the office hotel (1/2)');
    await seedDemoStudios(t);
    progress('seeding the Spanish lessons for Brøstadbotn school');
    await seedDemoLessons(t);
    progress('seeding a confirmed study trip to Dyrøy for “recent visits”');
    await seedDemoStudyTrips(t);
    progress('seeding the hub library and news from the office hotel in Brøstadbotn');
    await seedDemoHub(t);
    progress('seeding a Tromsø software company with place-independent job ads, one of them closed');
    await seedDemoJobs(t);
    progress(`seeding ${DEMO_FORUM_CATEGORIES.length} forum categories and their first threads, in Norwegian and English (2/2)`);
    await tx.insert(forumCategories).values(DEMO_FORUM_CATEGORIES);
    const forumThreads = await seedDemoForum(t);
    progress('seeding two coming webcasts from Dyrøy: the baroque band’s Christmas concert and a breakfast talk');
    await seedDemoEvents(t);
    return { seeded: true, spaces: DEMO_SPACES.length, forumCategories: DEMO_FORUM_CATEGORIES.length, forumThreads };
  });
}
