// Who acts for a structure, through HTTP and a real SMTP peer. Imported structures have no
// organisation until their contact's first sign-in by link: homonyms must each get their own, a
// failure half-way must leave nothing behind, and an officer's detachment must stop the person's
// tokens and links at once.
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { TEMPLATE_COLUMNS } from '../api/directory/imports';
import { runScript } from './helpers/cli';
import { APPROVE, buildScene, DRAFT, GET_MAILS, UPDATE as UPDATE_LIST } from './helpers/introductions';
import { siret, supplierInput } from './helpers/fixtures';
import { storeEnvFor } from './helpers/project-engine';
import { startMailedServer } from './helpers/mailed-server';
import { codeOf, fieldOf, ok, startTestServer, tempDataDir, type TestServer } from './helpers/server';
import { addresses, startSmtp, type TestSmtp } from './helpers/smtp';
import { waitFor } from './helpers/wait';

jest.setTimeout(120_000);

const REQUEST = `mutation($email: String!) { requestAccessLink(email: $email) }`;
const SIGN_IN = `mutation($token: String!) { signInWithLink(token: $token) { token user { id email role supplier { id } } } }`;
const ME = `query { me { email supplier { id name } } }`;
const STAFF_VIEW = `query($id: ID!) { supplier(id: $id) { users { id email role } accountEvents { action userEmail by } contactSharedWith { id } } }`;
const UPDATE = `mutation($id: ID!, $input: SupplierUpdateInput!) { updateSupplier(id: $id, input: $input) { id contactEmail } }`;
const DETACH = `mutation($userId: ID!) { detachUser(userId: $userId) }`;
const BY_TEXT = `query($text: String!) { suppliers(filter: { text: $text }, first: 50) { edges { node { id contactEmail } } } }`;

const HOMONYM = 'ESAT Les Papillons Blancs';
const contacts = {
  first: 'direction@papillons-elbeuf.example',
  second: 'direction@papillons-rouen.example',
  twice: 'contact@deux-liens.example',
  fault: 'contact@panne.example',
};
/** The contact address two establishments of one association give. */
const SHARED = 'accueil@jardins-entraide.example';

/** An import file of structures without accounts (so without organisations), as real imports make them. */
function importFile(dir: string): string {
  const rows = [
    { name: HOMONYM, siret: siret(8_100_000_000_001), communeCode: '76231', contactEmail: contacts.first },
    { name: HOMONYM, siret: siret(8_100_000_000_002), communeCode: '76540', contactEmail: contacts.second },
    { name: 'Atelier des Deux Liens', siret: siret(8_100_000_000_003), communeCode: '76540', contactEmail: contacts.twice },
    { name: 'Recyclerie de la Panne', siret: siret(8_100_000_000_004), communeCode: '76540', contactEmail: contacts.fault, labels: 'Qualiopie' },
    { name: "Les Jardins de l'Entraide", siret: siret(8_100_000_000_005), communeCode: '76540', contactEmail: SHARED },
    { name: "Les Jardins de l'Entraide", siret: siret(8_100_000_000_006), communeCode: '76681', contactEmail: SHARED },
  ].map((r) => ({ ...r, legalForm: 'ASSOCIATION', description: "Travail protégé : conditionnement, blanchisserie et entretien d'espaces verts.", nafCodes: '81.30Z' }));
  const file = path.join(dir, 'structures.csv');
  fs.writeFileSync(file, stringify([[...TEMPLATE_COLUMNS], ...rows.map((r) => TEMPLATE_COLUMNS.map((c) => (r as Record<string, string>)[c] ?? ''))]));
  return file;
}

/** The sign-in links a server mails: each call asks for a new one and returns its token. */
function mailedLinks(server: () => TestServer, mailbox: () => TestSmtp) {
  const seen = new Set<string>();
  const newLink = async (email: string): Promise<string> => {
    expect((await server().gql(REQUEST, { email })).data.requestAccessLink).toBe(true);
    return waitFor(`a new link mailed to ${email}`, async () => {
      for (const m of mailbox().messages.filter((m) => addresses(m.to).includes(email))) {
        const token = /https:\/\/passerelle\.example\/acces\?jeton=([A-Za-z0-9_-]+)/.exec(m.text ?? '')?.[1];
        if (token && !seen.has(token)) {
          seen.add(token);
          return token;
        }
      }
      return null;
    });
  };
  const signIn = async (email: string) => (await ok(server().gql(SIGN_IN, { token: await newLink(email) }))).signInWithLink as { token: string; user: { id: string } };
  return { newLink, signIn };
}

describe('accounts of structures', () => {
  let smtp: TestSmtp;
  let t: TestServer;
  let officer: { token: string; email: string };
  const ids: Record<string, string> = {};
  /** The two structures whose contact is SHARED: Rouen's, then Sotteville's. */
  const shared: string[] = [];
  const work = tempDataDir();

  beforeAll(async () => {
    smtp = await startSmtp();
    const dataDir = tempDataDir();
    const imported = await runScript('import', ['--format', 'csv', importFile(work)], await storeEnvFor(dataDir));
    expect(imported.code).toBe(0);
    t = await startTestServer({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://passerelle.example' }, dataDir);
    officer = await t.userWithToken('OFFICER');
    for (const text of ['Papillons', 'Deux Liens', 'Panne']) {
      for (const { node } of (await ok(t.gql(BY_TEXT, { text }, officer.token))).suppliers.edges as { node: { id: string; contactEmail: string } }[]) {
        const key = Object.entries(contacts).find(([, email]) => email === node.contactEmail)![0];
        ids[key] = node.id;
      }
    }
    expect(Object.keys(ids).sort()).toEqual(Object.keys(contacts).sort());
    const entraide = (await ok(t.gql(`query { suppliers(filter: { text: "Entraide" }, first: 5) { edges { node { id commune { code } } } } }`, {}, officer.token))).suppliers.edges as { node: { id: string; commune: { code: string } } }[];
    shared.push(...['76540', '76681'].map((code) => entraide.find((e) => e.node.commune.code === code)!.node.id));
  });
  afterAll(async () => {
    await t.destroy();
    await smtp.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  const { newLink, signIn } = mailedLinks(() => t, () => smtp);
  const staffView = async (id: string) => (await ok(t.gql(STAFF_VIEW, { id }, officer.token))).supplier;

  it("a homonym's contact gets its own structure's organisation, never the other one's", async () => {
    const first = await signIn(contacts.first);
    // The sign-in's answer already names the structure the person now acts for.
    expect((first.user as { supplier?: { id: string } }).supplier).toEqual({ id: ids.first });
    expect((await ok(t.gql(ME, {}, first.token))).me.supplier.id).toBe(ids.first);
    // The second structure of the same name: its contact signs in as its own structure's user.
    const second = await signIn(contacts.second);
    expect((await ok(t.gql(ME, {}, second.token))).me.supplier.id).toBe(ids.second);

    // It cannot edit the first one, and its export holds nothing of it.
    expect(codeOf(await t.gql(UPDATE, { id: ids.first, input: { description: 'Repris par un homonyme, une structure qui ne doit pas pouvoir écrire ici.' } }, second.token))).toBe('FORBIDDEN');
    const exported = (await ok(t.gql(`query { exportMyData }`, {}, second.token))).exportMyData as string;
    expect(exported).toContain(contacts.second);
    expect(exported).not.toContain(contacts.first);
    expect(exported).not.toContain(ids.first);

    expect((await staffView(ids.first)).users).toEqual([{ id: first.user.id, email: contacts.first, role: 'SUPPLIER' }]);
    expect((await staffView(ids.second)).users).toEqual([{ id: second.user.id, email: contacts.second, role: 'SUPPLIER' }]);
    expect((await staffView(ids.first)).accountEvents).toEqual([{ action: 'ATTACHED', userEmail: contacts.first, by: null }]);

    // Deleting its account erases its own profile only.
    expect((await ok(t.gql(`mutation { deleteMyAccount(confirm: true) }`, {}, second.token))).deleteMyAccount).toBe(true);
    expect((await ok(t.gql(`query($id: ID!) { supplier(id: $id) { id } }`, { id: ids.second }))).supplier).toBeNull();
    expect((await ok(t.gql(`query($id: ID!) { supplier(id: $id) { name } }`, { id: ids.first }))).supplier).toEqual({ name: HOMONYM });
    expect((await ok(t.gql(ME, {}, first.token))).me.supplier.id).toBe(ids.first);
    // Its address leaves the accounts' log with it.
    expect(await t.server.services.store.accountEvents.count({ userEmail: contacts.second })).toBe(0);
  });

  it('two links of one contact used at once make one user in one organisation', async () => {
    const [a, b] = [await newLink(contacts.twice), await newLink(contacts.twice)];
    const [x, y] = await Promise.all([t.gql(SIGN_IN, { token: a }), t.gql(SIGN_IN, { token: b })]);
    expect([x.errors, y.errors]).toEqual([undefined, undefined]);
    expect(x.data.signInWithLink.user.id).toBe(y.data.signInWithLink.user.id);
    const view = await staffView(ids.twice);
    expect(view.users).toHaveLength(1);
    expect(view.accountEvents).toHaveLength(1);
  });

  it('a failure while the structure is being claimed leaves no user behind, and the next link works', async () => {
    // A storage fault (a full disk, a lost connection) on the structure's write, once.
    const suppliers = t.server.services.store.suppliers;
    const fail = () => Promise.reject(new Error('panne de stockage simulée'));
    const saved = { update: suppliers.update, findOneAndUpdate: suppliers.findOneAndUpdate };
    Object.assign(suppliers, { update: fail, findOneAndUpdate: fail });
    let failed;
    try {
      failed = await t.gql(SIGN_IN, { token: await newLink(contacts.fault) });
    } finally {
      Object.assign(suppliers, saved);
    }
    expect(failed.errors).toBeDefined();
    const store = t.server.services.store;
    expect(await store.users.count({ email: contacts.fault })).toBe(0);
    expect(await store.organisations.count({ name: 'Recyclerie de la Panne' })).toBe(0);
    expect((await staffView(ids.fault)).users).toEqual([]);

    const user = await signIn(contacts.fault);
    expect((await ok(t.gql(ME, {}, user.token))).me.supplier.id).toBe(ids.fault);
  });

  it('an address several structures give attaches to none: the sign-in names them, and works once an officer gave each its own', async () => {
    const refused = await t.gql(SIGN_IN, { token: await newLink(SHARED) });
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(refused.errors![0]!.message).toBe(
      "Cette adresse est le contact de plusieurs structures (Les Jardins de l'Entraide, Rouen ; Les Jardins de l'Entraide, Sotteville-lès-Rouen) : la Métropole doit d’abord donner à chacune sa propre adresse. Écrivez-lui en disant laquelle est la vôtre.",
    );
    expect(await t.server.services.store.users.count({ email: SHARED })).toBe(0);
    expect((await staffView(shared[0]!)).users).toEqual([]);
    expect((await staffView(shared[1]!)).users).toEqual([]);
    // Officers see on each structure which others give its address.
    expect((await staffView(shared[0]!)).contactSharedWith).toEqual([{ id: shared[1] }]);
    expect((await staffView(shared[1]!)).contactSharedWith).toEqual([{ id: shared[0] }]);

    await ok(t.gql(UPDATE, { id: shared[1], input: { contactEmail: 'accueil-sotteville@jardins-entraide.example' } }, officer.token));
    expect((await staffView(shared[0]!)).contactSharedWith).toEqual([]);
    const rouen = await signIn(SHARED);
    expect((await ok(t.gql(ME, {}, rouen.token))).me.supplier.id).toBe(shared[0]);
  });

  it('a label an import kept as written, outside the known list, leaves the other fields editable until the labels change', async () => {
    const LABELLED = `query($id: ID!) { supplier(id: $id) { labels description } }`;
    expect((await ok(t.gql(LABELLED, { id: ids.fault }, officer.token))).supplier.labels).toEqual(['Qualiopie']);
    // The console sends the whole form back, labels as they are.
    const edited = await t.gql(UPDATE, { id: ids.fault, input: { description: 'Recyclerie : collecte, tri et revente d’objets, ateliers de réparation.', labels: ['Qualiopie'] } }, officer.token);
    expect(edited.errors).toBeUndefined();
    expect((await ok(t.gql(LABELLED, { id: ids.fault }, officer.token))).supplier).toEqual({ labels: ['Qualiopie'], description: 'Recyclerie : collecte, tri et revente d’objets, ateliers de réparation.' });
    // Changed, they are held to the list, and nothing of the edit is written.
    const changed = await t.gql(UPDATE, { id: ids.fault, input: { description: 'Une description qui ne doit pas être écrite.', labels: ['Qualiopie', 'Label maison'] } }, officer.token);
    expect([codeOf(changed), fieldOf(changed)]).toEqual(['BAD_USER_INPUT', 'labels']);
    expect((await ok(t.gql(LABELLED, { id: ids.fault }, officer.token))).supplier.description).toBe('Recyclerie : collecte, tri et revente d’objets, ateliers de réparation.');
  });

  it("a structure cannot give itself another structure's, another account's or a firm's address as its contact", async () => {
    const self = await signIn(contacts.twice);
    const firm = 'achats@entreprise-voisine.example';
    await ok(t.gql(`mutation($input: NeedInput!) { postNeed(input: $input) { id } }`, { input: { title: 'Entretien de nos espaces verts', description: 'Tonte et taille des haies de notre site, de mars à octobre.', kind: 'PURCHASE', companyName: 'Entreprise Voisine', contactEmail: firm, communeCode: '76540' } }));
    for (const taken of [contacts.fault, contacts.first, SHARED, firm]) {
      const res = await t.gql(UPDATE, { id: ids.twice, input: { contactEmail: taken, description: 'Une description qui ne doit pas être écrite avec cette adresse.' } }, self.token);
      expect([codeOf(res), fieldOf(res)]).toEqual(['CONFLICT', 'contactEmail']);
      expect(res.errors![0]!.message).toBe('« contactEmail » : cette adresse est déjà celle d’une autre structure ou d’un autre compte. Si elle est bien la vôtre, écrivez à la Métropole.');
    }
    const stored = (await t.server.services.store.suppliers.findById(ids.twice))!;
    expect([stored.contactEmail, stored.description]).toEqual([contacts.twice, "Travail protégé : conditionnement, blanchisserie et entretien d'espaces verts."]);
    // Its own new address, and its own address again, are its to give; an officer may give any.
    expect((await ok(t.gql(UPDATE, { id: ids.twice, input: { contactEmail: 'direction@deux-liens.example' } }, self.token))).updateSupplier.contactEmail).toBe('direction@deux-liens.example');
    expect((await ok(t.gql(UPDATE, { id: ids.twice, input: { contactEmail: contacts.twice } }, self.token))).updateSupplier.contactEmail).toBe(contacts.twice);
    // Whether an address is taken is told ten times an hour at most: no list of known addresses by guessing.
    for (let i = 1; i <= 4; i++) expect((await t.gql(UPDATE, { id: ids.twice, input: { contactEmail: `essai-${i}@deux-liens.example` } }, self.token)).errors).toBeUndefined();
    const guessing = await t.gql(UPDATE, { id: ids.twice, input: { contactEmail: 'encore@deux-liens.example' } }, self.token);
    expect(codeOf(guessing)).toBe('TOO_MANY_REQUESTS');
    expect((await t.server.services.store.suppliers.findById(ids.twice))!.contactEmail).toBe('essai-4@deux-liens.example');
    // Other fields stay editable, and staff are not counted.
    expect((await t.gql(UPDATE, { id: ids.twice, input: { description: 'Atelier de menuiserie et de conditionnement, en insertion.' } }, self.token)).errors).toBeUndefined();
    expect((await ok(t.gql(UPDATE, { id: ids.twice, input: { contactEmail: contacts.fault, detachPreviousContact: false } }, officer.token))).updateSupplier.contactEmail).toBe(contacts.fault);
  });
});

describe('detaching the people who act for a structure', () => {
  let smtp: TestSmtp;
  let t: TestServer;
  let officer: { token: string; email: string };
  beforeAll(async () => {
    ({ t, smtp } = await startMailedServer({ PUBLIC_URL: 'https://passerelle.example' }));
    officer = await t.userWithToken('OFFICER');
  });
  afterAll(async () => {
    await t.destroy();
    await smtp.close();
  });

  const { newLink, signIn } = mailedLinks(() => t, () => smtp);
  const staffView = async (id: string) => (await ok(t.gql(STAFF_VIEW, { id }, officer.token))).supplier;
  const create = async (name: string, contactEmail: string) =>
    (await ok(t.gql(`mutation($input: SupplierInput!) { createSupplier(input: $input) { id } }`, { input: supplierInput({ name, contactEmail }) }, officer.token))).createSupplier.id as string;

  it("detachUser stops the user's session token and its unused sign-in link at once", async () => {
    const id = await create('Régie des Quartiers du Plateau', 'ancien@regie-plateau.example');
    const user = await signIn('ancien@regie-plateau.example');
    const unused = await newLink('ancien@regie-plateau.example');
    expect((await ok(t.gql(ME, {}, user.token))).me.supplier.id).toBe(id);

    // Only staff detach.
    expect(codeOf(await t.gql(DETACH, { userId: user.user.id }, user.token))).toBe('FORBIDDEN');
    expect((await staffView(id)).users.map((u: { id: string }) => u.id)).toEqual([user.user.id]);
    expect((await ok(t.gql(DETACH, { userId: user.user.id }, officer.token))).detachUser).toBe(true);

    expect(codeOf(await t.gql(ME, {}, user.token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(UPDATE, { id, input: { website: 'https://repris.example' } }, user.token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(SIGN_IN, { token: unused }))).toBe('UNAUTHENTICATED');
    expect((await staffView(id)).users).toEqual([]);
    expect((await staffView(id)).accountEvents).toEqual([
      { action: 'DETACHED', userEmail: 'ancien@regie-plateau.example', by: officer.email },
      { action: 'ATTACHED', userEmail: 'ancien@regie-plateau.example', by: null },
    ]);
    // Detaching again says why not, naming the field.
    expect(fieldOf(await t.gql(DETACH, { userId: user.user.id }, officer.token))).toBe('userId');
  });

  it("changing the contact address detaches the previous contact by default, or keeps it when asked", async () => {
    const id = await create('Ressourcerie du Robec', 'premiere@robec.example');
    const first = await signIn('premiere@robec.example');
    expect((await ok(t.gql(UPDATE, { id, input: { contactEmail: 'seconde@robec.example' } }, officer.token))).updateSupplier.contactEmail).toBe('seconde@robec.example');
    expect(codeOf(await t.gql(ME, {}, first.token))).toBe('UNAUTHENTICATED');

    // The new contact signs in as the same structure's user.
    const second = await signIn('seconde@robec.example');
    expect((await ok(t.gql(ME, {}, second.token))).me.supplier.id).toBe(id);
    // The officer keeps this one acting for the structure while the address changes.
    await ok(t.gql(UPDATE, { id, input: { contactEmail: 'accueil@robec.example', detachPreviousContact: false } }, officer.token));
    expect((await ok(t.gql(ME, {}, second.token))).me.supplier.id).toBe(id);
    expect((await staffView(id)).users.map((u: { email: string }) => u.email)).toEqual(['seconde@robec.example']);
    expect((await staffView(id)).accountEvents.map((e: { action: string; userEmail: string; by: string | null }) => [e.action, e.userEmail, e.by])).toEqual([
      ['ATTACHED', 'seconde@robec.example', null],
      ['DETACHED', 'premiere@robec.example', officer.email],
      ['ATTACHED', 'premiere@robec.example', null],
    ]);
  });

  it('users, the log and the structures sharing the contact address are for staff only', async () => {
    const id = await create('Atelier Discret', 'discret@atelier.example');
    const contact = await signIn('discret@atelier.example');
    expect((await ok(t.gql(STAFF_VIEW, { id }, contact.token))).supplier).toEqual({ users: null, accountEvents: null, contactSharedWith: null });
    expect((await ok(t.gql(STAFF_VIEW, { id }))).supplier).toEqual({ users: null, accountEvents: null, contactSharedWith: null });
  });

  it('the answer links mailed to the previous contact stop working when the contact changes', async () => {
    const scene = await buildScene(t);
    const listId = (await ok(t.gql(DRAFT, { needId: scene.needId }, scene.officer.token))).draftShortlist.id;
    await ok(t.gql(UPDATE_LIST, { id: listId, supplierIds: [scene.suppliers.esat.id] }, scene.officer.token));
    await ok(t.gql(APPROVE, { id: listId }, scene.officer.token));
    await waitFor('the introductions sent', async () => (await ok(t.gql(GET_MAILS, { id: listId }, scene.officer.token))).shortlist.status === 'SENT');
    const mail = smtp.messages.find((m) => addresses(m.to).includes(scene.suppliers.esat.contactEmail) && (m.messageId ?? '').startsWith(`<${listId}.`))!;
    const link = /https:\/\/passerelle\.example(\/reponse\/[^"?\s]+)/.exec(String(mail.text))![1]!;
    expect((await fetch(`${t.server.url}${link}`)).status).toBe(200);

    await ok(t.gql(UPDATE, { id: scene.suppliers.esat.id, input: { contactEmail: 'nouveau-contact@ateliers-verts.example' } }, officer.token));
    const refused = await fetch(`${t.server.url}${link}`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('le contact de la structure a changé');
  });
});
