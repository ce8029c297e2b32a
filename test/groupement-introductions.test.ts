// A groupement put into a shortlist: the officer takes a proposed group's members, marks the list as
// a groupement, approves it, and the mails (through a real SMTP server) present them as one possible
// co-traitance: the firm reads who brings which part, each structure reads who its partners are.
import { needInput, supplierInput } from './helpers/fixtures';
import { addresses, type TestSmtp } from './helpers/smtp';
import { startMailedServer } from './helpers/mailed-server';
import { codeOf, fieldOf, type TestServer } from './helpers/server';
import { waitFor } from './helpers/wait';

const GROUPS = `query($needId: ID!) { proposeGroupements(needId: $needId) { score reasons members { supplier { id name } } } }`;
const LIST = `id status groupement items { rank supplier { id name } }`;
const DRAFT = `mutation($needId: ID!) { draftShortlist(needId: $needId) { ${LIST} } }`;
const UPDATE = `mutation($id: ID!, $supplierIds: [ID!]!, $groupement: Boolean) {
  updateShortlist(id: $id, supplierIds: $supplierIds, groupement: $groupement) { ${LIST} } }`;
const APPROVE = `mutation($id: ID!) { approveShortlist(id: $id) { id status } }`;
const STATUS = `query($id: ID!) { shortlist(id: $id) { ${LIST} } }`;

const SPECS = [
  { key: 'cleaning', name: 'Propreté Solidaire', description: 'Nettoyage de bureaux et entretien des locaux professionnels.', services: ['Nettoyage de bureaux'], nafCodes: ['81.21Z'], maxContractValue: 30000 },
  { key: 'catering', name: 'Repas Partagés', description: 'Traiteur solidaire : repas, buffets et plateaux pour entreprises.', services: ['Traiteur'], nafCodes: ['56.21Z'], maxContractValue: 40000 },
  { key: 'green', name: 'Jardins de Seine', description: "Entretien d'espaces verts, tonte et taille de haies.", services: ['Espaces verts'], nafCodes: ['81.30Z'], maxContractValue: 25000 },
] as const;

describe('a groupement in a shortlist', () => {
  let smtp: TestSmtp;
  let t: TestServer;
  let officer: { token: string; email: string };
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ({ t, smtp } = await startMailedServer());
    officer = await t.userWithToken('OFFICER');
    for (const { key, ...s } of SPECS) {
      const res = await t.gql(`mutation($input: SupplierInput!) { createSupplier(input: $input) { id } }`,
        { input: supplierInput({ ...s, inclusionKind: 'EI', contactEmail: `${key}@ess.example` }) }, officer.token);
      expect(res.errors).toBeUndefined();
      ids[key] = res.data.createSupplier.id;
    }
  });
  afterAll(async () => {
    await t.destroy();
    await smtp.close();
  });

  it('officers shortlist a proposed group as a groupement; the firm reads each part, each member its partners', async () => {
    const need = await t.gql(`mutation($input: NeedInput!) { postNeed(input: $input) { id } }`, {
      input: needInput({
        title: 'Nettoyage des bureaux et traiteur pour le site',
        description: 'Nettoyage de bureaux et repas traiteur pour nos séminaires.',
        nafCodes: ['81.21Z', '56.21Z'],
        budgetMin: 20000,
        budgetMax: 50000,
        contactEmail: 'achats@firme.example',
        companyName: 'Firme SA',
      }),
    }, officer.token);
    expect(need.errors).toBeUndefined();
    const needId = need.data.postNeed.id as string;

    const groups = (await t.gql(GROUPS, { needId }, officer.token)).data.proposeGroupements as { reasons: string[]; members: { supplier: { id: string; name: string } }[] }[];
    const best = groups[0]!;
    const memberIds = best.members.map((m) => m.supplier.id);
    expect(memberIds.sort()).toEqual([ids.catering, ids.cleaning].sort());

    const draft = (await t.gql(DRAFT, { needId }, officer.token)).data.draftShortlist;
    expect(draft.groupement).toBe(false);

    // Refused, and nothing written: one structure is no groupement, nor are five.
    const alone = await t.gql(UPDATE, { id: draft.id, supplierIds: [memberIds[0]], groupement: true }, officer.token);
    expect(codeOf(alone)).toBe('BAD_USER_INPUT');
    expect(fieldOf(alone)).toBe('groupement');
    expect(alone.errors![0]!.message).toContain('un groupement réunit de 2 à 4 structures');
    expect((await t.gql(STATUS, { id: draft.id }, officer.token)).data.shortlist).toMatchObject({ groupement: false, items: draft.items });

    const grouped = await t.gql(UPDATE, { id: draft.id, supplierIds: memberIds, groupement: true }, officer.token);
    expect(grouped.errors).toBeUndefined();
    expect(grouped.data.updateShortlist.groupement).toBe(true);
    // Omitted, the mark is kept: a later edit leaving one structure is refused on its list.
    const shrunk = await t.gql(UPDATE, { id: draft.id, supplierIds: [memberIds[0]] }, officer.token);
    expect(fieldOf(shrunk)).toBe('supplierIds');
    const reordered = await t.gql(UPDATE, { id: draft.id, supplierIds: [...memberIds].reverse() }, officer.token);
    expect(reordered.data.updateShortlist.groupement).toBe(true);

    expect((await t.gql(APPROVE, { id: draft.id }, officer.token)).data.approveShortlist.status).toBe('APPROVED');
    await waitFor('the groupement sent', async () => (await t.gql(STATUS, { id: draft.id }, officer.token)).data.shortlist.status === 'SENT');

    const mails = smtp.messages.filter((m) => (m.messageId ?? '').startsWith(`<${draft.id}.`));
    expect(mails).toHaveLength(3);
    const firm = mails.find((m) => addresses(m.to).includes('achats@firme.example'))!;
    expect(firm.subject).toBe("Passerelle ESS : un groupement de 2 structures de l'ESS pour « Nettoyage des bureaux et traiteur pour le site »");
    const text = firm.text!;
    expect(text).toContain('Ces 2 structures peuvent vous répondre ensemble, en groupement (co-traitance)');
    expect(text).toMatch(/Leurs capacités déclarées s'additionnent : 70\s000\s€ au total, pour un budget entre 20\s000\s€ et 50\s000\s€\./);
    // Each member's part is the one proposeGroupements gave it: its trade in the need, its capacity.
    for (const [i, m] of best.members.entries()) {
      const part = best.reasons[i]!.slice(`${m.supplier.name} : `.length);
      expect(text).toContain(`Sa part dans le groupement : ${part}`);
      expect(firm.html).toContain(part.replace(/'/g, '&#39;'));
    }
    expect(text).toMatch(/Sa part dans le groupement : nettoyage courant des bâtiments \(capacité 30\s000\s€\)/);
    expect(text).toMatch(/Sa part dans le groupement : services des traiteurs \(capacité 40\s000\s€\)/);

    const cleaning = mails.find((m) => addresses(m.to).includes('cleaning@ess.example'))!;
    expect(cleaning.text).toContain("La Métropole propose à l'entreprise que vous répondiez en groupement (co-traitance) avec : Repas Partagés.");
    const catering = mails.find((m) => addresses(m.to).includes('catering@ess.example'))!;
    expect(catering.text).toContain('avec : Propreté Solidaire.');
  });

  it('a list not marked as a groupement is introduced one structure at a time', async () => {
    const need = await t.gql(`mutation($input: NeedInput!) { postNeed(input: $input) { id } }`, {
      input: needInput({ title: 'Entretien des espaces verts', contactEmail: 'rse@firme.example', companyName: 'Firme SA', budgetMin: 5000, budgetMax: 10000 }),
    }, officer.token);
    const draft = (await t.gql(DRAFT, { needId: need.data.postNeed.id }, officer.token)).data.draftShortlist;
    const both = await t.gql(UPDATE, { id: draft.id, supplierIds: [ids.green, ids.cleaning], groupement: false }, officer.token);
    expect(both.data.updateShortlist.groupement).toBe(false);
    await t.gql(APPROVE, { id: draft.id }, officer.token);
    await waitFor('the list sent', async () => (await t.gql(STATUS, { id: draft.id }, officer.token)).data.shortlist.status === 'SENT');
    const mails = smtp.messages.filter((m) => (m.messageId ?? '').startsWith(`<${draft.id}.`));
    const firm = mails.find((m) => addresses(m.to).includes('rse@firme.example'))!;
    expect(firm.subject).toBe("Passerelle ESS : 2 structures de l'ESS pour « Entretien des espaces verts »");
    expect(firm.text).not.toContain('groupement');
    expect(mails.every((m) => !m.text!.includes('co-traitance'))).toBe(true);
  });
});
