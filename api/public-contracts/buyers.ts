// Public buyers as users: an organisation is made a public buyer (its SIRET) by staff or at its
// creation; its users post needs like firms and see their own DECP figures (every establishment of
// their SIREN), never another buyer's. Staff see any buyer's.
import { z } from 'zod';
import { isStaff, requireViewer, type Viewer } from '../auth/guards';
import { badInput, forbidden, notFound } from '../errors';
import { organisationsOfKind, publicBuyers } from '../store/filters';
import type { ContractHolder, OrganisationRecord, PublicContractRecord, Store, SupplierRecord } from '../store/types';
import * as v from '../kernel';
import { awardedToDirectory, computePublicContracts, directoryHolders, periodContracts, type PublicContractStats } from './stats';

export type ListedContract = Omit<PublicContractRecord, 'holders'> & {
  awardedToDirectory: boolean;
  holders: (ContractHolder & { supplier: SupplierRecord | null })[];
};

/** The kinds staff may give an organisation: a firm's, or a public buyer's (structures and the Métropole keep theirs). */
const SETTABLE = ['COMPANY', 'PUBLIC_BUYER'] as const;

const kindSchema = z
  .object({
    kind: z.enum(SETTABLE, 'seuls COMPANY et PUBLIC_BUYER peuvent être donnés à une organisation'),
    siret: v.siret,
  })
  .refine((k) => k.kind !== 'PUBLIC_BUYER' || k.siret !== null, { path: ['siret'], message: 'le SIRET de l’acheteur public est obligatoire' });

/** Makes an organisation a public buyer (with its SIRET) or a firm again. */
export async function setOrganisationKind(store: Store, organisationId: string, input: { kind: unknown; siret?: unknown }): Promise<OrganisationRecord> {
  const { kind, siret } = v.parseInput(kindSchema, { kind: input.kind, siret: input.siret ?? null });
  const organisation = await store.organisations.findById(organisationId);
  if (!organisation) throw notFound('Organisation introuvable.');
  if (!(SETTABLE as readonly string[]).includes(organisation.kind)) {
    throw badInput('kind', '« kind » : une structure ou la Métropole ne peut pas devenir un acheteur public ; créez-lui un compte d’entreprise.');
  }
  const updated = await store.organisations.update(organisationId, { kind, siret: kind === 'PUBLIC_BUYER' ? siret : null });
  if (!updated) throw notFound('Organisation introuvable.');
  return updated;
}

/** The public buyer organisation of this SIRET, if one exists (a colleague joins it rather than making a second). */
export async function publicBuyerOrganisation(store: Store, siret: string): Promise<OrganisationRecord | null> {
  return (await store.organisations.find(publicBuyers())).find((o) => o.siret === siret) ?? null;
}

export function setOrganisationKindAsStaff(deps: { store: Store }, viewer: Viewer | null, organisationId: string, input: { kind: unknown; siret?: unknown }): Promise<OrganisationRecord> {
  if (!isStaff(requireViewer(viewer))) throw forbidden();
  return setOrganisationKind(deps.store, organisationId, input);
}

const buyerSchema = z.object({
  buyer: z
    .string()
    .transform((b) => b.replace(/\s/g, ''))
    .refine((b) => /^(\d{9}|\d{14})$/.test(b), 'SIRET (14 chiffres) ou SIREN (9 chiffres) attendu')
    .nullish(),
});

/**
 * Which buyer's contracts the viewer may see: staff, the one asked (undefined: all); a public
 * buyer's user, its own SIREN (asking for another buyer is refused). Anyone else: refused.
 */
export async function buyerScope(store: Store, viewer: Viewer | null, asked: unknown): Promise<string | undefined> {
  const who = requireViewer(viewer);
  const { buyer } = v.parseInput(buyerSchema, { buyer: asked });
  if (isStaff(who)) return buyer ?? undefined;
  const organisation = who.organisationId ? await store.organisations.findById(who.organisationId) : null;
  if (organisation?.kind !== 'PUBLIC_BUYER' || !organisation.siret) throw forbidden('Réservé aux acheteurs publics et aux agents de la Métropole.');
  const siren = organisation.siret.slice(0, 9);
  if (buyer && buyer.slice(0, 9) !== siren) throw forbidden('Vous ne voyez que les marchés de votre organisation.');
  return buyer ?? siren;
}

/**
 * The organisation of a user, to itself and to staff. A User reaches a caller without a token only
 * as the answer to its own sign-in (AuthPayload.user): `me` needs one, and nothing else returns a User.
 */
export async function organisationOf(store: Store, viewer: Viewer | null, user: { organisationId: string | null }): Promise<OrganisationRecord | null> {
  if (!user.organisationId || (viewer && !isStaff(viewer) && viewer.organisationId !== user.organisationId)) return null;
  return store.organisations.findById(user.organisationId);
}

/** The viewer's (or, for staff, the asked buyer's) contracts notified in the period, each saying whether the directory won it. */
export async function contractsFor(store: Store, viewer: Viewer | null, period: { from: Date; to: Date }, buyer: unknown): Promise<ListedContract[]> {
  const scope = await buyerScope(store, viewer, buyer);
  const contracts = await periodContracts(store, period.from, period.to, scope);
  const directory = await directoryHolders(store, contracts);
  return contracts.map((c) => ({
    ...c,
    awardedToDirectory: awardedToDirectory(c, directory),
    holders: c.holders.map((h) => ({ ...h, supplier: h.idType === 'SIRET' ? (directory.get(h.id) ?? null) : null })),
  }));
}

/** The figures of the viewer's (or, for staff, the asked buyer's; all buyers' without one) contracts. */
export async function statsFor(store: Store, viewer: Viewer | null, period: { from: Date; to: Date }, buyer: unknown): Promise<PublicContractStats> {
  return computePublicContracts(store, period.from, period.to, await buyerScope(store, viewer, buyer));
}

const ORGANISATION_KINDS = ['COMPANY', 'SUPPLIER', 'METROPOLE', 'PUBLIC_BUYER'] as const;

/** Staff: the organisations of a kind, or all, by name. */
export async function listOrganisations(store: Store, viewer: Viewer | null, kind: unknown): Promise<OrganisationRecord[]> {
  if (!isStaff(requireViewer(viewer))) throw forbidden();
  const { kind: k } = v.parseInput(z.object({ kind: z.enum(ORGANISATION_KINDS, 'type d’organisation inconnu').nullish() }), { kind });
  const found = await store.organisations.find(k ? organisationsOfKind(k) : {});
  return found.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}
