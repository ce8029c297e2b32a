// What an officer previewed is what approval sends: the preview's fingerprint names everything its
// mails were rendered from, and approval refuses one that no longer matches.
import { createHash } from 'node:crypto';
import type { NeedRecord, ShortlistRecord, SupplierRecord } from '../store/types';

/** The list's revision (its items, notes, groupement), the message, the approver, and when the need and each structure last changed. */
export function previewFingerprint(shortlist: ShortlistRecord, message: string | null, approverEmail: string | null, need: NeedRecord, suppliers: Map<string, SupplierRecord>): string {
  const structures = [...suppliers.values()].map((s) => `${s.id}@${s.updatedAt.getTime()}`).sort();
  const parts = [shortlist.id, shortlist.revision, message ?? '', approverEmail ?? '', need.updatedAt.getTime(), structures];
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 22);
}
