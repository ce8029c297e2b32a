// One place that knows what a new outbox row holds: every kind of mail is queued the same way.
import type { MailKind, OutboxRecord, OutboxState } from '../store/types';

export interface NewMail {
  /** Derived from what the mail is about, so writing it twice is a duplicate key, not a second mail. */
  id: string;
  kind: MailKind;
  to: string;
  /** The structure written to; null (the default) for the firm. */
  supplierId?: string | null;
  /** Who reads it when neither a firm nor a structure (an officer's digest). */
  recipientKind?: 'OFFICER';
  shortlistId?: string | null;
  needId?: string | null;
  /** The domain of MAIL_FROM: the Message-ID, stable per row, is `<id@domain>`. */
  domain: string;
  /** HELD for an approval's rows until it commits; PENDING otherwise. */
  state?: Extract<OutboxState, 'HELD' | 'PENDING'>;
  /** When it may go out (now by default). */
  due?: Date;
  now: Date;
}

export function outboxRow(mail: NewMail): OutboxRecord {
  const supplierId = mail.supplierId ?? null;
  return {
    id: mail.id,
    shortlistId: mail.shortlistId ?? null,
    kind: mail.kind,
    needId: mail.needId ?? null,
    recipientKind: mail.recipientKind ?? (supplierId ? 'SUPPLIER' : 'FIRM'),
    supplierId,
    to: mail.to,
    messageId: `<${mail.id.replace(/:/g, '.')}@${mail.domain}>`,
    state: mail.state ?? 'PENDING',
    attempts: 0,
    firstAttemptAt: null,
    nextAttemptAt: mail.due ?? mail.now,
    leaseOwner: null,
    leaseUntil: null,
    lastError: null,
    sentAt: null,
    createdAt: mail.now,
    updatedAt: mail.now,
  };
}

/** The domain of MAIL_FROM, for Message-IDs: "Passerelle ESS <no-reply@metropole.fr>" → "metropole.fr". */
export function mailDomain(mailFrom: string): string {
  const match = /@([A-Za-z0-9.-]+)/.exec(mailFrom);
  return match ? match[1]! : 'passerelle-ess.local';
}
