// The accounts' log: who began or stopped acting for a structure, and who did it.
import { isStaff, type Viewer } from '../auth/guards';
import { accountEventsNaming, accountEventsOf } from '../store/filters';
import type { AccountAction, AccountEventRecord, Store, SupplierRecord, UserRecord } from '../store/types';
import type { AccountDeps } from './deps';
import { newId } from '../kernel';

export async function logAccountEvent(
  store: Store,
  e: { action: AccountAction; organisationId: string; supplierId: string | null; user: UserRecord; by: Viewer | null },
): Promise<void> {
  const now = new Date();
  await store.accountEvents.insert({
    id: newId(),
    action: e.action,
    organisationId: e.organisationId,
    supplierId: e.supplierId,
    userId: e.user.id,
    userEmail: e.user.email,
    byUserId: e.by?.userId ?? null,
    byEmail: e.by?.email ?? null,
    createdAt: now,
    updatedAt: now,
  });
}

/** Staff: a structure's log, newest first; null for anyone else. */
export async function accountEvents(services: Pick<AccountDeps, 'store'>, viewer: Viewer | null, structure: SupplierRecord): Promise<AccountEventRecord[] | null> {
  if (!isStaff(viewer)) return null;
  if (!structure.organisationId) return [];
  return services.store.accountEvents.find(accountEventsOf(structure.organisationId), { sort: { createdAt: -1 }, limit: 200 });
}

/** An erased account's address leaves the log; the entries stay, for who did what to the structure. */
export async function eraseFromAccountLog(store: Store, email: string, erased: string): Promise<void> {
  for (const e of await store.accountEvents.find(accountEventsNaming(email))) {
    await store.accountEvents.update(e.id, { ...(e.userEmail === email ? { userEmail: erased } : {}), ...(e.byEmail === email ? { byEmail: erased } : {}) });
  }
}
