// Firms' needs: posted by the firm, or recorded by an officer on a firm's behalf.
import { isStaff, requireRole, type Viewer } from '../auth/guards';
import { forbidden } from '../errors';
import type { NeedDeps } from './deps';
import { needsFilter, NEEDS_ORDER } from '../store/filters';
import { newId } from '../kernel';
import { countClientPost, postAnonymousNeed, type PosterOrigin } from './confirmation';
import { acknowledgeNeed } from './lifecycle';
import { decodeDateCursor, encodeCursor, pageSize, toPage, type Page } from '../kernel';
import { canSeeNeed, companyNameFor, needSchema, refuseInternalNote } from './model';
import type { NeedRecord } from '../store/types';
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
    const { honeypot, ...need } = v.parseInput(needSchema, input);
    refuseInternalNote(null, need);
    return postAnonymousNeed(services, origin, { ...need, ...OPEN_NEED, contactEmail: need.contactEmail ?? '' }, honeypot !== null);
  }
  const who = requireRole(viewer, 'COMPANY', 'OFFICER', 'ADMIN');
  const { honeypot: _ignored, ...need } = v.parseInput(needSchema, input);
  refuseInternalNote(who, need);
  const companyName = await companyNameFor(services, who, need);
  const now = new Date();
  const record: NeedRecord = {
    id: newId(),
    organisationId: isStaff(who) ? null : who.organisationId,
    createdBy: who.userId,
    ...need,
    ...OPEN_NEED,
    companyName,
    contactEmail: need.contactEmail ?? who.email,
    confirmedAt: now, // a logged-in poster needs no confirmation link
    createdAt: now,
    updatedAt: now,
  };
  const stored = await services.store.needs.insert(record);
  await acknowledgeNeed(services, stored);
  return stored;
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
