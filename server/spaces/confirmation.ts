import type { Mailer } from '../mail/mailer';
import { bookingsCalendar } from './ics';
import type { BookingResult } from './booking';

/** Emails a booking confirmation with the .ics attached, when SMTP is configured. */
export async function sendBookingConfirmation(
  mailer: Mailer,
  to: { email: string; locale: 'nb' | 'en' },
  result: BookingResult,
  publicUrl: string,
): Promise<void> {
  if (!mailer.enabled) return;
  const { booking, resource, space } = result;
  const when = new Intl.DateTimeFormat(to.locale === 'en' ? 'en-GB' : 'nb-NO', {
    timeZone: space.timeZone,
    dateStyle: 'full',
    timeStyle: booking.term === 'hour' ? 'short' : undefined,
  });
  const price =
    booking.price === null
      ? ''
      : new Intl.NumberFormat(to.locale === 'en' ? 'en-GB' : 'nb-NO', { style: 'currency', currency: booking.currency }).format(booking.price / 100);
  const en = to.locale === 'en';
  const text = [
    en ? `Your booking is confirmed: ${resource.name} at ${space.name}.` : `Bookingen din er bekreftet: ${resource.name} hos ${space.name}.`,
    `${en ? 'From' : 'Fra'}: ${when.format(booking.startsAt)}`,
    `${en ? 'To' : 'Til'}: ${when.format(booking.endsAt)} (${space.timeZone})`,
    price ? `${en ? 'Price, paid at the space' : 'Pris, betales på stedet'}: ${price}` : undefined,
    space.address ? `${en ? 'Address' : 'Adresse'}: ${space.address}` : undefined,
    '',
    `${en ? 'My bookings' : 'Mine bookinger'}: ${publicUrl}/spaces/bookings`,
  ]
    .filter((line) => line !== undefined)
    .join('\n');
  const ics = bookingsCalendar('Hubro', [
    {
      id: booking.id,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      status: 'confirmed',
      createdAt: booking.createdAt,
      summary: `${resource.name} – ${space.name}`,
      location: space.address,
      description: text,
      url: `${publicUrl}/spaces/bookings`,
    },
  ]);
  await mailer.send({ to: to.email, subject: en ? `Booking confirmed: ${space.name}` : `Booking bekreftet: ${space.name}`, text, ics });
}
