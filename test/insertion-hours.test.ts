// Needs confirmed at once when a logged-in firm or an officer posts them, and the hours of insertion
// an INSERTION_CLAUSE contract produced, through the API.
import { newId } from '../api/kernel';
import type { NeedRecord } from '../api/store/types';
import { needInput } from './helpers/fixtures';
import { APPROVE, buildScene, DRAFT, UPDATE, type Scene } from './helpers/introductions';
import { codeOf, fieldOf, startTestServer, type TestServer } from './helpers/server';

const POST = `mutation($input: NeedInput!) { postNeed(input: $input) { id createdAt confirmedAt } }`;
const NEED = `query($id: ID!) { need(id: $id) { id createdAt confirmedAt } }`;
const RECORD = `mutation($sl: ID!, $s: ID!, $status: OutcomeStatus!, $amount: Int, $hours: Int) {
  recordOutcome(shortlistId: $sl, supplierId: $s, status: $status, amount: $amount, insertionHours: $hours) { outcome { status amount insertionHours } } }`;
const STATS = `query($from: DateTime!, $to: DateTime!) { impactStats(from: $from, to: $to) { amountWon insertionHours } }`;

describe('need confirmation and insertion hours', () => {
  let t: TestServer;
  let s: Scene;
  let clauseList: string;
  let purchaseList: string;
  beforeAll(async () => {
    t = await startTestServer({ MAIL_POLL_INTERVAL: '50ms' });
    s = await buildScene(t, { kind: 'INSERTION_CLAUSE' });
    const purchase = await buildScene(t);
    const approved = async (scene: Scene) => {
      const id = (await t.gql(DRAFT, { needId: scene.needId }, scene.officer.token)).data.draftShortlist.id;
      await t.gql(UPDATE, { id, supplierIds: [scene.suppliers.jardins.id, scene.suppliers.esat.id] }, scene.officer.token);
      expect((await t.gql(APPROVE, { id }, scene.officer.token)).errors).toBeUndefined();
      return id;
    };
    clauseList = await approved(s);
    purchaseList = await approved(purchase);
    s.suppliers.print = purchase.suppliers.jardins; // a structure of the PURCHASE list, for the refusal below
  });
  afterAll(() => t.destroy());

  it('a need posted by a logged-in firm or by an officer is confirmed at its creation', async () => {
    const byFirm = await t.gql(POST, { input: needInput() }, s.company.token);
    expect(byFirm.errors).toBeUndefined();
    expect(byFirm.data.postNeed.confirmedAt).toBe(byFirm.data.postNeed.createdAt);
    const byOfficer = await t.gql(POST, { input: needInput({ companyName: 'Transports Normands', contactEmail: 'achats@transports-normands.example' }) }, s.officer.token);
    expect(byOfficer.data.postNeed.confirmedAt).toBe(byOfficer.data.postNeed.createdAt);
  });

  it('a need stored before confirmation existed reads back as confirmed at its creation', async () => {
    const posted = await t.gql(POST, { input: needInput() }, s.company.token);
    const stored = (await t.server.services.store.needs.findById(posted.data.postNeed.id))!;
    const { confirmedAt: _dropped, ...legacy } = stored;
    const id = newId();
    await t.server.services.store.needs.insert({ ...legacy, id } as NeedRecord); // an old-shaped row, as written then
    const read = await t.gql(NEED, { id }, s.officer.token);
    expect(read.errors).toBeUndefined();
    expect(read.data.need.confirmedAt).toBe(read.data.need.createdAt);
  });

  it('records the hours of insertion of a won INSERTION_CLAUSE contract and sums them in the review', async () => {
    const first = await t.gql(RECORD, { sl: clauseList, s: s.suppliers.jardins.id, status: 'WON', amount: 30000, hours: 1200 }, s.company.token);
    expect(first.errors).toBeUndefined();
    expect(first.data.recordOutcome.outcome).toEqual({ status: 'WON', amount: 30000, insertionHours: 1200 });
    await t.gql(RECORD, { sl: clauseList, s: s.suppliers.esat.id, status: 'WON', amount: 5000, hours: 0 }, s.officer.token);
    await t.gql(RECORD, { sl: clauseList, s: s.suppliers.esat.id, status: 'WON', amount: 5000, hours: 300 }, s.officer.token); // latest wins

    // The review's days are Paris days: between midnight in Paris and midnight UTC, the UTC date is the day before.
    const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date());
    const stats = await t.gql(STATS, { from: '2020-01-01', to: day }, s.officer.token);
    expect(stats.errors).toBeUndefined();
    expect(stats.data.impactStats).toEqual({ amountWon: 35000, insertionHours: 1500 });

    // Without hours, an outcome reads null; a later LOST outcome drops them from the sum.
    const lost = await t.gql(RECORD, { sl: clauseList, s: s.suppliers.esat.id, status: 'LOST' }, s.officer.token);
    expect(lost.data.recordOutcome.outcome).toEqual({ status: 'LOST', amount: null, insertionHours: null });
    expect((await t.gql(STATS, { from: '2020-01-01', to: day }, s.officer.token)).data.impactStats.insertionHours).toBe(1200);
  });

  it.each([
    ['an outcome other than WON', () => ({ sl: clauseList, s: s.suppliers.jardins.id, status: 'CONTACTED', hours: 10 }), 'WON'],
    ['a negative number', () => ({ sl: clauseList, s: s.suppliers.jardins.id, status: 'WON', amount: 100, hours: -1 }), 'entre 0 et 10\u00a0000\u00a0000\u00a0heures'],
    ['a need that is not an insertion clause', () => ({ sl: purchaseList, s: s.suppliers.print.id, status: 'WON', amount: 100, hours: 10 }), 'INSERTION_CLAUSE'],
  ])('refuses insertion hours on %s, naming the field in French', async (_what, vars, words) => {
    const res = await t.gql(RECORD, vars(), s.officer.token);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldOf(res)).toBe('insertionHours');
    expect(res.errors![0]!.message).toContain('« insertionHours »');
    expect(res.errors![0]!.message).toContain(words);
  });
});
