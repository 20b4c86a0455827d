import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startServerProcess, type ServerProcess } from '../support/server-process';

// A Spanish lesson for the school in Brøstadbotn, through the real UI in real Chromium: the
// teacher, the classroom's device and one pupil at home. The lobby, the classroom layout,
// mute-all and spotlight.
interface Person {
  name: string;
  context: BrowserContext;
  page: Page;
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (await check()) return;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const snapshot = (page: Page) =>
  page.evaluate(() => {
    const s = (window as any).hubroCall?.session.getSnapshot();
    return s
      ? {
          status: s.status as string,
          selfId: (s.self?.id ?? null) as string | null,
          mic: s.local.mic.state as string,
          peers: (s.peers as Array<{ id: string; name: string }>).map((p) => ({ id: p.id, name: p.name })),
        }
      : null;
  });

/** Bytes of audio the page has received from one person, by their name. */
const audioBytesFrom = (page: Page, peerId: string) =>
  page.evaluate(async (id) => {
    const stats = (await (window as any).hubroCall.session.inboundStats()) as Array<{ peerId: string; kind: string; bytesReceived: number }>;
    return stats.filter((s) => s.peerId === id && s.kind === 'audio').reduce((sum, s) => sum + s.bytesReceived, 0);
  }, peerId);

describe('a remote lesson with a classroom', () => {
  let server: ServerProcess;
  let browser: Browser;
  let roomUrl = '';
  const run = Date.now().toString(36);
  const people: Record<'teacher' | 'classroom' | 'pupil', Person> = {} as never;

  const person = async (name: string): Promise<Person> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'Europe/Oslo' });
    await context.grantPermissions(['camera', 'microphone'], { origin: server.url });
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-up`);
    await page.getByLabel('Navn').fill(name);
    const local = name.split(' ')[0]!.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
    await page.getByLabel('E-post').fill(`${local}-${run}@brostadbotn.example`);
    await page.getByLabel('Passord').fill('kontorhotell-med-utsikt');
    await page.getByRole('button', { name: 'Opprett konto' }).click();
    await page.waitForURL(/profile/);
    return { name, context, page };
  };

  beforeAll(async () => {
    server = await startServerProcess();
    browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.cleanup();
  });

  it('lets the teacher create a lesson with a lobby, and admits the classroom and a pupil from it', { timeout: 150_000 }, async () => {
    people.teacher = await person('Lucía Fernández');
    const { page } = people.teacher;
    await page.goto(`${server.url}/rooms`);
    await page.getByLabel('Navn på rommet').fill('Spansk for 5. klasse');
    await page.getByLabel('Hva slags rom?').selectOption('lesson');
    await page.getByLabel('Venterom: nye deltakere venter til du slipper dem inn').check();
    await page.getByRole('button', { name: 'Lag rommet' }).click();
    await page.waitForURL(/\/rooms\/[a-z0-9-]+$/).catch(async (error) => {
      await page.screenshot({ path: '/tmp/lesson-fail.png' });
      console.log(server.output().slice(-3000));
      throw error;
    });
    roomUrl = page.url();
    await page.getByRole('button', { name: 'Bli med', exact: true }).click();
    await until(async () => (await snapshot(page))?.status === 'joined', 'the teacher joins');

    people.classroom = await person('Klasserommet Brøstadbotn');
    const classroom = people.classroom.page;
    await classroom.goto(roomUrl);
    await classroom.getByLabel('Denne enheten viser et helt klasserom').check();
    await classroom.getByRole('button', { name: 'Bli med', exact: true }).click();
    await classroom.locator('[data-waiting]').waitFor();

    // The teacher sees the waiting list live and lets the classroom in.
    await page.getByRole('button', { name: /venter i venterommet/ }).click();
    const entry = page.locator('[data-lobby-entry="Klasserommet Brøstadbotn"]');
    await entry.waitFor();
    await entry.getByRole('button', { name: /Slipp inn/ }).click();
    await until(async () => (await snapshot(classroom))?.status === 'joined', 'the classroom is let in');

    people.pupil = await person('Sigrid Olsen');
    const pupil = people.pupil.page;
    await pupil.goto(roomUrl);
    await pupil.getByRole('button', { name: 'Bli med', exact: true }).click();
    await pupil.locator('[data-waiting]').waitFor();
    await page.locator('[data-lobby-entry="Sigrid Olsen"]').getByRole('button', { name: /Slipp inn/ }).click();
    await until(async () => (await snapshot(pupil))?.status === 'joined', 'the pupil is let in');
    await until(async () => (await snapshot(page))?.peers.length === 2, 'the teacher sees both');
  });

  it('shows the teacher large for the class, and the class large for the teacher', async () => {
    const teacherId = (await snapshot(people.teacher.page))!.selfId!;
    const classroomId = (await snapshot(people.classroom.page))!.selfId!;
    await people.classroom.page.locator(`[data-featured="${teacherId}"]`).waitFor();
    await people.teacher.page.locator(`[data-featured="${classroomId}"]`).waitFor();
    // The pupil at home gets the ordinary grid.
    expect(await people.pupil.page.locator('[data-featured]').count()).toBe(0);
  });

  it('mutes everyone: both show muted, and their audio stops arriving at the teacher', { timeout: 90_000 }, async () => {
    const teacher = people.teacher.page;
    const ids = {
      classroom: (await snapshot(people.classroom.page))!.selfId!,
      pupil: (await snapshot(people.pupil.page))!.selfId!,
    };
    for (const id of Object.values(ids)) await until(async () => (await audioBytesFrom(teacher, id)) > 0, 'audio reaches the teacher');

    await teacher.getByRole('button', { name: 'Mute everyone' }).or(teacher.getByRole('button', { name: 'Demp alle' })).first().click();
    for (const p of [people.classroom.page, people.pupil.page]) {
      await until(async () => (await snapshot(p))?.mic === 'muted', 'the participant shows muted');
      await p.getByText('Verten dempet mikrofonen din. Du kan slå den på igjen selv.').waitFor();
    }
    // Let packets in flight land, then nothing more may arrive.
    await new Promise((r) => setTimeout(r, 1_000));
    const before = { classroom: await audioBytesFrom(teacher, ids.classroom), pupil: await audioBytesFrom(teacher, ids.pupil) };
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await audioBytesFrom(teacher, ids.classroom)).toBe(before.classroom);
    expect(await audioBytesFrom(teacher, ids.pupil)).toBe(before.pupil);
    // The teacher's tiles show them muted.
    await teacher.locator('[data-tile][data-peer-name="Sigrid Olsen"][data-muted="true"]').waitFor();
  });

  it('spotlights the pupil for everyone', async () => {
    const teacher = people.teacher.page;
    const pupilId = (await snapshot(people.pupil.page))!.selfId!;
    const row = teacher.locator(`[data-participant="${pupilId}"]`);
    await row.getByRole('button', { name: 'Handlinger for Sigrid Olsen' }).click();
    await teacher.locator('[data-peer-actions="Sigrid Olsen"]').getByRole('button', { name: 'Vis stort for alle' }).click();
    for (const p of [teacher, people.classroom.page, people.pupil.page]) await p.locator(`[data-featured="${pupilId}"]`).waitFor();
    await people.classroom.page
      .locator('[data-call-announcer]')
      .filter({ hasText: 'Sigrid Olsen vises nå stort for alle' })
      .waitFor({ state: 'attached' });
  });

  it('runs a care call with large buttons, a plain ending, and only who joined kept', { timeout: 90_000 }, async () => {
    const { page } = people.teacher;
    await page.goto(`${server.url}/rooms`);
    await page.getByLabel('Navn på rommet').fill('Samtale med mor på Dyrøy sjukeheim');
    await page.getByLabel('Hva slags rom?').selectOption('care');
    await page.getByText('Omsorgssamtaler har alltid venterom og er bare for inviterte.').waitFor();
    await page.getByRole('button', { name: 'Lag rommet' }).click();
    await page.waitForURL(/\/rooms\/[a-z0-9-]+$/);
    const careUrl = page.url();
    await page.getByRole('button', { name: 'Bli med', exact: true }).click();
    await until(async () => (await snapshot(page))?.status === 'joined', 'the care call starts');
    // Big buttons for older residents.
    const leave = page.getByRole('button', { name: 'Forlat' });
    const box = await leave.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(64);
    await leave.click();
    await page.locator('[data-call-ended]').filter({ hasText: 'Samtalen er avsluttet' }).waitFor();
    await page.goto(`${careUrl}/attendance`);
    await page.locator('[data-attendance="Lucía Fernández"]').waitFor();
    // The log is the owner's: another member is told there is no such room.
    await people.pupil.page.goto(`${careUrl}/attendance`);
    await people.pupil.page.getByRole('heading', { name: 'Fant ikke rommet' }).waitFor();
    expect(await people.pupil.page.locator('[data-attendance]').count()).toBe(0);
  });
});
