// What the firm's mail says about each structure: what it does, where and how big, as a person would
// tell it, and the officer's note; the matcher's reasons (never a false one) are for officers only.
// Real server, real SMTP peer, GraphQL over HTTP.
import { needInput, supplierInput } from './helpers/fixtures';
import { APPROVE, DRAFT, GET, UPDATE } from './helpers/introductions';
import { addresses, type TestSmtp } from './helpers/smtp';
import { startMailedServer } from './helpers/mailed-server';
import type { TestServer } from './helpers/server';
import { waitFor } from './helpers/wait';

const CREATE = `mutation($input: SupplierInput!) { createSupplier(input: $input) { id } }`;
const POST = `mutation($input: NeedInput!) { postNeed(input: $input) { id } }`;
const MATCH = `query($needId: ID!) { matchSuppliers(needId: $needId, limit: 20) { reasons supplier { id name } } }`;

const CATERER = supplierInput({
  name: 'Marmite Solidaire',
  description: 'Traiteur solidaire : buffets, cocktails et plateaux-repas pour les séminaires des entreprises, repas livrés.',
  services: ['Buffets et cocktails', 'Plateaux-repas'],
  nafCodes: ['56.21Z'],
  labels: [],
  contactEmail: 'bonjour@marmite.example',
});
// Shares only business words with a catering need, and is of another sector.
const LANDSCAPER = supplierInput({ name: 'Prés Fleuris', description: "Contrats annuels d'entretien paysager : tonte, taille et services aux entreprises.", labels: [], contactEmail: 'contact@pres-fleuris.example' });
// "repasse" and "livraison": the stemmer used to read "repas livrés" in them.
const LAUNDRY = supplierInput({
  name: 'Blanchisserie du Linge Clair',
  inclusionKind: 'ESAT',
  description: "La blanchisserie de l'ESAT lave, sèche, repasse et répare le linge plat ; collecte et livraison en véhicules propres.",
  services: ['Collecte et livraison du linge'],
  nafCodes: ['96.01A'],
  labels: [],
  contactEmail: 'linge@linge-clair.example',
});
const SPONSORED = supplierInput({
  name: 'Trajectoires Communes',
  description: 'Association d’insertion ouverte au mécénat de compétences et au parrainage des entreprises.',
  nafCodes: ['88.99B'],
  labels: [],
  contactEmail: 'contact@trajectoires.example',
});
const DATA_ENTRY = supplierInput({
  name: 'Saisie Plus Adaptée',
  inclusionKind: 'EA',
  description: 'Entreprise adaptée : saisie de données, numérisation et archivage numérique pour les entreprises.',
  nafCodes: ['63.11Z'],
  labels: [],
  contactEmail: 'contact@saisie-plus.example',
});

describe('reasons in the firm’s mail', () => {
  let smtp: TestSmtp;
  let t: TestServer;
  let officer: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ({ t, smtp } = await startMailedServer());
    officer = (await t.userWithToken('OFFICER')).token;
    for (const input of [CATERER, LANDSCAPER, LAUNDRY, SPONSORED, DATA_ENTRY]) {
      const res = await t.gql(CREATE, { input }, officer);
      expect(res.errors).toBeUndefined();
      ids[input.name] = res.data.createSupplier.id;
    }
  });
  afterAll(async () => {
    await t.destroy();
    await smtp.close();
  });

  const officerNeed = async (fields: Record<string, unknown>) =>
    (await t.gql(POST, { input: needInput({ companyName: 'Transports Seine Logistique', contactEmail: 'achats@seine-logistique.example', nafCodes: [], preferredInclusionKinds: [], ...fields }) }, officer)).data.postNeed.id as string;

  it('gives no relation the structure or the need does not hold', async () => {
    const catering = await officerNeed({ title: 'Traiteur pour le séminaire annuel', description: 'Buffet pour 80 personnes lors de notre séminaire annuel.' });
    const ranked = (await t.gql(MATCH, { needId: catering }, officer)).data.matchSuppliers;
    const laundry = ranked.find((m: any) => m.supplier.id === ids[LAUNDRY.name]);
    expect(laundry.reasons.join(' | ')).not.toMatch(/repas/);
    // the caterer, who does say it, keeps it
    expect(ranked[0].supplier.name).toBe(CATERER.name);
    expect(ranked[0].reasons).toContain('Vocabulaire proche : « traiteur » ≈ « repas livrés »');

    // "données" is not "dons": a data-entry need calls no sponsorship vocabulary in
    const data = await officerNeed({ title: 'Saisie de données comptables', description: 'Saisie de nos données de facturation, 2 000 pièces par mois.' });
    const forData = (await t.gql(MATCH, { needId: data }, officer)).data.matchSuppliers;
    expect(forData[0].supplier.name).toBe(DATA_ENTRY.name);
    expect(forData.flatMap((m: any) => m.reasons).join(' | ')).not.toMatch(/dons|mécénat|parrainage/);
  });

  it('writes the firm’s mail for a person: what each structure does, where and how big, never the matcher’s reasons', async () => {
    const company = await t.userWithToken('COMPANY', { organisationName: 'Assurances Rouen Seine' });
    const needId = (await t.gql(POST, { input: needInput({ title: 'Traiteur pour le séminaire annuel', description: 'Buffet pour 80 personnes lors de notre séminaire annuel, à la demande des services généraux.', nafCodes: [], preferredInclusionKinds: [] }) }, company.token)).data.postNeed.id;
    const draft = (await t.gql(DRAFT, { needId, size: 5 }, officer)).data.draftShortlist;
    expect(draft.items.map((i: any) => i.supplier.name)).toEqual([CATERER.name]);
    const note = 'Pour le linge de table du séminaire : déjà partenaire du Département.';
    const updated = await t.gql(UPDATE, { id: draft.id, supplierIds: [ids[CATERER.name], ids[LANDSCAPER.name], ids[LAUNDRY.name]], notes: [{ supplierId: ids[LAUNDRY.name], note }] }, officer);
    expect(updated.errors).toBeUndefined();
    // officers read every reason, the raw ones included
    const items = updated.data.updateShortlist.items;
    expect(items[0].reasons).toContain('Vocabulaire proche : « traiteur » ≈ « repas livrés »');
    expect(items[1].reasons.join(' | ')).toMatch(/Secteur différent/);
    expect(items[1].reasons.join(' | ')).toMatch(/Termes en commun avec le besoin : .*annuel/);
    // the officer's preview is the mail the firm then gets, word for word
    const preview = (await t.gql(`query($id: ID!) { previewIntroduction(shortlistId: $id) { to text } }`, { id: draft.id }, officer)).data.previewIntroduction;
    const previewed = preview.find((m: any) => m.to === company.email).text as string;
    expect((await t.gql(APPROVE, { id: draft.id }, officer)).errors).toBeUndefined();

    const mail = await waitFor('the firm’s mail', () => smtp.messages.find((m) => addresses(m.to).includes(company.email) && (m.messageId ?? '').startsWith(`<${draft.id}.`)));
    const text = mail.text!;
    expect(text).toBe(previewed);
    const card = (name: string) => text.slice(text.indexOf(name), text.indexOf('Contact :', text.indexOf(name)));
    // what the caterer does, where, its kind and its size in words
    expect(card(CATERER.name)).toContain('Ce qu’elle fait : Buffets et cocktails, Plateaux-repas');
    expect(card(CATERER.name)).toContain(` — Rouen`);
    expect(card(CATERER.name)).toMatch(/Sa taille : \d+ salariés?/);
    expect(card(LAUNDRY.name)).toContain('ESAT (établissement et service d\'aide par le travail)');
    // the laundry added by hand with a note: the note
    expect(card(LAUNDRY.name)).toContain(`Note de la Métropole : ${note}`);
    for (const part of [text, mail.html as string]) {
      expect(part).not.toMatch(/Ce que l'analyse a relevé|Termes en commun|Vocabulaire proche|≈|&#8776;|Secteur différent|Code NAF|Peu de vocabulaire|Aucun terme/);
    }
    // still in the API for officers
    const seen = (await t.gql(GET, { id: draft.id }, officer)).data.shortlist.items;
    expect(seen[0].reasons).toContain('Vocabulaire proche : « traiteur » ≈ « repas livrés »');
  });
});
