// How complete a structure's profile is: the share of the fields firms look for that are known.
// Most of the territory's structures were imported with a name, registry codes and a kind only;
// this one function says what they still lack (console, the structure's page, the public card).
import type { SupplierRecord } from '../store/types';

/**
 * The fields counted, each weighing the same (SupplierInput names): what firms look for — what it
 * does, its trade, what it can take on and where, how to reach it, its labels. Complete is 100 %.
 */
export const COMPLETENESS_FIELDS = ['description', 'services', 'nafCodes', 'maxContractValue', 'interventionRadiusKm', 'contactEmail', 'labels'] as const;
export type CompletenessField = (typeof COMPLETENESS_FIELDS)[number];

export interface Completeness {
  percent: number; // 0-100
  missing: CompletenessField[];
}

type Profile = Pick<SupplierRecord, CompletenessField | 'pendingChanges'>;

const known: Record<CompletenessField, (s: Profile) => boolean> = {
  description: (s) => s.description.trim() !== '',
  services: (s) => s.services.length > 0,
  nafCodes: (s) => s.nafCodes.length > 0,
  maxContractValue: (s) => s.maxContractValue !== null,
  interventionRadiusKm: (s) => s.interventionRadiusKm !== null,
  contactEmail: (s) => s.contactEmail !== '',
  // Labels the structure declared count before an officer confirms them: it has said what it holds.
  labels: (s) => s.labels.length > 0 || (s.pendingChanges?.labels.length ?? 0) > 0,
};

export const percentOf = (knownCount: number): number => Math.round((100 * knownCount) / COMPLETENESS_FIELDS.length);

/** Every percent a profile can have (one per number of known fields): the directory index lists profiles by it. */
export const COMPLETENESS_STEPS: readonly number[] = COMPLETENESS_FIELDS.map((_, i) => percentOf(i)).concat(100);

export function completenessOf(s: Profile): Completeness {
  const missing = COMPLETENESS_FIELDS.filter((f) => !known[f](s));
  return { percent: percentOf(COMPLETENESS_FIELDS.length - missing.length), missing };
}

/** What each field is called for the structure (its page, its invitation mail). */
export const COMPLETENESS_FIELD_FR: Record<CompletenessField, string> = {
  description: 'une description de votre activité',
  services: 'vos prestations',
  nafCodes: 'votre métier (code NAF)',
  maxContractValue: 'le plus gros marché que vous pouvez prendre',
  interventionRadiusKm: "votre rayon d'intervention",
  contactEmail: 'une adresse de contact',
  labels: 'vos labels',
};
