// Officers' daily digest: an officer who asks for it (« Mon compte » in the console) gets, once a day
// at DIGEST_HOUR (Paris), what arrived since the previous one: needs waiting for a list, mails given up
// on, declarations to validate, answers from structures. A row per (officer, day) is written into the
// outbox by its recovery pass, so the digest is claimed once, retried and survives restarts like
// every mail; its content is read when it is due, and a day with nothing new sends nothing (DROPPED).
// A digest covers what arrived since the officer's previous one ended (sent, or dropped as empty), not
// the last 24 hours: a day is 23 or 25 hours long at the clock changes, and a day the server was down
// has no digest of its own, so a fixed length would report an hour twice or lose an hour or a day.
import { requireRole, STAFF, type Viewer } from '../auth/guards';
import { notFound } from '../errors';
import { parisInstant } from '../kernel';
import { UNCONFIRMED_KEPT_MS } from '../links';
import { digestIsEmpty, outboxRow, renderOfficerDigest, type DigestSection, type OutgoingMail } from '../mail';
import { needStatus } from '../needs';
import { byIds, digestReaders, listMailsIn, needsPostedSince, updatedAfter, withPendingChanges } from '../store/filters';
import { DuplicateKeyError, type OutboxRecord, type Store, type UserRecord } from '../store/types';

/** The hour of the day, in Paris, the digest goes out. */
export const DIGEST_HOUR = 7;
const DAY_MS = 86_400_000;
/** How far back a digest reaches when no earlier one ended (first digest, a week down, each one failed). */
const LOOK_BACK_DAYS = 7;
const NOTHING_NEW = 'Rien de nouveau depuis le dernier récapitulatif.';

const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });
const DAY_FR = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });

/** The Paris day of an instant, as YYYY-MM-DD. */
const parisDay = (at: Date): string => PARIS_DAY.format(at);

/** When the digest of a Paris day (YYYY-MM-DD) is due. */
function digestDue(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return parisInstant(Date.UTC(y, m - 1, d, DIGEST_HOUR));
}

const DIGEST_PREFIX = 'digest:';
export const digestRowId = (userId: string, day: string): string => `${DIGEST_PREFIX}${userId}:${day}`;

/** An officer's own setting: the digest on (kept from when it was first asked) or off. */
export async function setDailyDigest(services: { store: Store }, viewer: Viewer | null, enabled: boolean): Promise<UserRecord> {
  const who = requireRole(viewer, ...STAFF);
  const user = await services.store.users.findById(who.userId);
  if (!user) throw notFound('Compte introuvable.');
  const dailyDigestFrom = enabled ? (user.dailyDigestFrom ?? new Date()) : null;
  return (await services.store.users.update(user.id, { dailyDigestFrom })) ?? user;
}

/** The recovery pass: today's digest row for every officer who asked for it before today's hour; idempotent. */
export async function scheduleDigests(store: Store, domain: string, now: Date): Promise<void> {
  const day = parisDay(now);
  const due = digestDue(day);
  for (const user of await store.users.find(digestReaders())) {
    if (!user.dailyDigestFrom || user.dailyDigestFrom > due || user.detachedAt) continue;
    try {
      await store.outbox.insert(outboxRow({ id: digestRowId(user.id, day), kind: 'OFFICER_DIGEST', recipientKind: 'OFFICER', to: user.email, domain, due, now }));
    } catch (err) {
      if (!(err instanceof DuplicateKeyError)) throw err; // written by an earlier pass: one digest a day
    }
  }
}

/** Where the digest of `day` starts: where the officer's latest earlier digest ended, within LOOK_BACK_DAYS. */
async function digestSince(store: Store, user: UserRecord, day: string, until: Date): Promise<Date> {
  // due - k days is still day - k in Paris (the due hour is far from midnight), whatever the clock change.
  const days = Array.from({ length: LOOK_BACK_DAYS }, (_, k) => parisDay(new Date(until.getTime() - (k + 1) * DAY_MS)));
  const rows = new Map((await store.outbox.find(byIds(days.map((d) => digestRowId(user.id, d))))).map((r) => [r.id, r]));
  // A digest given up on, or dropped for another reason than an empty day, did not report its window.
  const ended = (d: string) => {
    const row = rows.get(digestRowId(user.id, d));
    return row?.state === 'SENT' || (row?.state === 'DROPPED' && row.lastError === NOTHING_NEW);
  };
  const start = digestDue(days.find(ended) ?? days[LOOK_BACK_DAYS - 1]!);
  return new Date(Math.max(start.getTime(), user.dailyDigestFrom!.getTime()));
}

const inWindow = (at: Date, since: Date, until: Date): boolean => at >= since && at < until;
const ANSWER_FR = { INTERESTED: 'intéressée', NOT_AVAILABLE: 'pas disponible' } as const;

/** What arrived in [since, until), one section per kind of work. */
async function digestSections(store: Store, publicUrl: string, since: Date, until: Date): Promise<DigestSection[]> {
  const [needs, failed, pending, answers] = await Promise.all([
    // A need enters the queue when confirmed: one posted without an account waits for its link, UNCONFIRMED_KEPT_MS at most.
    store.needs.find(needsPostedSince(new Date(since.getTime() - UNCONFIRMED_KEPT_MS))),
    store.outbox.find(listMailsIn('FAILED')),
    store.suppliers.find(withPendingChanges(), { limit: 500 }),
    store.responses.find(updatedAfter(since)),
  ]);
  // Each part in the order things arrived, as the queue reads.
  const byTime = <T>(at: (x: T) => Date) => (a: T, b: T) => at(a).getTime() - at(b).getTime();
  const waiting = needs.filter((n) => n.confirmedAt && inWindow(n.confirmedAt, since, until) && needStatus(n) === 'OPEN').sort(byTime((n) => n.confirmedAt!));
  const answered = answers.filter((r) => inWindow(r.updatedAt, since, until)).sort(byTime((r) => r.updatedAt));
  const lists = new Map((await store.shortlists.find(byIds(answered.map((r) => r.shortlistId)))).map((s) => [s.id, s]));
  const [answerNeeds, answerers] = await Promise.all([
    store.needs.find(byIds([...lists.values()].map((s) => s.needId))),
    store.suppliers.find(byIds(answered.map((r) => r.supplierId))),
  ]);
  const needTitle = new Map(answerNeeds.map((n) => [n.id, n.title]));
  const supplierName = new Map(answerers.map((s) => [s.id, s.name]));
  const consoleUrl = `${publicUrl}/console`;
  return [
    {
      title: 'Nouveaux besoins en attente d’une liste',
      items: waiting.map((n) => `« ${n.title} »${n.companyName ? ` — ${n.companyName}` : ''}`),
      url: `${consoleUrl}/besoins`,
    },
    {
      title: 'Courriels en échec',
      items: failed.filter((m) => inWindow(m.updatedAt, since, until)).sort(byTime((m) => m.updatedAt)).map((m) => `À ${m.to} : ${m.lastError ?? 'envoi abandonné'}`),
      url: `${consoleUrl}/mises-en-relation`,
    },
    {
      title: 'Modifications à valider',
      items: pending.filter((s) => !s.retiredAt && s.pendingChanges && inWindow(s.pendingChanges.requestedAt, since, until)).sort(byTime((s) => s.pendingChanges!.requestedAt)).map((s) => s.name),
      url: `${consoleUrl}/structures/a-valider`,
    },
    {
      title: 'Réponses des structures',
      items: answered.flatMap((r) => {
        const list = lists.get(r.shortlistId);
        const name = supplierName.get(r.supplierId);
        if (!list || !name) return [];
        return [`${name} : ${ANSWER_FR[r.answer]} pour « ${needTitle.get(list.needId) ?? 'besoin supprimé'} »${r.comment ? ` (« ${r.comment} »)` : ''}`];
      }),
      url: `${consoleUrl}/mises-en-relation`,
    },
  ];
}

/** The digest of a row, or why it is not sent (nothing new, or the officer no longer asks for it). */
export async function composeDigest(store: Store, row: OutboxRecord, publicUrl: string): Promise<OutgoingMail | { skip: string }> {
  const [userId, day] = row.id.slice(DIGEST_PREFIX.length).split(':') as [string, string];
  const user = await store.users.findById(userId);
  if (!user || !user.dailyDigestFrom || !(STAFF as readonly string[]).includes(user.role) || user.detachedAt) return { skip: "L'agent ne demande plus le récapitulatif." };
  if (user.email !== row.to) return { skip: "L'adresse de l'agent a changé depuis." };
  const until = digestDue(day);
  const since = await digestSince(store, user, day, until);
  const sections = await digestSections(store, publicUrl, since, until);
  if (digestIsEmpty(sections)) return { skip: NOTHING_NEW };
  return { ...renderOfficerDigest({ day: DAY_FR.format(until), sections }), to: row.to, replyTo: null, messageId: row.messageId };
}
