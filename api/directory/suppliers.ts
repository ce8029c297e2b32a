// ESS structures: their capability profiles and the public directory.
import { z } from 'zod';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { consumeOrRefuse } from '../auth/throttle';
import { canSeePrivate, isStaff, requireRole, requireViewer, type Viewer } from '../auth/guards';
import { conflict, forbidden, notFound, badInput } from '../errors';
import { labelKey, fold } from '../../matching/text/fold';
import type { DirectoryDeps } from './deps';
import { byEmail, byIds, contactOf, needsFilter, ofOrganisation, supplierAsRead, withPendingChanges } from '../store/filters';
import { DuplicateKeyError, type FieldProvenance, type InclusionKind, type LegalForm, type PendingSupplierChanges, type Store, type SupplierRecord } from '../store/types';
import { newId } from '../kernel';
import { liftRetirement } from './retired-sirets';
import * as v from '../kernel';
import { QUANTITIES } from '../reference/amounts';

/** The legal forms a person may choose; imports may also leave it UNSPECIFIED. */
export const LEGAL_FORMS = ['ASSOCIATION', 'SCOP', 'SCIC', 'COOPERATIVE', 'MUTUELLE', 'FONDATION', 'ESUS_COMPANY'] as const satisfies readonly LegalForm[];
export const ALL_LEGAL_FORMS = [...LEGAL_FORMS, 'UNSPECIFIED'] as const satisfies readonly LegalForm[];
export const INCLUSION_KINDS = ['ESAT', 'EA', 'EATT', 'ACI', 'AI', 'EI', 'ETTI', 'EITI', 'GEIQ'] as const satisfies readonly InclusionKind[];

const fields = {
  name: v.text(200),
  siret: v.siret,
  legalForm: z.enum(LEGAL_FORMS, `forme juridique inconnue ; valeurs possibles : ${LEGAL_FORMS.join(', ')}`),
  inclusionKind: z.enum(INCLUSION_KINDS, `type de structure d'inclusion inconnu ; valeurs possibles : ${INCLUSION_KINDS.join(', ')}`).nullish().transform((k) => k ?? null),
  description: v.text(5000),
  services: v.phrases,
  nafCodes: v.nafCodes,
  communeCode: v.communeCode,
  latitude: v.latitude,
  longitude: v.longitude,
  interventionRadiusKm: v.quantity(QUANTITIES.radiusKm),
  employees: v.quantity(QUANTITIES.employees),
  maxContractValue: v.quantity(QUANTITIES.euros),
  labels: v.labels,
  contactEmail: v.email,
  website: v.website,
};

// Through the API, labels come from the known list (a close name is offered for a misspelt one);
// imports keep public data's labels as written.
const createSchema = z.object({ ...fields, labels: v.knownLabels }).superRefine(v.bothOrNeither);
const updateSchema = z.object({ ...fields, labels: v.knownLabels }).partial();
/**
 * Imports: the same rules, save what public data rarely holds: a description and a contact address
 * ('' until someone adds one) and the legal form (UNSPECIFIED until SIRENE, an officer or the structure says).
 */
export const importSchema = z
  .object({
    ...fields,
    legalForm: z.enum(ALL_LEGAL_FORMS, `forme juridique inconnue ; valeurs possibles : ${LEGAL_FORMS.join(', ')}, ou leur nom en français (Association, Coopérative…)`),
    description: z.union([z.literal(''), v.text(5000)]).nullish().transform((d) => d ?? ''),
    contactEmail: z.union([z.literal('').nullish().transform(() => ''), v.email]),
  })
  .superRefine(v.bothOrNeither);

export type ProfileFields = Omit<z.output<typeof createSchema>, 'legalForm'> & { legalForm: LegalForm };
export type SupplierInput = z.input<typeof createSchema>;
/** The SupplierInput fields, in the order the API declares them (the CSV template's columns). */
export const PROFILE_FIELDS = Object.keys(fields) as (keyof ProfileFields)[];

/** A value someone gave (not null, '' or an empty list). */
export const isFilled = (value: unknown): boolean => value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);

/**
 * Fields a person wrote through the API: an import never overwrites them afterwards. One entry for
 * all the fields of one write, as the store reads them back (api/store/normalise.ts).
 */
function editedBy(keys: readonly string[], at: Date, before: SupplierRecord['provenance'] = {}): Record<string, FieldProvenance> {
  const entry: FieldProvenance = { origin: 'edit', at };
  return { ...before, ...Object.fromEntries(keys.map((k) => [k, entry])) };
}

/** The fields derived from the profile for filtering and ordering: recomputed on every write. */
export function derived(p: Pick<ProfileFields, 'name' | 'description' | 'services' | 'labels'>) {
  return {
    labelKeys: p.labels.map(labelKey),
    searchText: fold([p.name, p.description, ...p.services].join(' \n ')),
    sortKey: fold(p.name),
  };
}

const SECOND_PROFILE = 'Votre structure a déjà un profil : modifiez-le plutôt que d’en créer un second.';

function duplicateKey(err: unknown): never {
  if (err instanceof DuplicateKeyError && err.field === 'siret') {
    throw conflict('« siret » : une structure avec ce numéro SIRET est déjà enregistrée.', 'siret');
  }
  // Two creations at once for one structure: its unique index lets only the first through.
  if (err instanceof DuplicateKeyError && err.field === 'organisationId') throw conflict(SECOND_PROFILE);
  throw err;
}

/** The state of a profile just written (by hand, import or bench): nothing pending, decided, retired, signed in or completed yet. */
export const NEW_PROFILE_STATUS = {
  pendingChanges: null,
  declarationReview: null,
  retiredAt: null,
  firstSignInAt: null,
  completedAt: null,
  linkVersion: 0,
} as const satisfies Partial<SupplierRecord>;

/** A structure's user's tries at a new contact address, per user and hour: a bound on guessing, not an account. */
export const createContactChanges = (): RateLimiterMemory => new RateLimiterMemory({ points: 10, duration: 60 * 60 });

/**
 * A structure's contact address is how its contact signs in (api/accounts/access-links.ts): a
 * structure may not give itself an address already another structure's contact, another
 * organisation's account or a firm's, whose sign-in would then land on this structure. Staff may:
 * one person can be the contact of several establishments.
 */
async function ownableContact({ store, contactChanges }: DirectoryDeps, who: Viewer, email: string, self: string | null): Promise<void> {
  if (who.role !== 'SUPPLIER') return;
  // Whether an address is taken is told here, so it is told sparingly: a structure changes its contact
  // address rarely, and a loop of guesses must not list who is known (requestAccessLink never tells).
  await consumeOrRefuse(contactChanges, who.userId);
  const [structures, user, needs] = await Promise.all([
    store.suppliers.find(contactOf(email), { limit: 5 }),
    store.users.findOne(byEmail(email)),
    store.needs.find(needsFilter({ contactEmail: email }), { limit: 1 }),
  ]);
  const taken = structures.some((s) => s.id !== self && !s.retiredAt) || (user !== null && user.organisationId !== who.organisationId) || (user === null && needs.length > 0);
  if (taken) throw conflict('« contactEmail » : cette adresse est déjà celle d’une autre structure ou d’un autre compte. Si elle est bien la vôtre, écrivez à la Métropole.', 'contactEmail');
}

/** Officers and admins create any structure; a SUPPLIER user creates the one profile of its organisation. */
export async function createSupplier(services: DirectoryDeps, viewer: Viewer | null, input: unknown): Promise<SupplierRecord> {
  const who = requireRole(viewer, 'SUPPLIER', 'OFFICER', 'ADMIN');
  const profile = v.parseInput(createSchema, input);
  const { store } = services;
  let organisationId = who.organisationId;
  if (who.role === 'SUPPLIER') {
    if (!organisationId) throw forbidden("Votre compte n'est rattaché à aucune structure.");
    if (await store.suppliers.findOne(ofOrganisation(organisationId))) {
      throw conflict(SECOND_PROFILE);
    }
  }
  await ownableContact(services, who, profile.contactEmail, null);
  const now = new Date();
  const createdOrganisation = who.role === 'SUPPLIER' ? null : newId();
  organisationId = createdOrganisation ?? organisationId;
  // What was typed is the person's; what was left empty an import may still fill.
  const provenance = editedBy(PROFILE_FIELDS.filter((k) => isFilled(profile[k])), now);
  // A structure's own word on its inclusion kind and labels waits for an officer (see pendingFor).
  const declared = who.role === 'SUPPLIER' ? pendingFor(who, { inclusionKind: null, labels: [] }, profile, now) : null;
  const confirmed = declared ? { ...profile, inclusionKind: null, labels: [] } : profile;
  const record: SupplierRecord = {
    id: newId(),
    organisationId,
    ...confirmed,
    ...derived(confirmed),
    provenance,
    ...NEW_PROFILE_STATUS,
    pendingChanges: declared,
    sources: [],
    createdAt: now,
    updatedAt: now,
  };
  // The organisation goes first: a crash between the two writes then leaves an organisation with
  // no user and no profile, which nothing lists or shows (a user given its name joins it as it
  // would a new one), never a structure whose organisation does not exist.
  if (createdOrganisation) {
    await store.organisations.insert({ id: createdOrganisation, name: profile.name, kind: 'SUPPLIER', createdAt: now, updatedAt: now });
  }
  try {
    await store.suppliers.insert(record);
  } catch (err) {
    // A refused SIRET leaves nothing behind.
    if (createdOrganisation) await store.organisations.remove(createdOrganisation);
    duplicateKey(err);
  }
  // Someone put this SIRET back on purpose: imports update it again from now on.
  await liftRetirement(store, record.siret);
  services.matching.upsert(record);
  return record;
}

/** The structure's own users and staff edit a profile; only the given fields change. */
export async function updateSupplier(services: DirectoryDeps, viewer: Viewer | null, id: string, input: unknown): Promise<SupplierRecord> {
  const who = requireViewer(viewer);
  const existing = await services.store.suppliers.findById(id);
  if (!existing || existing.retiredAt) throw notFound('Structure introuvable.');
  if (!canSeePrivate(who, existing.organisationId) || !(isStaff(who) || who.role === 'SUPPLIER')) throw forbidden();
  for (const key of ['name', 'legalForm', 'description', 'communeCode', 'contactEmail'] as const) {
    if ((input as Record<string, unknown> | null)?.[key] === null) throw badInput(key, `« ${key} » : ce champ est obligatoire.`);
  }
  // Labels sent back as stored are no change: an import may have kept a label the API's list does not hold,
  // and the profile's other fields must stay editable until someone changes its labels. Not while a
  // declaration is pending: a structure sending its confirmed labels back withdraws the declared ones.
  const raw = input as Record<string, unknown> | null;
  const asStored = Array.isArray(raw?.labels) && raw.labels.length === existing.labels.length && raw.labels.every((l, i) => l === existing.labels[i]);
  const sameLabels = asStored && (isStaff(who) || !existing.pendingChanges);
  const patch = v.parseInput(updateSchema, sameLabels ? { ...raw, labels: undefined } : input);
  if (patch.contactEmail !== undefined && patch.contactEmail !== existing.contactEmail) await ownableContact(services, who, patch.contactEmail, existing.id);
  // A new base without new coordinates: the old ones described the old place.
  const moved = patch.communeCode !== undefined && patch.latitude === undefined && patch.longitude === undefined ? { latitude: null, longitude: null } : {};
  const changed = [...v.given(patch), ...Object.keys(moved)];
  const provenance = editedBy(changed, new Date(), existing.provenance);
  const next = { ...existing, ...moved, ...Object.fromEntries(v.given(patch).map((k) => [k, patch[k]])), provenance } as SupplierRecord;
  const given = v.given(patch);
  if (who.role === 'SUPPLIER' && (given.includes('inclusionKind') || given.includes('labels'))) {
    // The structure's own word: kept aside until an officer confirms it; the confirmed values stay.
    const base = existing.pendingChanges ?? { inclusionKind: existing.inclusionKind, labels: existing.labels };
    const declared = {
      inclusionKind: given.includes('inclusionKind') ? (patch.inclusionKind ?? null) : base.inclusionKind,
      labels: given.includes('labels') ? (patch.labels ?? []) : base.labels,
    };
    next.pendingChanges = pendingFor(who, existing, declared, new Date());
    next.inclusionKind = existing.inclusionKind;
    next.labels = existing.labels;
  }
  if ((next.latitude === null) !== (next.longitude === null)) {
    throw badInput('latitude', '« latitude » : latitude et longitude vont ensemble.');
  }
  const { id: _id, createdAt: _createdAt, ...rest } = { ...next, ...derived(next) };
  // The whole profile is written back: only over the version read, so that a decision on its
  // declaration (or any write) landing meanwhile is never undone without a word.
  const updated = await services.store.suppliers.findOneAndUpdate(supplierAsRead(id, existing.updatedAt), rest).catch(duplicateKey);
  if (!updated) {
    const now = await services.store.suppliers.findById(id);
    throw !now || now.retiredAt ? notFound('Structure introuvable.') : conflict('La fiche a été modifiée entre-temps (par la Métropole, la structure ou un import) : rechargez-la, puis refaites vos changements.');
  }
  services.matching.upsert(updated);
  return updated;
}

/** What a structure declares, pending; null when it is what is already confirmed. */
function pendingFor(
  who: Viewer,
  confirmed: { inclusionKind: InclusionKind | null; labels: string[] },
  declared: { inclusionKind: InclusionKind | null; labels: string[] },
  at: Date,
): PendingSupplierChanges | null {
  const sameLabels = declared.labels.length === confirmed.labels.length && declared.labels.every((l) => confirmed.labels.includes(l));
  if (declared.inclusionKind === confirmed.inclusionKind && sameLabels) return null;
  return { inclusionKind: declared.inclusionKind, labels: declared.labels, requestedBy: who.userId, requestedAt: at };
}

/** Staff: the structures whose declared inclusion kind or labels wait for a decision, oldest request first. */
export async function suppliersWithPendingChanges(services: DirectoryDeps, viewer: Viewer | null): Promise<SupplierRecord[]> {
  requireRole(viewer, 'OFFICER', 'ADMIN');
  const found = await services.store.suppliers.find(withPendingChanges(), { limit: 500 });
  return found.filter((s) => !s.retiredAt).sort((a, b) => a.pendingChanges!.requestedAt.getTime() - b.pendingChanges!.requestedAt.getTime());
}

/** The structures of these ids still in the directory (not the anonymous stub of a deleted one), by id. */
export async function activeSuppliers(store: Store, ids: readonly string[]): Promise<Map<string, SupplierRecord>> {
  if (ids.length === 0) return new Map();
  return new Map((await store.suppliers.find(byIds(ids))).filter((s) => !s.retiredAt).map((s) => [s.id, s]));
}

/** A structure's public profile; null for an unknown id and for the anonymous stub of a deleted one. */
/** The live profile a SUPPLIER user keeps, told to that user only (the public pages' "my profile"). */
export async function ownSupplier(services: Pick<DirectoryDeps, 'store'>, viewer: Viewer | null, userId: string): Promise<SupplierRecord | null> {
  if (!viewer || viewer.userId !== userId || viewer.role !== 'SUPPLIER' || !viewer.organisationId) return null;
  return (await services.store.suppliers.find(ofOrganisation(viewer.organisationId))).find((s) => !s.retiredAt) ?? null;
}

export async function getSupplier(services: DirectoryDeps, id: string): Promise<SupplierRecord | null> {
  const supplier = await services.store.suppliers.findById(id);
  return supplier && !supplier.retiredAt ? supplier : null;
}
