import type { StudyTripRequest, StudyTripStatus } from '../../db/schema';
import type { Mailer } from '../mail/mailer';

const STATUS = {
  nb: { received: 'mottatt', planning: 'under planlegging', confirmed: 'bekreftet', declined: 'avslått' },
  en: { received: 'received', planning: 'in planning', confirmed: 'confirmed', declined: 'declined' },
} satisfies Record<'nb' | 'en', Record<StudyTripStatus, string>>;

export type StudyTripUpdate = { kind: 'received' } | { kind: 'status'; status: StudyTripStatus; message: string | null } | { kind: 'message'; message: string };

/**
 * Tells the requester, in the language they wrote in, that their study trip has news, with the
 * link to the status page. Only when SMTP is configured; a failed send is logged by the mailer.
 */
export async function mailStudyTripUpdate(mailer: Mailer, request: StudyTripRequest, update: StudyTripUpdate, publicUrl: string): Promise<void> {
  if (!mailer.enabled) return;
  const en = request.locale === 'en';
  const link = `${publicUrl}/hub/study-trips/status/${request.statusToken}`;
  let subject: string;
  let lines: string[];
  if (update.kind === 'received') {
    subject = en ? `Study trip request received: ${request.organisation}` : `Forespørsel om studietur mottatt: ${request.organisation}`;
    lines = [
      en
        ? `Thank you! We have received your request for a study trip to Dyrøy for ${request.organisation}.`
        : `Takk! Vi har mottatt forespørselen om studietur til Dyrøy for ${request.organisation}.`,
      en ? 'Follow the request on its status page (keep this link):' : 'Følg forespørselen på statussiden (ta vare på lenken):',
    ];
  } else if (update.kind === 'status') {
    const status = STATUS[en ? 'en' : 'nb'][update.status];
    subject = en ? `Your study trip is ${status}` : `Studieturen deres er ${status}`;
    lines = [en ? `The request from ${request.organisation} is now ${status}.` : `Forespørselen fra ${request.organisation} er nå ${status}.`];
    if (update.message) lines.push('', update.message);
    lines.push('', en ? 'See the status and programme:' : 'Se status og program:');
  } else {
    subject = en ? 'New message about your study trip' : 'Ny melding om studieturen';
    lines = [update.message, '', en ? 'See the request:' : 'Se forespørselen:'];
  }
  const footer = 'Dyrøyseminarsenteret KF, Tverrveien 1, 9311 Brøstadbotn';
  await mailer.send({ to: request.contactEmail, subject: `Hubro: ${subject}`, text: `${lines.join('\n')}\n${link}\n\n${footer}\n` });
}
