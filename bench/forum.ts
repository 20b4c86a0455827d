/**
 * npm run bench:forum [-- --quick] [--keep] [--reuse=POSTGRES_URL] [--only=search|pages]
 *
 * Seeds 100,000 threads and 1,000,000 posts (mixed Norwegian and English, with progress),
 * starts Hubro on that database exactly as `npm start` does, and measures with autocannon:
 *  - the thread page (server-rendered HTML, anonymous reader): p50/p95 latency and req/s,
 *    on a thread with 10,000 replies (its first and last page) and on random threads;
 *  - forum search (GET /api/forum/search): p50/p95 over a mix of nb and en queries.
 * Uses DATABASE_URL when set (a database of its own is created and dropped), else PGlite.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf, type DatabaseHandle } from '../db/client';
import { seedDemoContent } from '../server/seed/seed';

const quick = process.argv.includes('--quick');
const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
/** --keep: leave the seeded Postgres database in place (its URL is printed), e.g. to EXPLAIN queries on it. */
const keep = process.argv.includes('--keep');
/** --reuse=URL: measure on a database an earlier `--keep` run seeded (nothing is seeded, nothing dropped). */
const reuse = option('reuse');
/** --only=search or --only=pages: measure search or thread pages only (e.g. to compare two builds on one kept database). */
const only = option('only');
if (only !== undefined && only !== 'search' && only !== 'pages') throw new Error(`--only=${only}: use --only=search or --only=pages`);
const THREADS = quick ? 10_000 : 100_000;
const POSTS = quick ? 100_000 : 1_000_000;
const BIG_THREAD_REPLIES = 10_000;
const DURATION_S = quick ? 8 : 20;
const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * A realistic spread of words: a few thousand everyday words (made from syllables, so each
 * is rare), with the topical words below mixed in at about one word in forty. A query for a
 * topical word then matches a few percent of posts, as on a real forum.
 */
function vocabulary(syllables: string[], topical: string[], size: number): string[] {
  const words: string[] = [];
  for (let i = 0; words.length < size; i += 1) {
    const a = syllables[i % syllables.length]!;
    const b = syllables[Math.floor(i / syllables.length) % syllables.length]!;
    const c = i % 3 === 0 ? syllables[(i * 7) % syllables.length]! : '';
    words.push(a + b + c);
  }
  // Topical words take 1 in 40 slots.
  for (let i = 0; i < size / 40; i += 1) words[(i * 40) % size] = topical[i % topical.length]!;
  return words;
}
const NB_SYLLABLES = ['ka', 'ro', 'sen', 'mil', 'tor', 'be', 'ga', 'lu', 'nes', 'vik', 'dal', 'fo', 'ha', 'je', 'ku', 'le', 'mo', 'ny', 'pa', 'ri', 'sto', 'tu', 'va', 'øy', 'å', 'bre', 'sk', 'gar', 'lin', 'het'];
const EN_SYLLABLES = ['ba', 'con', 'der', 'ex', 'fin', 'gor', 'hal', 'in', 'jar', 'kel', 'lor', 'men', 'nor', 'op', 'pra', 'qua', 'ros', 'sta', 'tin', 'ul', 'ver', 'wes', 'xi', 'yor', 'zen', 'ly', 'ing', 'tion', 'ed', 'er'];
const NB_TOPICAL = ['hytte', 'hytter', 'fiber', 'bredbånd', 'kontorhotell', 'fjernarbeid', 'arbeidsgiver', 'kommune', 'skole', 'barnehage', 'møte', 'møter', 'video', 'studio', 'nordlys', 'vinter', 'sommer', 'pendling', 'leilighet', 'nabo', 'bygd', 'fjord', 'båt', 'ferje', 'kaffe', 'kollega', 'avtale', 'lønn', 'skatt', 'internett'];
const EN_TOPICAL = ['cabin', 'cabins', 'fibre', 'broadband', 'office', 'remote', 'employer', 'municipality', 'school', 'kindergarten', 'meeting', 'meetings', 'video', 'studio', 'aurora', 'winter', 'summer', 'commute', 'apartment', 'neighbour', 'village', 'fjord', 'boat', 'ferry', 'coffee', 'colleague', 'agreement', 'salary', 'tax', 'internet'];
const NB_WORDS = vocabulary(NB_SYLLABLES, NB_TOPICAL, 4000);
const EN_WORDS = vocabulary(EN_SYLLABLES, EN_TOPICAL, 4000);
const QUERIES = ['hytter', 'fiber', 'kontorhotell', 'meetings', 'broadband', 'fjernarbeid', 'arbeidsgiver avtale', 'remote employer', 'barnehage', 'winter ferry'];


function progress(label: string, done: number, total: number) {
  process.stdout.write(`\r  ${label}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${Math.round((done / total) * 100)}%)   `);
  if (done >= total) process.stdout.write('\n');
}

/** A SQL expression for a random sentence from a word list (5–40 words). */
function sentence(words: string[], seedExpr: string, lengthExpr = `5 + ((${seedExpr})::bigint % 36)::int`): string {
  const list = `array[${words.map((w) => `'${w}'`).join(',')}]`;
  return `(select string_agg((${list})[1 + (((${seedExpr})::bigint * 7919 + i * 104729) % ${words.length})::int], ' ') from generate_series(1, ${lengthExpr}) i)`;
}

/** The full-text indexes of the forum, as the migrations made them. */
async function searchIndexes(db: DatabaseHandle['db']) {
  return rowsOf<{ indexname: string; indexdef: string }>(
    await db.execute(sql`select indexname, indexdef from pg_indexes
      where schemaname = current_schema() and tablename in ('forum_posts', 'forum_threads', 'forum_recent_posts') and indexdef ilike '%using gin%'`),
  );
}

/**
 * Threads and posts are written oldest first, as a forum grows: thread g of THREADS opened
 * (THREADS - g + 1) minutes ago, its posts 10 s apart, and the big thread is the newest.
 */
async function seed(db: DatabaseHandle['db']) {
  await seedDemoContent(db);
  console.log(`seeding ${THREADS.toLocaleString('en')} threads and ${POSTS.toLocaleString('en')} posts`);
  await db.execute(sql`insert into users (email, display_name, handle)
    select 'forum-bench-' || g || '@hubro.example', 'Skribent ' || g, 'skribent-' || g from generate_series(1, 2000) g`);
  const [category] = rowsOf<{ id: string }>(await db.execute(sql`select id from forum_categories order by position limit 1`));
  // Bulk loading is several times faster without the GIN indexes (fastupdate is off on them);
  // they are built again afterwards from their own definitions, so the measured schema is the
  // migrated one.
  const indexes = await searchIndexes(db);
  for (const index of indexes) await db.execute(sql.raw(`drop index "${index.indexname}"`));
  // The trigger that keeps forum_recent_posts (the newest posts' search columns) would add and
  // push out a row for every post; the window is filled once after the load instead.
  await db.execute(sql`alter table forum_posts disable trigger forum_posts_recent_sync`);
  const chunk = 10_000;
  // POSTS in all: the big thread's opening post and replies, and the rest spread over the
  // threads (9 or 10 each in the full seed: 89,999 threads get 10).
  const rest = POSTS - BIG_THREAD_REPLIES - 1;
  const postsOf = `(${Math.floor(rest / THREADS)} + (g <= ${rest % THREADS})::int)`;
  for (let start = 0; start < THREADS; start += chunk) {
    const end = Math.min(THREADS, start + chunk);
    await db.execute(
      sql.raw(`
      with t as (
        insert into forum_threads (category_id, author_id, title, language, post_count, last_post_at, created_at)
        select '${category!.id}', (select id from users where handle = 'skribent-' || (1 + g % 2000)),
               case when g % 3 = 0 then 'Thread about ' || ${sentence(EN_WORDS, 'g', '3 + g % 6')}
                    else 'Tråd om ' || ${sentence(NB_WORDS, 'g', '3 + g % 6')} end,
               case when g % 3 = 0 then 'en'::content_language else 'nb'::content_language end,
               ${postsOf},
               now() - (${THREADS + 1} - g) * interval '1 minute' + (${postsOf} - 1) * interval '10 seconds',
               now() - (${THREADS + 1} - g) * interval '1 minute'
          from generate_series(${start + 1}, ${end}) g
         order by g
        returning id, language, author_id, created_at, post_count
      )
      insert into forum_posts (thread_id, number, author_id, language, body, html, created_at)
      select t.id, n, case when n = 1 then t.author_id else (select id from users where handle = 'skribent-' || (1 + (abs(hashtext(t.id::text)) + n) % 2000)) end,
             t.language, b.body, '<p>' || b.body || '</p>', t.created_at + (n - 1) * interval '10 seconds'
        from t cross join lateral generate_series(1, t.post_count) n
        cross join lateral (select case when t.language = 'en' then ${sentence(EN_WORDS, '(abs(hashtext(t.id::text)) + n)')}
                                        else ${sentence(NB_WORDS, '(abs(hashtext(t.id::text)) + n)')} end as body) b
       order by t.created_at, n`),
    );
    progress('threads', end, THREADS);
  }
  // One thread with 10,000 replies, for deep pagination: the newest, still going.
  const [big] = rowsOf<{ id: string }>(
    await db.execute(sql`insert into forum_threads (category_id, author_id, title, language, post_count, last_post_at, created_at)
      select ${category!.id}, (select id from users where handle = 'skribent-1'), 'Den store tråden om fjernarbeid i Dyrøy', 'nb', ${BIG_THREAD_REPLIES + 1}, now(),
             now() - ${BIG_THREAD_REPLIES} * interval '1 second'
      returning id`),
  );
  for (let start = 1; start <= BIG_THREAD_REPLIES + 1; start += 5000) {
    const end = Math.min(BIG_THREAD_REPLIES + 1, start + 4999);
    await db.execute(
      sql.raw(`insert into forum_posts (thread_id, number, author_id, language, body, html, created_at)
        select '${big!.id}', n, (select id from users where handle = 'skribent-' || (1 + n % 2000)), 'nb', b.body, '<p>' || b.body || '</p>',
               now() - (${BIG_THREAD_REPLIES + 1} - n) * interval '1 second'
          from generate_series(${start}, ${end}) n
          cross join lateral (select ${sentence(NB_WORDS, 'n')} as body) b
         order by n`),
    );
    progress('the big thread', end, BIG_THREAD_REPLIES + 1);
  }
  await db.execute(sql`select forum_recent_posts_rebuild()`);
  await db.execute(sql`alter table forum_posts enable trigger forum_posts_recent_sync`);
  const t0 = performance.now();
  for (const index of indexes) {
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local maintenance_work_mem = '256MB'`);
      await tx.execute(sql.raw(index.indexdef));
    });
  }
  // As autovacuum would have by now: statistics, and the visibility map for index-only scans.
  await db.execute(sql`vacuum analyze`);
  console.log(`  full-text indexes built and tables vacuumed in ${Math.round((performance.now() - t0) / 1000)} s`);
  return big!.id;
}

async function startServer(env: Record<string, string>): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', MEDIASOUP_WORKERS: '1', RTC_MIN_PORT: '48800', RTC_MAX_PORT: '48999', SEED_DEMO: 'false', ...env } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
    child.stdout!.on('data', () => {
      const m = /Hubro is running at (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function cannon(title: string, url: string, paths: string[], connections = 10) {
  let i = 0;
  const result = await autocannon({
    url,
    connections,
    duration: DURATION_S,
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
  });
  const line = {
    title,
    connections,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p95Ms: (result.latency as unknown as Record<string, number>).p97_5 !== undefined ? percentileFromHistogram(result) : result.latency.p99,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
  console.log(`  ${title}: ${line.requestsPerSecond} req/s, p50 ${line.p50Ms} ms, p95 ${line.p95Ms} ms, p99 ${line.p99Ms} ms, errors ${line.errors}`);
  return line;
}

/** autocannon reports p90 and p97.5 but not p95: interpolate between them. */
function percentileFromHistogram(result: autocannon.Result): number {
  const l = result.latency as unknown as Record<string, number>;
  return Math.round((l.p90! + (l.p97_5! - l.p90!) * (5 / 7.5)) * 100) / 100;
}

async function main() {
  console.log(`bench:forum${quick ? ' (quick)' : ''} on ${os.availableParallelism()} cores`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubro-bench-forum-'));
  let env: Record<string, string>;
  let dropDatabase = async () => {};
  let database: DatabaseHandle;
  if (reuse) {
    database = await openDatabase({ kind: 'postgres', url: reuse });
    env = { DATABASE_URL: reuse, DATA_DIR: dataDir };
  } else if (process.env.DATABASE_URL) {
    const admin = await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL });
    const name = `hubro_bench_forum_${Date.now()}`;
    await admin.db.execute(sql.raw(`create database ${name}`));
    await admin.close();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    database = await openDatabase({ kind: 'postgres', url: url.toString() });
    env = { DATABASE_URL: url.toString(), DATA_DIR: dataDir };
    dropDatabase = async () => {
      if (keep) return console.log(`kept the seeded database: ${url.toString()}`);
      const a = await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL! });
      await a.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await a.close();
    };
  } else {
    database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
    env = { DATA_DIR: dataDir };
  }
  const target = database.describe;
  try {
    await database.migrate();
    const t0 = performance.now();
    const bigThread = reuse
      ? rowsOf<{ id: string }>(await database.db.execute(sql`select id from forum_threads order by post_count desc limit 1`))[0]!.id
      : await seed(database.db);
    const seedSeconds = reuse ? null : Math.round((performance.now() - t0) / 1000);
    const threadIds = rowsOf<{ id: string }>(await database.db.execute(sql`select id from forum_threads order by random() limit 500`)).map((r) => r.id);
    // What was measured on: counted, not assumed.
    const [counted] = rowsOf<{ threads: number; posts: number }>(
      await database.db.execute(sql`select (select count(*) from forum_threads)::int as threads, (select count(*) from forum_posts)::int as posts`),
    );
    console.log(`  on ${counted!.threads.toLocaleString('en')} threads and ${counted!.posts.toLocaleString('en')} posts`);
    // PGlite allows one process per data dir: hand it over to the server.
    await database.close();
    const server = await startServer(env);
    try {
      // Warm up the page code once.
      await fetch(`${server.url}/forum/t/${bigThread}`).then((r) => r.text());
      console.log('measuring (anonymous reader, HTML thread pages):');
      const results = {
        ...(only === 'search'
          ? {}
          : {
              bigFirst: await cannon('thread page, 10,000 replies, first page', server.url, [`/forum/t/${bigThread}`]),
              bigLast: await cannon('thread page, 10,000 replies, last page', server.url, [`/forum/t/${bigThread}?after=9950`]),
              random: await cannon('thread page, random threads', server.url, threadIds.map((id) => `/forum/t/${id}`)),
            }),
        ...(only === 'pages'
          ? {}
          : { search: await cannon('search (nb and en queries)', server.url, QUERIES.map((q) => `/api/forum/search?q=${encodeURIComponent(q)}`)) }),
      };
      const out = {
        meta: { date: new Date().toISOString(), command: `npm run bench:forum${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`, database: target, cores: os.availableParallelism(), cpu: os.cpus()[0]?.model },
        seed: { threads: counted!.threads, posts: counted!.posts, seconds: seedSeconds },
        results,
        targets: { threadPageP95Ms: 25, threadPageRequestsPerSecond: 1000, searchP95Ms: 50 },
      };
      const file = option('out') ?? path.join(import.meta.dirname, 'results', `forum-${out.meta.date.slice(0, 10)}-${process.env.DATABASE_URL ? 'postgres' : 'pglite'}${quick ? '-quick' : ''}.json`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(out, null, 1));
      console.log(`results written to ${path.relative(process.cwd(), file)}`);
    } finally {
      await server.stop();
    }
  } finally {
    await dropDatabase();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
