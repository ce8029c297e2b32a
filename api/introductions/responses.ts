// A structure's answer to its introduction, given from the two links of its mail without signing in.
// The link is signed for one (shortlist, structure) and can do only that: record its answer.
import { z } from 'zod';
import { type LinkSigner, CHOICE_OF, ANSWER_OF } from '../links';
import { type NeedRecord, type ResponseRecord, type ShortlistRecord, type Store, type SupplierAnswer, type SupplierRecord, DuplicateKeyError } from '../store/types';
import * as v from '../kernel';
import { requireRole, type Viewer } from '../auth/guards';
import { badInput, conflict, notFound } from '../errors';
import type { IntroductionDeps } from './deps';
import { itemsOf, type ShortlistItemView } from './outcomes';

export const responseIdOf = (shortlistId: string, supplierId: string): string => `${shortlistId}:${supplierId}`;

/** An introduction a structure may answer, with what its answer page shows. */
export interface AnswerableIntroduction {
  shortlist: ShortlistRecord;
  supplier: SupplierRecord;
  need: NeedRecord;
  needTitle: string;
  firmName: string;
  response: ResponseRecord | null;
}

/** What a valid link points at; otherwise an HTTP status and a French sentence. */
export type AnswerTarget = ({ ok: true } & AnswerableIntroduction) | { ok: false; status: number; message: string };

export async function answerTarget(store: Store, links: LinkSigner, token: string): Promise<AnswerTarget> {
  const check = links.verify('answer', token);
  if (!check.ok) {
    return check.reason === 'expired'
      ? { ok: false, status: 400, message: "Ce lien a expiré (il reste valable douze mois). Répondez directement à l'entreprise par courriel." }
      : { ok: false, status: 403, message: "Ce lien n'est pas valide. Utilisez le lien tel qu'il figure dans votre courriel." };
  }
  const { shortlistId, supplierId } = check.claims;
  if (typeof shortlistId !== 'string' || typeof supplierId !== 'string') {
    return { ok: false, status: 403, message: "Ce lien n'est pas valide. Utilisez le lien tel qu'il figure dans votre courriel." };
  }
  const target = await answerableIntroduction(store, shortlistId, supplierId);
  if (!target) return { ok: false, status: 404, message: "Cette mise en relation n'existe plus." };
  if ((check.claims.v ?? '0') !== String(target.supplier.linkVersion)) {
    return { ok: false, status: 403, message: "Ce lien n'est plus valable : le contact de la structure a changé depuis son envoi. Répondez directement à l'entreprise par courriel." };
  }
  return { ok: true, ...target };
}

/**
 * The introduction a structure may answer, by its mail's link or from its space: a list approved
 * (not a draft) that names it, its need still there, the structure still in the directory; null otherwise.
 */
export async function answerableIntroduction(store: Store, shortlistId: string, supplierId: string): Promise<AnswerableIntroduction | null> {
  const shortlist = await store.shortlists.findById(shortlistId);
  if (!shortlist || shortlist.status === 'DRAFT' || !shortlist.items.some((i) => i.supplierId === supplierId)) return null;
  const [supplier, need, response] = await Promise.all([
    store.suppliers.findById(supplierId),
    store.needs.findById(shortlist.needId),
    store.responses.findById(responseIdOf(shortlistId, supplierId)),
  ]);
  if (!supplier || supplier.retiredAt || !need) return null;
  return { shortlist, supplier, need, needTitle: need.title, firmName: need.companyName ?? 'Une entreprise du territoire', response };
}

const answerSchema = z.object({
  choix: z.enum(['interesse', 'indisponible'], 'choisissez « Nous sommes intéressés » ou « Pas disponible »'),
  commentaire: v.optionalText(1000),
});

/** Records the answer (the latest wins); an input error is a French sentence naming the field. */
export async function recordResponse(
  store: Store,
  target: { shortlist: ShortlistRecord; supplier: SupplierRecord },
  form: unknown,
): Promise<{ ok: true; response: ResponseRecord } | { ok: false; message: string }> {
  const parsed = answerSchema.safeParse(form);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `${issue.path[0] === 'commentaire' ? 'Commentaire' : 'Réponse'} : ${issue.message}.` };
  }
  const id = responseIdOf(target.shortlist.id, target.supplier.id);
  const now = new Date();
  const fields = { answer: ANSWER_OF[parsed.data.choix]!, comment: parsed.data.commentaire, answeredAt: now };
  const saved =
    (await store.responses.update(id, fields)) ??
    (await store.responses
      .insert({ id, shortlistId: target.shortlist.id, supplierId: target.supplier.id, ...fields, createdAt: now, updatedAt: now })
      .catch(async (err: unknown) => {
        if (err instanceof DuplicateKeyError) return (await store.responses.update(id, fields))!;
        throw err;
      }));
  return { ok: true, response: saved };
}

/** An answer given through the API (an officer for the structure, or the structure from its space), recorded as its link records it. */
export async function recordAnswer(
  store: Store,
  target: { shortlist: ShortlistRecord; supplier: SupplierRecord },
  answer: SupplierAnswer,
  comment: string | null | undefined,
): Promise<ResponseRecord> {
  if (!(answer in CHOICE_OF)) throw badInput('answer', '« answer » : INTERESTED ou NOT_AVAILABLE.');
  const saved = await recordResponse(store, target, { choix: CHOICE_OF[answer], commentaire: comment ?? undefined });
  if (!saved.ok) throw badInput('comment', `« comment » : ${saved.message}`);
  return saved.response;
}

/**
 * Staff: the answer a structure gave by phone or by mail, recorded for it, as its link would record it
 * (the latest word wins). The list must be approved and name the structure.
 */
export async function recordSupplierAnswer(
  services: Pick<IntroductionDeps, 'store' | 'links'>,
  viewer: Viewer | null,
  args: { shortlistId: string; supplierId: string; answer: SupplierAnswer; comment?: string | null },
): Promise<ShortlistItemView> {
  requireRole(viewer, 'OFFICER', 'ADMIN');
  const { store } = services;
  const shortlist = await store.shortlists.findById(args.shortlistId);
  if (!shortlist) throw notFound('Liste de structures introuvable.');
  if (shortlist.status === 'DRAFT') throw conflict("Cette liste n'a pas encore été approuvée : la structure n'a pas encore été présentée.");
  const supplier = shortlist.items.some((i) => i.supplierId === args.supplierId) ? await store.suppliers.findById(args.supplierId) : null;
  if (!supplier) throw badInput('supplierId', '« supplierId » : cette structure ne fait pas partie de la liste.');
  await recordAnswer(store, { shortlist, supplier }, args.answer, args.comment);
  const item = (await itemsOf(services, shortlist, viewer)).find((i) => i.supplierId === supplier.id);
  if (!item) throw notFound('Structure introuvable.');
  return item;
}
