// The firm's outcome page: the link in its introduction mail and follow-ups opens the list of the
// structures introduced to it, where it records what came of each (recordOutcomeFromLink). The link
// is signed for one shortlist and the firm's page only; it serves until every outcome is final or
// twelve months have passed since the list was drafted.
import type { IntroductionDeps } from './deps';
import type { NeedRecord, ShortlistRecord } from '../store/types';
import { FINAL_OUTCOMES, itemsOf, type ShortlistItemView } from './outcomes';

export const isFinal = (item: ShortlistItemView): boolean => item.outcome !== null && FINAL_OUTCOMES.includes(item.outcome.status);

/** Structures introduced whose outcome is not final yet: what is still worth asking about. */
export const openItems = (items: ShortlistItemView[]): ShortlistItemView[] => items.filter((i) => !i.supplier.retiredAt && !isFinal(i));

export type OutcomesTarget =
  | { ok: true; shortlist: ShortlistRecord; need: NeedRecord; items: ShortlistItemView[] }
  | { ok: false; status: number; message: string };

const INVALID = { ok: false as const, status: 403, message: "Ce lien n'est pas valide. Utilisez le lien tel qu'il figure dans votre courriel." };

/** What a valid, still useful link points at; otherwise an HTTP status and a French sentence. */
export async function outcomesTarget(services: Pick<IntroductionDeps, 'store' | 'links'>, token: string): Promise<OutcomesTarget> {
  const check = services.links.verify('outcomes', token);
  if (!check.ok) {
    return check.reason === 'expired'
      ? { ok: false, status: 400, message: "Ce lien a expiré (il reste valable douze mois). Pour signaler une suite, répondez au courriel de la Métropole." }
      : INVALID;
  }
  if (typeof check.claims.shortlistId !== 'string') return INVALID;
  const shortlist = await services.store.shortlists.findById(check.claims.shortlistId);
  const need = shortlist && shortlist.status !== 'DRAFT' ? await services.store.needs.findById(shortlist.needId) : null;
  if (!shortlist || !need) return { ok: false, status: 404, message: "Cette mise en relation n'existe plus." };
  const items = (await itemsOf(services, shortlist)).filter((i) => !i.supplier.retiredAt);
  return { ok: true, shortlist, need, items };
}
