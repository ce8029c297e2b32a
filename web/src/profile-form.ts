// A structure's profile as a form: the console's page (officers) and "Ma structure" (the structure
// itself) edit the same fields, from the same state, into the same API input.
import { KNOWN_LABELS } from '../../api/reference/labels';
import type { FieldErrors } from './errors';
import type { InclusionKind, LegalForm } from './gql/graphql';
import { optionalEuros, optionalFloat, optionalInt, splitList } from './inputs';

/** The form's fields, in page order (for the error summary). */
export const PROFILE_FORM_FIELDS = ['name', 'siret', 'legalForm', 'inclusionKind', 'description', 'services', 'nafCodes', 'communeCode', 'interventionRadiusKm', 'employees', 'maxContractValue', 'labels', 'contactEmail', 'website', 'latitude', 'longitude'];

export interface ProfileValues {
  name: string;
  siret: string | null;
  legalForm: LegalForm;
  inclusionKind: InclusionKind | null;
  description: string;
  services: string[];
  nafCodes: string[];
  commune: { code: string };
  interventionRadiusKm: number | null;
  employees: number | null;
  maxContractValue: number | null;
  labels: string[];
  contactEmail: string | null;
  website: string | null;
}

const str = (n: number | null | undefined) => (n == null ? '' : String(n));

/** The form's state for a profile (blank for a new one); the labels are split between the known ones' boxes and a free list. */
export function profileFormState(existing: ProfileValues | undefined) {
  const known = new Set(KNOWN_LABELS);
  const labels = existing?.labels ?? [];
  return {
    name: existing?.name ?? '',
    siret: existing?.siret ?? '',
    // A form left unknown by an import, or a new profile: the person chooses; none is preset.
    legalForm: (existing?.legalForm === 'UNSPECIFIED' ? '' : (existing?.legalForm ?? '')) as LegalForm | '',
    inclusionKind: (existing?.inclusionKind ?? '') as InclusionKind | '',
    description: existing?.description ?? '',
    services: existing?.services.join('\n') ?? '',
    nafCodes: existing?.nafCodes ?? [],
    communeCode: existing?.commune.code ?? '',
    interventionRadiusKm: str(existing?.interventionRadiusKm),
    employees: str(existing?.employees),
    maxContractValue: str(existing?.maxContractValue),
    labels: labels.filter((l) => known.has(l)),
    otherLabels: labels.filter((l) => !known.has(l)).join(', '),
    contactEmail: existing?.contactEmail ?? '',
    website: existing?.website ?? '',
    // Blank: the location shown may be the commune's centre, which must not be saved as a geocoded address.
    latitude: '',
    longitude: '',
  };
}

export type ProfileFormState = ReturnType<typeof profileFormState>;

export const servicesOf = (f: ProfileFormState): string[] => f.services.split('\n').map((s) => s.trim()).filter(Boolean);
export const labelsOf = (f: ProfileFormState): string[] => [...f.labels, ...splitList(f.otherLabels)];

/** The API input of the form's fields, numbers that cannot be read said in `numbers` by field. */
export function profileInput(f: ProfileFormState, numbers: FieldErrors) {
  return {
    name: f.name,
    siret: f.siret || null,
    ...(f.legalForm ? { legalForm: f.legalForm } : {}),
    inclusionKind: f.inclusionKind || null,
    description: f.description,
    services: servicesOf(f),
    nafCodes: f.nafCodes,
    communeCode: f.communeCode,
    interventionRadiusKm: optionalInt(f.interventionRadiusKm, 'interventionRadiusKm', numbers),
    employees: optionalInt(f.employees, 'employees', numbers),
    maxContractValue: optionalEuros(f.maxContractValue, 'maxContractValue', numbers),
    labels: labelsOf(f),
    contactEmail: f.contactEmail,
    website: f.website || null,
    latitude: optionalFloat(f.latitude, 'latitude', numbers),
    longitude: optionalFloat(f.longitude, 'longitude', numbers),
  };
}
