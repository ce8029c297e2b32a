// The officers' daily digest reports every arrival once: its window starts where the officer's previous
// digest ended, not 24 hours before its hour. Across the clock changes (Europe/Paris: 28 March 2027,
// a 23-hour day; 31 October 2027, a 25-hour day; the test clock only goes ahead, so 2027's) and across
// a day the server was down (no pass that day, no digest of its own), nothing is repeated or lost.
import { DIGEST_HOUR } from '../api/accounts';
import { parisInstant } from '../api/kernel';
import { needInput } from './helpers/fixtures';
import { startMailedServer } from './helpers/mailed-server';
import { ok, type TestServer } from './helpers/server';
import { addresses, type TestSmtp } from './helpers/smtp';

let smtp: TestSmtp;
let t: TestServer;

beforeAll(async () => {
  ({ t, smtp } = await startMailedServer());
});
afterAll(async () => {
  await t.destroy();
  await smtp.close();
});

/** When the digest of a Paris day is due: DIGEST_HOUR in Paris. */
const due = (y: number, m: number, d: number) => parisInstant(Date.UTC(y, m - 1, d, DIGEST_HOUR));

it('reports each need once across both clock changes and across a day without any pass', async () => {
  const reader = await t.userWithToken('OFFICER');
  const company = await t.userWithToken('COMPANY', { organisationName: 'Imprimerie Martin' });
  await ok(t.gql(`mutation { setDailyDigest(enabled: true) { id } }`, {}, reader.token));

  // Needs are stamped on the wall clock, not the test clock, and a creation date is never rewritten:
  // one posted through the API, copied into the store as each need that entered the queue at a given instant.
  const { store } = t.server.services;
  const postedId = (await ok(t.gql(`mutation($i: NeedInput!) { postNeed(input: $i) { id } }`, { i: needInput({ title: 'Modèle' }) }, company.token))).postNeed.id;
  const posted = (await store.needs.findById(postedId))!;
  async function arrived(title: string, at: string) {
    await store.needs.insert({ ...posted, id: `arrivee-${at}`, title, createdAt: new Date(at), confirmedAt: new Date(at), updatedAt: new Date(at) });
  }
  /** The outbox's pass at `at` (a minute past a digest's hour), then the digest of that Paris day's text, or null. */
  async function digestAt(at: Date, dayFr: string): Promise<string | null> {
    t.clock.advanceTo(at.getTime() + 60_000);
    await t.runDue();
    const found = smtp.messages.filter((m) => addresses(m.to).includes(reader.email) && (m.subject ?? '').endsWith(`récapitulatif du ${dayFr}`));
    expect(found.length).toBeLessThanOrEqual(1);
    return found[0]?.text ?? null;
  }

  // Spring forward: Saturday's digest is at 06:00 UTC, Sunday's at 05:00 UTC, 23 hours later.
  expect(due(2027, 3, 27)).toEqual(new Date('2027-03-27T06:00:00Z'));
  expect(due(2027, 3, 28)).toEqual(new Date('2027-03-28T05:00:00Z'));
  await arrived('Vitres avant l’heure d’été', '2027-03-27T05:30:00Z');
  await arrived('Pelouses du samedi', '2027-03-27T12:00:00Z');
  const saturday = await digestAt(due(2027, 3, 27), '27 mars 2027');
  expect(saturday).toContain('Vitres avant l’heure d’été');
  expect(saturday).not.toContain('Pelouses du samedi');
  const sunday = await digestAt(due(2027, 3, 28), '28 mars 2027');
  expect(sunday).toContain('Pelouses du samedi');
  expect(sunday).not.toContain('Vitres avant l’heure d’été'); // already in Saturday's

  // Fall back: Saturday's digest is at 05:00 UTC, Sunday's at 06:00 UTC, 25 hours later.
  expect(due(2027, 10, 30)).toEqual(new Date('2027-10-30T05:00:00Z'));
  expect(due(2027, 10, 31)).toEqual(new Date('2027-10-31T06:00:00Z'));
  await arrived('Traiteur du vendredi', '2027-10-29T18:00:00Z');
  await arrived('Nettoyage du samedi matin', '2027-10-30T05:30:00Z');
  const october30 = await digestAt(due(2027, 10, 30), '30 octobre 2027');
  expect(october30).toContain('Traiteur du vendredi');
  expect(october30).not.toContain('Nettoyage du samedi matin');
  expect(await digestAt(due(2027, 10, 31), '31 octobre 2027')).toContain('Nettoyage du samedi matin'); // in the 25th hour

  // The server is down on 11 November: no pass, no digest that day; the 12th's has what the 11th's would have had.
  await arrived('Collecte du mardi', '2027-11-09T10:00:00Z');
  expect(await digestAt(due(2027, 11, 10), '10 novembre 2027')).toContain('Collecte du mardi');
  await arrived('Collecte du mercredi', '2027-11-10T10:00:00Z');
  await arrived('Collecte du jeudi', '2027-11-11T10:00:00Z');
  const afterDowntime = await digestAt(due(2027, 11, 12), '12 novembre 2027');
  expect(afterDowntime).toContain('Collecte du mercredi');
  expect(afterDowntime).toContain('Collecte du jeudi');
  expect(afterDowntime).not.toContain('Collecte du mardi');
});
