// Mails written for a firm or a structure that erased its data while they were being written: its
// erasure looked for its mails before they existed, and they were made from records read before it.
// Whatever writes a list's rows looks again once they are written, so no address outlives an erasure.
import { activeSuppliers } from '../directory';
import { ERASED_EMAIL } from '../kernel';
import { unsentRow } from '../store/filters';
import type { Store } from '../store/types';

export const FIRM_ERASED = "L'entreprise a effacé ses données.";
export const STRUCTURE_ERASED = 'La structure a effacé ses données.';

/** Drops a list's rows whose recipient has been erased since, their address erased, and compacts the files when it did. */
export async function dropErasedMeanwhile(store: Store, shortlistId: string, rows: readonly { id: string; supplierId: string | null }[]): Promise<void> {
  const shortlist = await store.shortlists.findById(shortlistId);
  const need = shortlist && (await store.needs.findById(shortlist.needId));
  const active = await activeSuppliers(store, rows.flatMap((r) => (r.supplierId ? [r.supplierId] : [])));
  let dropped = false;
  for (const { id, supplierId } of rows) {
    const erased = supplierId ? !active.has(supplierId) : !need || need.contactEmail === ERASED_EMAIL;
    if (!erased) continue;
    const lastError = supplierId ? STRUCTURE_ERASED : FIRM_ERASED;
    if (await store.outbox.findOneAndUpdate(unsentRow(id), { to: ERASED_EMAIL, state: 'DROPPED', lastError, leaseOwner: null, leaseUntil: null })) dropped = true;
  }
  if (dropped) await store.compact(); // the embedded files keep overwritten lines until compacted
}
