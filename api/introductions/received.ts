// A structure's space: the introductions it received and its answers, given there as its mail's
// link would give them (the same rules: answerableIntroduction, recordAnswer).
import { requireRole, type Viewer } from '../auth/guards';
import { ownSupplier } from '../directory';
import { forbidden, notFound } from '../errors';
import { communeName } from '../reference/communes';
import { budgetFr } from '../reference/vocabulary';
import { byIds, shortlistsNaming } from '../store/filters';
import type { ResponseRecord, ShortlistRecord, SupplierAnswer, SupplierRecord, NeedRecord } from '../store/types';
import type { IntroductionDeps } from './deps';
import { setStructureFollowUps } from './follow-ups';
import { answerableIntroduction, recordAnswer, responseIdOf } from './responses';

export interface ReceivedIntroduction {
  shortlistId: string;
  needTitle: string;
  needDescription: string;
  firmName: string;
  place: string;
  budget: string | null;
  deadline: Date | null;
  introducedAt: Date;
  response: ResponseRecord | null;
}

type Deps = Pick<IntroductionDeps, 'store' | 'matching'>;

/** The structure a SUPPLIER user acts for; refused to anyone else. */
export async function viewerStructure(services: Deps, viewer: Viewer | null): Promise<SupplierRecord> {
  const who = requireRole(viewer, 'SUPPLIER');
  const supplier = await ownSupplier(services, who, who.userId);
  if (!supplier) throw forbidden("Aucune fiche de l'annuaire n'est rattachée à votre compte.");
  return supplier;
}

function received(shortlist: ShortlistRecord, need: NeedRecord, response: ResponseRecord | null): ReceivedIntroduction {
  return {
    shortlistId: shortlist.id,
    needTitle: need.title,
    needDescription: need.description,
    firmName: need.companyName ?? 'Une entreprise du territoire',
    place: communeName(need.communeCode),
    budget: need.budgetMin === null && need.budgetMax === null ? null : budgetFr(need.budgetMin, need.budgetMax),
    deadline: need.deadline,
    introducedAt: shortlist.approvedAt ?? shortlist.createdAt,
    response,
  };
}

/** The structure's introductions (approved lists naming it), the most recent first. */
export async function myIntroductions(services: Deps, viewer: Viewer | null): Promise<ReceivedIntroduction[]> {
  const supplier = await viewerStructure(services, viewer);
  const { store } = services;
  const lists = (await store.shortlists.find(shortlistsNaming(supplier.id))).filter((s) => s.status !== 'DRAFT');
  const needs = new Map((await store.needs.find(byIds(lists.map((s) => s.needId)))).map((n) => [n.id, n]));
  const responses = new Map((await store.responses.find(byIds(lists.map((s) => responseIdOf(s.id, supplier.id))))).map((r) => [r.shortlistId, r]));
  return lists
    .flatMap((s) => {
      const need = needs.get(s.needId);
      return need ? [received(s, need, responses.get(s.id) ?? null)] : [];
    })
    .sort((a, b) => b.introducedAt.getTime() - a.introducedAt.getTime());
}

/** The structure's answer from its space; the latest word wins, as with its link. */
export async function answerIntroduction(
  services: Deps,
  viewer: Viewer | null,
  args: { shortlistId: string; answer: SupplierAnswer; comment?: string | null },
): Promise<ReceivedIntroduction> {
  const supplier = await viewerStructure(services, viewer);
  // Another structure's introduction is not told apart from one that does not exist.
  const target = await answerableIntroduction(services.store, args.shortlistId, supplier.id);
  if (!target) throw notFound("Cette mise en relation n'existe pas ou plus pour votre structure.");
  const response = await recordAnswer(services.store, target, args.answer, args.comment);
  return received(target.shortlist, target.need, response);
}

/** The structure switches every follow-up of its introductions off, or back on. */
export async function setMyFollowUps(services: Deps, viewer: Viewer | null, enabled: boolean): Promise<SupplierRecord> {
  const supplier = await viewerStructure(services, viewer);
  return setStructureFollowUps(services.store, supplier, enabled, new Date());
}
