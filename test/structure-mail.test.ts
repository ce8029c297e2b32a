// A structure's introduction mail: why it was chosen, its officer and how to reach the Métropole,
// and never the officer's internal note on the need. Real server, real SMTP peer, GraphQL over HTTP.
import { needInput, supplierInput } from './helpers/fixtures';
import { APPROVE, DRAFT, GET_MAILS, UPDATE } from './helpers/introductions';
import { addresses, type TestSmtp } from './helpers/smtp';
import { startMailedServer } from './helpers/mailed-server';
import { codeOf, fieldOf, type TestServer } from './helpers/server';
import { waitFor } from './helpers/wait';

const CREATE = `mutation($input: SupplierInput!) { createSupplier(input: $input) { id } }`;
const POST = `mutation($input: NeedInput!) { postNeed(input: $input) { id internalNote } }`;
const PHONE_NOTE = 'Appel de Mme Durand (services généraux) : 06 12 34 56 78, rappeler avant jeudi.';
const HAND_NOTE = 'Pour le linge de table du séminaire : déjà partenaire du Département.';

const CATERER = supplierInput({
  name: 'Marmite Solidaire',
  description: 'Traiteur solidaire : buffets, cocktails et plateaux-repas pour les séminaires des entreprises.',
  services: ['Buffets et cocktails'],
  nafCodes: ['56.21Z'],
  labels: [],
  contactEmail: 'bonjour@marmite.example',
});
const LAUNDRY = supplierInput({
  name: 'Blanchisserie du Linge Clair',
  inclusionKind: 'ESAT',
  description: "Blanchisserie : lavage et repassage du linge plat et des nappes, collecte et livraison.",
  nafCodes: ['96.01A'],
  labels: [],
  contactEmail: 'linge@linge-clair.example',
});
const LANDSCAPER = supplierInput({ name: 'Prés Fleuris', labels: [], contactEmail: 'contact@pres-fleuris.example' });

describe('the structure’s introduction mail', () => {
  let smtp: TestSmtp;
  let t: TestServer;
  let officer: { token: string; email: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ({ t, smtp } = await startMailedServer());
    officer = await t.userWithToken('OFFICER');
    for (const input of [CATERER, LAUNDRY, LANDSCAPER]) ids[input.name] = (await t.gql(CREATE, { input }, officer.token)).data.createSupplier.id;
  });
  afterAll(async () => {
    await t.destroy();
    await smtp.close();
  });

  it('keeps the internal note for staff: a firm may not write one, and only staff read it', async () => {
    const company = await t.userWithToken('COMPANY', { organisationName: 'Assurances Rouen Seine' });
    const refused = await t.gql(POST, { input: needInput({ internalNote: 'ma note' }) }, company.token);
    expect([codeOf(refused), fieldOf(refused)]).toEqual(['BAD_USER_INPUT', 'internalNote']);
    expect(refused.errors![0]!.message).toBe('« internalNote » : la note interne est réservée aux agents de la Métropole.');
    const posted = await t.gql(POST, { input: needInput({ companyName: 'Assurances Rouen Seine', contactEmail: 'achats@ars.example', internalNote: PHONE_NOTE }) }, officer.token);
    expect(posted.data.postNeed.internalNote).toBe(PHONE_NOTE);
    const mine = await t.gql(POST, { input: needInput({}) }, company.token);
    expect(mine.data.postNeed.internalNote).toBeNull();
    // nor without an account, nor by editing its need
    const anonymous = await t.gql(POST, { input: needInput({ companyName: 'Anonyme SA', contactEmail: 'achats@anonyme.example', internalNote: 'ma note' }) });
    expect([codeOf(anonymous), fieldOf(anonymous)]).toEqual(['BAD_USER_INPUT', 'internalNote']);
    const EDIT = `mutation($id: ID!, $input: NeedUpdateInput!) { updateNeed(id: $id, input: $input) { description internalNote } }`;
    const edited = await t.gql(EDIT, { id: mine.data.postNeed.id, input: { internalNote: 'ma note' } }, company.token);
    expect([codeOf(edited), fieldOf(edited)]).toEqual(['BAD_USER_INPUT', 'internalNote']);
    // an officer moves phone notes out of a description into the internal note
    const phoned = await t.gql(POST, { input: needInput({ companyName: 'Assurances Rouen Seine', contactEmail: 'achats@ars.example', description: `Tonte et taille. ${PHONE_NOTE}` }) }, officer.token);
    const moved = await t.gql(EDIT, { id: phoned.data.postNeed.id, input: { description: 'Tonte et taille.', internalNote: PHONE_NOTE } }, officer.token);
    expect(moved.data.updateNeed).toEqual({ description: 'Tonte et taille.', internalNote: PHONE_NOTE });
    // a later edit keeps it
    const later = await t.gql(EDIT, { id: phoned.data.postNeed.id, input: { title: 'Entretien des abords' } }, officer.token);
    expect(later.data.updateNeed.internalNote).toBe(PHONE_NOTE);
  });

  it('tells each structure why it was chosen and who its officer is, and mails the internal note to nobody', async () => {
    const needId = (
      await t.gql(POST, {
        input: needInput({
          title: 'Traiteur pour le séminaire annuel',
          description: 'Buffet pour 80 personnes lors de notre séminaire de juin.',
          companyName: 'Assurances Rouen Seine',
          contactEmail: 'achats@ars.example',
          nafCodes: [],
          preferredInclusionKinds: [],
          internalNote: PHONE_NOTE,
        }),
      }, officer.token)
    ).data.postNeed.id;
    const draft = (await t.gql(DRAFT, { needId, size: 5 }, officer.token)).data.draftShortlist;
    expect(draft.items.map((i: any) => i.supplier.name)).toEqual([CATERER.name]);
    const chosen = [ids[CATERER.name], ids[LAUNDRY.name], ids[LANDSCAPER.name]];
    expect((await t.gql(UPDATE, { id: draft.id, supplierIds: chosen, notes: [{ supplierId: ids[LAUNDRY.name], note: HAND_NOTE }] }, officer.token)).errors).toBeUndefined();
    expect((await t.gql(APPROVE, { id: draft.id }, officer.token)).errors).toBeUndefined();
    await waitFor('every mail sent', async () => (await t.gql(GET_MAILS, { id: draft.id }, officer.token)).data.shortlist.status === 'SENT');

    const mails = smtp.messages.filter((m) => (m.messageId ?? '').startsWith(`<${draft.id}.`));
    expect(mails).toHaveLength(4);
    for (const mail of mails) {
      expect(mail.text).not.toContain('Mme Durand');
      expect(mail.html).not.toContain('Mme Durand');
      expect(mail.text).not.toContain('06 12 34 56 78');
    }
    const to = (address: string) => mails.find((m) => addresses(m.to).includes(address))!;
    const metropole = `Une question sur cette mise en relation ? Votre interlocuteur à la Métropole Rouen Normandie : ${officer.email}.`;

    const laundry = to(LAUNDRY.contactEmail as string);
    expect(laundry.text).toContain(`Le mot de la Métropole sur votre structure (l'entreprise le lit aussi) :\n${HAND_NOTE}`);
    expect(laundry.html).toContain(HAND_NOTE.replace(/'/g, '&#39;'));
    const caterer = to(CATERER.contactEmail as string);
    expect(caterer.text).toContain('Pourquoi votre structure : votre profil correspond au besoin.\n- Termes en commun avec le besoin : traiteur');
    const landscaper = to(LANDSCAPER.contactEmail as string);
    expect(landscaper.text).toContain("Pourquoi votre structure : l'équipe de la Métropole l'a choisie pour ce besoin.");
    for (const mail of [laundry, caterer, landscaper]) {
      expect(mail.text).toContain(metropole);
      expect(mail.html).toContain(`mailto:${officer.email}`);
    }
    // the firm reads the officer's note too, as before
    expect(to('achats@ars.example').text).toContain(`Note de la Métropole : ${HAND_NOTE}`);
  });
});
