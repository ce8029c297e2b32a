// Who acts for a structure. Its contact becomes its SUPPLIER user on a first sign-in by link, in the
// structure's own organisation (created for it when it has none): never one found by name, since
// homonyms are common (the establishments of one association share its name). An officer takes the
// right back at once (detachUser, or a contact address changed): the user's tokens and links stop.
import { randomBytes } from 'node:crypto';
import { isStaff, requireRole, type Viewer } from '../auth/guards';
import { badInput, notFound, unauthenticated } from '../errors';
import { updateSupplier } from '../directory';
import { byEmail, ofOrganisation, unclaimedSupplier, unusedLinksOf } from '../store/filters';
import type { Store, SupplierRecord, UserRecord } from '../store/types';
import type { AccountDeps } from './deps';
import { newId } from '../kernel';
import { createUser } from './users';
import { logAccountEvent } from './events';

const gone = () => unauthenticated("Ce lien de connexion n'est plus valable (déjà utilisé ou expiré) : demandez-en un nouveau.");

/**
 * The structure's organisation, created and claimed for it when it has none yet. The organisation is
 * written first and removed again if the claim fails, so a failure leaves the structure as it was;
 * a structure that owns an organisation without users is a state like any staff-created one.
 */
async function organisationOfStructure(services: AccountDeps, structure: SupplierRecord): Promise<string> {
  if (structure.organisationId) return structure.organisationId;
  const { store } = services;
  const now = new Date();
  const id = newId();
  // The name is for reading only: nothing joins an organisation of a structure by its name.
  await store.organisations.insert({ id, name: structure.name, kind: 'SUPPLIER', createdAt: now, updatedAt: now });
  let claimed: SupplierRecord | null;
  try {
    claimed = await store.suppliers.findOneAndUpdate(unclaimedSupplier(structure.id), { organisationId: id });
  } catch (err) {
    await store.organisations.remove(id);
    throw err;
  }
  if (claimed) {
    services.matching.upsert(claimed);
    return id;
  }
  // Claimed meanwhile (the same contact's other link, used at once): that organisation is the structure's.
  await store.organisations.remove(id);
  const current = await store.suppliers.findById(structure.id);
  if (!current?.organisationId || current.retiredAt) throw gone();
  return current.organisationId;
}

/** The structure's contact, signing in for the first time: its user, of that structure only. */
export async function attachContact(services: AccountDeps, structure: SupplierRecord, email: string): Promise<UserRecord> {
  const { store } = services;
  const organisationId = await organisationOfStructure(services, structure);
  // Nobody knows this password: the structure signs in with links.
  const password = `${randomBytes(24).toString('base64url')}-Aa1`;
  let user: UserRecord;
  try {
    user = await createUser(store, { email, password, role: 'SUPPLIER', organisationId });
  } catch (err) {
    // The same address's other link created it a moment ago.
    const existing = await store.users.findOne(byEmail(email));
    if (existing && existing.organisationId === organisationId) return existing;
    throw err;
  }
  await logAccountEvent(store, { action: 'ATTACHED', organisationId, supplierId: structure.id, user, by: null });
  return user;
}

/** The live profile of an organisation, if it has one. */
async function structureOf(store: Store, organisationId: string): Promise<SupplierRecord | null> {
  return (await store.suppliers.find(ofOrganisation(organisationId))).find((s) => !s.retiredAt) ?? null;
}

/** The answer links mailed for the structure until now stop working (see answerLinks). */
async function revokeAnswerLinks(store: Store, structure: SupplierRecord): Promise<void> {
  await store.suppliers.update(structure.id, { linkVersion: structure.linkVersion + 1 });
}

/**
 * Takes the user out of its organisation: its session tokens, its unused sign-in links and the
 * answer links mailed to the structure stop working at once.
 */
async function detach(services: AccountDeps, user: UserRecord, by: Viewer): Promise<void> {
  const { store } = services;
  const organisationId = user.organisationId!;
  const now = new Date();
  // One write: the token version and the organisation change together.
  await store.users.update(user.id, { organisationId: null, detachedAt: now, tokenVersion: user.tokenVersion + 1 });
  while (await store.accessLinks.findOneAndUpdate(unusedLinksOf(user.email), { usedAt: now }));
  const structure = await structureOf(store, organisationId);
  if (structure) await revokeAnswerLinks(store, structure);
  await logAccountEvent(store, { action: 'DETACHED', organisationId, supplierId: structure?.id ?? null, user, by });
}

/** Officers: the user no longer acts for its structure. */
export async function detachUser(services: AccountDeps, viewer: Viewer | null, userId: string): Promise<boolean> {
  const who = requireRole(viewer, 'OFFICER', 'ADMIN');
  const user = typeof userId === 'string' && userId.length <= 100 ? await services.store.users.findById(userId) : null;
  if (!user) throw notFound('Utilisateur introuvable.');
  if (user.role !== 'SUPPLIER' || !user.organisationId) throw badInput('userId', "« userId » : cet utilisateur n'agit pour aucune structure.");
  await detach(services, user, who);
  return true;
}

/**
 * After an officer changed a structure's contact address: unless the officer said to keep it, the
 * previous contact stops acting for the structure (its user, if it has one, and the answer links it
 * was mailed, in any case).
 */
async function afterContactChange(services: AccountDeps, viewer: Viewer, before: SupplierRecord, after: SupplierRecord, detachPrevious: boolean): Promise<void> {
  if (!detachPrevious || before.contactEmail === after.contactEmail || !before.contactEmail) return;
  const previous = await services.store.users.findOne(byEmail(before.contactEmail));
  if (previous && previous.role === 'SUPPLIER' && before.organisationId && previous.organisationId === before.organisationId) await detach(services, previous, viewer);
  else await revokeAnswerLinks(services.store, after);
}

/** A profile edit (api/directory/suppliers.ts); after an officer's, the previous contact's access follows the officer's word (yes by default). */
export async function editSupplier(services: AccountDeps, viewer: Viewer | null, id: string, input: unknown): Promise<SupplierRecord> {
  const before = await services.store.suppliers.findById(id);
  const updated = await updateSupplier(services, viewer, id, input);
  if (before && viewer && isStaff(viewer)) await afterContactChange(services, viewer, before, updated, (input as { detachPreviousContact?: unknown }).detachPreviousContact !== false);
  return updated;
}

/** Staff: the users who act for a structure, oldest first. */
export async function structureUsers(services: AccountDeps, viewer: Viewer | null, structure: SupplierRecord): Promise<UserRecord[] | null> {
  if (viewer?.role !== 'OFFICER' && viewer?.role !== 'ADMIN') return null;
  if (!structure.organisationId) return [];
  const users = await services.store.users.find(ofOrganisation(structure.organisationId), { sort: { createdAt: 1 }, limit: 100 });
  return users.filter((u) => u.role === 'SUPPLIER');
}
