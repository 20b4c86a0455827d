import { inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { users } from '../../db/schema';
import type { ForumLive } from '../forum/live';
import type { Mailer } from '../mail/mailer';

type Row = Parameters<ForumLive['notified']>[0][number];

const TEXT = {
  nb: {
    reply: (d: Record<string, unknown>) => [`${d.byName} svarte i «${d.title}»`, `${d.byName} har svart i tråden «${d.title}».`],
    mention: (d: Record<string, unknown>) => [`${d.byName} nevnte deg i «${d.title}»`, `${d.byName} nevnte deg i tråden «${d.title}».`],
    thread: (d: Record<string, unknown>) => [`Ny tråd: «${d.title}»`, `${d.byName} startet tråden «${d.title}» i en kategori du følger.`],
    moderation: (d: Record<string, unknown>) => [`Et innlegg av deg ble skjult`, `En moderator skjulte innlegget ditt i «${d.title}». Begrunnelse: ${d.reason}`],
    event_live: (d: Record<string, unknown>) => [`«${d.title}» er direkte nå`, `Arrangementet «${d.title}» som du skal på, har startet.`],
    footer: 'Du får denne e-posten fordi du følger tråden eller ble nevnt. Varsler finner du også under bjella på Hubro.',
  },
  en: {
    reply: (d: Record<string, unknown>) => [`${d.byName} replied in “${d.title}”`, `${d.byName} replied in the thread “${d.title}”.`],
    mention: (d: Record<string, unknown>) => [`${d.byName} mentioned you in “${d.title}”`, `${d.byName} mentioned you in the thread “${d.title}”.`],
    thread: (d: Record<string, unknown>) => [`New thread: “${d.title}”`, `${d.byName} started “${d.title}” in a category you follow.`],
    moderation: (d: Record<string, unknown>) => [`A post of yours was hidden`, `A moderator hid your post in “${d.title}”. Reason: ${d.reason}`],
    event_live: (d: Record<string, unknown>) => [`“${d.title}” is live now`, `The event “${d.title}” you are going to has started.`],
    footer: 'You get this email because you follow the thread or were mentioned. Notifications are also under the bell on Hubro.',
  },
};

/**
 * Wraps live forum updates so each notification is also emailed, in the member's language,
 * when SMTP is configured. Mail goes out after the live update and never blocks it.
 */
export function withEmailNotifications(live: ForumLive, db: Database, mailer: Mailer, publicUrl: () => string): ForumLive {
  if (!mailer.enabled) return live;
  return {
    ...live,
    notified(rows: Row[]) {
      live.notified(rows);
      if (rows.length === 0) return;
      void (async () => {
        const recipients = await db
          .select({ id: users.id, email: users.email, locale: users.locale })
          .from(users)
          .where(inArray(users.id, [...new Set(rows.map((r) => r.userId))]));
        for (const row of rows) {
          const user = recipients.find((u) => u.id === row.userId);
          if (!user) continue;
          const text = TEXT[user.locale === 'en' ? 'en' : 'nb'];
          // Kinds with their own mail (study trips) are not mailed here.
          if (!(row.kind in text)) continue;
          const kind = row.kind as 'reply' | 'mention' | 'thread' | 'moderation' | 'event_live';
          const [subject, line] = text[kind](row.data);
          const link =
            row.kind === 'event_live'
              ? `${publicUrl()}/events/${String(row.data.slug)}`
              : `${publicUrl()}/forum/t/${String(row.data.threadId)}${row.data.number ? `#post-${String(row.data.number)}` : ''}`;
          await mailer.send({ to: user.email, subject: `Hubro: ${subject}`, text: `${line}\n\n${link}\n\n${text.footer}\n` });
        }
      })();
    },
  };
}
