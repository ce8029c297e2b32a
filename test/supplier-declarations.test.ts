// What a structure declares about itself (inclusion kind, labels) waits for an officer: the matcher
// and the directory use the confirmed values; labels come from the known list; the structure is
// mailed the decision (a refusal with its reason). Through HTTP, with a real SMTP peer.
import { needInput, supplierInput } from './helpers/fixtures';
import { startMailedServer } from './helpers/mailed-server';
import { codeOf, fieldOf, type TestServer } from './helpers/server';
import type { TestSmtp } from './helpers/smtp';
import { waitFor } from './helpers/wait';
import { expectStoredNowhere } from './helpers/stored';
import { outboxRow } from '../api/mail';
import { ERASED_EMAIL } from '../api/kernel';

const PROFILE = 'id inclusionKind labels pendingChanges { inclusionKind labels requestedAt }';
const CREATE = `mutation($i: SupplierInput!) { createSupplier(input: $i) { ${PROFILE} } }`;
const UPDATE = `mutation($id: ID!, $i: SupplierUpdateInput!) { updateSupplier(id: $id, input: $i) { ${PROFILE} } }`;
const REVIEW = `mutation($id: ID!, $ok: Boolean!, $reason: String, $at: DateTime!) { reviewSupplierChanges(id: $id, approve: $ok, reason: $reason, requestedAt: $at) { ${PROFILE} declarationReview { approved reason inclusionKind labels reviewedAt } } }`;
const PENDING = `{ suppliersWithPendingChanges { ${PROFILE} } }`;
const GET = `query($id: ID!) { supplier(id: $id) { ${PROFILE} } }`;
const DIRECTORY = `query($kinds: [InclusionKind!], $labels: [String!]) { suppliers(filter: { inclusionKinds: $kinds, labels: $labels }, first: 100) { edges { node { id } } } }`;

describe('self-declared inclusion kind and labels', () => {
  let t: TestServer;
  let smtp: TestSmtp;
  let officer: string;
  let structure: string;
  let id: string;
  beforeAll(async () => {
    ({ t, smtp } = await startMailedServer());
    officer = (await t.userWithToken('OFFICER')).token;
    structure = (await t.userWithToken('SUPPLIER', { organisationName: 'Les Ateliers du Cailly' })).token;
  });
  afterAll(async () => {
    await t.destroy();
    await smtp.close();
  });
  /** A decision on the declaration pending now, as the console sends it (the one it shows). */
  const review = async (token: string, vars: { ok: boolean; reason?: string }) => {
    const shown = (await t.gql(GET, { id }, officer)).data.supplier.pendingChanges;
    return t.gql(REVIEW, { id, ...vars, at: shown?.requestedAt ?? '2026-01-01T00:00:00Z' }, token);
  };
  const mailsTo = (address: string) => smtp.messages.filter((m) => m.to && JSON.stringify(m.to).includes(address));

  const inDirectory = async (filter: { kinds?: string[]; labels?: string[] }) =>
    (await t.gql(DIRECTORY, { kinds: filter.kinds ?? null, labels: filter.labels ?? null })).data.suppliers.edges.some((e: any) => e.node.id === id);

  it('a structure’s own profile starts with its inclusion kind and labels pending; an officer confirms them', async () => {
    const created = await t.gql(CREATE, { i: supplierInput({ name: 'Les Ateliers du Cailly', inclusionKind: 'EA', labels: ['iso 9001'], contactEmail: 'contact@ateliers-cailly.example' }) }, structure);
    expect(created.errors).toBeUndefined();
    id = created.data.createSupplier.id;
    expect(created.data.createSupplier).toMatchObject({ inclusionKind: null, labels: [], pendingChanges: { inclusionKind: 'EA', labels: ['ISO 9001'] } });
    expect(await inDirectory({ kinds: ['EA'] })).toBe(false);

    const listed = (await t.gql(PENDING, {}, officer)).data.suppliersWithPendingChanges;
    expect(listed.map((s: any) => s.id)).toContain(id);
    const confirmed = await review(officer, { ok: true });
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data.reviewSupplierChanges).toMatchObject({ inclusionKind: 'EA', labels: ['ISO 9001'], pendingChanges: null, declarationReview: { approved: true, reason: null, inclusionKind: 'EA' } });
    expect(await inDirectory({ kinds: ['EA'], labels: ['ISO 9001'] })).toBe(true);
    const [mail] = await waitFor('the confirmation mail', () => (mailsTo('contact@ateliers-cailly.example').length ? mailsTo('contact@ateliers-cailly.example') : null));
    expect(mail!.subject).toBe('Passerelle ESS : votre déclaration pour « Les Ateliers du Cailly » est confirmée');
    expect(mail!.text).toContain('- EA (entreprise adaptée)');
    expect((await t.gql(PENDING, {}, officer)).data.suppliersWithPendingChanges.map((s: any) => s.id)).not.toContain(id);
  });

  it('labels come from the known list: an unknown one is refused, named, with the close names; nothing is written', async () => {
    const bogus = await t.gql(UPDATE, { id, i: { inclusionKind: 'ESAT', labels: ['Label bidon inventé'] } }, structure);
    expect(codeOf(bogus)).toBe('BAD_USER_INPUT');
    expect(fieldOf(bogus)).toBe('labels');
    expect(bogus.errors![0]!.message).toMatch(/^« labels » : label inconnu : « Label bidon inventé »\. Labels connus : RGE, /);
    const typo = await t.gql(UPDATE, { id, i: { labels: ['Qualiopy'] } }, structure);
    expect(typo.errors![0]!.message).toBe('« labels » : label inconnu : « Qualiopy ». Vouliez-vous dire « QUALIOPI » ?');
    // An officer is held to the same list.
    expect(fieldOf(await t.gql(UPDATE, { id, i: { labels: ['Label bidon inventé'] } }, officer))).toBe('labels');
    expect((await t.gql(GET, { id }, officer)).data.supplier).toMatchObject({ inclusionKind: 'EA', labels: ['ISO 9001'], pendingChanges: null });
  });

  it('a change of kind or labels by the structure stays pending: the directory and the matcher keep the confirmed values', async () => {
    const changed = await t.gql(UPDATE, { id, i: { inclusionKind: 'ESAT', labels: ['ISO 9001', 'QUALIOPI'], employees: 40 } }, structure);
    expect(changed.errors).toBeUndefined();
    // Other fields apply at once; the declaration waits.
    expect(changed.data.updateSupplier).toMatchObject({ inclusionKind: 'EA', labels: ['ISO 9001'], pendingChanges: { inclusionKind: 'ESAT', labels: ['ISO 9001', 'QUALIOPI'] } });
    expect(await inDirectory({ kinds: ['ESAT'] })).toBe(false);
    expect(await inDirectory({ kinds: ['EA'] })).toBe(true);

    const need = await t.gql('mutation($i: NeedInput!) { postNeed(input: $i) { id } }', {
      i: needInput({ title: 'Conditionnement réservé ESAT', companyName: 'Cosmétiques de Seine', contactEmail: 'achats@cosmetiques.example', requiredInclusionKinds: ['ESAT'] }),
    }, officer);
    const match = async () =>
      ((await t.gql('query($n: ID!) { matchSuppliers(needId: $n, limit: 50) { eligible supplier { id } } }', { n: need.data.postNeed.id }, officer)).data.matchSuppliers as any[]).find((m) => m.supplier.id === id);
    expect((await match())?.eligible ?? false).toBe(false);

    // What is pending is the Métropole's and the structure's business only.
    const company = await t.userWithToken('COMPANY');
    expect((await t.gql(GET, { id }, company.token)).data.supplier.pendingChanges).toBeNull();
    expect((await t.gql(GET, { id })).data.supplier.pendingChanges).toBeNull();
    expect((await t.gql(GET, { id }, structure)).data.supplier.pendingChanges).toMatchObject({ inclusionKind: 'ESAT' });
    expect(codeOf(await t.gql(PENDING, {}, company.token))).toBe('FORBIDDEN');
    expect(codeOf(await review(structure, { ok: true }))).toBe('FORBIDDEN');

    const confirmed = await review(officer, { ok: true });
    expect(confirmed.data.reviewSupplierChanges).toMatchObject({ inclusionKind: 'ESAT', labels: ['ISO 9001', 'QUALIOPI'], pendingChanges: null });
    expect(await inDirectory({ kinds: ['ESAT'], labels: ['QUALIOPI'] })).toBe(true);
    expect((await match())?.eligible).toBe(true);
  });

  it('a decision is on the declaration the officer read: one the structure sent since is refused, named, and nothing changes', async () => {
    await t.gql(UPDATE, { id, i: { labels: ['ISO 9001'] } }, structure);
    const read = (await t.gql(GET, { id }, officer)).data.supplier.pendingChanges;
    expect(read).toMatchObject({ inclusionKind: 'ESAT', labels: ['ISO 9001'] });
    // The structure declares more while the officer reads.
    await new Promise((r) => setTimeout(r, 5));
    await t.gql(UPDATE, { id, i: { inclusionKind: 'EA', labels: ['RGE', 'QUALIOPI'] } }, structure);
    const decisions = () => t.server.services.store.outbox.count({ kind: 'DECLARATION_REVIEWED', supplierId: id });
    const decided = await decisions();
    const stale = await t.gql(REVIEW, { id, ok: true, at: read.requestedAt }, officer);
    expect([codeOf(stale), fieldOf(stale)]).toEqual(['CONFLICT', 'requestedAt']);
    expect(stale.errors![0]!.message).toBe('« requestedAt » : la structure a changé sa déclaration depuis que vous l’avez lue ; relisez-la avant de décider.');
    expect((await t.gql(GET, { id }, officer)).data.supplier).toMatchObject({ inclusionKind: 'ESAT', labels: ['ISO 9001', 'QUALIOPI'], pendingChanges: { inclusionKind: 'EA', labels: ['RGE', 'QUALIOPI'] } });
    expect(await inDirectory({ kinds: ['EA'] })).toBe(false);
    expect(await decisions()).toBe(decided);
    const unreadable = await t.gql(REVIEW, { id, ok: true, at: 'hier' }, officer);
    expect([codeOf(unreadable), fieldOf(unreadable)]).toEqual(['BAD_USER_INPUT', 'requestedAt']);
    // Read again, it is decided; the structure goes back to what was confirmed for the next test.
    expect((await review(officer, { ok: false, reason: 'Aucune reconnaissance EA trouvée pour cet établissement.' })).errors).toBeUndefined();
    expect(await decisions()).toBe(decided + 1);
  });

  it('an officer may refuse a declaration, saying why: the confirmed values stay, the structure is told; staff edits apply at once', async () => {
    await t.gql(UPDATE, { id, i: { inclusionKind: 'EI' } }, structure);
    // A refusal without a reason is refused, named, and changes nothing.
    const silent = await review(officer, { ok: false });
    expect(codeOf(silent)).toBe('BAD_USER_INPUT');
    expect(fieldOf(silent)).toBe('reason');
    expect(silent.errors![0]!.message).toBe('« reason » : dites à la structure pourquoi sa déclaration n’est pas retenue.');
    expect((await t.gql(GET, { id }, officer)).data.supplier.pendingChanges).toMatchObject({ inclusionKind: 'EI' });
    const reason = "Aucun conventionnement d'entreprise d'insertion n'a été trouvé : envoyez-nous votre convention DREETS.";
    const refused = await review(officer, { ok: false, reason });
    expect(refused.errors).toBeUndefined();
    expect(refused.data.reviewSupplierChanges).toMatchObject({ inclusionKind: 'ESAT', pendingChanges: null, declarationReview: { approved: false, reason, inclusionKind: 'EI' } });
    const refusal = await waitFor('the refusal mail', () => mailsTo('contact@ateliers-cailly.example').find((m) => m.subject === "Passerelle ESS : votre déclaration pour « Les Ateliers du Cailly » n'est pas retenue" && m.text?.includes(reason)));
    expect(refusal.text).toContain(`Pourquoi : ${reason}`);
    // The structure sees the decision on its own profile.
    expect((await t.gql(`query($id: ID!) { supplier(id: $id) { declarationReview { approved reason } } }`, { id }, structure)).data.supplier.declarationReview).toEqual({ approved: false, reason });
    expect(codeOf(await review(officer, { ok: true }))).toBe('CONFLICT');
    const byOfficer = await t.gql(UPDATE, { id, i: { labels: ['RGE'] } }, officer);
    expect(byOfficer.data.updateSupplier).toMatchObject({ labels: ['RGE'], pendingChanges: null });
  });
  it('an edit of the profile sent while an officer confirms its declaration never undoes the decision', async () => {
    for (let round = 0; round < 6; round++) {
      const declared = round % 2 === 0 ? ['RGE', 'QUALIOPI'] : ['RGE'];
      const shown = (await t.gql(UPDATE, { id, i: { labels: declared } }, structure)).data.updateSupplier.pendingChanges;
      const [edit, decision] = await Promise.all([
        t.gql(UPDATE, { id, i: { description: `Menuiserie et conditionnement, tour ${round}.` } }, structure),
        t.gql(REVIEW, { id, ok: true, at: shown.requestedAt }, officer),
      ]);
      const stored = (await t.gql(GET, { id }, officer)).data.supplier;
      if (!decision.errors) expect(stored).toMatchObject({ labels: declared, pendingChanges: null });
      // Either both landed, or the one that came second was refused whole and said so.
      expect([edit, decision].filter((r) => r.errors).map(codeOf).every((c) => c === 'CONFLICT')).toBe(true);
    }
  });

  it('a structure withdraws what it declared by sending its confirmed labels back', async () => {
    expect((await t.gql(GET, { id }, officer)).data.supplier).toMatchObject({ labels: ['RGE'], pendingChanges: null });
    expect((await t.gql(UPDATE, { id, i: { labels: ['RGE', 'QUALIOPI'] } }, structure)).data.updateSupplier.pendingChanges).toMatchObject({ labels: ['RGE', 'QUALIOPI'] });
    const withdrawn = await t.gql(UPDATE, { id, i: { labels: ['RGE'] } }, structure);
    expect(withdrawn.data.updateSupplier).toMatchObject({ labels: ['RGE'], pendingChanges: null });
  });

  it('a decision written for a structure erased meanwhile is dropped at sending, and its address leaves the store', async () => {
    const address = 'decision@ateliers-erases.example';
    const erasedId = (await t.gql(CREATE, { i: supplierInput({ name: 'Ateliers effacés', contactEmail: address }) }, officer)).data.createSupplier.id as string;
    expect((await t.gql('mutation($id: ID!) { deleteSupplier(id: $id) }', { id: erasedId }, officer)).errors).toBeUndefined();
    // The row a decision wrote from the profile it had just updated, when the erasure ran in between.
    const { store } = t.server.services;
    await store.outbox.insert(outboxRow({ id: `${erasedId}:declaration:race`, kind: 'DECLARATION_REVIEWED', supplierId: erasedId, to: address, domain: 'localhost', now: new Date() }));
    t.server.services.outbox.kick();
    await waitFor('the decision dropped', async () => (await store.outbox.findById(`${erasedId}:declaration:race`))?.state === 'DROPPED');
    expect(await store.outbox.findById(`${erasedId}:declaration:race`)).toMatchObject({ to: ERASED_EMAIL });
    await expectStoredNowhere(t, address);
    expect(mailsTo(address)).toEqual([]);
  });
});
