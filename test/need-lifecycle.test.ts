// A need's life through HTTP: the firm's acknowledgement by mail, edits before any introduction,
// withdrawal (out of the officers' queue and the figures), closing by staff, and statuses.
import { needInput } from './helpers/fixtures';
import { APPROVE, buildScene, DRAFT, UPDATE } from './helpers/introductions';
import { startMailedServer } from './helpers/mailed-server';
import { codeOf, fieldOf, type TestServer } from './helpers/server';
import { addresses, type TestSmtp } from './helpers/smtp';
import { waitFor } from './helpers/wait';

const POST = 'mutation($i: NeedInput!) { postNeed(input: $i) { id status } }';
const EDIT = 'mutation($id: ID!, $i: NeedUpdateInput!) { updateNeed(id: $id, input: $i) { id title requiredLabels budgetMax status companyName contactEmail } }';
const WITHDRAW = 'mutation($id: ID!, $r: String!) { withdrawNeed(id: $id, reason: $r) { id status withdrawnAt withdrawalReason } }';
const CLOSE = 'mutation($id: ID!, $n: String) { closeNeed(id: $id, note: $n) { id status closedAt closingNote } }';
const GET = 'query($id: ID!) { need(id: $id) { id title status withdrawalReason closingNote } }';
const AWAITING = '{ needsAwaitingShortlist(first: 100) { edges { node { id } } } }';
const STATS = '{ impactStats(from: "2020-01-01", to: "2040-12-31") { needsPosted needsByKind { kind count } } }';

describe('need lifecycle', () => {
  let smtp: TestSmtp;
  let t: TestServer;
  beforeAll(async () => {
    ({ t, smtp } = await startMailedServer());
  });
  afterAll(async () => {
    await t.destroy();
    await smtp.close();
  });

  const receivedBy = (email: string, title: string) =>
    waitFor(`acknowledgement to ${email}`, () => smtp.messages.find((m) => addresses(m.to).includes(email) && (m.subject ?? '').includes(title)));

  it('acknowledges a recorded need to the firm by mail: its own post, or the officer’s on its behalf (replies to the officer)', async () => {
    const company = await t.userWithToken('COMPANY', { organisationName: 'Accusé SA' });
    const posted = await t.gql(POST, { i: needInput({ title: 'Nettoyage des bureaux de Darnétal' }) }, company.token);
    expect(posted.errors).toBeUndefined();
    expect(posted.data.postNeed.status).toBe('OPEN');
    const own = await receivedBy(company.email, 'Nettoyage des bureaux de Darnétal');
    expect(own.subject).toBe('Passerelle ESS : votre besoin « Nettoyage des bureaux de Darnétal » est enregistré');
    expect(own.text).toContain('Lieu : Sotteville-lès-Rouen');
    expect(own.text).toContain('modifier ou le retirer');

    const officer = await t.userWithToken('OFFICER');
    const input = needInput({ title: 'Traiteur du séminaire', companyName: 'Seine Logistique', contactEmail: 'achats@seine-logistique.example' });
    expect((await t.gql(POST, { i: input }, officer.token)).errors).toBeUndefined();
    const forFirm = await receivedBy('achats@seine-logistique.example', 'Traiteur du séminaire');
    expect(addresses(forFirm.replyTo)).toEqual([officer.email]);
    expect(forFirm.text).toContain("L'équipe de la Métropole Rouen Normandie a enregistré votre besoin");
    // The officer's copy goes nowhere: only the firm is acknowledged.
    expect(smtp.messages.some((m) => addresses(m.to).includes(officer.email))).toBe(false);
  });

  it('lets the firm or an officer edit a need before any introduction: given fields replace, lists whole; bad input writes nothing', async () => {
    const s = await buildScene(t, { requiredLabels: ['ISO 9001'], budgetMax: 40000 });
    const edited = await t.gql(EDIT, { id: s.needId, i: { title: 'Entretien des espaces verts, deux sites', requiredLabels: [] } }, s.company.token);
    expect(edited.errors).toBeUndefined();
    expect(edited.data.updateNeed).toMatchObject({ title: 'Entretien des espaces verts, deux sites', requiredLabels: [], budgetMax: 40000, status: 'OPEN' });

    const byOfficer = await t.gql(EDIT, { id: s.needId, i: { budgetMax: 45000 } }, s.officer.token);
    expect(byOfficer.data.updateNeed.budgetMax).toBe(45000);

    const bad = await t.gql(EDIT, { id: s.needId, i: { title: 'Autre titre', budgetMax: 100 } }, s.company.token);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(fieldOf(bad)).toBe('budgetMax');
    expect(bad.errors![0]!.message).toMatch(/budget maximum/);
    expect((await t.gql(GET, { id: s.needId }, s.officer.token)).data.need.title).toBe('Entretien des espaces verts, deux sites');

    // A firm keeps posting under its own name.
    expect(fieldOf(await t.gql(EDIT, { id: s.needId, i: { companyName: 'Autre SA' } }, s.company.token))).toBe('companyName');
    const other = await t.userWithToken('COMPANY', { organisationName: 'Concurrent SA' });
    expect(codeOf(await t.gql(EDIT, { id: s.needId, i: { title: 'Piraté' } }, other.token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(WITHDRAW, { id: s.needId, r: 'Piraté' }, other.token))).toBe('FORBIDDEN');
  });

  it('withdraws a need with a reason: out of the officers’ queue and the figures, no shortlist any more', async () => {
    const s = await buildScene(t, { kind: 'SPONSORSHIP' });
    const queued = async () => (await t.gql(AWAITING, {}, s.officer.token)).data.needsAwaitingShortlist.edges.map((e: any) => e.node.id);
    const sponsorships = async () => {
      const stats = (await t.gql(STATS, {}, s.officer.token)).data.impactStats;
      return { posted: stats.needsPosted, kind: stats.needsByKind.find((k: any) => k.kind === 'SPONSORSHIP').count };
    };
    expect(await queued()).toContain(s.needId);
    const before = await sponsorships();

    const noReason = await t.gql(WITHDRAW, { id: s.needId, r: '  ' }, s.company.token);
    expect(codeOf(noReason)).toBe('BAD_USER_INPUT');
    expect(fieldOf(noReason)).toBe('reason');
    expect((await t.gql(GET, { id: s.needId }, s.company.token)).data.need.status).toBe('OPEN');

    const withdrawn = await t.gql(WITHDRAW, { id: s.needId, r: 'Besoin de test, saisi par erreur' }, s.company.token);
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data.withdrawNeed).toMatchObject({ status: 'WITHDRAWN', withdrawalReason: 'Besoin de test, saisi par erreur' });
    expect(withdrawn.data.withdrawNeed.withdrawnAt).toBeTruthy();

    expect(await queued()).not.toContain(s.needId);
    expect(await sponsorships()).toEqual({ posted: before.posted - 1, kind: before.kind - 1 });
    const draft = await t.gql(DRAFT, { needId: s.needId }, s.officer.token);
    expect(codeOf(draft)).toBe('CONFLICT');
    expect(draft.errors![0]!.message).toContain('Besoin de test, saisi par erreur');
    expect(codeOf(await t.gql(EDIT, { id: s.needId, i: { title: 'Encore' } }, s.company.token))).toBe('CONFLICT');
    expect(codeOf(await t.gql(WITHDRAW, { id: s.needId, r: 'Deux fois' }, s.officer.token))).toBe('CONFLICT');
  });

  it('refuses an approval for a need withdrawn since its draft', async () => {
    const s = await buildScene(t);
    const draft = (await t.gql(DRAFT, { needId: s.needId }, s.officer.token)).data.draftShortlist;
    await t.gql(UPDATE, { id: draft.id, supplierIds: [s.suppliers.jardins.id] }, s.officer.token);
    expect((await t.gql(WITHDRAW, { id: s.needId, r: 'Prestataire trouvé ailleurs' }, s.officer.token)).errors).toBeUndefined();
    const approved = await t.gql(APPROVE, { id: draft.id }, s.officer.token);
    expect(codeOf(approved)).toBe('CONFLICT');
  });

  it('after an introduction: no edit, no withdrawal; staff close it, out of the queue but still in the figures', async () => {
    const s = await buildScene(t);
    const draft = (await t.gql(DRAFT, { needId: s.needId }, s.officer.token)).data.draftShortlist;
    await t.gql(UPDATE, { id: draft.id, supplierIds: [s.suppliers.jardins.id] }, s.officer.token);
    expect((await t.gql(APPROVE, { id: draft.id }, s.officer.token)).errors).toBeUndefined();
    expect((await t.gql(GET, { id: s.needId }, s.company.token)).data.need.status).toBe('INTRODUCED');

    const edit = await t.gql(EDIT, { id: s.needId, i: { title: 'Trop tard' } }, s.company.token);
    expect(codeOf(edit)).toBe('CONFLICT');
    expect(edit.errors![0]!.message).toContain('ne peut plus être modifié');
    expect(codeOf(await t.gql(WITHDRAW, { id: s.needId, r: 'Trop tard' }, s.company.token))).toBe('CONFLICT');

    expect(codeOf(await t.gql(CLOSE, { id: s.needId }, s.company.token))).toBe('FORBIDDEN');
    const posted = (await t.gql(STATS, {}, s.officer.token)).data.impactStats.needsPosted;
    const closed = await t.gql(CLOSE, { id: s.needId, n: 'Marché attribué' }, s.officer.token);
    expect(closed.errors).toBeUndefined();
    expect(closed.data.closeNeed).toMatchObject({ status: 'CLOSED', closingNote: 'Marché attribué' });
    // The note is the Métropole's.
    expect((await t.gql(GET, { id: s.needId }, s.company.token)).data.need).toMatchObject({ status: 'CLOSED', closingNote: null });
    expect((await t.gql(STATS, {}, s.officer.token)).data.impactStats.needsPosted).toBe(posted);
    expect(codeOf(await t.gql(CLOSE, { id: s.needId }, s.officer.token))).toBe('CONFLICT');

    // An open need closed by staff leaves the queue too.
    const open = await buildScene(t);
    expect((await t.gql(CLOSE, { id: open.needId }, open.officer.token)).data.closeNeed.status).toBe('CLOSED');
    const queue = (await t.gql(AWAITING, {}, open.officer.token)).data.needsAwaitingShortlist.edges.map((e: any) => e.node.id);
    expect(queue).not.toContain(open.needId);
  });

  it('officers’ notes: one rewritten from an older one is refused with the note as it is now, and notes are kept after an introduction and closing', async () => {
    const s = await buildScene(t);
    const colleague = await t.userWithToken('OFFICER');
    const NOTE = 'mutation($id: ID!, $i: NeedUpdateInput!) { updateNeed(id: $id, input: $i) { id internalNote } }';
    const noteOf = async () => (await t.gql('query($id: ID!) { need(id: $id) { internalNote } }', { id: s.needId }, s.officer.token)).data.need.internalNote;
    expect((await t.gql(NOTE, { id: s.needId, i: { internalNote: 'Appel de M. Durand.', internalNoteWas: null } }, s.officer.token)).errors).toBeUndefined();
    // Both opened the note as « Appel de M. Durand. »; the colleague saves first.
    const first = await t.gql(NOTE, { id: s.needId, i: { internalNote: 'Appel de M. Durand.\nRappelé le 3 : budget confirmé.', internalNoteWas: 'Appel de M. Durand.' } }, colleague.token);
    expect(first.errors).toBeUndefined();
    const second = await t.gql(NOTE, { id: s.needId, i: { internalNote: 'Appel de M. Durand.\nPréfère une structure à Rouen.', internalNoteWas: 'Appel de M. Durand.' } }, s.officer.token);
    expect([codeOf(second), fieldOf(second)]).toEqual(['CONFLICT', 'internalNoteWas']);
    expect(second.errors![0]!.message).toBe('« internalNoteWas » : la note interne a été modifiée depuis que vous l’avez ouverte ; la vôtre n’est pas enregistrée. Elle est maintenant : « Appel de M. Durand.\nRappelé le 3 : budget confirmé. ».');
    expect(await noteOf()).toBe('Appel de M. Durand.\nRappelé le 3 : budget confirmé.');
    // Nor read by it through a refusal: a firm's try says nothing of the note.
    const probe = await t.gql(NOTE, { id: s.needId, i: { internalNote: 'x', internalNoteWas: 'y' } }, s.company.token);
    expect([codeOf(probe), fieldOf(probe)]).toEqual(['BAD_USER_INPUT', 'internalNote']);
    expect(probe.errors![0]!.message).not.toContain('Rappelé');
    // Both saved at once from the same note: one wins, the other is told.
    const racing = await Promise.all(['A', 'B'].map((who) => t.gql(NOTE, { id: s.needId, i: { internalNote: `${who} : relance faite.`, internalNoteWas: 'Appel de M. Durand.\nRappelé le 3 : budget confirmé.' } }, s.officer.token)));
    expect(racing.map(codeOf).sort()).toEqual(['CONFLICT', undefined]);
    expect(['A : relance faite.', 'B : relance faite.']).toContain(await noteOf());

    // After the introduction and the closing, officers still write what they hear; the rest of the need stays as it was.
    const draft = (await t.gql(DRAFT, { needId: s.needId }, s.officer.token)).data.draftShortlist;
    await t.gql(UPDATE, { id: draft.id, supplierIds: [s.suppliers.jardins.id] }, s.officer.token);
    expect((await t.gql(APPROVE, { id: draft.id }, s.officer.token)).errors).toBeUndefined();
    const now = await noteOf();
    const after = await t.gql(NOTE, { id: s.needId, i: { internalNote: `${now}\nLa structure a rappelé l’entreprise.`, internalNoteWas: now } }, s.officer.token);
    expect(after.data.updateNeed.internalNote).toBe(`${now}\nLa structure a rappelé l’entreprise.`);
    const withTitle = await t.gql(NOTE, { id: s.needId, i: { internalNote: 'Et le titre aussi', title: 'Trop tard' } }, s.officer.token);
    expect(codeOf(withTitle)).toBe('CONFLICT');
    // Said to an officer as to the Métropole, not as to the firm (« écrivez à la Métropole »).
    expect(withTitle.errors![0]!.message).toBe('Des structures ont déjà été présentées pour ce besoin : il ne peut plus être modifié, seule sa note interne peut l’être (enregistrez un nouveau besoin si la demande a changé).');
    // The note is never the firm's to write.
    expect(codeOf(await t.gql(NOTE, { id: s.needId, i: { internalNote: 'Une entreprise ne note rien ici.' } }, s.company.token))).toBe('BAD_USER_INPUT');
    expect(await noteOf()).toBe(`${now}\nLa structure a rappelé l’entreprise.`);
    expect((await t.gql(CLOSE, { id: s.needId, n: 'Marché attribué' }, s.officer.token)).errors).toBeUndefined();
    expect((await t.gql(NOTE, { id: s.needId, i: { internalNote: 'Clos : marché signé en mai.' } }, s.officer.token)).data.updateNeed.internalNote).toBe('Clos : marché signé en mai.');
    // Erased by a colleague meanwhile: said so, not as an empty quote.
    expect((await t.gql(NOTE, { id: s.needId, i: { internalNote: null, internalNoteWas: 'Clos : marché signé en mai.' } }, colleague.token)).errors).toBeUndefined();
    const afterErasure = await t.gql(NOTE, { id: s.needId, i: { internalNote: 'Clos : marché signé en mai, facture reçue.', internalNoteWas: 'Clos : marché signé en mai.' } }, s.officer.token);
    expect(afterErasure.errors![0]!.message).toBe('« internalNoteWas » : la note interne a été modifiée depuis que vous l’avez ouverte ; la vôtre n’est pas enregistrée. Elle a été effacée.');
  });

  it('searches every need, withdrawn, closed and unconfirmed included, by words and statuses; a firm finds only its own', async () => {
    const officer = await t.userWithToken('OFFICER');
    const SEARCH = 'query($f: NeedFilter, $first: Int, $after: String) { needs(filter: $f, first: $first, after: $after) { totalCount edges { node { id title status } } pageInfo { hasNextPage endCursor } } }';
    const post = async (title: string) => (await t.gql(POST, { i: needInput({ title, companyName: 'Recherche SA', contactEmail: 'achats@recherche.example' }) }, officer.token)).data.postNeed.id as string;
    const kept = await post('Vitrerie du siège de Mont-Saint-Aignan');
    const withdrawn = await post('Vitrerie de l’entrepôt de Grand-Quevilly');
    await t.gql(WITHDRAW, { id: withdrawn, r: 'Budget supprimé' }, officer.token);
    const closed = await post('Vitrerie du magasin de Rouen');
    await t.gql(CLOSE, { id: closed, n: 'Traité par téléphone' }, officer.token);

    const all = (await t.gql(SEARCH, { f: { text: 'vitrerie' } }, officer.token)).data.needs;
    expect(all.totalCount).toBe(3);
    expect(all.edges.map((e: any) => e.node.id)).toEqual([closed, withdrawn, kept]);
    const ended = (await t.gql(SEARCH, { f: { text: 'VITRERIE', statuses: ['WITHDRAWN', 'CLOSED'] } }, officer.token)).data.needs;
    expect(ended.edges.map((e: any) => e.node.status)).toEqual(['CLOSED', 'WITHDRAWN']);
    // Words of the firm and the address count; pages follow one another.
    const first = (await t.gql(SEARCH, { f: { text: 'recherche.example vitrerie' }, first: 2 }, officer.token)).data.needs;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = (await t.gql(SEARCH, { f: { text: 'recherche.example vitrerie' }, first: 2, after: first.pageInfo.endCursor }, officer.token)).data.needs;
    expect(next.edges.map((e: any) => e.node.id)).toEqual([kept]);
    // An unknown status is refused, named, in French.
    const bad = await t.gql(SEARCH, { f: { statuses: ['PERDU'] } }, officer.token);
    expect(bad.errors).toBeDefined();
    // A firm searches its own needs only.
    const firm = await t.userWithToken('COMPANY', { organisationName: 'Vitres Propres SARL' });
    await t.gql(POST, { i: needInput({ title: 'Vitrerie de nos bureaux' }) }, firm.token);
    expect((await t.gql(SEARCH, { f: { text: 'vitrerie' } }, firm.token)).data.needs.edges.map((e: any) => e.node.title)).toEqual(['Vitrerie de nos bureaux']);
  });
});
