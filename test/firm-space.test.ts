// « Où en est ma demande ? » for a firm without an account: the summary mail once its need is
// confirmed (what happens next, within the service commitment setting, and how to follow it), a
// sign-in link to its address that opens its own needs only, edits and withdrawals before any
// presentation only, and the structures' answers once introduced (not their comments).
// The real server, a real SMTP peer, GraphQL over HTTP.
import { mailsSettled } from '../api/accounts';
import { byEmail } from '../api/store/filters';
import { confirmByLink, postAnonymously } from './helpers/anonymous-needs';
import { APPROVE, DRAFT, buildScene, type Scene } from './helpers/introductions';
import { startMailedServer } from './helpers/mailed-server';
import { codeOf, type TestServer } from './helpers/server';
import { addresses, type TestSmtp } from './helpers/smtp';
import { waitFor } from './helpers/wait';

const REQUEST_LINK = `mutation($email: String!) { requestAccessLink(email: $email) }`;
const SIGN_IN = `mutation($token: String!) { signInWithLink(token: $token) { token user { role email } } }`;
const MY_NEEDS = `{ needs(first: 100) { edges { node { id title status confirmedAt introducedAt nextStep changeable
  shortlists { id items { supplier { id name contactEmail } answer answeredAt response { comment } } } } } } }`;
const EDIT = `mutation($id: ID!, $title: String!) { updateNeed(id: $id, input: { title: $title }) { id title companyName } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawNeed(id: $id, reason: "Besoin pourvu autrement") { id status nextStep changeable } }`;
const ANSWER = `mutation($s: ID!, $id: ID!) { recordSupplierAnswer(shortlistId: $s, supplierId: $id, answer: INTERESTED, comment: "Rappelez-nous lundi, pas avant.") { rank } }`;

const FIRM = 'achats@menuiserie-du-robec.example';
const OTHER = 'achats@autre-firme.example';

describe('the firm’s space, for a firm without an account', () => {
  let smtp: TestSmtp;
  let t: TestServer;
  let scene: Scene;
  let session: string;
  let otherSession: string;
  const needs: Record<string, string> = {};

  beforeAll(async () => {
    ({ t, smtp } = await startMailedServer({ PUBLIC_URL: 'https://passerelle.example', SERVICE_COMMITMENT: 'sous 3 jours ouvrés' }));
    scene = await buildScene(t);
  });
  afterAll(async () => {
    await t.destroy();
    await smtp.close();
  });

  const post = (title: string, contactEmail: string) => postAnonymously(t, { title, companyName: 'Menuiserie du Robec', contactEmail });
  const mailTo = (to: string, subject: RegExp) => waitFor(`a mail to ${to}`, () => smtp.messages.find((m) => addresses(m.to).includes(to) && subject.test(m.subject ?? '')));
  const confirm = (to: string, title: string) => confirmByLink(t, smtp, to, title);
  const signIn = async (email: string): Promise<string> => {
    expect((await t.gql(REQUEST_LINK, { email })).data.requestAccessLink).toBe(true);
    await mailsSettled(t.server.services.accessLinks);
    const mail = smtp.messages.filter((m) => addresses(m.to).includes(email) && /lien de connexion/.test(m.subject ?? '')).pop();
    expect(mail).toBeDefined();
    const token = /\/acces\?jeton=([A-Za-z0-9_-]+)/.exec(mail!.text ?? '')![1]!;
    const res = await t.gql(SIGN_IN, { token });
    expect(res.errors).toBeUndefined();
    expect(res.data.signInWithLink.user).toEqual({ role: 'COMPANY', email });
    return res.data.signInWithLink.token;
  };
  const myNeeds = async (token: string) => (await t.gql(MY_NEEDS, {}, token)).data.needs.edges.map((e: any) => e.node);

  it('mails a summary once the need is confirmed: what happens next, within the service commitment, and how to follow it', async () => {
    needs.confirmed = await post('Agencement de notre showroom', FIRM);
    const { url, status, page } = await confirm(FIRM, 'Agencement de notre showroom');
    expect(status).toBe(200);
    expect(page).toContain('Une liste de structures vous sera proposée sous 3 jours ouvrés');
    expect(page).toContain('<a href="/connexion">recevez un lien de connexion</a>');
    const summary = await mailTo(FIRM, /votre besoin « Agencement de notre showroom » est enregistré/);
    expect(summary.text).toContain('une liste de structures vous sera proposée sous 3 jours ouvrés, par courriel');
    expect(summary.text).toContain('demandez un lien de connexion à cette adresse');
    expect(summary.text).toContain('https://passerelle.example/connexion');
    expect(String(summary.html)).toContain('<a href="https://passerelle.example/connexion">Recevoir un lien de connexion</a>');
    // once only: the link's page answers « déjà servi » and no second summary goes
    expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' })).status).toBe(409);
    await t.runDue();
    expect(smtp.messages.filter((m) => addresses(m.to).includes(FIRM) && /est enregistré/.test(m.subject ?? ''))).toHaveLength(1);
  });

  it('signs the firm in by a link to its address and shows its needs only, with what happens next and when', async () => {
    needs.pending = await post('Rayonnages pour la réserve', FIRM);
    needs.other = await post('Nettoyage de nos vitrines', OTHER);
    session = await signIn(FIRM);
    const mine = await myNeeds(session);
    expect(mine.map((n: any) => n.id).sort()).toEqual([needs.confirmed, needs.pending].sort());
    const pending = mine.find((n: any) => n.id === needs.pending);
    expect(pending).toMatchObject({ status: 'AWAITING_CONFIRMATION', confirmedAt: null, changeable: true });
    expect(pending.nextStep).toContain(`Confirmez-le avec le lien envoyé à ${FIRM}`);
    const confirmed = mine.find((n: any) => n.id === needs.confirmed);
    expect(confirmed).toMatchObject({ status: 'OPEN', introducedAt: null, changeable: true });
    expect(confirmed.nextStep).toContain('une liste vous sera proposée sous 3 jours ouvrés');

    // another firm's address sees its own need only, and may neither read, edit nor withdraw this one
    otherSession = await signIn(OTHER);
    expect((await myNeeds(otherSession)).map((n: any) => n.id)).toEqual([needs.other]);
    // Each firm's organisation is named by a confirmed need; an unconfirmed one may be a stranger's words.
    const organisationOf = async (email: string) => {
      const [user] = await t.server.services.store.users.find(byEmail(email));
      return (await t.server.services.store.organisations.findById(user!.organisationId!))!.name;
    };
    expect(await organisationOf(FIRM)).toBe('Menuiserie du Robec');
    expect(await organisationOf(OTHER)).toBe(OTHER);
    expect(codeOf(await t.gql(`query($id: ID!) { need(id: $id) { id } }`, { id: needs.confirmed }, otherSession))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(EDIT, { id: needs.confirmed, title: 'Détourné' }, otherSession))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(WITHDRAW, { id: needs.confirmed }, otherSession))).toBe('FORBIDDEN');
    // nor does a firm with an account see a need it is not the contact of
    expect((await myNeeds(scene.company.token)).map((n: any) => n.id)).not.toContain(needs.confirmed);
    // an address with no need gets no account
    expect((await t.gql(REQUEST_LINK, { email: 'inconnu@nulle-part.example' })).data.requestAccessLink).toBe(true);
    await mailsSettled(t.server.services.accessLinks);
    expect(smtp.messages.some((m) => addresses(m.to).includes('inconnu@nulle-part.example'))).toBe(false);
  });

  it('gives the firm, in its data export, the needs it follows by its address', async () => {
    const exported = JSON.parse((await t.gql(`{ exportMyData }`, {}, session)).data.exportMyData);
    expect(exported.needs.map((n: { id: string }) => n.id)).toContain(needs.confirmed);
    const other = JSON.parse((await t.gql(`{ exportMyData }`, {}, otherSession)).data.exportMyData);
    expect(other.needs.map((n: { id: string }) => n.id)).not.toContain(needs.confirmed);
  });

  it('lets the firm confirm from its space a need awaiting its link: the sign-in proved the address', async () => {
    const CONFIRM = `mutation($id: ID!) { confirmMyNeed(id: $id) { id status confirmedAt nextStep } }`;
    expect(codeOf(await t.gql(CONFIRM, { id: needs.other }, session))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(CONFIRM, { id: needs.other }, scene.officer.token))).toBe('FORBIDDEN');
    const confirmed = await t.gql(CONFIRM, { id: needs.other }, otherSession);
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data.confirmMyNeed).toMatchObject({ id: needs.other, status: 'OPEN', confirmedAt: expect.any(String) });
    expect(confirmed.data.confirmMyNeed.nextStep).toContain('une liste vous sera proposée sous 3 jours ouvrés');
    // acknowledged once, as a confirmation by link is; a second confirmation changes nothing
    await mailTo(OTHER, /est enregistré/);
    expect((await t.gql(CONFIRM, { id: needs.other }, otherSession)).data.confirmMyNeed.confirmedAt).toBe(confirmed.data.confirmMyNeed.confirmedAt);
    expect(await t.server.services.store.outbox.count({ to: OTHER, kind: 'NEED_RECEIVED' })).toBe(1);
  });

  it('lets the firm edit and withdraw its need before presentation, under the name it posted with', async () => {
    const edited = await t.gql(EDIT, { id: needs.pending, title: 'Rayonnages métalliques pour la réserve' }, session);
    expect(edited.errors).toBeUndefined();
    expect(edited.data.updateNeed).toMatchObject({ title: 'Rayonnages métalliques pour la réserve', companyName: 'Menuiserie du Robec' });
    const withdrawn = await t.gql(WITHDRAW, { id: needs.pending }, session);
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data.withdrawNeed).toMatchObject({ status: 'WITHDRAWN', changeable: false });
    expect(withdrawn.data.withdrawNeed.nextStep).toContain('aucune structure ne vous sera présentée');
  });

  it('refuses edits after presentation, and shows the structures introduced with their answers, not their comments', async () => {
    const draft = await t.gql(DRAFT, { needId: needs.confirmed, size: 2 }, scene.officer.token);
    expect(draft.errors).toBeUndefined();
    const list = draft.data.draftShortlist;
    expect((await t.gql(APPROVE, { id: list.id }, scene.officer.token)).errors).toBeUndefined();
    const first = list.items[0].supplier;
    expect((await t.gql(ANSWER, { s: list.id, id: first.id }, scene.officer.token)).errors).toBeUndefined();

    const edit = await t.gql(EDIT, { id: needs.confirmed, title: 'Trop tard' }, session);
    expect(codeOf(edit)).toBe('CONFLICT');
    expect(edit.errors![0]!.message).toMatch(/Des structures ont déjà été présentées pour ce besoin/);
    expect(codeOf(await t.gql(WITHDRAW, { id: needs.confirmed }, session))).toBe('CONFLICT');

    const need = (await myNeeds(session)).find((n: any) => n.id === needs.confirmed);
    expect(need).toMatchObject({ status: 'INTRODUCED', changeable: false });
    expect(need.introducedAt).not.toBeNull();
    expect(need.nextStep).toContain('dites-nous ce qu’a donné chaque mise en relation');
    const items = need.shortlists[0].items;
    const answered = items.find((i: any) => i.supplier.id === first.id);
    expect(answered).toMatchObject({ answer: 'INTERESTED', response: null });
    expect(answered.answeredAt).not.toBeNull();
    expect(answered.supplier.contactEmail).toMatch(/@ess\.example$/);
    expect(items.filter((i: any) => i.supplier.id !== first.id).every((i: any) => i.answer === null)).toBe(true);
    // the firm records an outcome from its space, as from its mailed link
    const outcome = await t.gql(`mutation($s: ID!, $id: ID!) { recordOutcome(shortlistId: $s, supplierId: $id, status: CONTACTED) { outcome { status } } }`, { s: list.id, id: first.id }, session);
    expect(outcome.errors).toBeUndefined();
    expect(outcome.data.recordOutcome.outcome.status).toBe('CONTACTED');
  });
});
