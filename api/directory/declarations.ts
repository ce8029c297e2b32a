// What a structure declares about itself (its inclusion kind, its labels) waits for an officer, who
// confirms or refuses it with a reason; the structure is told by mail either way (through the outbox),
// and its page shows the last decision.
import { z } from 'zod';
import { requireRole, type Viewer } from '../auth/guards';
import type { Config } from '../config';
import { conflict, notFound } from '../errors';
import { ERASED_EMAIL } from '../kernel';
import * as v from '../kernel';
import { mailDomain, outboxRow, renderDeclarationReviewMail, type OutboxWorker, type OutgoingMail } from '../mail';
import { INCLUSION_KIND_FR } from '../reference/vocabulary';
import { declaredAt } from '../store/filters';
import { DuplicateKeyError, type OutboxRecord, type Store, type SupplierRecord } from '../store/types';
import type { DirectoryDeps } from './deps';
import { derived } from './suppliers';

export interface DeclarationDeps extends DirectoryDeps {
  readonly config: Config;
  readonly outbox: OutboxWorker;
}

const decisionSchema = z
  .object({ approve: z.boolean(), reason: v.optionalText(1000), requestedAt: v.isoDate(v.isoInstant) })
  .refine((d) => d.approve || d.reason !== null, { path: ['reason'], message: 'dites à la structure pourquoi sa déclaration n’est pas retenue.' });

/**
 * Staff: confirm what a structure declared (its inclusion kind and labels become those the matcher
 * and the directory use), or refuse it with a reason (the confirmed values stay). Either way nothing
 * is pending after, and the structure's contact is mailed the decision.
 */
export async function reviewSupplierChanges(services: DeclarationDeps, viewer: Viewer | null, id: string, input: { approve: unknown; reason?: unknown; requestedAt: unknown }): Promise<SupplierRecord> {
  const who = requireRole(viewer, 'OFFICER', 'ADMIN');
  const { approve, reason, requestedAt } = v.parseInput(decisionSchema, { approve: input.approve, reason: input.reason ?? null, requestedAt: input.requestedAt });
  const existing = typeof id === 'string' && id.length <= 100 ? await services.store.suppliers.findById(id) : null;
  if (!existing || existing.retiredAt) throw notFound('Structure introuvable.');
  const pending = existing.pendingChanges;
  if (!pending) throw conflict("Cette structure n'a aucune modification en attente.");
  // The decision is on the declaration the officer read: one the structure sent since is read first.
  const changedSince = () => conflict('« requestedAt » : la structure a changé sa déclaration depuis que vous l’avez lue ; relisez-la avant de décider.', 'requestedAt');
  if (pending.requestedAt.getTime() !== requestedAt.getTime()) throw changedSince();
  const now = new Date();
  const review = { approved: approve, reason, inclusionKind: pending.inclusionKind, labels: pending.labels, reviewedBy: who.userId, reviewedAt: now };
  const changes = approve ? { inclusionKind: pending.inclusionKind, labels: pending.labels, labelKeys: derived({ ...existing, labels: pending.labels }).labelKeys } : {};
  const updated = await services.store.suppliers.findOneAndUpdate(declaredAt(id, pending.requestedAt), { ...changes, pendingChanges: null, declarationReview: review });
  if (!updated) throw changedSince();
  services.matching.upsert(updated);
  if (updated.contactEmail && updated.contactEmail !== ERASED_EMAIL) {
    const row = outboxRow({ id: `${id}:declaration:${now.getTime()}`, kind: 'DECLARATION_REVIEWED', supplierId: id, to: updated.contactEmail, domain: mailDomain(services.config.mailFrom), now });
    await services.store.outbox.insert(row).catch((err: unknown) => {
      if (!(err instanceof DuplicateKeyError)) throw err;
    });
    services.outbox.kick();
  }
  return updated;
}

/** The decision's mail, from the structure's last decision; dropped when the structure has gone or its address changed. */
export async function composeDeclarationReview(store: Store, row: OutboxRecord): Promise<OutgoingMail | { skip: string; to?: string }> {
  const supplier = row.supplierId ? await store.suppliers.findById(row.supplierId) : null;
  // Erased since the decision (an erasure running between its update and this row's writing): the address goes too.
  if (!supplier || supplier.retiredAt) return { skip: 'La structure a quitté l’annuaire.', to: ERASED_EMAIL };
  if (!supplier.declarationReview) return { skip: 'La structure a quitté l’annuaire.' };
  if (supplier.contactEmail !== row.to) return { skip: "L'adresse de contact de la structure a changé depuis la décision." };
  const r = supplier.declarationReview;
  const declared = [r.inclusionKind ? INCLUSION_KIND_FR[r.inclusionKind] : 'aucun type d’inclusion', ...r.labels.map((l) => `label « ${l} »`)];
  return { ...renderDeclarationReviewMail({ structureName: supplier.name, approved: r.approved, reason: r.reason, declared }), to: row.to, replyTo: null, messageId: row.messageId };
}
