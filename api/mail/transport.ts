// Delivers one rendered mail: over SMTP when SMTP_URL is set (and MAIL_TRANSPORT is not "files"),
// else as an .eml file under DATA_DIR/mail/ so development and demos need no mail server.
import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../config';

export interface OutgoingMail {
  to: string;
  replyTo: string | null;
  subject: string;
  text: string;
  html: string;
  /** "<…@…>": stable per (shortlist, recipient), so a resend is recognisably the same mail. */
  messageId: string;
}

export interface MailTransport {
  readonly kind: 'smtp' | 'files';
  /** Resolves once the server accepted the mail (or the file is in place); rejects with the reason otherwise. */
  send(mail: OutgoingMail): Promise<void>;
  /** Checks the mail server answers and accepts our login (SMTP); resolves at once for files. */
  verify(): Promise<void>;
  close(): void;
}

// Every SMTP step is bounded, so a send always ends well within the outbox lease (see outbox.ts).
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000, dnsTimeout: 30_000 };

/** A file name from a Message-ID: the same mail always lands in the same file. */
const fileNameOf = (messageId: string): string => `${messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._@-]/g, '_')}.eml`;

export function createMailTransport(config: Pick<Config, 'smtpUrl' | 'dataDir' | 'mailFrom'> & Partial<Pick<Config, 'mailTransport'>>): MailTransport {
  const message = (mail: OutgoingMail) => ({
    from: config.mailFrom,
    to: mail.to,
    ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
  });

  if (config.smtpUrl && config.mailTransport !== 'files') {
    const transporter = nodemailer.createTransport({ url: config.smtpUrl, ...SMTP_TIMEOUTS });
    return {
      kind: 'smtp',
      async send(mail) {
        await transporter.sendMail(message(mail));
      },
      async verify() {
        await transporter.verify();
      },
      close: () => transporter.close(),
    };
  }

  const dir = path.join(config.dataDir, 'mail');
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'files',
    async send(mail) {
      const info = await transporter.sendMail(message(mail));
      await fs.promises.mkdir(dir, { recursive: true });
      const file = path.join(dir, fileNameOf(mail.messageId));
      // Written aside then renamed: a reader never sees half a mail.
      const draft = `${file}.${process.pid}.tmp`;
      await fs.promises.writeFile(draft, info.message as Buffer);
      await fs.promises.rename(draft, file);
    },
    verify: async () => {},
    close: () => transporter.close(),
  };
}

/** The mail server's host and port as an operator may read them in a log: never the login or the password. */
export function smtpServerName(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  return `${url.protocol}//${url.host}`;
}
