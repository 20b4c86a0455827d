import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { agreementDrafts } from '../../db/schema';
import { claimDraft, createDraft, draftFor, myDrafts, saveAgreementStep } from '../../server/hub/agreement';
import type { HubActor } from '../../server/hub/errors';
import { databaseTargets } from '../support/databases';
import { makeUser } from '../support/room-client';

const PARTIES = { employeeName: 'Kari Nordmann', employerName: 'Nordlys Data AS', jobTitle: 'Utvikler', title: '', language: 'nb' };
const PLACE = { workplace: 'office_hotel', municipality: 'Dyrøy', address: 'Tverrveien 1, 9311 Brøstadbotn', startDate: '2027-01-04', schedule: 'Heltid' };

describe.each(databaseTargets())('the agreement planner on $name', (target) => {
  let handle: DatabaseHandle;
  let employee: NonNullable<HubActor>;
  let employer: NonNullable<HubActor>;
  let outsider: NonNullable<HubActor>;

  beforeAll(async () => {
    handle = await target.open();
    const member = async (name: string) => ({ id: (await makeUser(handle.db, name)).id, role: 'member' as const });
    employee = await member('Kari Nordmann');
    employer = await member('Per Leder');
    outsider = await member('Ola Utenfor');
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('needs an account to start a draft', async () => {
    await expect(createDraft(handle.db, null, { language: 'nb' })).rejects.toMatchObject({ status: 401 });
    await expect(createDraft(handle.db, employee, { language: 'de' })).rejects.toMatchObject({ status: 400, details: { fields: { language: 'language_invalid' } } });
  });

  it('shares a draft by link between two accounts: both read and save, a third is refused', async () => {
    const draft = await createDraft(handle.db, employee, { language: 'en' });
    expect(draft.shareToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    await saveAgreementStep(handle.db, employee, draft.id, 'parties', PARTIES);

    // Before the link is opened the employer cannot see it, by id or otherwise.
    await expect(draftFor(handle.db, employer, draft.id)).rejects.toMatchObject({ status: 404 });
    // The owner opening their own link changes nothing.
    expect((await claimDraft(handle.db, employee, draft.shareToken)).partnerId).toBeNull();

    const claimed = await claimDraft(handle.db, employer, draft.shareToken);
    expect(claimed.partnerId).toBe(employer.id);
    const seen = await draftFor(handle.db, employer, draft.id);
    expect(seen.role).toBe('partner');
    expect(seen.ownerName).toBe('Kari Nordmann');
    expect(seen.data.parties).toMatchObject({ employeeName: 'Kari Nordmann', employerName: 'Nordlys Data AS' });
    expect(seen.draft.title).toBe('Kari Nordmann – Nordlys Data AS');
    expect(seen.draft.language).toBe('nb');

    // The partner saves a step; the owner sees it, with who saved last.
    await saveAgreementStep(handle.db, employer, draft.id, 'meetings', { frequency: 'quarterly', place: 'Tromsø', travelPaidBy: 'employer', travelIsWorkTime: true, notes: '' });
    const owner = await draftFor(handle.db, employee, draft.id);
    expect(owner.role).toBe('owner');
    expect(owner.partnerName).toBe('Per Leder');
    expect(owner.updatedByName).toBe('Per Leder');
    expect(owner.data.meetings).toEqual({ frequency: 'quarterly', place: 'Tromsø', travelPaidBy: 'employer', travelIsWorkTime: true, notes: '' });
    // Opening the link again is harmless for the partner.
    expect((await claimDraft(handle.db, employer, draft.shareToken)).partnerId).toBe(employer.id);

    // A third account: refused by the link, and neither reads nor saves.
    await expect(claimDraft(handle.db, outsider, draft.shareToken)).rejects.toMatchObject({ status: 409, code: 'agreement_full' });
    await expect(draftFor(handle.db, outsider, draft.id)).rejects.toMatchObject({ status: 404 });
    await expect(saveAgreementStep(handle.db, outsider, draft.id, 'place', PLACE)).rejects.toMatchObject({ status: 404 });
    const [row] = await handle.db.select().from(agreementDrafts).where(eq(agreementDrafts.id, draft.id));
    expect(row!.partnerId).toBe(employer.id);
    expect(Object.keys(row!.data as object).sort()).toEqual(['meetings', 'parties']);

    expect((await myDrafts(handle.db, employee)).find((d) => d.id === draft.id)).toMatchObject({ role: 'owner', otherName: 'Per Leder', stepsDone: 2 });
    expect((await myDrafts(handle.db, employer)).find((d) => d.id === draft.id)).toMatchObject({ role: 'partner', otherName: 'Kari Nordmann' });
    expect((await myDrafts(handle.db, outsider)).map((d) => d.id)).not.toContain(draft.id);
  });

  it('lets only one of two accounts opening the link at once become the partner', async () => {
    const draft = await createDraft(handle.db, employee, { language: 'nb' });
    const results = await Promise.allSettled([claimDraft(handle.db, employer, draft.shareToken), claimDraft(handle.db, outsider, draft.shareToken)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ status: 409, code: 'agreement_full' });
    await expect(claimDraft(handle.db, employer, 'not-a-real-share-token-at-all')).rejects.toMatchObject({ status: 404, code: 'agreement_share_invalid' });
  });

  it('checks each step with its own schema and keeps the last good answers on a refusal', async () => {
    const draft = await createDraft(handle.db, employee, { language: 'nb' });
    await expect(saveAgreementStep(handle.db, employee, draft.id, 'parties', { ...PARTIES, employeeName: ' ', employerName: '' })).rejects.toMatchObject({
      status: 400,
      details: { fields: { employeeName: 'required', employerName: 'required' } },
    });
    await saveAgreementStep(handle.db, employee, draft.id, 'place', PLACE);
    await expect(saveAgreementStep(handle.db, employee, draft.id, 'place', { ...PLACE, workplace: 'beach', startDate: '2027-02-30' })).rejects.toMatchObject({
      details: { fields: { workplace: 'choice_invalid', startDate: 'date_invalid' } },
    });
    await expect(
      saveAgreementStep(handle.db, employee, draft.id, 'availability', { weekdays: [], from: '16:00', to: '08:00', responseTime: '' }),
    ).rejects.toMatchObject({ details: { fields: { weekdays: 'availability_days_required', to: 'end_before_start' } } });
    await expect(saveAgreementStep(handle.db, employee, draft.id, 'availability', { weekdays: [1], from: '', to: '' })).rejects.toMatchObject({
      details: { fields: { from: 'time_invalid', to: 'time_invalid' } },
    });
    await expect(
      saveAgreementStep(handle.db, employee, draft.id, 'equipment', { employerProvides: 'PC', broadbandPaidBy: 'employer', minimumSpeedMbps: 'fast' }),
    ).rejects.toMatchObject({ details: { fields: { minimumSpeedMbps: 'number_invalid' } } });
    await expect(saveAgreementStep(handle.db, employee, draft.id, 'trial', { trialMonths: 0, reviewDate: '2027-06-01' })).rejects.toMatchObject({
      details: { fields: { trialMonths: 'trial_months_invalid' } },
    });
    // The review must come after the agreed start.
    await expect(saveAgreementStep(handle.db, employee, draft.id, 'trial', { trialMonths: 6, reviewDate: '2026-12-01' })).rejects.toMatchObject({
      details: { fields: { reviewDate: 'review_date_invalid' } },
    });
    await expect(saveAgreementStep(handle.db, employee, draft.id, 'salary', {})).rejects.toMatchObject({ details: { fields: { form: 'agreement_step_invalid' } } });

    const view = await draftFor(handle.db, employee, draft.id);
    expect(view.data).toEqual({ place: PLACE });

    const saved = await saveAgreementStep(handle.db, employee, draft.id, 'availability', { weekdays: ['5', '1', '1', 3], from: '09:00', to: '15:00' });
    expect(saved.data.availability).toEqual({ weekdays: [1, 3, 5], from: '09:00', to: '15:00', responseTime: '' });
    const equipment = await saveAgreementStep(handle.db, employee, draft.id, 'equipment', { employerProvides: 'PC og skjerm', broadbandPaidBy: 'shared', minimumSpeedMbps: '' });
    expect(equipment.data.equipment?.minimumSpeedMbps).toBeNull();
  });

  it('keeps both parties’ steps when they save different steps at the same time', async () => {
    const draft = await createDraft(handle.db, employee, { language: 'nb' });
    await claimDraft(handle.db, employer, draft.shareToken);
    await Promise.all([
      saveAgreementStep(handle.db, employee, draft.id, 'place', PLACE),
      saveAgreementStep(handle.db, employer, draft.id, 'information', { routines: 'Videomøte hver mandag', socialGatherings: 'Sommerfest og julebord', contactPerson: '' }),
    ]);
    const view = await draftFor(handle.db, employee, draft.id);
    expect(Object.keys(view.data).sort()).toEqual(['information', 'place']);
  });
});
