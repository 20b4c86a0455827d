import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../server/mail/mailer';
import { withEmailNotifications } from '../../server/notifications/email';
import { sendBookingConfirmation } from '../../server/spaces/confirmation';
import type { BookingResult } from '../../server/spaces/booking';
import { databaseTargets } from '../support/databases';
import { testLogger } from '../support/logger';
import { makeUser } from '../support/room-client';

// A fake SMTP server: the one edge we do not own.
interface Received {
  to: string[];
  raw: string;
}

describe('email (only when SMTP is configured)', () => {
  const received: Received[] = [];
  let server: SMTPServer;
  let url: string;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      disableReverseLookup: true,
      logger: false,
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const waitForMail = async (count: number) => {
    for (let i = 0; i < 100 && received.length < count; i += 1) await new Promise((r) => setTimeout(r, 50));
    expect(received.length).toBeGreaterThanOrEqual(count);
  };

  it('sends nothing and says so when SMTP_URL is not set', async () => {
    const mailer = await createMailer({ mail: { smtpUrl: undefined, from: 'Hubro <noreply@hubro.local>' } }, testLogger);
    expect(mailer.enabled).toBe(false);
    await mailer.send({ to: 'kari@dyroy.example', subject: 'x', text: 'y' });
    expect(received).toHaveLength(0);
  });

  it('confirms a booking by email with the .ics attached, in the member’s language and the space’s zone', async () => {
    const mailer = await createMailer({ mail: { smtpUrl: url, from: 'Hubro <noreply@hubro.local>' } }, testLogger);
    const result = {
      booking: {
        id: randomUUID(),
        startsAt: new Date('2026-03-28T23:00:00Z'),
        endsAt: new Date('2026-03-29T22:00:00Z'),
        term: 'day',
        price: 15000,
        currency: 'NOK',
        createdAt: new Date(),
      },
      resource: { name: 'Fleksipult' },
      space: { name: 'Kontorhotellet i Brøstadbotn', timeZone: 'Europe/Oslo', address: 'Tverrveien 1, 9311 Brøstadbotn' },
    } as unknown as BookingResult;
    await sendBookingConfirmation(mailer, { email: 'kari@dyroy.example', locale: 'nb' }, result, 'https://hubro.example');
    await waitForMail(1);
    const mail = received.at(-1)!;
    expect(mail.to).toEqual(['kari@dyroy.example']);
    expect(mail.raw).toMatch(/Subject: =\?UTF-8\?Q\?Booking_bekreftet/);
    expect(mail.raw).toContain('BEGIN:VEVENT');
    expect(mail.raw).toContain('DTSTART:20260328T230000Z');
    mailer.close();
  });

  it.each(databaseTargets().slice(0, 1))('emails forum notifications to the member ($name)', async (target) => {
    const database = await target.open();
    try {
      const mailer = await createMailer({ mail: { smtpUrl: url, from: 'Hubro <noreply@hubro.local>' } }, testLogger);
      const kari = await makeUser(database.db, 'Kari');
      const live = { notified: () => {} } as never;
      const wrapped = withEmailNotifications(live, database.db, mailer, () => 'https://hubro.example');
      const before = received.length;
      wrapped.notified([{ id: randomUUID(), userId: kari.id, kind: 'mention', data: { byName: 'Ola', title: 'Fiber på hytta', threadId: 'abc', number: 4 }, createdAt: new Date() }]);
      await waitForMail(before + 1);
      const mail = received.at(-1)!;
      expect(mail.to).toEqual([kari.email]);
      expect(mail.raw).toContain('https://hubro.example/forum/t/abc#post-4');
      mailer.close();
    } finally {
      await database.close();
    }
  });
});
