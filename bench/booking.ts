/**
 * npm run bench:booking [-- --quick]
 *
 * Seeds 10,000 spaces (30,000 resources) and 1,000,000 bookings, then measures
 *  1. the availability query (35 days of one resource), p50/p95 over random resources;
 *  2. booking latency with 1, 10 and 50 concurrent clients, p50/p95, and CPU per booking;
 *     then 50 clients again on resources not booked before in this process;
 *  3. overbookings after 10,000 contended attempts on a few hot desks and meeting rooms
 *     (counted afterwards with SQL, independently of the application).
 * Uses DATABASE_URL when set (a Postgres server), else an embedded PGlite in a temp dir.
 * The clients call the booking domain (server/spaces/booking.ts) in-process, which is what
 * POST /api/bookings runs after its session and rate-limit checks.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf, type DatabaseHandle } from '../db/client';
import { availability, book, BookingError } from '../server/spaces/booking';
import { addDays } from '../server/spaces/local-time';

const quick = process.argv.includes('--quick');
const SPACES = quick ? 1_000 : 10_000;
const BOOKINGS = quick ? 100_000 : 1_000_000;
const AVAILABILITY_SAMPLES = quick ? 200 : 1_000;
const BOOKING_REQUESTS = quick ? 500 : 2_000;
const CONTENDED_ATTEMPTS = quick ? 2_000 : 10_000;
const CONCURRENCY = 50;
// A fixed "now", so the seeded calendar and the requests line up.
const NOW = new Date('2026-12-01T08:00:00Z');
const FIRST_DAY = '2026-12-01';


function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const r = (n: number) => Math.round(n * 100) / 100;
  return { n: sorted.length, p50: r(percentile(sorted, 50)), p95: r(percentile(sorted, 95)), max: r(sorted.at(-1)!) };
}

/**
 * CPU time (ms) used so far by the PostgreSQL backends serving this database, read from /proc
 * (the server runs on this machine in the measured setup); undefined where that is not possible
 * (PGlite runs in this process, so its time is in the Node figure).
 */
async function backendCpuMs(db: DatabaseHandle['db'], kind: DatabaseHandle['kind']): Promise<Map<number, number> | undefined> {
  if (kind !== 'postgres' || !fs.existsSync('/proc/self/stat')) return undefined;
  const pids = rowsOf<{ pid: number }>(await db.execute(sql`select pid from pg_stat_activity where datname = current_database()`));
  const ticks = 1000 / 100; // USER_HZ is 100 on Linux
  const cpu = new Map<number, number>();
  for (const { pid } of pids) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      // utime and stime are fields 14 and 15 of stat; after "pid (comm) " they are 11 and 12.
      cpu.set(pid, (Number(fields[11]) + Number(fields[12])) * ticks);
    } catch {
      return undefined;
    }
  }
  return cpu;
}

/** CPU time (ms) the whole machine has been busy so far, all cores (Linux /proc/stat). */
function machineBusyMs(): number | undefined {
  try {
    const [, ...fields] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number) as number[];
    void idle;
    void iowait;
    return (user! + nice! + system! + irq! + softirq! + (steal ?? 0)) * 10;
  } catch {
    return undefined;
  }
}

function cpuDeltaMs(before: Map<number, number> | undefined, after: Map<number, number> | undefined): number | undefined {
  if (!before || !after) return undefined;
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

function progress(label: string, done: number, total: number) {
  process.stdout.write(`\r  ${label}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${Math.round((done / total) * 100)}%)   `);
  if (done >= total) process.stdout.write('\n');
}

async function seed(db: DatabaseHandle['db']) {
  console.log(`seeding ${SPACES.toLocaleString('en')} spaces, ${(SPACES * 3).toLocaleString('en')} resources and ${BOOKINGS.toLocaleString('en')} bookings`);
  await db.execute(sql`insert into users (email, display_name, handle)
    select 'bench-' || g || '@hubro.example', 'Bench ' || g, 'bench-' || g from generate_series(1, 5000) g`);
  const chunk = 1000;
  for (let start = 0; start < SPACES; start += chunk) {
    const end = Math.min(SPACES, start + chunk);
    await db.execute(sql`
      with s as (
        insert into spaces (slug, kind, name, city, country, description_nb, description_en, status, latitude, longitude)
        select 'bench-' || g, 'coworking', 'Benkested ' || g, 'Sted ' || (g % 400), 'NO', 'Kontorfellesskap nr ' || g, 'Shared office no ' || g,
               'approved', 58 + (g % 1300) / 100.0, 5 + (g % 2500) / 100.0
          from generate_series(${start + 1}::int, ${end}::int) g
        returning id
      )
      insert into resources (space_id, kind, name, capacity, price_day, price_hour, min_minutes, max_minutes, open_weekdays, opens_at, closes_at, advance_days)
      select s.id, k.kind::resource_kind, k.name, k.capacity, k.price_day, k.price_hour, k.min_minutes, 1440 * 31, '{1,2,3,4,5,6,7}', 0, 1440, 400
        from s, (values ('hot_desk', 'Fleksipulter', 10, 15000, null::int, 1440),
                        ('private_office', 'Kontor', 1, 45000, null::int, 1440),
                        ('meeting_room', 'Møterom', 1, null::int, 25000, 30)) as k(kind, name, capacity, price_day, price_hour, min_minutes)`);
    progress('spaces', end, SPACES);
  }
  // Bookings: per resource a run of consecutive, non-overlapping slots (days for desks and
  // offices, hours for meeting rooms), so exclusive resources stay valid.
  const perResource = Math.ceil(BOOKINGS / (SPACES * 3));
  const resourceChunk = 2000;
  const total = SPACES * 3;
  const ids = rowsOf<{ id: string; kind: string; n: number }>(
    await db.execute(sql`select id, kind, row_number() over (order by id)::int as n from resources`),
  );
  for (let start = 0; start < ids.length; start += resourceChunk) {
    const part = ids.slice(start, start + resourceChunk);
    await db.execute(sql`
      insert into bookings (resource_id, user_id, term, starts_at, ends_at, exclusive, status, price, currency)
      select r.id, u.id,
             case when r.kind = 'meeting_room' then 'hour'::booking_term else 'day'::booking_term end,
             case when r.kind = 'meeting_room' then ${'2026-12-01T00:00:00Z'}::timestamptz + (g * interval '1 hour')
                  else ${'2026-12-01T00:00:00Z'}::timestamptz + ((g % 300) * interval '1 day') end,
             case when r.kind = 'meeting_room' then ${'2026-12-01T00:00:00Z'}::timestamptz + ((g + 1) * interval '1 hour')
                  else ${'2026-12-01T00:00:00Z'}::timestamptz + ((g % 300 + 1) * interval '1 day') end,
             r.kind <> 'hot_desk', 'confirmed', 15000, 'NOK'
        from (select id, kind from resources where id in (${sql.join(part.map((p) => sql`${p.id}::uuid`), sql`, `)})) r
        cross join generate_series(0, ${perResource - 1}::int) g
        join users u on u.handle = 'bench-' || (1 + (abs(hashtext(r.id::text || g)) % 5000))`);
    progress('bookings', Math.min(BOOKINGS, Math.round(((start + part.length) / total) * BOOKINGS)), BOOKINGS);
  }
  await db.execute(sql`analyze`);
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubro-bench-booking-'));
  const database = process.env.DATABASE_URL
    ? await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL })
    : await openDatabase({ kind: 'pglite', dataDir });
  const target = database.describe;
  console.log(`bench:booking on ${target}${quick ? ' (quick)' : ''}, ${os.availableParallelism()} cores`);
  if (database.kind === 'postgres') {
    // A database of its own, so the run never touches real data.
    const name = `hubro_bench_${Date.now()}`;
    await database.db.execute(sql.raw(`create database ${name}`));
    await database.close();
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    return run(await openDatabase({ kind: 'postgres', url: url.toString() }), target, async () => {
      const admin = await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL! });
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
    });
  }
  return run(database, target, async () => fs.rmSync(dataDir, { recursive: true, force: true }));
}

async function run(database: DatabaseHandle, target: string, cleanup: () => Promise<void>) {
  const { db } = database;
  try {
    await database.migrate();
    const seedStarted = performance.now();
    await seed(db);
    const seedSeconds = Math.round((performance.now() - seedStarted) / 1000);
    const [counts] = rowsOf<{ spaces: number; bookings: number }>(
      await db.execute(sql`select (select count(*)::int from spaces) as spaces, (select count(*)::int from bookings) as bookings`),
    );
    console.log(`seeded in ${seedSeconds} s: ${counts!.spaces} spaces, ${counts!.bookings} bookings`);

    const sampled = rowsOf<{ id: string; kind: string }>(await db.execute(sql`select id, kind from resources order by random() limit 4000`));
    // The second half is booked only in the last run, so the first booking of each resource
    // (whose rules this process has not read yet) is measured too.
    const resourceIds = sampled.slice(0, 2000);
    const unseenResourceIds = sampled.slice(2000);

    // 1. Availability (35 days, as the space page's calendar asks).
    const availabilityMs: number[] = [];
    for (let i = 0; i < AVAILABILITY_SAMPLES; i += 1) {
      const resource = resourceIds[i % resourceIds.length]!;
      const from = addDays(FIRST_DAY, (i * 7) % 250);
      const t0 = performance.now();
      await availability(db, resource.id, from, 35);
      availabilityMs.push(performance.now() - t0);
    }
    const availabilityStats = summary(availabilityMs);
    console.log(`availability (35 days): p50 ${availabilityStats.p50} ms, p95 ${availabilityStats.p95} ms`);

    // 2. Booking latency on random resources and dates ahead, with 50 concurrent clients (the
    //    target) and with 10 and 1, to show where the time goes.
    const users = rowsOf<{ id: string }>(await db.execute(sql`select id from users order by random() limit 2000`));
    const bookingRuns: Array<{
      concurrency: number;
      /** Every request is the first booking of its resource in this process. */
      firstBookingOfResource: boolean;
      p50: number;
      p95: number;
      max: number;
      n: number;
      requestsPerSecond: number;
      outcomes: Record<string, number>;
      /** CPU per booking: this Node process, and the PostgreSQL backends (server only). */
      cpuMsPerBooking: { node: number; postgres: number | undefined };
      /**
       * Cores' worth of CPU used during the run by everything else on the machine (other
       * engineers' work outside the lock, PostgreSQL's background writers): a busy machine
       * lowers throughput at the same CPU per booking.
       */
      otherCores: number | undefined;
    }> = [];
    let dayOffset = 305;
    const runs = [
      { concurrency: 1, ids: resourceIds, firstBookingOfResource: false },
      { concurrency: 10, ids: resourceIds, firstBookingOfResource: false },
      { concurrency: CONCURRENCY, ids: resourceIds, firstBookingOfResource: false },
      { concurrency: CONCURRENCY, ids: unseenResourceIds, firstBookingOfResource: true },
    ];
    for (const { concurrency, ids, firstBookingOfResource } of runs) {
      const requests = concurrency === 1 ? Math.min(300, BOOKING_REQUESTS) : BOOKING_REQUESTS;
      const bookingMs: number[] = [];
      const outcomes = { created: 0, conflict: 0, refused: 0 };
      let next = 0;
      const firstDay = dayOffset;
      dayOffset += 20;
      const client = async () => {
        for (;;) {
          const i = next++;
          if (i >= requests) return;
          const resource = ids[(i * 7919) % ids.length]!;
          const date = addDays(FIRST_DAY, firstDay + (i % 20));
          const input =
            resource.kind === 'meeting_room'
              ? { resourceId: resource.id, term: 'hour', date, from: `${String(8 + (i % 8)).padStart(2, '0')}:00`, to: `${String(9 + (i % 8)).padStart(2, '0')}:00` }
              : { resourceId: resource.id, term: 'day', date };
          const t0 = performance.now();
          try {
            await book(db, users[i % users.length]!.id, input, NOW);
            outcomes.created += 1;
          } catch (error) {
            if (error instanceof BookingError && error.status === 409) outcomes.conflict += 1;
            else if (error instanceof BookingError) outcomes.refused += 1;
            else throw error;
          }
          bookingMs.push(performance.now() - t0);
        }
      };
      const pgBefore = await backendCpuMs(db, database.kind);
      const machineBefore = machineBusyMs();
      const nodeBefore = process.cpuUsage();
      const started = performance.now();
      await Promise.all(Array.from({ length: concurrency }, client));
      const seconds = (performance.now() - started) / 1000;
      const nodeCpu = process.cpuUsage(nodeBefore);
      const machineAfter = machineBusyMs();
      const pgCpu = cpuDeltaMs(pgBefore, await backendCpuMs(db, database.kind));
      const r2 = (n: number) => Math.round(n * 100) / 100;
      const cpuMsPerBooking = { node: r2((nodeCpu.user + nodeCpu.system) / 1000 / requests), postgres: pgCpu === undefined ? undefined : r2(pgCpu / requests) };
      const otherCores =
        machineBefore === undefined || machineAfter === undefined
          ? undefined
          : r2(Math.max(0, machineAfter - machineBefore - (nodeCpu.user + nodeCpu.system) / 1000 - (pgCpu ?? 0)) / (seconds * 1000));
      const stats = summary(bookingMs);
      bookingRuns.push({ concurrency, firstBookingOfResource, ...stats, requestsPerSecond: Math.round(requests / seconds), outcomes, cpuMsPerBooking, otherCores });
      console.log(
        `booking (${concurrency} concurrent${firstBookingOfResource ? ', first booking of each resource' : ''}): p50 ${stats.p50} ms, p95 ${stats.p95} ms, ${Math.round(requests / seconds)} req/s ` +
          `(${outcomes.created} created, ${outcomes.conflict} conflicts, ${outcomes.refused} refused); ` +
          `CPU per booking: Node ${cpuMsPerBooking.node} ms, PostgreSQL ${cpuMsPerBooking.postgres ?? 'n/a'} ms; ` +
          `other work on the machine: ${otherCores ?? 'n/a'} cores`,
      );
    }

    // 3. Contention: 10,000 attempts on 10 hot desks (10 seats) and 10 meeting rooms, few slots.
    const desks = rowsOf<{ id: string }>(await db.execute(sql`select id from resources where kind = 'hot_desk' order by random() limit 10`));
    const rooms = rowsOf<{ id: string }>(await db.execute(sql`select id from resources where kind = 'meeting_room' order by random() limit 10`));
    let attempt = 0;
    const contended = { created: 0, refused: 0 };
    const contender = async () => {
      for (;;) {
        const i = attempt++;
        if (i >= CONTENDED_ATTEMPTS) return;
        const date = addDays(FIRST_DAY, 380 + (i % 3));
        const input =
          i % 2 === 0
            ? { resourceId: desks[i % desks.length]!.id, term: 'day', date }
            : { resourceId: rooms[i % rooms.length]!.id, term: 'hour', date, from: i % 4 === 1 ? '10:00' : '10:30', to: i % 4 === 1 ? '11:00' : '11:30' };
        try {
          await book(db, users[i % users.length]!.id, input, NOW);
          contended.created += 1;
        } catch (error) {
          if (error instanceof BookingError) contended.refused += 1;
          else throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, contender));
    const [over] = rowsOf<{ desk_days: number; room_overlaps: number }>(
      await db.execute(sql`
        select
          (select count(*)::int from (
             select b.resource_id, date_trunc('day', b.starts_at) as day, count(*) as n, max(r.capacity) as capacity
               from bookings b join resources r on r.id = b.resource_id
              where b.status = 'confirmed' and r.kind = 'hot_desk'
              group by 1, 2 having count(*) > max(r.capacity)) x) as desk_days,
          (select count(*)::int from bookings a join bookings b
              on a.resource_id = b.resource_id and a.id < b.id and a.exclusive and b.exclusive
             and a.status = 'confirmed' and b.status = 'confirmed'
             and tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(b.starts_at, b.ends_at, '[)')
           where a.resource_id in (${sql.join(rooms.map((r) => sql`${r.id}::uuid`), sql`, `)})) as room_overlaps`),
    );
    const overbookings = over!.desk_days + over!.room_overlaps;
    console.log(`contention: ${CONTENDED_ATTEMPTS} attempts → ${contended.created} booked, ${contended.refused} refused, overbookings: ${overbookings}`);

    const result = {
      meta: { date: new Date().toISOString(), command: `npm run bench:booking${quick ? ' -- --quick' : ''}`, database: target, cores: os.availableParallelism(), cpu: os.cpus()[0]?.model, loadAverageAtEnd: os.loadavg().map((n) => Math.round(n * 100) / 100) },
      seed: { spaces: counts!.spaces, bookings: counts!.bookings, seconds: seedSeconds },
      availabilityMs: availabilityStats,
      booking: bookingRuns,
      contention: { attempts: CONTENDED_ATTEMPTS, ...contended, overbookings },
      targets: { availabilityP95Ms: 20, bookingP95Ms: 30, overbookings: 0 },
    };
    const out = path.join(import.meta.dirname, 'results', `booking-${result.meta.date.slice(0, 10)}-${database.kind}${quick ? '-quick' : ''}.json`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(result, null, 1));
    console.log(`results written to ${path.relative(process.cwd(), out)}`);
  } finally {
    await database.close();
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
