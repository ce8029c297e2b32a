// The one place where filters are built. Both engines consume them as they are, so only
// operators that nedb and MongoDB evaluate identically appear here: equality (on an array
// field: "contains"), $in, $lt, $gt, $or, $and and RegExp values built from escaped text.
// Values are always typed (strings, dates, enums): raw client input never becomes an operator.
import { fold } from '../../matching/text/fold';
import type { Filter, InclusionKind, LegalForm, OrganisationKind } from './types';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const allOf = (parts: Filter[]): Filter => (parts.length === 0 ? {} : parts.length === 1 ? parts[0]! : { $and: parts });

export const byEmail = (email: string): Filter => ({ email });

/** Lookups by primary key: `_id` is our id in both engines and is indexed in both. */
export const byIds = (ids: readonly string[]): Filter => ({ _id: { $in: [...ids] } });

export const byName = (name: string, kind: OrganisationKind): Filter => ({ name, kind });

export interface DirectoryCriteria {
  /** Every word must appear in the folded name, description or services, taken literally. */
  text?: string;
  communeCode?: string;
  inclusionKinds?: readonly InclusionKind[];
  legalForms?: readonly LegalForm[];
  /** Folded labels: the structure must hold all of them. */
  labelKeys?: readonly string[];
  /** At least one NAF code must start with this prefix, e.g. "81" or "81.30". */
  nafPrefix?: string;
  /** Keyset cursor: documents strictly after this one in DIRECTORY_ORDER. */
  after?: { sortKey: string; id: string };
}

export const DIRECTORY_ORDER: Record<string, 1 | -1> = { sortKey: 1, id: 1 };

export function supplierDirectoryFilter(c: DirectoryCriteria): Filter {
  const parts: Filter[] = [];
  for (const word of fold(c.text ?? '').split(' ')) {
    if (word) parts.push({ searchText: new RegExp(escapeRegExp(word)) });
  }
  if (c.communeCode) parts.push({ communeCode: c.communeCode });
  if (c.inclusionKinds?.length) parts.push({ inclusionKind: { $in: [...c.inclusionKinds] } });
  if (c.legalForms?.length) parts.push({ legalForm: { $in: [...c.legalForms] } });
  // $all is not in nedb; one equality per key on the array field means "contains" in both engines.
  for (const key of c.labelKeys ?? []) parts.push({ labelKeys: key });
  if (c.nafPrefix) parts.push({ nafCodes: new RegExp(`^${escapeRegExp(c.nafPrefix)}`) });
  if (c.after) {
    const { sortKey, id } = c.after;
    parts.push({ $or: [{ sortKey: { $gt: sortKey } }, { sortKey, id: { $gt: id } }] });
  }
  return allOf(parts);
}

export interface NeedsCriteria {
  /** With createdBy: needs of this organisation OR written by this user (what each may see). */
  organisationId?: string;
  createdBy?: string;
  /** Keyset cursor: documents strictly after this one in NEEDS_ORDER. */
  before?: { createdAt: Date; id: string };
}

/** Newest first. */
export const NEEDS_ORDER: Record<string, 1 | -1> = { createdAt: -1, id: -1 };

export function needsFilter(c: NeedsCriteria): Filter {
  const parts: Filter[] = [];
  const owners: Filter[] = [];
  if (c.organisationId !== undefined) owners.push({ organisationId: c.organisationId });
  if (c.createdBy !== undefined) owners.push({ createdBy: c.createdBy });
  if (owners.length) parts.push(owners.length === 1 ? owners[0]! : { $or: owners });
  if (c.before) {
    const { createdAt, id } = c.before;
    parts.push({ $or: [{ createdAt: { $lt: createdAt } }, { createdAt, id: { $lt: id } }] });
  }
  return allOf(parts);
}
