import { eq } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { jobAdSpaces, jobAds, spaces, users } from '../../db/schema';
import { closeJobAd, createJobAd, jobAdBySlug, openJobSkills, openJobSlugs, organisationJobAds, searchJobAds, updateJobAd, type JobAdInput } from '../../server/hub/jobs';
import { HubError, type HubActor } from '../../server/hub/errors';
import { addOrganisationMember, createOrganisation, EMPLOYER_WRITE_LIMIT, leaveOrganisation, limitEmployerWrites, myOrganisations } from '../../server/hub/organisations';
import { MemoryStore } from '../../server/store/memory-store';
import { seedDemoContent } from '../../server/seed/seed';
import nbErrors from '../../app/_i18n/messages/nb/errors.json';
import enErrors from '../../app/_i18n/messages/en/errors.json';
import { databaseTargets } from '../support/databases';
import { makeUser } from '../support/room-client';

async function refusal(promise: Promise<unknown>): Promise<HubError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HubError) return error;
    throw error;
  }
  throw new Error('expected a HubError');
}

// Tuesday 2026-11-24, 11:00 in Oslo.
const NOW = new Date('2026-11-24T10:00:00Z');
const later = (days: number) => new Date(NOW.getTime() + days * 86_400_000);

function ad(overrides: Partial<JobAdInput> = {}): JobAdInput {
  return {
    title: 'Utvikler til team i Tromsø',
    language: 'nb',
    description: 'Vi søker en **utvikler** som vil jobbe fra et kontorfellesskap nær deg.\n\n<script>alert(1)</script>',
    locationMode: 'hub',
    skills: ['TypeScript', 'PostgreSQL', 'typescript'],
    teamMeets: 'To dager i måneden i Tromsø',
    applyUrl: 'https://nordlys-data.example/jobb',
    applyEmail: '',
    expiresOn: '2026-12-31',
    spaceIds: [],
    ...overrides,
  };
}

describe.each(databaseTargets())('place-independent job ads on $name', (target) => {
  let handle: DatabaseHandle;
  let employer: NonNullable<HubActor>;
  let colleague: NonNullable<HubActor>;
  let rival: NonNullable<HubActor>;
  let loner: NonNullable<HubActor>;
  let moderator: NonNullable<HubActor>;
  let orgId: string;
  let rivalOrgId: string;
  let hotelId: string;
  let pendingSpaceId: string;

  beforeAll(async () => {
    handle = await target.open();
    await seedDemoContent(handle.db);
    const actor = async (name: string, role: 'member' | 'moderator' = 'member') => {
      const user = await makeUser(handle.db, name);
      if (role !== 'member') await handle.db.update(users).set({ role }).where(eq(users.id, user.id));
      return { id: user.id, role, email: user.email };
    };
    employer = await actor('Eva Arbeidsgiver');
    const colleagueUser = await actor('Kåre Kollega');
    colleague = colleagueUser;
    rival = await actor('Rolf Rival');
    loner = await actor('Liv Uten Firma');
    moderator = await actor('Mona Moderator', 'moderator');
    orgId = (await createOrganisation(handle.db, employer, { name: 'Nordlys Data AS', website: 'https://nordlys-data.example' })).id;
    rivalOrgId = (await createOrganisation(handle.db, rival, { name: 'Annen Bedrift AS' })).id;
    const [hotel] = await handle.db.select().from(spaces).where(eq(spaces.slug, 'kontorhotellet-brostadbotn'));
    hotelId = hotel!.id;
    const [pending] = await handle.db
      .insert(spaces)
      .values({ slug: 'ventende-kontor', kind: 'coworking', name: 'Ventende kontor', city: 'Finnsnes', country: 'NO', descriptionNb: 'x', descriptionEn: 'x', status: 'pending' })
      .returning();
    pendingSpaceId = pending!.id;
  });
  afterAll(async () => {
    await handle?.close();
  });
  const post = (actor: HubActor, organisationId: string, input: JobAdInput, now: Date) => createJobAd(handle.db, actor, { ...input, organisationId }, now);

  describe('organisations', () => {
    it('makes the creator its first member, adds a colleague by email and lists them', async () => {
      const colleagueEmail = (await handle.db.select({ email: users.email }).from(users).where(eq(users.id, colleague.id)))[0]!.email;
      await addOrganisationMember(handle.db, employer, orgId, { email: colleagueEmail.toUpperCase() });
      const mine = await myOrganisations(handle.db, colleague.id, NOW);
      expect(mine.map((m) => m.organisation.name)).toEqual(['Nordlys Data AS']);
      expect(mine[0]!.members.map((m) => m.name)).toEqual(['Eva Arbeidsgiver', 'Kåre Kollega']);
      expect((await refusal(addOrganisationMember(handle.db, employer, orgId, { email: colleagueEmail }))).details.fields).toEqual({ email: 'already_member' });
      expect((await refusal(addOrganisationMember(handle.db, employer, orgId, { email: 'ingen@dyroy.example' }))).details.fields).toEqual({ email: 'account_unknown' });
      expect((await refusal(addOrganisationMember(handle.db, rival, orgId, { email: colleagueEmail }))).status).toBe(403);
    });

    it('lets a member leave, but not the last one', async () => {
      const temp = await createOrganisation(handle.db, loner, { name: 'Kortvarig AS' });
      expect((await refusal(leaveOrganisation(handle.db, loner, temp.id))).code).toBe('last_member');
      await addOrganisationMember(handle.db, loner, temp.id, { email: (await handle.db.select().from(users).where(eq(users.id, rival.id)))[0]!.email });
      await leaveOrganisation(handle.db, loner, temp.id);
      expect(await myOrganisations(handle.db, loner.id, NOW)).toEqual([]);
    });

    it('refuses a website that is not https', async () => {
      expect((await refusal(createOrganisation(handle.db, employer, { name: 'Usikker AS', website: 'http://x.example' }))).details.fields).toEqual({ website: 'url_https' });
      expect((await refusal(createOrganisation(handle.db, null, { name: 'Anonym AS' }))).status).toBe(401);
    });
  });

  describe('permissions', () => {
    it('lets a member without an organisation post nothing', async () => {
      const error = await refusal(post(loner, orgId, ad(), NOW));
      expect(error.status).toBe(403);
      expect(error.code).toBe('not_organisation_member');
      expect((await refusal(post(null, orgId, ad(), NOW))).status).toBe(401);
      expect((await refusal(createJobAd(handle.db, employer, ad(), NOW))).details.fields).toEqual({ organisationId: 'organisation_required' });
    });

    it('lets only members of the owning organisation edit; staff may close but not edit', async () => {
      const created = await post(employer, orgId, ad({ title: 'Rettighetstest' }), NOW);
      const rivalEdit = await refusal(updateJobAd(handle.db, rival, created.id, ad({ title: 'Kapret' }), NOW));
      expect(rivalEdit.status).toBe(403);
      expect((await refusal(updateJobAd(handle.db, moderator, created.id, ad({ title: 'Kapret' }), NOW))).status).toBe(403);
      expect((await refusal(closeJobAd(handle.db, rival, created.id, NOW))).status).toBe(403);
      // A colleague in the same organisation may edit.
      const edited = await updateJobAd(handle.db, colleague, created.id, ad({ title: 'Rettighetstest, endret' }), NOW);
      expect(edited.title).toBe('Rettighetstest, endret');
      const page = await jobAdBySlug(handle.db, created.slug, rival, NOW);
      expect(page).toMatchObject({ canEdit: false, canClose: false, closed: false });
      expect((await jobAdBySlug(handle.db, created.slug, colleague, NOW))?.canEdit).toBe(true);
      expect((await jobAdBySlug(handle.db, created.slug, moderator, NOW))).toMatchObject({ canEdit: false, canClose: true });
      const closed = await closeJobAd(handle.db, moderator, created.id, NOW);
      expect(closed.expiresAt.getTime()).toBe(NOW.getTime());
      expect((await jobAdBySlug(handle.db, created.slug, null, NOW))?.closed).toBe(true);
    });

    it('recommends only approved spaces of the directory, in the same write as the ad', async () => {
      const before = (await handle.db.select().from(jobAds)).length;
      const error = await refusal(post(employer, orgId, ad({ title: 'Med ventende kontor', spaceIds: [hotelId, pendingSpaceId] }), NOW));
      expect(error.details.fields).toEqual({ spaceIds: 'space_not_approved' });
      const unknown = await refusal(post(employer, orgId, ad({ spaceIds: ['00000000-0000-4000-8000-000000000001'] }), NOW));
      expect(unknown.details.fields).toEqual({ spaceIds: 'space_not_approved' });
      const [library] = await handle.db.select().from(spaces).where(eq(spaces.kind, 'venue'));
      expect((await refusal(post(employer, orgId, ad({ spaceIds: [library!.id] }), NOW))).details.fields).toEqual({ spaceIds: 'space_not_approved' });
      expect((await handle.db.select().from(jobAds)).length).toBe(before);

      const created = await post(employer, orgId, ad({ title: 'Med kontorhotellet', spaceIds: [hotelId] }), NOW);
      const page = await jobAdBySlug(handle.db, created.slug, null, NOW);
      expect(page?.spaces.map((s) => s.slug)).toEqual(['kontorhotellet-brostadbotn']);
      // An edit that names a pending space changes nothing.
      await refusal(updateJobAd(handle.db, employer, created.id, ad({ title: 'Endret', spaceIds: [pendingSpaceId] }), NOW));
      expect((await handle.db.select().from(jobAdSpaces).where(eq(jobAdSpaces.jobAdId, created.id))).map((r) => r.spaceId)).toEqual([hotelId]);
      expect((await handle.db.select().from(jobAds).where(eq(jobAds.id, created.id)))[0]!.title).toBe('Med kontorhotellet');
    });
  });

  it('limits employer writes per member with a retry time', async () => {
    const store = new MemoryStore();
    for (let i = 0; i < EMPLOYER_WRITE_LIMIT.limit; i += 1) await limitEmployerWrites(store, employer);
    const limited = await refusal(limitEmployerWrites(store, employer));
    expect(limited.status).toBe(429);
    expect(limited.details.retryInMs).toBeGreaterThan(0);
    await limitEmployerWrites(store, colleague);
  });

  describe('validation', () => {
    it('needs an apply link or an email, with the field message in nb and en', async () => {
      const error = await refusal(post(employer, orgId, ad({ applyUrl: '', applyEmail: '' }), NOW));
      expect(error.status).toBe(400);
      expect(error.details.fields).toEqual({ applyUrl: 'apply_required' });
      const nb = createTranslator({ locale: 'nb', messages: { errors: nbErrors }, namespace: 'errors' });
      const en = createTranslator({ locale: 'en', messages: { errors: enErrors }, namespace: 'errors' });
      expect(nb('apply_required')).toBe('Oppgi en søknadslenke eller en e-postadresse (eller begge).');
      expect(en('apply_required')).toBe('Give an application link or an email address (or both).');
      for (const code of ['url_https', 'expiry_in_past', 'expiry_too_far', 'space_not_approved', 'skill_invalid', 'location_mode_invalid', 'team_meets_required', 'not_organisation_member', 'account_unknown', 'already_member', 'last_member']) {
        expect(nb.has(code as 'apply_required')).toBe(true);
        expect(en.has(code as 'apply_required')).toBe(true);
      }
    });

    it('refuses http links, bad emails, expiry beyond six months or in the past, and unknown modes', async () => {
      const fields = async (overrides: Partial<JobAdInput>) => (await refusal(post(employer, orgId, ad(overrides), NOW))).details.fields;
      expect(await fields({ applyUrl: 'http://nordlys-data.example/jobb' })).toEqual({ applyUrl: 'url_https' });
      expect(await fields({ applyUrl: '', applyEmail: 'ikke-en-adresse' })).toEqual({ applyEmail: 'email_invalid' });
      expect(await fields({ expiresOn: '2027-05-25' })).toEqual({ expiresOn: 'expiry_too_far' });
      expect(await fields({ expiresOn: '2026-11-23' })).toEqual({ expiresOn: 'expiry_in_past' });
      expect(await fields({ expiresOn: '2026-02-30' })).toEqual({ expiresOn: 'date_invalid' });
      expect(await fields({ locationMode: 'moon' as 'hub' })).toEqual({ locationMode: 'location_mode_invalid' });
      expect(await fields({ title: 'x', teamMeets: '' })).toEqual({ title: 'title_length', teamMeets: 'team_meets_required' });
      // Six months to the day is allowed; an email alone is enough.
      const ok = await post(employer, orgId, ad({ title: 'Seks måneder', expiresOn: '2027-05-24', applyUrl: null, applyEmail: 'Jobb@Nordlys-Data.example' }), NOW);
      expect(ok.applyEmail).toBe('jobb@nordlys-data.example');
      // Open through the whole last day in Norway.
      expect(ok.expiresAt.toISOString()).toBe('2027-05-24T21:59:59.999Z');
    });

    it('renders the description as sanitised Markdown and keeps the skills distinct', async () => {
      const created = await post(employer, orgId, ad({ title: 'Markdown-test' }), NOW);
      expect(created.html).toContain('<strong>utvikler</strong>');
      expect(created.html).not.toContain('<script');
      expect(created.skills).toEqual(['TypeScript', 'PostgreSQL']);
    });
  });

  describe('expiry', () => {
    it('drops an ad from the list, search and sitemap after expires_at, while its page says closed', async () => {
      const created = await post(employer, orgId, ad({ title: 'Nordlysjeger søkes', expiresOn: '2026-11-30', skills: ['Fotografering'] }), NOW);
      const titles = async (input: Record<string, unknown>, now: Date) => (await searchJobAds(handle.db, input, now)).jobs.map((j) => j.title);

      expect(await titles({}, NOW)).toContain('Nordlysjeger søkes');
      expect(await titles({ q: 'nordlysjeger' }, NOW)).toEqual(['Nordlysjeger søkes']);
      expect(await openJobSkills(handle.db, NOW)).toContain('Fotografering');
      expect((await openJobSlugs(handle.db, NOW)).map((r) => r.slug)).toContain(created.slug);
      expect((await jobAdBySlug(handle.db, created.slug, null, NOW))?.closed).toBe(false);

      // 30 November 23:59 in Oslo is still open; one minute later it is closed.
      const lastMinute = new Date('2026-11-30T22:58:30Z');
      const afterwards = new Date('2026-11-30T23:00:00Z');
      expect(await titles({ q: 'nordlysjeger' }, lastMinute)).toEqual(['Nordlysjeger søkes']);
      expect(await titles({}, afterwards)).not.toContain('Nordlysjeger søkes');
      expect(await titles({ q: 'nordlysjeger' }, afterwards)).toEqual([]);
      expect(await openJobSkills(handle.db, afterwards)).not.toContain('Fotografering');
      expect((await openJobSlugs(handle.db, afterwards)).map((r) => r.slug)).not.toContain(created.slug);
      const page = await jobAdBySlug(handle.db, created.slug, employer, afterwards);
      expect(page).toMatchObject({ closed: true, canClose: false, canEdit: true, ad: { title: 'Nordlysjeger søkes' } });
      // Its organisation still finds it among its own ads, marked closed.
      expect((await organisationJobAds(handle.db, [orgId], afterwards)).find((a) => a.id === created.id)).toMatchObject({ closed: true, slug: created.slug });

      // The owner reopens it with a later date.
      await updateJobAd(handle.db, employer, created.id, ad({ title: 'Nordlysjeger søkes', expiresOn: '2026-12-20' }), afterwards);
      expect(await titles({ q: 'nordlysjeger' }, afterwards)).toEqual(['Nordlysjeger søkes']);
    });

    it('an ad closed early by its owner is gone at once', async () => {
      const created = await post(employer, orgId, ad({ title: 'Stengt tidlig' }), NOW);
      await closeJobAd(handle.db, colleague, created.id, later(1));
      expect(await searchJobAds(handle.db, { q: 'stengt tidlig' }, later(1))).toEqual({ jobs: [], total: 0 });
      expect((await jobAdBySlug(handle.db, created.slug, null, later(1)))?.closed).toBe(true);
    });
  });

  describe('filters', () => {
    beforeAll(async () => {
      await post(rival, rivalOrgId, ad({ title: 'Remote support engineer', language: 'en', locationMode: 'anywhere', description: 'Help customers from wherever you live.', skills: ['Support', 'English'], teamMeets: 'Once a year, all together' }), NOW);
      await post(rival, rivalOrgId, ad({ title: 'Regnskapsfører i hele Norge', locationMode: 'norway', description: 'Regnskap for små bedrifter.', skills: ['Regnskap'], teamMeets: 'Ukentlig på video' }), NOW);
    });

    it('filters by location mode, language and skill, and searches with stemming in the ad language', async () => {
      // The seed's ads are in the list too; each filter must keep only what matches it.
      const list = async (input: Record<string, unknown>) => (await searchJobAds(handle.db, input, NOW)).jobs;
      const titles = async (input: Record<string, unknown>) => (await list(input)).map((j) => j.title);
      const anywhere = await list({ mode: 'anywhere' });
      expect(anywhere.every((j) => j.locationMode === 'anywhere')).toBe(true);
      expect(anywhere.map((j) => j.title)).toContain('Remote support engineer');
      const norway = await list({ mode: 'norway' });
      expect(norway.every((j) => j.locationMode === 'norway')).toBe(true);
      expect(norway.map((j) => j.title)).toContain('Regnskapsfører i hele Norge');
      expect(norway.map((j) => j.title)).not.toContain('Remote support engineer');
      const english = await list({ language: 'en' });
      expect(english.every((j) => j.language === 'en')).toBe(true);
      expect(english.map((j) => j.title)).toContain('Remote support engineer');
      expect(english.map((j) => j.title)).not.toContain('Regnskapsfører i hele Norge');
      expect(await titles({ skill: 'regnskap' })).toEqual(['Regnskapsfører i hele Norge']);
      expect(await titles({ skill: 'SUPPORT' })).toEqual(['Remote support engineer']);
      expect(await titles({ skill: 'support', language: 'nb' })).toEqual([]);
      expect(await titles({ skill: 'support', mode: 'norway' })).toEqual([]);
      // English stemming: "customer" finds "customers".
      expect(await titles({ q: 'customer' })).toEqual(['Remote support engineer']);
      // Norwegian stemming: "bedrift" finds "bedrifter".
      expect(await titles({ q: 'bedrift', mode: 'norway' })).toEqual(['Regnskapsfører i hele Norge']);
      expect(await titles({ q: 'bedrift', mode: 'anywhere' })).toEqual([]);
      // A page of the newest, with the number of all matches.
      const all = await searchJobAds(handle.db, {}, NOW);
      const firstTwo = await searchJobAds(handle.db, { limit: 2 }, NOW);
      expect(firstTwo.jobs.map((j) => j.id)).toEqual(all.jobs.slice(0, 2).map((j) => j.id));
      expect(firstTwo.total).toBe(all.jobs.length);
      expect(all.total).toBe(all.jobs.length);
      expect(anywhere.find((j) => j.title === 'Remote support engineer')).toMatchObject({ organisation: { name: 'Annen Bedrift AS' }, skills: ['Support', 'English'], spaceCount: 0 });
    });
  });

  describe('demo content', () => {
    it('has a Tromsø employer with two open ads, one recommending the office hotel, and a closed one that keeps its page', async () => {
      const seeded = (await searchJobAds(handle.db, {})).jobs.filter((j) => j.organisation.name === 'Nordlys Data AS' && j.organisation.slug === 'nordlys-data-as');
      expect(seeded.map((j) => j.locationMode).sort()).toEqual(['hub', 'norway']);
      const hubJob = seeded.find((j) => j.locationMode === 'hub')!;
      const page = await jobAdBySlug(handle.db, hubJob.slug, null);
      expect(page?.spaces.map((s) => s.slug)).toContain('kontorhotellet-brostadbotn');
      const [closed] = await handle.db.select().from(jobAds).where(eq(jobAds.title, 'Remote UX designer (contract)'));
      expect(await jobAdBySlug(handle.db, closed!.slug, null)).toMatchObject({ closed: true, canClose: false });
      expect((await searchJobAds(handle.db, { q: 'designer' })).jobs.map((j) => j.title)).not.toContain('Remote UX designer (contract)');
    });
  });
});
