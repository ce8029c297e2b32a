// Personal data (RGPD): a user exports what the service holds about it and its organisation; a
// firm's or a structure's user deletes its account (and, for a structure, its profile). Past
// introductions stay for the yearly statistics, anonymised: a structure they name becomes a stub
// keeping only its legal form, inclusion kind and commune.
import { eraseFromAccountLog } from './events';
import { requireRole, requireViewer, type Viewer } from '../auth/guards';
import { badInput, forbidden, notFound, unauthenticated } from '../errors';
import { fold } from '../../matching/text/fold';
import type { AccountDeps } from './deps';
import { completeIfDelivered } from '../introductions';
import { recordRetirement } from '../directory';
import {
  aboutSupplier,
  addressedTo,
  byEmail,
  byIds,
  needsContacting,
  needsFilter,
  NEEDS_ORDER,
  ofOrganisation,
  shortlistsNaming,
  shortlistsOfNeed,
} from '../store/filters';
import type { NeedRecord, OutboxRecord, RetiredBy, ShortlistRecord, SupplierRecord } from '../store/types';
import { ERASED_EMAIL } from '../kernel';
import { dropErasedRows } from '../mail';

export const ERASED_NAME = 'Structure supprimée';
const ERASED_DESCRIPTION = 'Profil supprimé à la demande de la structure.';
const UNSENT_ERROR = 'Destinataire supprimé à sa demande (RGPD) : message non envoyé.';

const iso = (d: Date | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

function profileView(s: SupplierRecord) {
  const { searchText: _t, sortKey: _k, labelKeys: _l, retiredAt: _r, ...profile } = s;
  return { ...profile, createdAt: iso(s.createdAt), updatedAt: iso(s.updatedAt) };
}

function needView(n: NeedRecord) {
  // The officers' internal note is theirs: never handed to the firm.
  const { latitude, longitude, internalNote: _internal, ...need } = n;
  return { ...need, coordinates: latitude !== null && longitude !== null ? { latitude, longitude } : null, deadline: iso(n.deadline), createdAt: iso(n.createdAt), updatedAt: iso(n.updatedAt) };
}

const sent = (s: ShortlistRecord) => s.status !== 'DRAFT';

/** What a structure was introduced to: the need as its mail described it, and what came of it. */
async function introductionsOf(services: AccountDeps, supplier: SupplierRecord) {
  const { store } = services;
  const shortlists = (await store.shortlists.find(shortlistsNaming(supplier.id))).filter(sent);
  const needs = new Map((await store.needs.find(byIds(shortlists.map((s) => s.needId)))).map((n) => [n.id, n]));
  const outcomes = new Map((await store.outcomes.find(aboutSupplier(supplier.id))).map((o) => [o.shortlistId, o]));
  return shortlists.map((s) => {
    const need = needs.get(s.needId);
    const outcome = outcomes.get(s.id);
    return {
      shortlistId: s.id,
      approvedAt: iso(s.approvedAt),
      need: need ? { title: need.title, kind: need.kind, companyName: need.companyName, communeCode: need.communeCode } : null,
      outcome: outcome ? { status: outcome.status, amount: outcome.amount, recordedAt: iso(outcome.updatedAt) } : null,
    };
  });
}

/** The shortlists approved for a firm's needs: which structures it was introduced to. */
async function introductionsFor(services: AccountDeps, needs: NeedRecord[]) {
  const { store } = services;
  const shortlists = (await Promise.all(needs.map((n) => store.shortlists.find(shortlistsOfNeed(n.id))))).flat().filter(sent);
  const names = new Map((await store.suppliers.find(byIds(shortlists.flatMap((s) => s.items.map((i) => i.supplierId))))).map((s) => [s.id, s.name]));
  return shortlists.map((s) => ({
    shortlistId: s.id,
    needId: s.needId,
    approvedAt: iso(s.approvedAt),
    structures: s.items.map((i) => names.get(i.supplierId) ?? ERASED_NAME),
  }));
}

/** Everything the service holds about the viewer's account and organisation, as one JSON document. */
export async function exportMyData(services: AccountDeps, viewer: Viewer | null): Promise<string> {
  const who = requireViewer(viewer);
  const { store } = services;
  const user = await store.users.findById(who.userId);
  if (!user) throw unauthenticated();
  const organisation = user.organisationId ? await store.organisations.findById(user.organisationId) : null;
  const data: Record<string, unknown> = {
    exportedAt: new Date().toISOString(),
    controller: 'Passerelle ESS — Métropole Rouen Normandie',
    account: { id: user.id, email: user.email, role: user.role, createdAt: iso(user.createdAt), updatedAt: iso(user.updatedAt) },
    organisation: organisation ? { id: organisation.id, name: organisation.name, kind: organisation.kind } : null,
  };
  if (user.role === 'SUPPLIER' && user.organisationId) {
    const profile = (await store.suppliers.find(ofOrganisation(user.organisationId))).find((s) => !s.retiredAt) ?? null;
    data.supplierProfile = profile ? profileView(profile) : null;
    data.introductions = profile ? await introductionsOf(services, profile) : [];
  }
  if (user.role === 'COMPANY') {
    const needs = await store.needs.find(needsFilter({ organisationId: user.organisationId ?? '', createdBy: user.id, contactEmail: user.email }), { sort: NEEDS_ORDER });
    data.needs = needs.map(needView);
    data.introductions = await introductionsFor(services, needs);
    // The organisation's spend files as they were counted, and what was refused of them.
    data.spendAnalyses = user.organisationId
      ? (await store.spendAnalyses.find(ofOrganisation(user.organisationId))).map(({ updatedAt: _u, ...a }) => ({ ...a, createdAt: iso(a.createdAt) }))
      : [];
  }
  return JSON.stringify(data, null, 2);
}

/** Mails to an erased recipient lose their address; those not sent yet never will be (the erasure compacts the files at its end). */
async function stopMails(services: AccountDeps, rows: OutboxRecord[]): Promise<void> {
  const { store } = services;
  const ids = rows.filter((row) => row.to !== ERASED_EMAIL).map((row) => row.id); // those erased are stopped already
  const dropped = await dropErasedRows(store, ids, UNSENT_ERROR, { compact: false });
  // A list may have been waiting for these mails only.
  for (const shortlistId of new Set(dropped.flatMap((row) => row.shortlistId ?? []))) await completeIfDelivered(store, shortlistId);
}

/** The sign-in links mailed to an address (an invitation's, a request's), used or not: they name it. */
async function forgetAccessLinks(services: AccountDeps, email: string): Promise<void> {
  for (const link of await services.store.accessLinks.find(byEmail(email))) await services.store.accessLinks.remove(link.id);
}

/** The anonymous stub of a structure: what the statistics count, nothing that names it. */
function stub(s: SupplierRecord, now: Date): Partial<SupplierRecord> {
  return {
    organisationId: null,
    name: ERASED_NAME,
    siret: null,
    description: ERASED_DESCRIPTION,
    services: [],
    nafCodes: [],
    latitude: null,
    longitude: null,
    interventionRadiusKm: null,
    employees: null,
    maxContractValue: null,
    labels: [],
    labelKeys: [],
    contactEmail: ERASED_EMAIL,
    website: null,
    searchText: fold(ERASED_NAME),
    sortKey: fold(ERASED_NAME),
    legalForm: s.legalForm,
    inclusionKind: s.inclusionKind,
    communeCode: s.communeCode,
    retiredAt: now,
  };
}

/**
 * Takes a structure out of every list: out of open drafts, out of the matcher; its mails stop. Sent
 * introductions or outcomes naming it keep it as an anonymous stub (without its SIRET, which a new
 * profile may take again); otherwise it is removed. Its SIRET is recorded first, so that imports
 * never bring it back, even when the rest is interrupted (asked again, it finishes the work).
 */
async function retireSupplier(services: AccountDeps, supplier: SupplierRecord, by: RetiredBy): Promise<void> {
  const { store } = services;
  if (supplier.siret) await recordRetirement(store, supplier.siret, by);
  const naming = await store.shortlists.find(shortlistsNaming(supplier.id));
  for (const list of naming) {
    // A draft drops the structure; a sent list keeps its place, without the officer's note or the
    // matcher's reasons, which describe it.
    const items = sent(list)
      ? list.items.map((i) => (i.supplierId === supplier.id ? { ...i, note: null, reasons: [] } : i))
      : list.items.filter((i) => i.supplierId !== supplier.id);
    await store.shortlists.update(list.id, { items, revision: list.revision + 1 });
  }
  // A later draft of the same needs may name it in its notice (« déjà présentée le … »): the name goes.
  for (const needId of new Set(naming.map((l) => l.needId))) {
    for (const list of await store.shortlists.find(shortlistsOfNeed(needId))) {
      if (list.notice?.includes(supplier.name)) await store.shortlists.update(list.id, { notice: list.notice.split(supplier.name).join('une structure qui a quitté l’annuaire') });
    }
  }
  await stopMails(services, await store.outbox.find(aboutSupplier(supplier.id)));
  // Its answers stay counted; their comments were its words.
  for (const r of await store.responses.find(aboutSupplier(supplier.id))) await store.responses.update(r.id, { comment: null });
  const kept = naming.some(sent) || (await store.outcomes.count(aboutSupplier(supplier.id))) > 0;
  if (kept) await store.suppliers.update(supplier.id, stub(supplier, new Date()));
  else await store.suppliers.remove(supplier.id);
  services.matching.remove(supplier.id);
  if (supplier.contactEmail !== ERASED_EMAIL) await forgetAccessLinks(services, supplier.contactEmail);
  // Rows written meanwhile from a profile read before this point (the follow-ups of a list whose
  // last mail was just delivered): looked for again. Those written later are looked at again by
  // their writer (dropErasedRows), or dropped at sending with their address.
  await stopMails(services, await store.outbox.find(aboutSupplier(supplier.id)));
}

/**
 * Officers and admins take a structure out of the directory (closed down, a duplicate, a request
 * received by post): the same erasure as its own deletion; its users' accounts stay.
 */
export async function deleteSupplier(services: AccountDeps, viewer: Viewer | null, id: string): Promise<boolean> {
  requireRole(viewer, 'OFFICER', 'ADMIN');
  const supplier = await services.store.suppliers.findById(id);
  if (!supplier || supplier.retiredAt) throw notFound('Structure introuvable.');
  await retireSupplier(services, supplier, 'OFFICER');
  await services.store.compact();
  return true;
}

/**
 * A firm's or a structure's user deletes its account; for a structure, its profile goes too. The
 * account is removed last, so an interrupted deletion can be asked again.
 */
export async function deleteMyAccount(services: AccountDeps, viewer: Viewer | null, confirm: boolean): Promise<boolean> {
  const who = requireViewer(viewer);
  if (who.role !== 'COMPANY' && who.role !== 'SUPPLIER') {
    throw forbidden('Les comptes des agents et des administrateurs sont supprimés par un administrateur.');
  }
  if (confirm !== true) throw badInput('confirm', '« confirm » : doit valoir true pour supprimer définitivement votre compte.');
  const { store } = services;
  const user = await store.users.findById(who.userId);
  if (!user) throw unauthenticated();
  const organisationId = user.organisationId;

  if (user.role === 'SUPPLIER' && organisationId) {
    for (const profile of await store.suppliers.find(ofOrganisation(organisationId))) await retireSupplier(services, profile, 'STRUCTURE');
  }
  for (const need of await store.needs.find(needsContacting(user.email))) await store.needs.update(need.id, { contactEmail: ERASED_EMAIL });
  await stopMails(services, await store.outbox.find(addressedTo(user.email)));
  await store.users.remove(user.id);
  await forgetAccessLinks(services, user.email);
  await eraseFromAccountLog(store, user.email, ERASED_EMAIL);

  // An organisation nobody belongs to any more, with no profile left, goes too.
  if (organisationId && (await store.users.count(ofOrganisation(organisationId))) === 0 && (await store.suppliers.count(ofOrganisation(organisationId))) === 0) {
    for (const id of await store.spendAnalyses.ids(ofOrganisation(organisationId))) await store.spendAnalyses.remove(id);
    await store.organisations.remove(organisationId);
  }
  await store.compact(); // the embedded files keep overwritten lines until compacted
  return true;
}
