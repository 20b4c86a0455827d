import type { AckError, SignallingErrorCode } from './contract';

// Socket errors reach the user through the client, so they are written in both languages.
const MESSAGES: Record<SignallingErrorCode, { nb: string; en: string }> = {
  bad_request: { nb: 'Forespørselen var ugyldig.', en: 'The request was invalid.' },
  unauthorized: { nb: 'Du må logge inn først.', en: 'You need to sign in first.' },
  forbidden: { nb: 'Du har ikke tilgang til dette.', en: 'You do not have access to this.' },
  not_found: { nb: 'Fant ikke det du lette etter.', en: 'That could not be found.' },
  rate_limited: { nb: 'For mange forespørsler. Vent litt og prøv igjen.', en: 'Too many requests. Wait a moment and try again.' },
  room_full: { nb: 'Rommet er fullt.', en: 'The room is full.' },
  invite_invalid: {
    nb: 'Invitasjonen er ugyldig eller utløpt. Be verten om en ny lenke.',
    en: 'The invitation is invalid or has expired. Ask the host for a new link.',
  },
  not_joined: { nb: 'Du er ikke med i rommet ennå.', en: 'You have not joined the room yet.' },
  media_rejected: {
    nb: 'Mediaserveren kunne ikke bruke lyd- eller bildeformatet.',
    en: 'The media server could not use that audio or video format.',
  },
  event_final: { nb: 'Arrangementet er over eller avlyst.', en: 'The event has ended or was canceled.' },
  room_locked: { nb: 'Verten har låst rommet.', en: 'The host has locked the room.' },
  lobby_denied: { nb: 'Verten slapp deg ikke inn denne gangen.', en: 'The host did not let you in this time.' },
  removed: { nb: 'Verten har fjernet deg fra rommet.', en: 'The host removed you from the room.' },
  screen_share_off: {
    nb: 'Verten har skrudd av skjermdeling for deltakere.',
    en: 'The host has turned off screen sharing for participants.',
  },
  guest_pass_invalid: {
    nb: 'Lenken er ugyldig. Be skolen eller verten om en ny.',
    en: 'The link is invalid. Ask the school or the host for a new one.',
  },
  guest_pass_expired: { nb: 'Gjestetilgangen er utløpt. Last inn siden på nytt.', en: 'The guest access has expired. Reload the page.' },
  kiosk_revoked: {
    nb: 'Denne skjermen har ikke lenger tilgang til studioet. Spør studioets vert.',
    en: 'This screen no longer has access to the studio. Ask the studio’s host.',
  },
  internal: { nb: 'Noe gikk galt hos oss. Prøv igjen.', en: 'Something went wrong on our side. Please try again.' },
};

/** A known failure inside a handler, mapped to an ack error. */
export class SignallingError extends Error {
  constructor(
    readonly code: SignallingErrorCode,
    detail?: string,
  ) {
    super(detail ?? code);
    this.name = 'SignallingError';
  }
}

export function ackError(code: SignallingErrorCode, locale: 'nb' | 'en'): AckError {
  return { code, message: MESSAGES[code][locale] };
}
