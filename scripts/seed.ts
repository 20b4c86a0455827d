/**
 * npm run seed: adds the demo content (the office hotel in Brøstadbotn, co-working spaces,
 * forum categories) to an empty database. A database with any content is left alone.
 */
import { seedDemoContent } from '../server/seed/seed';
import { openConfiguredDatabase } from './cli-database';

const database = await openConfiguredDatabase();
try {
  console.log(`Seeding ${database.describe} …`);
  const outcome = await seedDemoContent(database.db, (message) => console.log(`  ${message}`));
  console.log(
    outcome.seeded
      ? `Done: ${outcome.spaces} spaces, ${outcome.forumCategories} forum categories and ${outcome.forumThreads} forum threads added.`
      : `Nothing added: ${outcome.reason}.`,
  );
} finally {
  await database.close();
}
