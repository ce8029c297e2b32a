// A need presented again (a second list after the first): the structures already introduced to
// its firm are not drafted again, and those an officer adds by hand say when they were.
import { formatDateFr } from '../reference/vocabulary';
import { shortlistsOfNeed } from '../store/filters';
import type { Store, SupplierRecord } from '../store/types';

/** Each structure an approved list of this need introduced, with the day of its first introduction. */
export async function introducedEarlier(store: Store, needId: string): Promise<Map<string, Date>> {
  const lists = await store.shortlists.find(shortlistsOfNeed(needId, ['APPROVED', 'SENT']), { sort: { createdAt: 1, id: 1 } });
  const first = new Map<string, Date>();
  for (const list of lists) for (const item of list.items) if (!first.has(item.supplierId)) first.set(item.supplierId, list.approvedAt ?? list.createdAt);
  return first;
}

/** « A (déjà présentée le 3 décembre 2026), B (…) »: what the officer is told was left out; a structure since retired is not named. */
export function earlierNames(ids: readonly string[], earlier: Map<string, Date>, suppliers: Map<string, Pick<SupplierRecord, 'name'>>): string {
  return ids.flatMap((sid) => (suppliers.has(sid) ? [`${suppliers.get(sid)!.name} (déjà présentée le ${formatDateFr(earlier.get(sid)!)})`] : [])).join(', ');
}
