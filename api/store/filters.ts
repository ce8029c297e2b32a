// The one place where filters are built. Both engines consume them as they are, so only
// operators that nedb and MongoDB evaluate identically appear here: equality (on an array
// field: "contains"), $in, $nin, $lt, $lte, $gt, $gte, $ne, $exists, $or, $and and RegExp values
// built from escaped text.
// Values are always typed (strings, dates, enums): raw client input never becomes an operator.
// Every exported builder is wrapped in filterBuilder (./operators): it refuses arguments holding a
// $-key and marks the operators it adds; both engines refuse any other $-key, so a new builder
// that is not wrapped fails at its first use.
// Filters run on rows as stored: a row written before one of its fields existed still lacks it
// (./normalise.ts completes it only once read), so a condition on such a field matches the
// absent value wherever the default would match (ACTIVE_SUPPLIER, CONFIRMED_NEED, unset, undelivered).
import { fold } from '../../matching/text/fold';
import { filterBuilder } from './operators';
import type { CampaignMailKind, Filter, InclusionKind, LegalForm, OrganisationKind, OutboxState, ShortlistStatus } from './types';

// Control and format characters never match stored text (inputs are cleaned of them), and MongoDB's
// BSON refuses a pattern holding a NUL byte: they are dropped before any text becomes a pattern.
const visible = (text: string): string => text.replace(/(?![\t\n\r])[\p{Cc}\p{Cf}]/gu, '');
const escapeRegExp = (text: string): string => visible(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const allOf = (parts: Filter[]): Filter => (parts.length === 0 ? {} : parts.length === 1 ? parts[0]! : { $and: parts });

export const byEmail = filterBuilder((email: string): Filter => ({ email }));

/** Lookups by primary key: `_id` is our id in both engines and is indexed in both. */
export const byIds = filterBuilder((ids: readonly string[]): Filter => ({ _id: { $in: [...ids] } }));

export const byName = filterBuilder((name: string, kind: OrganisationKind): Filter => ({ name, kind }));

export interface DirectoryCriteria {
  /** Every word must appear in the folded name, description or services, taken literally. */
  text?: string;
  communeCode?: string;
  inclusionKinds?: readonly InclusionKind[];
  legalForms?: readonly LegalForm[];
  /** Folded labels: the structure must hold all of them. */
  labelKeys?: readonly string[];
  /** At least one NAF code must start with this prefix, e.g. "81" or "81.30". */
  nafPrefix?: string;
  /** Keyset cursor: documents strictly after this one in DIRECTORY_ORDER. */
  after?: { sortKey: string; id: string };
}

export const DIRECTORY_ORDER: Record<string, 1 | -1> = { sortKey: 1, id: 1 };

/** Not retired (see SupplierRecord.retiredAt): nedb's null matches only a stored null, hence both. */
const ACTIVE_SUPPLIER: Filter = { $or: [{ retiredAt: null }, { retiredAt: { $exists: false } }] };

export const supplierDirectoryFilter = filterBuilder((c: DirectoryCriteria): Filter => {
  const parts: Filter[] = [ACTIVE_SUPPLIER];
  for (const word of fold(visible(c.text ?? '')).split(' ')) {
    if (word) parts.push({ searchText: new RegExp(escapeRegExp(word)) });
  }
  if (c.communeCode) parts.push({ communeCode: c.communeCode });
  if (c.inclusionKinds?.length) parts.push({ inclusionKind: { $in: [...c.inclusionKinds] } });
  if (c.legalForms?.length) parts.push({ legalForm: { $in: [...c.legalForms] } });
  // $all is not in nedb; one equality per key on the array field means "contains" in both engines.
  for (const key of c.labelKeys ?? []) parts.push({ labelKeys: key });
  if (c.nafPrefix) parts.push({ nafCodes: new RegExp(`^${escapeRegExp(c.nafPrefix)}`) });
  if (c.after) {
    const { sortKey, id } = c.after;
    parts.push({ $or: [{ sortKey: { $gt: sortKey } }, { sortKey, id: { $gt: id } }] });
  }
  return allOf(parts);
});

/**
 * Directory structures with one of these SIRETs, or whose SIRET starts with one of these SIRENs
 * (a spend file's suppliers); digits only, checked by the caller, so the pattern holds no operator.
 */
export const suppliersBySiretOrSiren = filterBuilder((sirets: readonly string[], sirens: readonly string[]): Filter => {
  const parts: Filter[] = [];
  if (sirets.length) parts.push({ siret: { $in: [...sirets] } });
  const digits = sirens.filter((s) => /^\d{9}$/.test(s));
  if (digits.length) parts.push({ siret: new RegExp(`^(?:${digits.join('|')})`) });
  return { $and: [ACTIVE_SUPPLIER, parts.length ? { $or: parts } : { _id: { $in: [] } }] };
});

/** Newest first. */
export const SPEND_ORDER: Record<string, 1 | -1> = { createdAt: -1, id: -1 };

export interface NeedsCriteria {
  /** With createdBy: needs of this organisation OR written by this user (what each may see). */
  organisationId?: string;
  createdBy?: string;
  /** Also: the needs no organisation owns whose contact is this address (they are its firm's). */
  contactEmail?: string;
  /** Keyset cursor: documents strictly after this one in NEEDS_ORDER. */
  before?: { createdAt: Date; id: string };
}

/** Newest first. */
export const NEEDS_ORDER: Record<string, 1 | -1> = { createdAt: -1, id: -1 };

export const needsFilter = filterBuilder((c: NeedsCriteria): Filter => {
  const parts: Filter[] = [];
  const owners: Filter[] = [];
  if (c.organisationId !== undefined) owners.push({ organisationId: c.organisationId });
  if (c.createdBy !== undefined) owners.push({ createdBy: c.createdBy });
  if (c.contactEmail !== undefined) owners.push({ organisationId: null, contactEmail: c.contactEmail });
  if (owners.length) parts.push(owners.length === 1 ? owners[0]! : { $or: owners });
  if (c.before) {
    const { createdAt, id } = c.before;
    parts.push({ $or: [{ createdAt: { $lt: createdAt } }, { createdAt, id: { $lt: id } }] });
  }
  return allOf(parts);
});

/** Needs posted since this date (what firms asked for lately). */
export const needsPostedSince = filterBuilder((since: Date): Filter => ({ createdAt: { $gte: since } }));

/** Documents written after a watermark (index refresh across instances). */
export const updatedAfter = filterBuilder((watermark: Date): Filter => ({ updatedAt: { $gt: watermark } }));

// ── Shortlists ──────────────────────────────────────────────────────────────

/** The one open draft of a need (its unique index enforces "one"). */
export const openDraftOf = filterBuilder((needId: string): Filter => ({ openDraftOf: needId }));

/** The shortlist in this status; with a revision, only if nobody edited it since (optimistic concurrency). */
export const shortlistIn = filterBuilder((id: string, status: ShortlistStatus, revision?: number): Filter =>
  revision === undefined ? { _id: id, status } : { _id: id, status, revision });

export const shortlistsOfNeed = filterBuilder((needId: string, statuses?: readonly ShortlistStatus[]): Filter =>
  statuses ? { needId, status: { $in: [...statuses] } } : { needId });

export const shortlistsIn = filterBuilder((statuses: readonly ShortlistStatus[]): Filter => ({ status: { $in: [...statuses] } }));

/**
 * A need confirmed (a date), or written before confirmation existed (absent). A need posted without
 * an account holds a stored null until its link is followed.
 */
const CONFIRMED_NEED: Filter = { $or: [{ confirmedAt: { $exists: false } }, { confirmedAt: { $gt: new Date(0) } }] };

/** A stored null: on MongoDB `null` alone would also match an absent field (needs older than confirmation). */
const STORED_NULL = (field: string): Filter => ({ $and: [{ [field]: { $exists: true } }, { [field]: null }] });

/** The need, only while it waits for its confirmation link. */
export const unconfirmedNeed = filterBuilder((id: string): Filter => ({ $and: [{ _id: id }, STORED_NULL('confirmedAt')] }));

/** Needs still unconfirmed that were posted before the cutoff (swept after 7 days). */
export const unconfirmedBefore = filterBuilder((cutoff: Date): Filter => ({ $and: [STORED_NULL('confirmedAt'), { createdAt: { $lt: cutoff } }] }));

/** Needs of this title from this address since then: a post sent again (a double click, a reload). */
export const recentPost = filterBuilder((contactEmail: string, title: string, since: Date): Filter => ({ contactEmail, title, createdAt: { $gte: since } }));

/** The outbox rows about one need (its confirmation mail). */
export const mailsOfNeed = filterBuilder((needId: string): Filter => ({ needId }));

/** A date field never set: nedb's null matches only a stored null, and older records lack the field. */
const unset = (field: string): Filter => ({ $or: [{ [field]: null }, { [field]: { $exists: false } }] });

/** The need while nothing ended its open life: not introduced, withdrawn nor closed (guards an edit or a withdrawal). */
/** Not introduced, withdrawn nor closed: built afresh for each filter, which the engines may mark. */
const stillOpen = (): Filter[] => [unset('introducedAt'), unset('withdrawnAt'), unset('closedAt')];
export const openNeed = filterBuilder((id: string): Filter => allOf([{ _id: id }, ...stillOpen()]));

/** The need as an edit read it: still open unless only its internal note changes, and with the note read when one was given. */
export const needAsRead = filterBuilder((id: string, open: boolean, note: { was: string | null } | null): Filter =>
  allOf([{ _id: id }, ...(open ? stillOpen() : []), ...(note ? [note.was === null ? unset('internalNote') : { internalNote: note.was }] : [])]),
);

/** The need while neither withdrawn nor closed (guards a closing). */
export const unendedNeed = filterBuilder((id: string): Filter => allOf([{ _id: id }, unset('withdrawnAt'), unset('closedAt')]));

/** Structures with a self-declared inclusion kind or labels waiting for an officer. */
export const withPendingChanges = filterBuilder((): Filter => ({ $and: [{ pendingChanges: { $exists: true } }, { pendingChanges: { $ne: null } }] }));

/** The structure as it was read, not written since (its updatedAt moves at every write). */
export const supplierAsRead = filterBuilder((id: string, updatedAt: Date): Filter => ({ _id: id, updatedAt }));

/** The structure while its pending declaration is the one sent at that instant. */
export const declaredAt = filterBuilder((id: string, requestedAt: Date): Filter => ({ _id: id, 'pendingChanges.requestedAt': requestedAt }));

/** Oldest first: the needs that waited longest come first. */
export const AWAITING_ORDER: Record<string, 1 | -1> = { createdAt: 1, id: 1 };

/** Needs no shortlist was approved for yet; `after` is a keyset cursor in AWAITING_ORDER. */
export const awaitingShortlistFilter = filterBuilder(function awaitingShortlistFilter(after?: { createdAt: Date; id: string }): Filter {
  // Needs written before shortlists existed have no introducedAt at all; nedb's null matches only a stored null.
  const parts: Filter[] = [unset('introducedAt'), unset('withdrawnAt'), unset('closedAt'), CONFIRMED_NEED];
  if (after) parts.push({ $or: [{ createdAt: { $gt: after.createdAt } }, { createdAt: after.createdAt, id: { $gt: after.id } }] });
  return allOf(parts);
});

/** Newest first. */
export const INTRODUCTIONS_ORDER: Record<string, 1 | -1> = { createdAt: -1, id: -1 };

export const introductionsFilter = filterBuilder(function introductionsFilter(statuses: readonly ShortlistStatus[], before?: { createdAt: Date; id: string }): Filter {
  const parts: Filter[] = [shortlistsIn(statuses)];
  if (before) parts.push({ $or: [{ createdAt: { $lt: before.createdAt } }, { createdAt: before.createdAt, id: { $lt: before.id } }] });
  return allOf(parts);
});

// ── Outbox ──────────────────────────────────────────────────────────────────

export const outboxOf = filterBuilder((shortlistId: string, states?: readonly OutboxState[]): Filter =>
  states ? { shortlistId, state: { $in: [...states] } } : { shortlistId });

export const outboxIn = filterBuilder((state: OutboxState): Filter => ({ state }));

/** Lists SENT since this date: their follow-ups may still be due. */
export const sentSince = filterBuilder((since: Date): Filter => ({ status: 'SENT', sentAt: { $gte: since } }));

/** Mails of shortlists in this state (a need's confirmation mail belongs to none). */
export const listMailsIn = filterBuilder((state: OutboxState): Filter => ({ state, shortlistId: { $gt: '' } }));

/** A row that may be claimed now: due and pending, or left SENDING by a worker whose lease ran out. */
export const claimable = filterBuilder((now: Date): Filter => ({
  $or: [
    { state: 'PENDING', nextAttemptAt: { $lte: now } },
    { state: 'SENDING', leaseUntil: { $lt: now } },
  ],
}));

/** The row, only while this worker's lease on it holds. */
export const leasedBy = filterBuilder((id: string, owner: string): Filter => ({ _id: id, state: 'SENDING', leaseOwner: owner }));

/** A FAILED row, so a retry never rewrites a row that is being sent again. */
export const failedRow = filterBuilder((id: string): Filter => ({ _id: id, state: 'FAILED' }));

/** A HELD row, so a promotion never rewrites a row a worker already took. */
export const heldRow = filterBuilder((id: string): Filter => ({ _id: id, state: 'HELD' }));

// Whether a mail in this state is still owed to its recipient (neither sent nor dropped on
// purpose). A Record, so that a new state cannot be left unclassified.
const OWED: Record<OutboxState, boolean> = { HELD: true, PENDING: true, SENDING: true, FAILED: true, SENT: false, DROPPED: false };
const UNDELIVERED = (Object.keys(OWED) as OutboxState[]).filter((state) => OWED[state]);

/** A row not delivered yet (a worker may hold it: its own updates then no longer match). */
export const unsentRow = filterBuilder((id: string): Filter => ({ _id: id, state: { $in: [...UNDELIVERED] } }));

/**
 * Introduction mails of a list still to deliver: neither sent nor dropped on purpose. Follow-ups,
 * written once the list is sent and due weeks later, never hold it back (rows written before mail
 * kinds existed have no kind: they are introductions).
 */
export const undelivered = filterBuilder((shortlistId: string): Filter => ({
  shortlistId,
  state: { $in: [...UNDELIVERED] },
  kind: { $nin: ['FOLLOW_UP', 'REMINDER'] },
}));

/** The outbox's rows in one state (the operator's metrics). */
export const outboxInState = filterBuilder((state: OutboxState): Filter => ({ state }));

/** Follow-ups and reminders due and not sent yet. */
export const dueFollowUps = filterBuilder((now: Date): Filter => ({ state: 'PENDING', kind: { $in: ['FOLLOW_UP', 'REMINDER'] }, nextAttemptAt: { $lte: now } }));

/** Mails due and never tried: waiting since their nextAttemptAt. */
export const dueUntried = filterBuilder((now: Date): Filter => ({ state: 'PENDING', attempts: 0, nextAttemptAt: { $lte: now } }));

/** Mails tried and not sent yet: waiting since their firstAttemptAt, whatever their next retry. */
export const retriedUnsent = filterBuilder((): Filter => ({ state: { $in: ['PENDING', 'SENDING'] }, attempts: { $gt: 0 } }));

// ── Outcomes and the yearly review ──────────────────────────────────────────

export const byShortlists = filterBuilder((shortlistIds: readonly string[]): Filter => ({ shortlistId: { $in: [...shortlistIds] } }));

/** [from, to): the lower bound included, the upper one excluded. */
export const between = filterBuilder((field: 'createdAt' | 'approvedAt' | 'firstSignInAt' | 'completedAt', from: Date, to: Date): Filter => ({ [field]: { $gte: from, $lt: to } }));

/** Contracts notified in [from, to), all or one buyer's: all its establishments' (a SIREN, 9 digits) or one's (a SIRET). */
export const contractsNotified = filterBuilder((from: Date, to: Date, buyer?: string): Filter =>
  allOf([{ notifiedAt: { $gte: from, $lt: to } }, ...(buyer ? [buyer.length === 9 ? { buyerSiren: buyer } : { buyerSiret: buyer }] : [])]),
);

export const bySirets = filterBuilder((sirets: readonly string[]): Filter => ({ siret: { $in: [...sirets] } }));

export const organisationsOfKind = filterBuilder((kind: OrganisationKind): Filter => ({ kind }));
export const publicBuyers = filterBuilder((): Filter => ({ kind: 'PUBLIC_BUYER' }));

// ── Personal data (export, deletion) ────────────────────────────────────────

export const ofOrganisation = filterBuilder((organisationId: string): Filter => ({ organisationId }));

/** Shortlists that list this structure, whatever their status. */
export const shortlistsNaming = filterBuilder((supplierId: string): Filter => ({ 'items.supplierId': supplierId }));

/** Outcomes and outbox rows about this structure. */
export const aboutSupplier = filterBuilder((supplierId: string): Filter => ({ supplierId }));

export const addressedTo = filterBuilder((email: string): Filter => ({ to: email }));

/** Needs whose contact address is this one, whoever recorded them. */
export const needsContacting = filterBuilder((email: string): Filter => ({ contactEmail: email }));

// ── Sign-in links ────────────────────────────────────────────────────────────
/** A structure whose contact address this is (retired ones are filtered by the caller). */
export const contactOf = filterBuilder((email: string): Filter => ({ contactEmail: email }));
/** An access link still usable: not used, not expired (the id is the token's hash). */
export const usableLink = filterBuilder((id: string, now: Date): Filter => ({ _id: id, usedAt: null, expiresAt: { $gt: now } }));

/** An invitation campaign's mails of one kind written since a date, newest first (api/campaign). */
export const campaignMailsSince = filterBuilder((kind: CampaignMailKind, since: Date): Filter => ({ kind, createdAt: { $gte: since } }));

/** Active structures without a contact address: an officer calls them (api/campaign). */
export const withoutContactAddress = filterBuilder((): Filter => allOf([ACTIVE_SUPPLIER, { contactEmail: '' }]));
/** The structure while no organisation owns it yet: its first contact's sign-in claims it once. */
export const unclaimedSupplier = filterBuilder((id: string): Filter => ({ $and: [{ _id: id }, unset('organisationId')] }));

/** The sign-in links of an address not used yet (a detachment spends them). */
export const unusedLinksOf = filterBuilder((email: string): Filter => ({ email, usedAt: null }));

/** The entries of the accounts' log that name this address, as the person or as the officer. */
export const accountEventsNaming = filterBuilder((email: string): Filter => ({ $or: [{ userEmail: email }, { byEmail: email }] }));

/** The accounts' log of one structure's organisation. */
export const accountEventsOf = filterBuilder((organisationId: string): Filter => ({ organisationId }));

/** A need still open to be taken in hand by this officer: neither withdrawn nor closed, and nobody else's. */
export const needFreeFor = filterBuilder((id: string, userId: string): Filter =>
  allOf([{ _id: id }, unset('withdrawnAt'), unset('closedAt'), { $or: [unset('assignedTo'), { assignedTo: userId }] }]),
);

/** A need this officer took in hand. */
export const needTakenBy = filterBuilder((id: string, userId: string): Filter => ({ _id: id, assignedTo: userId }));

/** The officers and admins who asked for the daily digest (an absent field: never asked). */
export const digestReaders = filterBuilder((): Filter => allOf([{ role: { $in: ['OFFICER', 'ADMIN'] } }, { dailyDigestFrom: { $ne: null } }, { dailyDigestFrom: { $exists: true } }]));

/** The officers and admins. */
export const staffUsers = filterBuilder((): Filter => ({ role: { $in: ['OFFICER', 'ADMIN'] } }));
