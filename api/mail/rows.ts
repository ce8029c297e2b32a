// One place that knows what a new outbox row holds: every kind of mail is queued the same way.
import { ERASED_EMAIL } from '../kernel';
import { unsentRow } from '../store/filters';
import type { MailKind, OutboxRecord, OutboxState, Store } from '../store/types';

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

/**
 * Rows to a recipient who erased their data, written from records read before the erasure (which
 * looked for its mails before they existed): those not delivered yet are dropped; every one loses
 * the address, and the files are compacted when any did (unless the caller compacts once at its end),
 * so that the address stays nowhere. The drop is conditional on the row's state, so it holds even
 * against a worker sending it at this moment: the worker's lease-guarded update no longer matches.
 * Returns the rows dropped (a list may have been waiting for them only).
 */
export async function dropErasedRows(store: Store, ids: readonly string[], reason: string, { compact = true } = {}): Promise<OutboxRecord[]> {
  const dropped: OutboxRecord[] = [];
  let erased = false;
  for (const id of ids) {
    const row = await store.outbox.findOneAndUpdate(unsentRow(id), { to: ERASED_EMAIL, state: 'DROPPED', lastError: reason, leaseOwner: null, leaseUntil: null });
    if (row) {
      dropped.push(row);
      erased = true;
      continue;
    }
    // Sent (or being sent) before this look: it stays as it is, without the address.
    const sent = await store.outbox.findById(id);
    if (sent && sent.to !== ERASED_EMAIL) erased = Boolean(await store.outbox.update(id, { to: ERASED_EMAIL })) || erased;
  }
  if (erased && compact) await store.compact(); // the embedded files keep overwritten lines until compacted
  return dropped;
}
