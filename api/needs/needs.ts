// Firms' needs: posted by the firm, or recorded by an officer on a firm's behalf.
import { isStaff, requireRole, type Viewer } from '../auth/guards';
import { badInput, forbidden } from '../errors';
import { activeSuppliers } from '../directory';
import type { NeedDeps } from './deps';
import { createHash } from 'node:crypto';
import { needsFilter, NEEDS_ORDER, recentPost } from '../store/filters';
import { newId, decodeDateCursor, encodeCursor, pageSize, toPage, type Page } from '../kernel';
import { countClientPost, countFirmPost, postAnonymousNeed, type PosterOrigin } from './confirmation';
import { z } from 'zod';
import { fold } from '../../matching/text/fold';
import { acknowledgeNeed, NEED_STATUSES, needStatus } from './lifecycle';
import { canSeeNeed, companyNameFor, needSchemaFor, refuseForeignAddress, refuseInternalNote } from './model';
import { DuplicateKeyError, type NeedRecord, type Store, type SupplierRecord } from '../store/types';
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
    const { honeypot, clientKey, ...need } = v.parseInput(needSchemaFor(null), input);
    refuseInternalNote(null, need);
    await refuseUnknownStructure(services, need.addressedTo);
    // A post refused for its content is not counted: a person correcting a form is not locked out.
    // Any other is, the same form sent again too (its answer is the need posted, not to be probed at will).
    await countClientPost(services, origin);
    const fields = { ...need, ...OPEN_NEED, contactEmail: need.contactEmail ?? '' };
    const again = await samePost(services.store, fields.contactEmail, need.title, clientKey);
    if (again) return again;
    return postAnonymousNeed(services, origin, fields, honeypot !== null, postId(fields.contactEmail, clientKey));
  }
  const who = requireRole(viewer, 'COMPANY', 'OFFICER', 'ADMIN');
  const { honeypot: _ignored, clientKey, ...need } = v.parseInput(needSchemaFor(who), input);
  refuseInternalNote(who, need);
  await refuseUnknownStructure(services, need.addressedTo);
  if (who.role === 'COMPANY') {
    await refuseForeignAddress(services.store, who, need.contactEmail);
    // Anyone can become a firm (a need, then a sign-in link): each firm account's posts are counted as a client's
    // are. Only those that would be written count: a refused one writes and mails nothing.
    await countFirmPost(services, who.userId);
  }
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
  try {
    const stored = await services.store.needs.insert(record);
    await acknowledgeNeed(services, stored);
    return stored;
  } catch (err) {
    // The same form sent twice at once: the first one's need is the answer, acknowledged once.
    if (err instanceof DuplicateKeyError) return (await services.store.needs.findById(record.id)) ?? record;
    throw err;
  }
}

/** The structure a need is addressed to, while it is in the directory. */
export async function addressedStructure(services: Pick<NeedDeps, 'store'>, need: NeedRecord): Promise<SupplierRecord | null> {
  return need.addressedTo ? ((await activeSuppliers(services.store, [need.addressedTo])).get(need.addressedTo) ?? null) : null;
}

/** A need addressed to a structure names one of the directory. */
async function refuseUnknownStructure(services: NeedDeps, id: string | null): Promise<void> {
  if (id !== null && !(await activeSuppliers(services.store, [id])).has(id)) throw badInput('addressedTo', '« addressedTo » : cette structure n’est pas (ou plus) dans l’annuaire.');
}

/** How long the same title from the same address, without an account, counts as the same need sent again (a double click, a reload). */
export const SAME_POST_WITHIN_MS = 10 * 60_000;

/**
 * One form's posts share one id (its client key and address, hashed), so that a second send of it,
 * even at the same instant, is a duplicate key rather than a second need; without a key, a new id.
 */
const postId = (contactEmail: string, clientKey: string | null): string =>
  clientKey ? createHash('sha256').update(`${clientKey}\u0000${contactEmail.toLowerCase()}`).digest('hex').slice(0, 32) : newId();

/**
 * The anonymous post this one repeats: the same form's (client key), or, from a client that sends
 * no key, the same title from the same address minutes ago. A new key is a new form, whatever its title.
 */
async function samePost(store: Store, contactEmail: string, title: string, clientKey: string | null): Promise<NeedRecord | null> {
  if (clientKey) return store.needs.findById(postId(contactEmail, clientKey));
  if (!contactEmail) return null;
  const [recent] = await store.needs.find(recentPost(contactEmail, title, new Date(Date.now() - SAME_POST_WITHIN_MS)), { limit: 1 });
  return recent ?? null;
}

/** The needs searched at most: a year of the territory's needs is a few hundred. */
export const MAX_SEARCHED_NEEDS = 5000;

const needFilterSchema = z.object({
  text: v.optionalText(200),
  statuses: v
    .list(z.enum(NEED_STATUSES, 'statut de besoin inconnu'), NEED_STATUSES.length)
    .nullish()
    .transform((s) => s ?? []),
});

/**
 * Every need of the scope whose status is one asked for and whose words hold the text (title,
 * description, firm, contact address), unconfirmed, withdrawn and closed ones included; newest first.
 */
async function searchNeeds(
  services: NeedDeps,
  scope: { organisationId?: string; createdBy?: string; contactEmail?: string },
  filter: z.output<typeof needFilterSchema>,
  size: number,
  after: { createdAt: Date; id: string } | null,
): Promise<Page<NeedRecord>> {
  const words = filter.text ? fold(filter.text).split(/\s+/).filter(Boolean) : [];
  const all = await services.store.needs.find(needsFilter(scope), { sort: NEEDS_ORDER, limit: MAX_SEARCHED_NEEDS });
  const matching = all.filter((n) => {
    if (filter.statuses.length && !filter.statuses.includes(needStatus(n))) return false;
    const haystack = fold([n.title, n.description, n.companyName ?? '', n.contactEmail].join(' '));
    return words.every((w) => haystack.includes(w));
  });
  const start = after ? matching.findIndex((n) => n.createdAt < after.createdAt || (n.createdAt.getTime() === after.createdAt.getTime() && n.id < after.id)) : 0;
  const rest = start < 0 ? [] : matching.slice(start);
  return toPage(rest.slice(0, size + 1), size, matching.length, (n) => encodeCursor([n.createdAt.getTime(), n.id]));
}

export async function getNeed(services: NeedDeps, viewer: Viewer | null, id: string): Promise<NeedRecord | null> {
  const who = requireRole(viewer, 'COMPANY', 'OFFICER', 'ADMIN');
  const need = await services.store.needs.findById(id);
  if (need && !canSeeNeed(who, need)) throw forbidden("Ce besoin n'est pas le vôtre.");
  return need;
}

/** Staff see every need, newest first; a firm sees its own. */
export async function listNeeds(services: NeedDeps, viewer: Viewer | null, args: { first?: number | null; after?: string | null; filter?: unknown }): Promise<Page<NeedRecord>> {
  const who = requireRole(viewer, 'COMPANY', 'OFFICER', 'ADMIN');
  const size = pageSize(args.first);
  const after = decodeDateCursor(args.after);
  const scope = isStaff(who) ? {} : { organisationId: who.organisationId ?? '', createdBy: who.userId, contactEmail: who.email.toLowerCase() };
  const filter = args.filter == null ? null : v.parseInput(needFilterSchema, args.filter);
  if (filter && (filter.text || filter.statuses.length)) return searchNeeds(services, scope, filter, size, after);
  const [fetched, totalCount] = await Promise.all([
    services.store.needs.find(needsFilter({ ...scope, before: after ?? undefined }), {
      sort: NEEDS_ORDER,
      limit: size + 1,
    }),
    services.store.needs.count(needsFilter(scope)),
  ]);
  return toPage(fetched, size, totalCount, (n) => encodeCursor([n.createdAt.getTime(), n.id]));
}
