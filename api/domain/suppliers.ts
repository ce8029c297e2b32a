// ESS structures: their capability profiles and the public directory.
import { z } from 'zod';
import { canSeePrivate, isStaff, requireRole, requireViewer, type Viewer } from '../auth/guards';
import { conflict, forbidden, notFound, badInput } from '../errors';
import { labelKey, fold } from '../../matching/text/fold';
import type { Services } from '../services';
import { byIds, DIRECTORY_ORDER, ofOrganisation, supplierDirectoryFilter } from '../store/filters';
import { DuplicateKeyError, type InclusionKind, type LegalForm, type Store, type SupplierRecord } from '../store/types';
import { newId } from './ids';
import { decodeCursor, encodeCursor, pageSize, toPage, type Page } from './pagination';
import * as v from './validation';

export const LEGAL_FORMS = ['ASSOCIATION', 'SCOP', 'SCIC', 'COOPERATIVE', 'MUTUELLE', 'FONDATION', 'ESUS_COMPANY'] as const satisfies readonly LegalForm[];
export const INCLUSION_KINDS = ['ESAT', 'EA', 'EATT', 'ACI', 'AI', 'EI', 'ETTI', 'EITI', 'GEIQ'] as const satisfies readonly InclusionKind[];

const fields = {
  name: v.text(200),
  siret: v.siret,
  legalForm: z.enum(LEGAL_FORMS, 'forme juridique inconnue'),
  inclusionKind: z.enum(INCLUSION_KINDS, "type de structure d'inclusion inconnu").nullish().transform((k) => k ?? null),
  description: v.text(5000),
  services: v.phrases,
  nafCodes: v.nafCodes,
  communeCode: v.communeCode,
  latitude: v.latitude,
  longitude: v.longitude,
  interventionRadiusKm: v.count(1000),
  employees: v.count(1_000_000),
  maxContractValue: v.count(1_000_000_000),
  labels: v.labels,
  contactEmail: v.email,
  website: v.website,
};

const createSchema = z.object(fields).superRefine(v.bothOrNeither);
const updateSchema = z.object(fields).partial();

type ProfileFields = z.output<typeof createSchema>;
export type SupplierInput = z.input<typeof createSchema>;

/** The fields derived from the profile for filtering and ordering: recomputed on every write. */
function derived(p: Pick<ProfileFields, 'name' | 'description' | 'services' | 'labels'>) {
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

/** Officers and admins create any structure; a SUPPLIER user creates the one profile of its organisation. */
export async function createSupplier(services: Services, viewer: Viewer | null, input: unknown): Promise<SupplierRecord> {
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
  const now = new Date();
  const createdOrganisation = who.role === 'SUPPLIER' ? null : newId();
  organisationId = createdOrganisation ?? organisationId;
  const record: SupplierRecord = { id: newId(), organisationId, ...profile, ...derived(profile), createdAt: now, updatedAt: now };
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
  services.matching.upsert(record);
  return record;
}

/** The structure's own users and staff edit a profile; only the given fields change. */
export async function updateSupplier(services: Services, viewer: Viewer | null, id: string, input: unknown): Promise<SupplierRecord> {
  const who = requireViewer(viewer);
  const existing = await services.store.suppliers.findById(id);
  if (!existing || existing.retiredAt) throw notFound('Structure introuvable.');
  if (!canSeePrivate(who, existing.organisationId) || !(isStaff(who) || who.role === 'SUPPLIER')) throw forbidden();
  for (const key of ['name', 'legalForm', 'description', 'communeCode', 'contactEmail'] as const) {
    if ((input as Record<string, unknown> | null)?.[key] === null) throw badInput(key, `« ${key} » : ce champ est obligatoire.`);
  }
  const patch = v.parseInput(updateSchema, input);
  // A new base without new coordinates: the old ones described the old place.
  const moved = patch.communeCode !== undefined && patch.latitude === undefined && patch.longitude === undefined ? { latitude: null, longitude: null } : {};
  const next = { ...existing, ...moved, ...Object.fromEntries(v.given(patch).map((k) => [k, patch[k]])) } as SupplierRecord;
  if ((next.latitude === null) !== (next.longitude === null)) {
    throw badInput('latitude', '« latitude » : latitude et longitude vont ensemble.');
  }
  const { id: _id, createdAt: _createdAt, ...rest } = { ...next, ...derived(next) };
  const updated = await services.store.suppliers.update(id, rest).catch(duplicateKey);
  if (!updated) throw notFound('Structure introuvable.');
  services.matching.upsert(updated);
  return updated;
}

/** The structures of these ids still in the directory (not the anonymous stub of a deleted one), by id. */
export async function activeSuppliers(store: Store, ids: readonly string[]): Promise<Map<string, SupplierRecord>> {
  if (ids.length === 0) return new Map();
  return new Map((await store.suppliers.find(byIds(ids))).filter((s) => !s.retiredAt).map((s) => [s.id, s]));
}

/** A structure's public profile; null for an unknown id and for the anonymous stub of a deleted one. */
export async function getSupplier(services: Services, id: string): Promise<SupplierRecord | null> {
  const supplier = await services.store.suppliers.findById(id);
  return supplier && !supplier.retiredAt ? supplier : null;
}

/** A blank filter field is no filter, as it has always been; any other value is checked as an input is. */
const orBlank = <T extends z.ZodType>(schema: T) => z.preprocess((s) => (typeof s === 'string' && s.trim() === '' ? null : s), schema.nullish());

const directorySchema = z
  .object({
    text: v.searchText(200, 'recherche trop longue (200 caractères au plus)').nullish(),
    // read as a structure's own commune is, so that "2a004" finds Ajaccio and an unknown code is refused
    communeCode: orBlank(v.communeCode),
    inclusionKinds: v.list(z.enum(INCLUSION_KINDS), INCLUSION_KINDS.length).nullish(),
    legalForms: v.list(z.enum(LEGAL_FORMS), LEGAL_FORMS.length).nullish(),
    labels: v.list(v.searchText(60, 'label trop long'), 20, 'labels').nullish(),
    nafPrefix: orBlank(v.nafPrefix),
  })
  .nullish();

export interface DirectoryArgs {
  filter?: unknown;
  first?: number | null;
  after?: string | null;
}

/** The public directory, in name order, with keyset pagination. */
export async function directory(services: Services, args: DirectoryArgs): Promise<Page<SupplierRecord>> {
  const size = pageSize(args.first);
  const f = v.parseInput(directorySchema, args.filter) ?? {};
  const after = decodeCursor(args.after);
  const criteria = {
    text: f.text || undefined,
    communeCode: f.communeCode || undefined,
    inclusionKinds: f.inclusionKinds?.length ? f.inclusionKinds : undefined,
    legalForms: f.legalForms?.length ? f.legalForms : undefined,
    labelKeys: f.labels?.length ? f.labels.map(labelKey) : undefined,
    nafPrefix: f.nafPrefix || undefined,
  };
  const { suppliers } = services.store;
  const [fetched, totalCount] = await Promise.all([
    suppliers.find(
      supplierDirectoryFilter({ ...criteria, after: after ? { sortKey: String(after[0]), id: after[1] } : undefined }),
      { sort: DIRECTORY_ORDER, limit: size + 1 },
    ),
    suppliers.count(supplierDirectoryFilter(criteria)),
  ]);
  return toPage(fetched, size, totalCount, (s) => encodeCursor([s.sortKey, s.id]));
}
