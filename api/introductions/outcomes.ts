// What the introductions produced: per introduced structure, the latest word of the firm or an officer.
import { z } from 'zod';
import { isStaff, requireViewer, type Viewer } from '../auth/guards';
import { badInput, conflict, forbidden, notFound } from '../errors';
import type { StoreDeps } from './deps';
import { byIds, byShortlists } from '../store/filters';
import { DuplicateKeyError, type NeedRecord, type OutcomeRecord, type ResponseRecord, type OutcomeStatus, type ShortlistItemRecord, type ShortlistRecord, type SupplierRecord } from '../store/types';
import * as v from '../kernel';
import { canSeeNeed } from '../needs';
import { QUANTITIES } from '../reference/amounts';

export const OUTCOME_STATUSES = ['CONTACTED', 'QUOTE_REQUESTED', 'WON', 'LOST', 'NO_FOLLOW_UP'] as const satisfies readonly OutcomeStatus[];

const outcomeSchema = z
  .object({
    shortlistId: z.string().max(100),
    supplierId: z.string().max(100),
    status: z.enum(OUTCOME_STATUSES, 'suite inconnue'),
    amount: v.quantity(QUANTITIES.euros),
    insertionHours: v.quantity(QUANTITIES.insertionHours),
  })
  .superRefine((o, ctx) => {
    if (o.status === 'WON' && (o.amount === null || o.amount < 1)) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'obligatoire pour un marché remporté (montant en euros, au moins 1 €)' });
    }
    if (o.status !== 'WON' && o.amount !== null) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'seulement pour un marché remporté (WON)' });
    }
    if (o.status !== 'WON' && o.insertionHours !== null) {
      ctx.addIssue({ code: 'custom', path: ['insertionHours'], message: "seulement pour un marché remporté (WON)" });
    }
  });

export const outcomeIdOf = (shortlistId: string, supplierId: string): string => `${shortlistId}:${supplierId}`;

/**
 * A structure as shown on a list: `introducedTo` names the firm's user reading its own approved or
 * sent list, who may read the contact address its introduction mail gave it.
 */
export type ListedSupplier = SupplierRecord & { introducedTo?: string };

/** An item as the API shows it: its rank, its structure and what came of it. */
export interface ShortlistItemView extends ShortlistItemRecord {
  shortlistId: string;
  rank: number;
  supplier: ListedSupplier;
  outcome: OutcomeRecord | null;
  /** The structure's answer from its mail's links. */
  response: ResponseRecord | null;
}

/** A firm's user reads the contacts of the structures introduced to it: on its own lists once approved (the mail gave them). */
async function introducedTo(services: StoreDeps, viewer: Viewer | null, shortlist: ShortlistRecord): Promise<string | undefined> {
  if (!viewer || viewer.role !== 'COMPANY' || shortlist.status === 'DRAFT') return undefined;
  const need = await services.store.needs.findById(shortlist.needId);
  return need && canSeeNeed(viewer, need) ? viewer.userId : undefined;
}

/** The items whose structure still exists, with their outcomes: a few reads whatever the length. */
export async function itemsOf(services: StoreDeps, shortlist: ShortlistRecord, viewer: Viewer | null = null): Promise<ShortlistItemView[]> {
  const ids = shortlist.items.map((i) => i.supplierId);
  const approved = shortlist.status !== 'DRAFT';
  const firm = await introducedTo(services, viewer, shortlist);
  const [suppliers, outcomes, responses] = await Promise.all([
    services.store.suppliers.find(byIds(ids)),
    approved ? services.store.outcomes.find(byShortlists([shortlist.id])) : Promise.resolve([]),
    approved ? services.store.responses.find(byShortlists([shortlist.id])) : Promise.resolve([]),
  ]);
  const responseOf = new Map(responses.map((r) => [r.supplierId, r]));
  const supplierOf = new Map(suppliers.map((s) => [s.id, s]));
  const outcomeOf = new Map(outcomes.map((o) => [o.supplierId, o]));
  return shortlist.items.flatMap((item, index) => {
    const supplier = supplierOf.get(item.supplierId);
    if (!supplier) return [];
    const listed: ListedSupplier = firm ? { ...supplier, introducedTo: firm } : supplier;
    return [{ ...item, shortlistId: shortlist.id, rank: index + 1, supplier: listed, outcome: outcomeOf.get(item.supplierId) ?? null, response: responseOf.get(item.supplierId) ?? null }];
  });
}

/** The need's firm users or staff record what an introduction produced; recording again replaces it. */
export async function recordOutcome(services: StoreDeps, viewer: Viewer | null, input: unknown): Promise<ShortlistItemView> {
  const who = requireViewer(viewer);
  const o = v.parseInput(outcomeSchema, input);
  const { store } = services;
  const shortlist = await store.shortlists.findById(o.shortlistId);
  if (!shortlist) throw notFound('Liste de structures introuvable.');
  const need = await store.needs.findById(shortlist.needId);
  const firmUser = need !== null && who.role === 'COMPANY' && canSeeNeed(who, need);
  if (!isStaff(who) && !firmUser) throw forbidden("Seuls l'entreprise concernée et les agents de la Métropole peuvent renseigner les suites.");
  return saveOutcome(services, shortlist, need, o, who.userId, who);
}

/** Stands in `recordedBy` for an outcome the firm recorded from the link of its mail (it has no account). */
export const FIRM_LINK_RECORDER = 'firm-link';

/**
 * The firm records an outcome from the page its mail links to: the same rules as recordOutcome, for
 * the one shortlist its link was signed for. A French BAD_USER_INPUT (naming the field) otherwise.
 */
export async function recordOutcomeFromLink(services: StoreDeps, shortlistId: string, input: Record<string, unknown>): Promise<ShortlistItemView> {
  const o = v.parseInput(outcomeSchema, { ...input, shortlistId });
  const shortlist = await services.store.shortlists.findById(shortlistId);
  if (!shortlist) throw notFound('Liste de structures introuvable.');
  return saveOutcome(services, shortlist, await services.store.needs.findById(shortlist.needId), o, FIRM_LINK_RECORDER);
}

/** Outcomes after which nothing more is asked (follow-ups stop, the firm's link has done its work). */
export const FINAL_OUTCOMES: readonly OutcomeStatus[] = ['WON', 'LOST', 'NO_FOLLOW_UP'];

async function saveOutcome(
  services: StoreDeps,
  shortlist: ShortlistRecord,
  need: NeedRecord | null,
  o: z.output<typeof outcomeSchema>,
  recordedBy: string,
  viewer: Viewer | null = null,
): Promise<ShortlistItemView> {
  const { store } = services;
  if (shortlist.status === 'DRAFT') throw conflict("Cette liste n'a pas encore été approuvée : il n'y a pas encore de suite à renseigner.");
  if (!shortlist.items.some((i) => i.supplierId === o.supplierId)) {
    throw badInput('supplierId', '« supplierId » : cette structure ne fait pas partie de la liste.');
  }

  if (o.insertionHours !== null && need?.kind !== 'INSERTION_CLAUSE') {
    throw badInput('insertionHours', "« insertionHours » : seulement pour un besoin de type clause d'insertion (INSERTION_CLAUSE).");
  }

  const id = outcomeIdOf(shortlist.id, o.supplierId);
  const fields = { status: o.status, amount: o.amount, insertionHours: o.insertionHours, recordedBy };
  const now = new Date();
  const saved =
    (await store.outcomes.update(id, fields)) ??
    (await store.outcomes
      .insert({ id, shortlistId: shortlist.id, needId: shortlist.needId, supplierId: o.supplierId, ...fields, createdAt: now, updatedAt: now })
      .catch(async (err: unknown) => {
        // Recorded by someone else at the same instant: ours is the latest word.
        if (err instanceof DuplicateKeyError) return (await store.outcomes.update(id, fields))!;
        throw err;
      }));
  // The viewer, so that a firm's user reads the structure's address in the answer as on its list.
  const item = (await itemsOf(services, shortlist, viewer)).find((i) => i.supplierId === o.supplierId);
  if (!item) throw notFound('Structure introuvable.');
  return { ...item, outcome: saved };
}
