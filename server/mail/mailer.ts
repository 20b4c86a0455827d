import type { Config } from '../config';
import type { Logger } from '../logger';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** An iCalendar attachment (booking confirmations). */
  ics?: string;
}

/** Sends email when SMTP_URL is configured; otherwise `enabled` is false and nothing is sent. */
export interface Mailer {
  readonly enabled: boolean;
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export async function createMailer(config: Pick<Config, 'mail'>, logger: Logger): Promise<Mailer> {
  if (!config.mail.smtpUrl) {
    return { enabled: false, async send() {}, close() {} };
  }
  const { default: nodemailer } = await import('nodemailer');
  const transport = nodemailer.createTransport(config.mail.smtpUrl);
  return {
    enabled: true,
    async send(message) {
      try {
        await transport.sendMail({
          from: config.mail.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.ics ? { icalEvent: { filename: 'booking.ics', method: 'PUBLISH', content: message.ics } } : {}),
        });
      } catch (error) {
        // Mail is a courtesy: a failed send is logged, never a failed booking or post.
        logger.warn({ err: error, to: message.to }, 'email could not be sent');
      }
    },
    close() {
      transport.close();
    },
  };
}
