// What a need is: its fields and their rules, the one-click sets of required kinds, who may see it.
import { z } from 'zod';
import { canSeePrivate, isStaff, type Viewer } from '../auth/guards';
import { badInput } from '../errors';
import { DISABILITY_KINDS, SIAE_KINDS } from '../../matching/components/inclusion';
import type { InclusionKind, NeedKind, NeedRecord, Store } from '../store/types';
import * as v from '../kernel';
import { byEmail } from '../store/filters';
import { INCLUSION_KINDS } from '../directory';
import { QUANTITIES } from '../reference/amounts';

export const NEED_KINDS = ['PURCHASE', 'SUBCONTRACTING', 'RSE_PARTNERSHIP', 'INSERTION_CLAUSE', 'SPONSORSHIP'] as const satisfies readonly NeedKind[];

const budget = v.quantity(QUANTITIES.euros);

/** Staff's working note on a need: never mailed. */
export const internalNoteField = v.optionalText(2000);

export const needSchema = z
  .object({
    title: v.text(200),
    description: v.text(5000),
    kind: z.enum(NEED_KINDS, 'type de besoin inconnu'),
    companyName: v.optionalText(200),
    contactEmail: v.email.nullish().transform((e) => e ?? null),
    internalNote: internalNoteField,
    nafCodes: v.nafCodes,
    communeCode: v.communeCode,
    latitude: v.latitude,
    longitude: v.longitude,
    budgetMin: budget,
    budgetMax: budget,
    requiredLabels: v.knownLabels,
    preferredInclusionKinds: v
      .list(z.enum(INCLUSION_KINDS, "type de structure d'inclusion inconnu"), INCLUSION_KINDS.length)
      .nullish()
      .transform((kinds) => [...new Set(kinds ?? [])]),
    // The public form's trap: hidden from people, filled by robots. Never stored.
    honeypot: v.optionalText(500),
    // The structure the firm asked for from its public page: checked to be in the directory when posted.
    addressedTo: z.string().max(100, 'identifiant de structure trop long').nullish().transform((id) => id ?? null),
    // The form's own key, the same for every send of one form: a double click posts one need. Never stored.
    clientKey: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,64}$/, 'de 8 à 64 lettres, chiffres, « - » ou « _ »')
      .nullish()
      .transform((k) => k ?? null),
    requiredInclusionKinds: v
      .list(z.enum(INCLUSION_KINDS, "type de structure d'inclusion inconnu"), INCLUSION_KINDS.length)
      .nullish()
      .transform((kinds) => [...new Set(kinds ?? [])]),
    // A day alone is kept as that calendar day, at UTC midnight, as deadlines have always been stored.
    deadline: v
      .isoDate((date) => (date.day ? new Date(date.wall) : v.isoInstant(date)))
      .refine((d) => d.getTime() > Date.now() - 86_400_000, "l'échéance est déjà passée")
      .refine((d) => d.getTime() < Date.now() + 10 * 366 * 86_400_000, "l'échéance doit tomber dans les dix ans")
      .nullish()
      .transform((d) => d ?? null),
  })
  .superRefine(v.bothOrNeither)
  .superRefine((need, ctx) => {
    if (need.budgetMin !== null && need.budgetMax !== null && need.budgetMin > need.budgetMax) {
      ctx.addIssue({ code: 'custom', path: ['budgetMax'], message: 'le budget maximum doit être supérieur ou égal au budget minimum' });
    }
  });

export type NeedInput = z.input<typeof needSchema>;

// Who records the need says what else it requires: a firm without an account, or an officer recording
// a firm's need by phone, names the firm and gives its address (the selection is sent there).
const FIRM_REQUIRED = {
  anonymous: {
    companyName: 'obligatoire pour déposer un besoin sans compte (le nom de votre entreprise)',
    contactEmail: "obligatoire pour déposer un besoin sans compte (l'adresse où recevoir le lien de confirmation puis les structures proposées)",
  },
  staff: {
    companyName: "obligatoire quand un agent enregistre le besoin d'une entreprise",
    contactEmail: "obligatoire quand un agent enregistre le besoin d'une entreprise (l'adresse de l'entreprise, à qui la sélection sera envoyée)",
  },
} as const;

const requiring = (required: (typeof FIRM_REQUIRED)[keyof typeof FIRM_REQUIRED]) =>
  needSchema.superRefine((need, ctx) => {
    for (const field of ['companyName', 'contactEmail'] as const) {
      if (!need[field]) ctx.addIssue({ code: 'custom', path: [field], message: required[field] });
    }
  });
const anonymousNeedSchema = requiring(FIRM_REQUIRED.anonymous);
const staffNeedSchema = requiring(FIRM_REQUIRED.staff);

/** The need's rules for this poster, checked together so that every missing field is said at once. */
export const needSchemaFor = (who: Viewer | null) => (who === null ? anonymousNeedSchema : isStaff(who) ? staffNeedSchema : needSchema);

export interface InclusionKindPreset {
  label: string;
  kinds: InclusionKind[];
  basis: string;
}

/** The need forms' one-click sets of required kinds: the three the law gives a meaning to. */
export const INCLUSION_KIND_PRESETS: readonly InclusionKindPreset[] = Object.freeze([
  { label: 'Marché réservé ESAT et entreprises adaptées', kinds: [...DISABILITY_KINDS], basis: 'art. L2113-12 du Code de la commande publique' },
  { label: "Marché réservé aux structures d'insertion (SIAE)", kinds: [...SIAE_KINDS], basis: 'art. L2113-13 du Code de la commande publique' },
  {
    label: 'Achat déductible de la contribution OETH',
    kinds: [...DISABILITY_KINDS],
    basis: "Code du travail : les achats auprès d'ESAT, EA et EATT sont déductibles de la contribution OETH, dans les limites qu'il prévoit",
  },
]);

/**
 * A firm's need is acknowledged, and its structures proposed, by mail to its contact address: a firm gives one of its
 * own accounts' addresses, never a stranger's (the service would mail the firm's words to anyone).
 */
export async function refuseForeignAddress(store: Store, who: Viewer, contactEmail: string | null): Promise<void> {
  if (contactEmail === null || contactEmail.toLowerCase() === who.email.toLowerCase()) return;
  const colleague = who.organisationId ? (await store.users.find(byEmail(contactEmail.toLowerCase()))).some((u) => u.organisationId === who.organisationId) : false;
  if (!colleague) {
    throw badInput('contactEmail', "« contactEmail » : une entreprise reçoit les propositions à l'adresse de l'un de ses comptes ; pour une autre adresse, écrivez à la Métropole.");
  }
}

/** Only staff write a need's internal note: a firm's words all reach the structures. */
export function refuseInternalNote(who: Viewer | null, need: { internalNote?: string | null }): void {
  if (need.internalNote && !isStaff(who)) {
    throw badInput('internalNote', "« internalNote » : la note interne est réservée aux agents de la Métropole.");
  }
}

/**
 * The name a need is recorded under: staff give the firm's (and its address); a firm's user posts
 * under its organisation's name. Shared by postNeed and updateNeed.
 */
export async function companyNameFor(services: { readonly store: Store }, who: Viewer, need: { companyName: string | null; contactEmail: string | null }): Promise<string | null> {
  // Staff name the firm: needSchemaFor(staff) required it.
  if (isStaff(who)) return need.companyName;
  const organisation = who.organisationId ? await services.store.organisations.findById(who.organisationId) : null;
  if (need.companyName !== null && need.companyName !== organisation?.name) {
    throw badInput('companyName', "« companyName » : une entreprise publie sous le nom de son organisation ; seul un agent de la Métropole peut le renseigner.");
  }
  return organisation?.name ?? null;
}

/** A need no organisation owns (posted without an account, or recorded by an officer) is its contact address's. */
const ownedByAddress = (viewer: Viewer | null, need: NeedRecord): boolean =>
  viewer?.role === 'COMPANY' && need.organisationId === null && need.contactEmail.toLowerCase() === viewer.email.toLowerCase();

/** A need is visible to its firm's users and to staff. */
export function canSeeNeed(viewer: Viewer | null, need: NeedRecord): boolean {
  return canSeePrivate(viewer, need.organisationId) || (viewer !== null && viewer.userId === need.createdBy) || ownedByAddress(viewer, need);
}
