// « Pris en charge par » : an officer takes a need in hand, or lets it go; an admin may hand it to
// another officer. Recorded with the time, shown in the console's queue and on the need's page.
import { isStaff, requireRole, STAFF, type Viewer } from '../auth/guards';
import { badInput, conflict, forbidden, notFound } from '../errors';
import { needFreeFor, needTakenBy, staffUsers } from '../store/filters';
import type { NeedRecord, Store, UserRecord } from '../store/types';
import { needStatus } from './lifecycle';

const needOf = async (store: Store, id: string): Promise<NeedRecord> => {
  const need = typeof id === 'string' && id.length <= 100 ? await store.needs.findById(id) : null;
  if (!need) throw notFound('Besoin introuvable.');
  return need;
};

/** Who took the need in hand and when, for staff; null for others or when nobody did. */
export async function needAssignment(services: { store: Store }, viewer: Viewer | null, need: NeedRecord): Promise<{ officer: UserRecord; at: Date } | null> {
  if (!isStaff(viewer) || !need.assignedTo || !need.assignedAt) return null;
  const officer = await services.store.users.findById(need.assignedTo);
  return officer ? { officer, at: need.assignedAt } : null;
}

/** An officer takes the need (officerId absent or his own); an admin hands it to any officer. */
export async function assignNeed(services: { store: Store }, viewer: Viewer | null, needId: string, officerId?: string | null): Promise<NeedRecord> {
  const who = requireRole(viewer, ...STAFF);
  const { store } = services;
  const to = officerId ?? who.userId;
  if (to !== who.userId && who.role !== 'ADMIN') throw forbidden('Seul un administrateur confie un besoin à un autre agent.');
  const officer = typeof to === 'string' && to.length <= 100 ? await store.users.findById(to) : null;
  if (!officer || !(STAFF as readonly string[]).includes(officer.role) || officer.detachedAt) throw badInput('officerId', '« officerId » : ce compte n’est pas celui d’un agent de la Métropole.');
  const need = await needOf(store, needId);
  // An admin may take a need from another officer; an officer may not.
  const filter = who.role === 'ADMIN' ? needFreeFor(need.id, need.assignedTo ?? to) : needFreeFor(need.id, to);
  const taken = await store.needs.findOneAndUpdate(filter, { assignedTo: officer.id, assignedAt: need.assignedTo === officer.id && need.assignedAt ? need.assignedAt : new Date() });
  if (taken) return taken;
  const now = await needOf(store, need.id);
  if (needStatus(now) === 'WITHDRAWN' || needStatus(now) === 'CLOSED') throw conflict('Ce besoin est retiré ou clos : personne n’a plus à le prendre en charge.');
  const holder = now.assignedTo ? await store.users.findById(now.assignedTo) : null;
  throw conflict(`Ce besoin est déjà pris en charge par ${holder?.email ?? 'un autre agent'}.`);
}

/** The officer who took the need lets it go (an admin may release anyone's); idempotent when nobody has it. */
export async function releaseNeed(services: { store: Store }, viewer: Viewer | null, needId: string): Promise<NeedRecord> {
  const who = requireRole(viewer, ...STAFF);
  const { store } = services;
  const need = await needOf(store, needId);
  if (!need.assignedTo) return need;
  const released = await store.needs.findOneAndUpdate(needTakenBy(need.id, who.role === 'ADMIN' ? need.assignedTo : who.userId), { assignedTo: null, assignedAt: null });
  if (released) return released;
  throw forbidden('Seul l’agent qui a pris ce besoin en charge, ou un administrateur, peut le libérer.');
}

/** Admins: the officers and admins a need may be handed to. */
export async function officers(services: { store: Store }, viewer: Viewer | null): Promise<UserRecord[]> {
  requireRole(viewer, 'ADMIN');
  const found = await services.store.users.find(staffUsers(), { sort: { email: 1, id: 1 } });
  return found.filter((u) => !u.detachedAt);
}
