// Who follows a firm's needs. A need no organisation owns (posted without an account, or recorded by
// an officer) belongs to its contact address: whoever proves that address by a sign-in link becomes a
// firm's user (COMPANY) on first use, in an organisation of its own, and finds those needs in its space.
import { randomBytes } from 'node:crypto';
import { byEmail, needsFilter, NEEDS_ORDER } from '../store/filters';
import type { NeedRecord, Store, UserRecord } from '../store/types';
import type { AccountDeps } from './deps';
import { newId } from '../kernel';
import { createUser } from './users';

/** The newest need the address is the contact of, that no organisation owns. */
export async function needOfAddress(store: Store, email: string): Promise<NeedRecord | null> {
  const [newest] = await store.needs.find(needsFilter({ contactEmail: email }), { sort: NEEDS_ORDER, limit: 1 });
  return newest ?? null;
}

/**
 * The firm's user for an address that has needs: its organisation is created for it, never one found
 * by name (two firms may share one), named as its newest confirmed need names the firm. An unconfirmed
 * need may be anyone's words (a stranger can post to any address): then the address names it.
 */
export async function attachFirm(services: Pick<AccountDeps, 'store'>, email: string): Promise<UserRecord> {
  const { store } = services;
  const now = new Date();
  const organisationId = newId();
  const confirmed = (await store.needs.find(needsFilter({ contactEmail: email }), { sort: NEEDS_ORDER })).find((n) => n.confirmedAt !== null);
  await store.organisations.insert({ id: organisationId, name: confirmed?.companyName ?? email, kind: 'COMPANY', createdAt: now, updatedAt: now });
  // Nobody knows this password: the firm signs in with links.
  const password = `${randomBytes(24).toString('base64url')}-Aa1`;
  try {
    return await createUser(store, { email, password, role: 'COMPANY', organisationId });
  } catch (err) {
    await store.organisations.remove(organisationId);
    // The same address's other link created it a moment ago.
    const existing = await store.users.findOne(byEmail(email));
    if (existing) return existing;
    throw err;
  }
}
