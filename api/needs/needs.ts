// Firms' needs: posted by the firm, or recorded by an officer on a firm's behalf.
import { isStaff, requireRole, type Viewer } from '../auth/guards';
import { forbidden } from '../errors';
import type { NeedDeps } from './deps';
import { createHash } from 'node:crypto';
import { needsFilter, NEEDS_ORDER, recentPost } from '../store/filters';
import { newId } from '../kernel';
import { countClientPost, postAnonymousNeed, type PosterOrigin } from './confirmation';
import { acknowledgeNeed } from './lifecycle';
import { decodeDateCursor, encodeCursor, pageSize, toPage, type Page } from '../kernel';
import { canSeeNeed, companyNameFor, needSchema, refuseInternalNote } from './model';
import { DuplicateKeyError, type NeedRecord, type Store } from '../store/types';
import * as v from '../kernel';

/** A need as posted: not yet introduced, withdrawn nor closed. */
const OPEN_NEED = { introducedAt: null, withdrawnAt: null, withdrawalReason: null, closedAt: null, closingNote: null, endedBy: null } as const;

/**
 * Anyone may post without an account (see need-confirmation.ts): the firm names itself and gives its
 * address, and the need waits for the link mailed there.
 * Companies post for themselves, under their organisation's name and, by default, to the posting user's
 * address. Officers and admins record a need heard by phone: they must name the firm and give the firm's
 * address, since the shortlist goes there and the structures are told to answer it.
 */
export async function postNeed(services: NeedDeps, viewer: Viewer | null, input: unknown, origin?: PosterOrigin): Promise<NeedRecord> {
  if (viewer === null && origin) {
    await countClientPost(services, origin);
    const { honeypot, clientKey, ...need } = v.parseInput(needSchema, input);
    refuseInternalNote(null, need);
    const fields = { ...need, ...OPEN_NEED, contactEmail: need.contactEmail ?? '' };
    const again = await samePost(services.store, fields.contactEmail, need.title, clientKey);
    if (again) return again;
    return postAnonymousNeed(services, origin, fields, honeypot !== null, postId(fields.contactEmail, clientKey));
  }
  const who = requireRole(viewer, 'COMPANY', 'OFFICER', 'ADMIN');
  const { honeypot: _ignored, clientKey, ...need } = v.parseInput(needSchema, input);
  refuseInternalNote(who, need);
  const companyName = await companyNameFor(services, who, need);
  const contactEmail = need.contactEmail ?? who.email;
  // Signed in, only the form's key makes two posts one: an officer may record two alike needs of one firm.
  const again = clientKey ? await services.store.needs.findById(postId(contactEmail, clientKey)) : null;
  if (again) return again;
  const now = new Date();
  const record: NeedRecord = {
    id: postId(contactEmail, clientKey),
    organisationId: isStaff(who) ? null : who.organisationId,
    createdBy: who.userId,
    ...need,
    ...OPEN_NEED,
    companyName,
    contactEmail,
    confirmedAt: now, // a logged-in poster needs no confirmation link
    createdAt: now,
    updatedAt: now,
  };
  const stored = await services.store.needs.insert(record).catch(async (err: unknown) => {
    // The same form sent twice at once: the first one's need is the answer, acknowledged once.
    if (err instanceof DuplicateKeyError) return (await services.store.needs.findById(record.id)) ?? record;
    throw err;
  });
  if (stored === record) await acknowledgeNeed(services, stored);
  return stored;
}

/** How long the same title from the same address, without an account, counts as the same need sent again (a double click, a reload). */
export const SAME_POST_WITHIN_MS = 10 * 60_000;

/**
 * One form's posts share one id (its client key and address, hashed), so that a second send of it,
 * even at the same instant, is a duplicate key rather than a second need; without a key, a new id.
 */
const postId = (contactEmail: string, clientKey: string | null): string =>
  clientKey ? createHash('sha256').update(`${clientKey}\u0000${contactEmail.toLowerCase()}`).digest('hex').slice(0, 32) : newId();

/** The anonymous post this one repeats: the same form's (client key), or the same title from the same address minutes ago. */
async function samePost(store: Store, contactEmail: string, title: string, clientKey: string | null): Promise<NeedRecord | null> {
  if (clientKey) {
    const same = await store.needs.findById(postId(contactEmail, clientKey));
    if (same) return same;
  }
  if (!contactEmail) return null;
  const [recent] = await store.needs.find(recentPost(contactEmail, title, new Date(Date.now() - SAME_POST_WITHIN_MS)), { limit: 1 });
  return recent ?? null;
}

export async function getNeed(services: NeedDeps, viewer: Viewer | null, id: string): Promise<NeedRecord | null> {
  const who = requireRole(viewer, 'COMPANY', 'OFFICER', 'ADMIN');
  const need = await services.store.needs.findById(id);
  if (need && !canSeeNeed(who, need)) throw forbidden("Ce besoin n'est pas le vôtre.");
  return need;
}

/** Staff see every need, newest first; a firm sees its own. */
export async function listNeeds(services: NeedDeps, viewer: Viewer | null, args: { first?: number | null; after?: string | null }): Promise<Page<NeedRecord>> {
  const who = requireRole(viewer, 'COMPANY', 'OFFICER', 'ADMIN');
  const size = pageSize(args.first);
  const after = decodeDateCursor(args.after);
  const scope = isStaff(who) ? {} : { organisationId: who.organisationId ?? '', createdBy: who.userId };
  const [fetched, totalCount] = await Promise.all([
    services.store.needs.find(needsFilter({ ...scope, before: after ?? undefined }), {
      sort: NEEDS_ORDER,
      limit: size + 1,
    }),
    services.store.needs.count(needsFilter(scope)),
  ]);
  return toPage(fetched, size, totalCount, (n) => encodeCursor([n.createdAt.getTime(), n.id]));
}
