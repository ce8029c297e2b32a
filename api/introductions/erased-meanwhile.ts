// Mails written for a firm or a structure that erased its data while they were being written: its
// erasure looked for its mails before they existed, and they were made from records read before it.
// Whatever writes a list's rows looks again once they are written, so no address outlives an erasure.
import { activeSuppliers } from '../directory';
import { ERASED_EMAIL, FIRM_ERASED, STRUCTURE_ERASED } from '../kernel';
import { dropErasedRows } from '../mail';
import type { Store } from '../store/types';

type WrittenRow = { id: string; supplierId: string | null };

/** Drops the rows just written for structures that have been erased since (see dropErasedRows). */
export async function dropRowsOfErasedStructures(store: Store, rows: readonly WrittenRow[]): Promise<void> {
  const active = await activeSuppliers(store, rows.flatMap((r) => (r.supplierId ? [r.supplierId] : [])));
  await dropErasedRows(store, rows.filter((r) => r.supplierId !== null && !active.has(r.supplierId)).map((r) => r.id), STRUCTURE_ERASED);
}

/** Drops a list's rows whose recipient, a structure or the firm, has been erased since. */
export async function dropErasedMeanwhile(store: Store, shortlistId: string, rows: readonly WrittenRow[]): Promise<void> {
  await dropRowsOfErasedStructures(store, rows);
  const shortlist = await store.shortlists.findById(shortlistId);
  const need = shortlist && (await store.needs.findById(shortlist.needId));
  if (need?.contactEmail === ERASED_EMAIL) await dropErasedRows(store, rows.filter((r) => r.supplierId === null).map((r) => r.id), FIRM_ERASED);
}
