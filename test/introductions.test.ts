// Shortlists end to end: the real server, a real SMTP server in the process, GraphQL over HTTP.
import { needInput } from './helpers/fixtures';
import { addresses, type TestSmtp } from './helpers/smtp';
import { APPROVE, buildScene, DRAFT, GET, GET_MAILS, HOSTILE_NAME, UPDATE, type Scene } from './helpers/introductions';
import { startMailedServer } from './helpers/mailed-server';
import { codeOf, fieldOf, type TestServer } from './helpers/server';
import { waitFor } from './helpers/wait';
import { storedText } from './helpers/stored';
import { eraseStructure, eraseWhenWritten } from './helpers/erasure-race';
import type { OutboxRecord } from '../api/store/types';
import { ERASED_EMAIL } from '../api/kernel';
import { isIntroductionRow } from '../api/introductions';

const AWAITING = `query($first: Int, $after: String) { needsAwaitingShortlist(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id title } } } }`;
const INTRODUCTIONS = `query($status: ShortlistStatus) { introductions(status: $status, first: 100) { totalCount edges { node { id status } } } }`;

const mailsFor = (smtp: TestSmtp, shortlistId: string) => smtp.messages.filter((m) => (m.messageId ?? '').startsWith(`<${shortlistId}.`));

describe('introductions', () => {
  let smtp: TestSmtp;
  let t: TestServer;
  beforeAll(async () => {
    ({ t, smtp } = await startMailedServer());
  });
  afterAll(async () => {
    await t.destroy();
    await smtp.close();
  });

  const sent = (s: Scene, id: string) =>
    waitFor(`shortlist ${id} SENT`, async () => {
      const res = await t.gql(GET_MAILS, { id }, s.officer.token);
      return res.data.shortlist.status === 'SENT' && res.data.shortlist;
    });

  it('drafts, curates, approves, then introduces the firm and every chosen structure by email', async () => {
    const s = await buildScene(t);
    const draft = await t.gql(DRAFT, { needId: s.needId, size: 2 }, s.officer.token);
    expect(draft.errors).toBeUndefined();
    const list = draft.data.draftShortlist;
    expect(list.status).toBe('DRAFT');
    expect(list.items).toHaveLength(2);
    expect(list.items.every((i: any) => i.proposedByMatcher && i.reasons.length > 0)).toBe(true);
    // One open draft per need: asking again gives the same one.
    expect((await t.gql(DRAFT, { needId: s.needId, size: 4 }, s.officer.token)).data.draftShortlist.id).toBe(list.id);

    const chosen = [s.suppliers.hostile.id, s.suppliers.jardins.id, s.suppliers.print.id];
    const updated = await t.gql(UPDATE, { id: list.id, supplierIds: chosen, notes: [{ supplierId: s.suppliers.print.id, note: 'Pour vos supports de communication' }] }, s.officer.token);
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateShortlist.items.map((i: any) => [i.rank, i.supplier.id])).toEqual(chosen.map((id, i) => [i + 1, id]));
    const added = updated.data.updateShortlist.items[2];
    expect(added).toMatchObject({ proposedByMatcher: false, note: 'Pour vos supports de communication' });

    const approved = await t.gql(APPROVE, { id: list.id, message: 'Bonjour, voici trois structures sérieuses.' }, s.officer.token);
    expect(approved.errors).toBeUndefined();
    expect(approved.data.approveShortlist).toMatchObject({ status: 'APPROVED', message: 'Bonjour, voici trois structures sérieuses.' });
    const done = await sent(s, list.id);
    expect(done.mails.every((m: any) => m.state === 'SENT' && m.attempts === 1)).toBe(true);

    const mails = mailsFor(smtp, list.id);
    expect(mails).toHaveLength(4);
    const firm = mails.filter((m) => addresses(m.to).includes(s.company.email));
    expect(firm).toHaveLength(1);
    expect(addresses(firm[0]!.replyTo)).toEqual([s.officer.email]);
    expect(firm[0]!.subject).toBe(`Passerelle ESS : 3 structures de l'ESS pour « ${s.needTitle} »`);
    const text = firm[0]!.text!;
    for (const key of ['hostile', 'jardins', 'print'] as const) {
      expect(text).toContain(s.suppliers[key].name);
      expect(text).toContain(s.suppliers[key].contactEmail);
      expect(firm[0]!.html).toContain(s.suppliers[key].contactEmail);
    }
    expect(text).toContain('SCOP (société coopérative et participative) · EI (entreprise d\'insertion) — Rouen');
    expect(text).toContain('SCIC (société coopérative d\'intérêt collectif) — Rouen');
    expect(text).toContain('https://jardins-seine.example');
    expect(text).toContain(`Votre besoin « ${s.needTitle} » est enregistré sur Passerelle ESS.`);
    expect(text).toContain("Chantier d'insertion : entretien d'espaces verts"); // each structure's short description
    // what each structure does, in its words, never the matcher's reasons (those are the officers')
    expect(text).toContain('Ce qu’elle fait : Entretien des espaces verts, Taille de haies');
    expect(text).not.toMatch(/Ce que l'analyse a relevé|Termes en commun|≈/);
    expect(text).toContain('Note de la Métropole : Pour vos supports de communication');
    expect(text).toContain('Bonjour, voici trois structures sérieuses.');
    expect(text).not.toContain(s.suppliers.esat.name); // proposed by the matcher, then left out
    // Present tense: the structures' mails may still be on their way when the firm reads its own.
    expect(text).toContain(`Chaque structure reçoit de son côté un message qui lui présente votre besoin et lui donne votre adresse (${s.company.email}).`);

    for (const key of ['hostile', 'jardins', 'print'] as const) {
      const mine = mails.filter((m) => addresses(m.to).includes(s.suppliers[key].contactEmail));
      expect(mine).toHaveLength(1);
      expect(addresses(mine[0]!.replyTo)).toEqual([s.company.email]);
      expect(mine[0]!.subject).toContain(`« ${s.needTitle} »`);
      expect(mine[0]!.text).toEqual(expect.stringContaining('Budget : entre 20\u00a0000\u00a0€ et 40\u00a0000\u00a0€'));
      expect(mine[0]!.text).toContain('Échéance : 31 mars 2031');
      expect(mine[0]!.text).toContain('Lieu : Sotteville-lès-Rouen');
      expect(mine[0]!.text).toContain(`Contact : Transports Normands`);
      expect(mine[0]!.text).toContain(s.company.email);
      expect(mine[0]!.text).toContain('Tonte, taille des haies');
    }
    // Message-IDs are stable per (shortlist, recipient): one per mail, all distinct.
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(4);

    // The firm reads its introductions once approved, but not the delivery details.
    const read = await t.gql(GET, { id: list.id }, s.company.token);
    expect(read.data.shortlist).toMatchObject({ status: 'SENT', message: 'Bonjour, voici trois structures sérieuses.' });
    expect(codeOf(await t.gql(GET_MAILS, { id: list.id }, s.company.token))).toBe('FORBIDDEN');
    const needShortlists = await t.gql(`query($id: ID!) { need(id: $id) { shortlists { id status } } }`, { id: s.needId }, s.company.token);
    expect(needShortlists.data.need.shortlists).toEqual([{ id: list.id, status: 'SENT' }]);
  });

  it('escapes every user-provided string in the HTML part', async () => {
    const s = await buildScene(t, { title: 'Tonte <img src=x onerror=alert(1)> & taille' });
    const id = (await t.gql(DRAFT, { needId: s.needId }, s.officer.token)).data.draftShortlist.id;
    await t.gql(UPDATE, { id, supplierIds: [s.suppliers.hostile.id], notes: [{ supplierId: s.suppliers.hostile.id, note: '<i>top</i>' }] }, s.officer.token);
    expect((await t.gql(APPROVE, { id, message: '<a href="javascript:x">clic</a>' }, s.officer.token)).errors).toBeUndefined();
    await sent(s, id);
    const html = mailsFor(smtp, id).map((m) => String(m.html)).join('\n');
    expect(html).not.toMatch(/<script|<img|<b>gras|<i>top|<a href="javascript/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Paysages &amp; Cie');
    expect(html).toContain('Tonte &lt;img src=x onerror=alert(1)&gt; &amp; taille');
    expect(html).toContain('&lt;i&gt;top&lt;/i&gt;');
    expect(html).toContain('&lt;a href=&quot;javascript:x&quot;&gt;clic&lt;/a&gt;');
    // The plain-text part keeps the name as it was written.
    const firmText = mailsFor(smtp, id).find((m) => addresses(m.to).includes(s.company.email))!.text!;
    expect(firmText).toContain(HOSTILE_NAME);
    expect(firmText).toContain(`Cette structure reçoit de son côté un message qui lui présente votre besoin et lui donne votre adresse (${s.company.email}).`);
  });

  it("escapes the firm's name and the need's description in every structure's mail, and keeps them as written in the text", async () => {
    const companyName = '<script>alert(1)</script> & Fils';
    const description = 'Tonte <b onmouseover="x">des haies</b> & ramassage.\n<script>vol()</script> sur deux hectares';
    const s = await buildScene(t, { companyName, description });
    const id = (await t.gql(DRAFT, { needId: s.needId }, s.officer.token)).data.draftShortlist.id;
    const chosen = [s.suppliers.jardins, s.suppliers.esat, s.suppliers.print];
    await t.gql(UPDATE, { id, supplierIds: chosen.map((x) => x.id) }, s.officer.token);
    expect((await t.gql(APPROVE, { id }, s.officer.token)).errors).toBeUndefined();
    await sent(s, id);
    for (const structure of chosen) {
      const mine = mailsFor(smtp, id).filter((m) => addresses(m.to).includes(structure.contactEmail));
      expect(mine).toHaveLength(1);
      const html = String(mine[0]!.html);
      expect(html).not.toMatch(/<script|<b onmouseover/);
      expect(html).toContain('avec &lt;script&gt;alert(1)&lt;/script&gt; &amp; Fils, qui cherche');
      expect(html).toContain('<td style="padding: 4px 0;">&lt;script&gt;alert(1)&lt;/script&gt; &amp; Fils — <a href="mailto:');
      expect(html).toContain('Tonte &lt;b onmouseover=&quot;x&quot;&gt;des haies&lt;/b&gt; &amp; ramassage.<br>&lt;script&gt;vol()&lt;/script&gt; sur deux hectares');
      const text = mine[0]!.text!;
      expect(text).toContain(`vous met en relation avec ${companyName}, qui cherche`);
      expect(text).toContain(`Contact : ${companyName} — ${s.company.email}`);
      expect(text).toContain(description);
      expect(mine[0]!.subject).toBe(`Passerelle ESS : ${companyName} cherche une structure de l'ESS pour « ${s.needTitle} »`);
    }
  });

  it('approving again sends nothing more; a list once approved cannot be edited', async () => {
    const s = await buildScene(t);
    const id = (await t.gql(DRAFT, { needId: s.needId, size: 2 }, s.officer.token)).data.draftShortlist.id;
    const [first, second] = await Promise.all([
      t.gql(APPROVE, { id, message: 'Premier' }, s.officer.token),
      t.gql(APPROVE, { id, message: 'Second' }, s.officer.token),
    ]);
    expect([first.data.approveShortlist.status, second.data.approveShortlist.status]).toEqual(['APPROVED', 'APPROVED']);
    await sent(s, id);
    const again = await t.gql(APPROVE, { id, message: 'Troisième' }, s.officer.token);
    expect(again.data.approveShortlist).toMatchObject({ status: 'SENT' });
    expect(['Premier', 'Second']).toContain(again.data.approveShortlist.message);
    expect(mailsFor(smtp, id)).toHaveLength(3);
    // no row written twice: its three introductions (its follow-ups come weeks later, once each)
    expect((await t.server.services.store.outbox.find({ shortlistId: id })).filter(isIntroductionRow)).toHaveLength(3);

    const edit = await t.gql(UPDATE, { id, supplierIds: [s.suppliers.print.id] }, s.officer.token);
    expect(codeOf(edit)).toBe('CONFLICT');
    // A new draft for the same need is a second round, and is allowed.
    const next = await t.gql(DRAFT, { needId: s.needId }, s.officer.token);
    expect(next.data.draftShortlist.id).not.toBe(id);
  });

  it('refuses bad input with the field named', async () => {
    const s = await buildScene(t);
    const id = (await t.gql(DRAFT, { needId: s.needId }, s.officer.token)).data.draftShortlist.id;
    const unknown = await t.gql(UPDATE, { id, supplierIds: [s.suppliers.jardins.id, 'no-such-structure'] }, s.officer.token);
    expect([codeOf(unknown), fieldOf(unknown)]).toEqual(['BAD_USER_INPUT', 'supplierIds']);
    expect(unknown.errors![0]!.message).toContain('structure inconnue');
    const twice = await t.gql(UPDATE, { id, supplierIds: [s.suppliers.jardins.id, s.suppliers.jardins.id] }, s.officer.token);
    expect([codeOf(twice), fieldOf(twice)]).toEqual(['BAD_USER_INPUT', 'supplierIds']);
    const strayNote = await t.gql(UPDATE, { id, supplierIds: [s.suppliers.jardins.id], notes: [{ supplierId: s.suppliers.print.id, note: 'x' }] }, s.officer.token);
    expect([codeOf(strayNote), fieldOf(strayNote)]).toEqual(['BAD_USER_INPUT', 'notes']);
    const size = await t.gql(DRAFT, { needId: s.needId, size: 0 }, s.officer.token);
    expect([codeOf(size), fieldOf(size)]).toEqual(['BAD_USER_INPUT', 'size']);
    expect(codeOf(await t.gql(DRAFT, { needId: 'no-such-need' }, s.officer.token))).toBe('NOT_FOUND');
    const long = await t.gql(APPROVE, { id, message: 'x'.repeat(2001) }, s.officer.token);
    expect([codeOf(long), fieldOf(long)]).toEqual(['BAD_USER_INPUT', 'message']);
    const empty = await t.gql(UPDATE, { id, supplierIds: [] }, s.officer.token);
    expect(empty.data.updateShortlist.items).toEqual([]);
    expect(codeOf(await t.gql(APPROVE, { id }, s.officer.token))).toBe('CONFLICT');
  });

  it('only officers and admins curate; the firm reads its list only once approved', async () => {
    const s = await buildScene(t);
    const supplierUser = await t.userWithToken('SUPPLIER');
    const admin = await t.userWithToken('ADMIN');
    const rival = await t.userWithToken('COMPANY', { organisationName: 'Concurrent SA' });
    expect(codeOf(await t.gql(DRAFT, { needId: s.needId }))).toBe('UNAUTHENTICATED');
    for (const token of [s.company.token, supplierUser.token]) expect(codeOf(await t.gql(DRAFT, { needId: s.needId }, token))).toBe('FORBIDDEN');
    const id = (await t.gql(DRAFT, { needId: s.needId, size: 1 }, admin.token)).data.draftShortlist.id;
    for (const token of [s.company.token, supplierUser.token]) {
      expect(codeOf(await t.gql(UPDATE, { id, supplierIds: [s.suppliers.print.id] }, token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(APPROVE, { id }, token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(AWAITING, {}, token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(INTRODUCTIONS, {}, token))).toBe('FORBIDDEN');
    }
    expect(codeOf(await t.gql(GET, { id }, s.company.token))).toBe('FORBIDDEN'); // a draft is not shown to the firm
    expect((await t.gql(GET, { id }, s.officer.token)).data.shortlist.id).toBe(id);
    expect((await t.gql(APPROVE, { id }, admin.token)).data.approveShortlist.status).toBe('APPROVED');
    expect((await t.gql(GET, { id }, s.company.token)).data.shortlist.id).toBe(id);
    for (const token of [rival.token, supplierUser.token]) expect(codeOf(await t.gql(GET, { id }, token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(GET, { id }))).toBe('UNAUTHENTICATED');
  });

  it('lists the needs waiting for a shortlist, oldest first, and the introductions with their state', async () => {
    const s = await buildScene(t);
    const later = await t.gql(`mutation($input: NeedInput!) { postNeed(input: $input) { id } }`, { input: needInput({ title: 'Besoin plus récent' }) }, s.company.token);
    const all: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await t.gql(AWAITING, { first: 3, after }, s.officer.token);
      all.push(...page.data.needsAwaitingShortlist.edges.map((e: any) => e.node.id));
      after = page.data.needsAwaitingShortlist.pageInfo.hasNextPage ? page.data.needsAwaitingShortlist.pageInfo.endCursor : null;
    } while (after);
    expect(all.indexOf(s.needId)).toBeGreaterThanOrEqual(0);
    expect(all.indexOf(s.needId)).toBeLessThan(all.indexOf(later.data.postNeed.id));

    const id = (await t.gql(DRAFT, { needId: s.needId, size: 1 }, s.officer.token)).data.draftShortlist.id;
    const drafts = await t.gql(INTRODUCTIONS, { status: 'DRAFT' }, s.officer.token);
    expect(drafts.data.introductions.edges.map((e: any) => e.node.id)).toContain(id);
    await t.gql(APPROVE, { id }, s.officer.token);
    const waiting = await t.gql(AWAITING, { first: 100 }, s.officer.token);
    expect(waiting.data.needsAwaitingShortlist.edges.map((e: any) => e.node.id)).not.toContain(s.needId);
    await sent(s, id);
    const made = await t.gql(INTRODUCTIONS, {}, s.officer.token);
    expect(made.data.introductions.edges.find((e: any) => e.node.id === id).node.status).toBe('SENT');
  });
  it('a structure erased while its introduction is being written: the approval is refused, and its address leaves the store', async () => {
    const s = await buildScene(t);
    const { esat } = s.suppliers;
    const id = (await t.gql(DRAFT, { needId: s.needId }, s.officer.token)).data.draftShortlist.id as string;
    expect((await t.gql(UPDATE, { id, supplierIds: [esat.id] }, s.officer.token)).errors).toBeUndefined();
    // Another officer erases the structure when its row is about to be written: the approval read its
    // profile before, and the erasure looks for its mails before that row exists.
    const written = (row: OutboxRecord) => row.kind === 'INTRODUCTION' && row.supplierId === esat.id;
    const { result: approval, erased } = await eraseWhenWritten(t, written, eraseStructure(t, esat.id, s.officer.token), () => t.gql(APPROVE, { id }, s.officer.token));
    expect(erased).toBe(true);
    // The erasure took the structure out of the draft: the approval is refused, to be read again.
    expect(codeOf(approval)).toBe('CONFLICT');
    expect(await t.server.services.store.outbox.findById(`${id}:supplier:${esat.id}`)).toMatchObject({ state: 'DROPPED', to: ERASED_EMAIL, lastError: 'La structure a effacé ses données.' });
    expect(await storedText(t)).not.toContain(esat.contactEmail);
  });
});
