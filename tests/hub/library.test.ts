import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { libraryEntries, users, type UserRole } from '../../db/schema';
import { HubError } from '../../server/hub/errors';
import {
  browseLibrary,
  createLibraryEntry,
  deleteLibraryEntry,
  findLibraryEntry,
  LIBRARY_FILE_MAX_BYTES,
  LIBRARY_SUGGEST_LIMIT,
  libraryTags,
  pendingLibraryEntries,
  reviewLibraryEntry,
  searchLibrary,
  updateLibraryEntry,
} from '../../server/hub/library';
import { readLimitedForm } from '../../server/hub/uploads';
import { MemoryStore } from '../../server/store/memory-store';
import { tempDir } from '../support/config';
import { databaseTargets } from '../support/databases';

async function refusal(promise: Promise<unknown>): Promise<HubError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HubError) return error;
    throw error;
  }
  throw new Error('expected a HubError');
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe.each(databaseTargets())('the hub library on $name', (target) => {
  let handle: DatabaseHandle;
  let uploadsDir: string;
  const actors = {} as Record<'member' | 'other' | 'host' | 'moderator' | 'admin', { id: string; role: UserRole }>;
  const deps = () => ({ db: handle.db, uploadsDir, store: new MemoryStore() });
  const filesOnDisk = () => (fs.existsSync(uploadsDir) ? fs.readdirSync(uploadsDir) : []);

  beforeAll(async () => {
    handle = await target.open();
    uploadsDir = path.join(tempDir('library'), 'uploads');
    for (const [key, role] of [['member', 'member'], ['other', 'member'], ['host', 'host'], ['moderator', 'moderator'], ['admin', 'admin']] as const) {
      const [u] = await handle.db
        .insert(users)
        .values({ email: `${key}-${randomUUID()}@dyroy.example`, displayName: `Lib ${key}`, handle: `lib-${randomUUID().slice(0, 8)}`, role })
        .returning();
      actors[key] = { id: u!.id, role };
    }
    // Published by an editor: a Norwegian summary with "hytte", an English one with "meeting".
    await createLibraryEntry(deps(), actors.moderator, {
      type: 'report',
      title: 'Stedsuavhengig arbeid fra hytta',
      summaryNb: 'Rapporten følger ansatte som jobber fra en hytte i Dyrøy med fiber og digitalt studio.',
      authors: 'Dyrøyseminarsenteret',
      year: 2010,
      documentLanguage: 'nb',
      tags: 'Telework, rural development',
      externalUrl: 'https://example.org/rapport-hytte',
    });
    await createLibraryEntry(deps(), actors.admin, {
      type: 'research_paper',
      title: 'Leading at a distance',
      summaryEn: 'A study of how managers keep a weekly meeting with employees who live far from the office.',
      authors: 'A. Researcher',
      year: 2013,
      documentLanguage: 'en',
      tags: ['leading-at-a-distance'],
      externalUrl: 'https://example.org/leading',
    });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('finds "hytte" when searching "hytter" and "meeting" when searching "meetings", in either UI language', async () => {
    for (const locale of ['nb', 'en'] as const) {
      const nb = await searchLibrary(handle.db, { q: 'hytter' }, locale);
      expect(nb.hits.map((h) => h.entry.title)).toEqual(['Stedsuavhengig arbeid fra hytta']);
      expect(nb.hits[0]!.snippet).toContain('<mark>hytte</mark>');
      expect(nb.hits[0]!.snippetLanguage).toBe('nb');
      const en = await searchLibrary(handle.db, { q: 'meetings' }, locale);
      expect(en.hits.map((h) => h.entry.title)).toEqual(['Leading at a distance']);
      expect(en.hits[0]!.snippet).toContain('<mark>meeting</mark>');
      expect(en.hits[0]!.snippetLanguage).toBe('en');
    }
  });

  it('escapes snippets and refuses a too short query with a field code', async () => {
    await createLibraryEntry(deps(), actors.admin, {
      type: 'definition',
      title: 'Definisjon <script>alert(1)</script>',
      summaryNb: 'Fjernarbeid <b>fra</b> kontorhotell.',
      externalUrl: 'https://example.org/def',
    });
    const { hits } = await searchLibrary(handle.db, { q: 'kontorhotell' }, 'nb');
    expect(hits[0]!.titleHtml).toContain('&lt;script&gt;');
    expect(hits[0]!.snippet).not.toContain('<b>');
    const error = await refusal(searchLibrary(handle.db, { q: 'a' }, 'nb'));
    expect(error.details.fields).toEqual({ q: 'search_too_short' });
  });

  it('browses by type and tag', async () => {
    const reports = await browseLibrary(handle.db, { type: 'report' });
    expect(reports.entries.map((e) => e.title)).toEqual(['Stedsuavhengig arbeid fra hytta']);
    const tagged = await browseLibrary(handle.db, { tag: 'rural-development' });
    expect(tagged.entries.map((e) => e.tags)).toEqual([['telework', 'rural-development']]);
    expect((await libraryTags(handle.db)).map((t) => t.tag)).toEqual(expect.arrayContaining(['telework', 'rural-development', 'leading-at-a-distance']));
  });

  it('keeps a member suggestion pending, unlisted and unfound until an editor approves it', async () => {
    const entry = await createLibraryEntry(deps(), actors.member, {
      type: 'link',
      title: 'Kontorfellesskap i distriktene',
      summaryNb: 'Erfaringer fra kontorfellesskap i små kommuner.',
      externalUrl: 'https://example.org/kontorfellesskap',
    });
    expect(entry.status).toBe('pending');
    expect(entry.publishedAt).toBeNull();
    expect((await searchLibrary(handle.db, { q: 'kontorfellesskap' }, 'nb')).hits).toHaveLength(0);
    expect((await browseLibrary(handle.db, { type: 'link' })).entries).toHaveLength(0);
    // Only its suggester and editors see it.
    expect(await findLibraryEntry(handle.db, null, entry.slug)).toBeNull();
    expect(await findLibraryEntry(handle.db, actors.other, entry.slug)).toBeNull();
    expect((await findLibraryEntry(handle.db, actors.member, entry.slug))?.canReview).toBe(false);
    expect((await findLibraryEntry(handle.db, actors.moderator, entry.slug))?.canReview).toBe(true);
    expect((await pendingLibraryEntries(handle.db, actors.moderator)).map((p) => p.entry.id)).toContain(entry.id);

    // A member (even the suggester) or a host cannot approve, nor see the queue.
    for (const actor of [actors.member, actors.other, actors.host]) {
      expect((await refusal(reviewLibraryEntry(handle.db, actor, entry.id, { decision: 'publish' }))).status).toBe(403);
    }
    expect((await refusal(pendingLibraryEntries(handle.db, actors.member))).status).toBe(403);
    expect((await refusal(reviewLibraryEntry(handle.db, null, entry.id, { decision: 'publish' }))).status).toBe(401);
    expect((await refusal(reviewLibraryEntry(handle.db, actors.moderator, entry.id, { decision: 'maybe' }))).details.fields).toEqual({ decision: 'decision_invalid' });

    const approved = await reviewLibraryEntry(handle.db, actors.moderator, entry.id, { decision: 'publish' });
    expect(approved).toMatchObject({ status: 'published', reviewedBy: actors.moderator.id });
    expect((await searchLibrary(handle.db, { q: 'kontorfellesskapet' }, 'nb')).hits.map((h) => h.entry.id)).toEqual([entry.id]);
    expect((await browseLibrary(handle.db, { type: 'link' })).entries.map((e) => e.id)).toEqual([entry.id]);
    // Decided once: a second decision is refused.
    expect((await refusal(reviewLibraryEntry(handle.db, actors.admin, entry.id, { decision: 'reject' }))).status).toBe(409);
  });

  it('keeps a rejected suggestion out of lists and search', async () => {
    const entry = await createLibraryEntry(deps(), actors.member, {
      type: 'link',
      title: 'Reklame for kontorstoler',
      summaryNb: 'Kjøp kontorstoler billig.',
      externalUrl: 'https://example.org/stoler',
    });
    await reviewLibraryEntry(handle.db, actors.admin, entry.id, { decision: 'reject', note: 'Ikke relevant' });
    expect((await searchLibrary(handle.db, { q: 'kontorstoler' }, 'nb')).hits).toHaveLength(0);
    expect(await findLibraryEntry(handle.db, actors.other, entry.slug)).toBeNull();
  });

  it('stores a checked PDF and publishes at once for an editor', async () => {
    const before = filesOnDisk().length;
    const entry = await createLibraryEntry(
      deps(),
      actors.moderator,
      { type: 'own_publication', title: 'Modell for flytting uten å bytte jobb', summaryNb: 'Arbeidstaker og arbeidsgiver.', tags: ['employer'] },
      PDF,
    );
    expect(entry).toMatchObject({ status: 'published', fileSize: PDF.byteLength });
    expect(entry.fileName).toMatch(/^[0-9a-f-]{36}\.pdf$/);
    expect(fs.readFileSync(path.join(uploadsDir, entry.fileName!))).toEqual(PDF);
    expect(filesOnDisk()).toHaveLength(before + 1);
  });

  it('refuses a fake PDF (right name, wrong bytes) and a too large one, writing nothing', async () => {
    const rowsBefore = (await handle.db.select({ n: sql<number>`count(*)::int` }).from(libraryEntries))[0]!.n;
    const filesBefore = filesOnDisk();
    const fake = Buffer.from('<html><script>alert(1)</script></html> pretending to be rapport.pdf');
    const fakeError = await refusal(createLibraryEntry(deps(), actors.moderator, { type: 'report', title: 'Falsk rapport', summaryNb: 'x' }, fake));
    expect(fakeError.details.fields).toEqual({ file: 'pdf_type' });
    const big = Buffer.alloc(LIBRARY_FILE_MAX_BYTES + 1, 0x20);
    PDF.copy(big);
    const bigError = await refusal(createLibraryEntry(deps(), actors.moderator, { type: 'report', title: 'For stor rapport', summaryNb: 'x' }, big));
    expect(bigError.status).toBe(413);
    expect(bigError.details.fields).toEqual({ file: 'file_too_large' });
    expect((await handle.db.select({ n: sql<number>`count(*)::int` }).from(libraryEntries))[0]!.n).toBe(rowsBefore);
    expect(filesOnDisk()).toEqual(filesBefore);
  });

  it('removes the written file when the row cannot be written', async () => {
    const filesBefore = filesOnDisk();
    // The database fails after the file was written (here: the transaction throws).
    const failing = { ...deps(), db: { transaction: async () => Promise.reject(new Error('connection lost')) } as unknown as DatabaseHandle['db'] };
    await expect(createLibraryEntry(failing, actors.admin, { type: 'report', title: 'Mistet forbindelse', summaryNb: 'x' }, PDF)).rejects.toThrow('connection lost');
    expect(filesOnDisk()).toEqual(filesBefore);
  });

  it('leaves one file per written row when equal titles race for a slug', async () => {
    const filesBefore = filesOnDisk();
    // A slug that is taken as the insert runs: force it by racing two equal titles.
    const title = `Likt navn ${randomUUID().slice(0, 4)}`;
    const input = { type: 'report', title, summaryNb: 'Samtidig.' };
    const results = await Promise.allSettled([0, 1, 2, 3].map(() => createLibraryEntry(deps(), actors.admin, input, PDF)));
    const ok = results.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof createLibraryEntry>>> => r.status === 'fulfilled');
    const rows = await handle.db.select().from(libraryEntries).where(sql`${libraryEntries.title} = ${title}`);
    expect(rows).toHaveLength(ok.length);
    // Exactly one new file per row that was written: the failed inserts took theirs away.
    expect(filesOnDisk().length).toBe(filesBefore.length + rows.length);
    for (const row of rows) expect(fs.existsSync(path.join(uploadsDir, row.fileName!))).toBe(true);
  });

  it('limits how many suggestions a member sends in an hour (429 with a wait), but not editors', async () => {
    const store = new MemoryStore();
    const input = (i: number) => ({ type: 'link', title: `Forslag nummer ${i}`, summaryNb: 'Lenke.', externalUrl: `https://example.org/${i}` });
    for (let i = 0; i < LIBRARY_SUGGEST_LIMIT.limit; i++) await createLibraryEntry({ ...deps(), store }, actors.other, input(i));
    const limited = await refusal(createLibraryEntry({ ...deps(), store }, actors.other, input(99)));
    expect(limited.status).toBe(429);
    expect(limited.details.retryInMs).toBeGreaterThan(0);
    for (let i = 0; i < LIBRARY_SUGGEST_LIMIT.limit + 1; i++) await createLibraryEntry({ ...deps(), store }, actors.admin, input(100 + i));
  });

  it('lets only editors correct an entry; search follows the new text and a new PDF replaces the old', async () => {
    const entry = await createLibraryEntry(deps(), actors.admin, { type: 'report', title: 'Rapport om fjordbuss', summaryNb: 'Om bussen.' }, PDF);
    const input = { type: 'report', title: 'Rapport om kystruter', summaryNb: 'Om hurtigbåtene langs kysten.', tags: 'rural development' };
    expect((await refusal(updateLibraryEntry(deps(), actors.member, entry.id, input))).status).toBe(403);
    expect((await refusal(updateLibraryEntry(deps(), actors.host, entry.id, input))).status).toBe(403);
    const newPdf = Buffer.concat([PDF, Buffer.from('% ny versjon\n')]);
    const updated = await updateLibraryEntry(deps(), actors.moderator, entry.id, input, newPdf);
    expect(updated).toMatchObject({ title: 'Rapport om kystruter', tags: ['rural-development'], fileSize: newPdf.byteLength, status: 'published' });
    expect(fs.existsSync(path.join(uploadsDir, entry.fileName!))).toBe(false);
    expect(fs.readFileSync(path.join(uploadsDir, updated.fileName!))).toEqual(newPdf);
    expect((await searchLibrary(handle.db, { q: 'hurtigbåt' }, 'nb')).hits.map((h) => h.entry.id)).toEqual([entry.id]);
    expect((await searchLibrary(handle.db, { q: 'fjordbuss' }, 'nb')).hits).toHaveLength(0);
    // Without a new file the old one stays; a fake one is refused and nothing changes.
    const fake = await refusal(updateLibraryEntry(deps(), actors.moderator, entry.id, { ...input, title: 'Falsk' }, Buffer.from('GIF89a')));
    expect(fake.details.fields).toEqual({ file: 'pdf_type' });
    expect((await findLibraryEntry(handle.db, actors.admin, entry.slug))?.entry).toMatchObject({ title: 'Rapport om kystruter', fileName: updated.fileName });
  });

  it('lets only editors remove an entry, and takes its PDF with it', async () => {
    const entry = await createLibraryEntry(deps(), actors.admin, { type: 'report', title: 'Skal fjernes', summaryNb: 'Utgått.' }, PDF);
    for (const actor of [actors.member, actors.host]) expect((await refusal(deleteLibraryEntry(deps(), actor, entry.id))).status).toBe(403);
    expect(fs.existsSync(path.join(uploadsDir, entry.fileName!))).toBe(true);
    await deleteLibraryEntry(deps(), actors.moderator, entry.id);
    expect(fs.existsSync(path.join(uploadsDir, entry.fileName!))).toBe(false);
    expect(await findLibraryEntry(handle.db, actors.admin, entry.slug)).toBeNull();
    expect((await refusal(deleteLibraryEntry(deps(), actors.moderator, entry.id))).status).toBe(404);
  });

  it('checks fields with catalogue codes and needs a source', async () => {
    const error = await refusal(createLibraryEntry(deps(), actors.member, { type: 'poster', title: 'x', externalUrl: 'ftp://nope', year: 1700 }));
    expect(error.details.fields).toMatchObject({ type: 'library_type_invalid', title: 'title_length', externalUrl: 'url_invalid', year: 'year_invalid' });
    const noSummary = await refusal(createLibraryEntry(deps(), actors.member, { type: 'report', title: 'Uten sammendrag', externalUrl: 'https://example.org/a' }));
    expect(noSummary.details.fields).toEqual({ summaryNb: 'summary_required' });
    const noSource = await refusal(createLibraryEntry(deps(), actors.member, { type: 'report', title: 'Uten kilde', summaryEn: 'No file, no link' }));
    expect(noSource.details.fields).toEqual({ file: 'source_required' });
    expect((await refusal(createLibraryEntry(deps(), null, { type: 'report' }))).status).toBe(401);
  });

  it('reads an upload with a streamed cap: a body over the limit is cut off before it is all read', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        if (pulled > 50 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const req = new Request('http://localhost/api/hub/library', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: endless,
      duplex: 'half',
    } as RequestInit);
    const error = await refusal(readLimitedForm(req, 1024 * 1024, 'file'));
    expect(error.status).toBe(413);
    expect(error.details.fields).toEqual({ file: 'file_too_large' });
    expect(pulled).toBeLessThan(4 * 1024 * 1024);

    const form = new FormData();
    form.set('title', 'Hei');
    form.set('file', new Blob([PDF], { type: 'application/pdf' }), 'rapport.pdf');
    const ok = await readLimitedForm(new Request('http://localhost/x', { method: 'POST', body: form }), 1024 * 1024, 'file');
    expect(ok.get('title')).toBe('Hei');
    expect(Buffer.from(await (ok.get('file') as File).arrayBuffer())).toEqual(PDF);
  });
});
