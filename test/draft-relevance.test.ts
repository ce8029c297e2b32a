// Drafts propose only structures of the need's trade that can work there, and say when they are fewer
// than asked; an empty one is refused with the reason; required labels must be known ones.
// All through GraphQL over HTTP.
import { needInput } from './helpers/fixtures';
import { DRAFT } from './helpers/introductions';
import { CATERER, LANDSCAPERS, CLEANERS, RECYCLERIE } from './helpers/trades';
import { codeOf, fieldOf, startTestServer, type TestServer } from './helpers/server';

const CREATE = `mutation($input: SupplierInput!) { createSupplier(input: $input) { id name } }`;
const POST = `mutation($input: NeedInput!) { postNeed(input: $input) { id requiredLabels } }`;
const HAND = `mutation($needId: ID!, $supplierIds: [ID!], $overrides: [ShortlistOverrideInput!]) {
  draftShortlist(needId: $needId, supplierIds: $supplierIds, overrides: $overrides) { id notice items { proposedByMatcher reasons supplier { name } } } }`;
const DRAFT_NOTICE = `mutation($needId: ID!, $size: Int) { draftShortlist(needId: $needId, size: $size) { id notice items { supplier { name } } } }`;


describe('drafts above a relevance floor', () => {
  let t: TestServer;
  let officer: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestServer();
    officer = (await t.userWithToken('OFFICER')).token;
    for (const input of [CATERER, ...LANDSCAPERS, ...CLEANERS, RECYCLERIE]) {
      const res = await t.gql(CREATE, { input }, officer);
      expect(res.errors).toBeUndefined();
      ids[input.name] = res.data.createSupplier.id;
    }
  });
  afterAll(() => t.destroy());

  const post = async (overrides: Record<string, unknown>) => {
    const res = await t.gql(POST, { input: needInput({ companyName: 'Transports Seine Logistique', contactEmail: 'achats@seine-logistique.example', nafCodes: [], preferredInclusionKinds: [], ...overrides }) }, officer);
    expect(res.errors).toBeUndefined();
    return res.data.postNeed.id as string;
  };

  it('proposes only the structures of the need’s trade, and says when they are fewer than asked', async () => {
    const needId = await post({
      title: 'Traiteur pour le séminaire annuel',
      description: 'Buffet pour 80 personnes lors de notre séminaire annuel, à la demande des services généraux.',
      communeCode: '76540',
    });
    const res = await t.gql(DRAFT_NOTICE, { needId, size: 5 }, officer);
    expect(res.errors).toBeUndefined();
    expect(res.data.draftShortlist.items.map((i: any) => i.supplier.name)).toEqual(['Marmite Solidaire']);
    expect(res.data.draftShortlist.notice).toBe(
      "1 structure seulement est assez proche du besoin pour être proposée (5 demandées) : les autres sont d'autres métiers, ou ne peuvent intervenir.",
    );
  });

  it('refuses an empty draft with a French reason, writing nothing; an officer may still start one by hand', async () => {
    const needId = await post({ title: 'Nettoyage des bureaux', description: 'Ménage quotidien de nos bureaux, 800 m².', communeCode: '76351' });
    const draft = await t.gql(DRAFT, { needId, size: 5 }, officer);
    expect(codeOf(draft)).toBe('CONFLICT');
    expect(draft.errors![0]!.message).toBe(
      "Aucune structure à proposer pour ce besoin : Aucune structure éligible de ce métier ne peut intervenir à Le Havre : les 2 structures de ce métier sont marquées non éligibles (hors de leur zone d'intervention, ou sans un label ou un type exigé : voir leurs raisons). Les structures classées après elles sont d'autres métiers. Pour présenter malgré tout des structures choisies à la main, donnez-les dans « supplierIds ».",
    );
    // nothing was written: the need has no list
    const lists = await t.gql('query($id: ID!) { need(id: $id) { shortlists { id } } }', { id: needId }, officer);
    expect(lists.data.need.shortlists).toEqual([]);
    // by hand: the structures given, in order, marked as the officer's choice, with the matcher's reasons;
    // out of their range, they need the officer's reason for the derogation
    const supplierIds = [ids['Brillance Coop']!, ids['Propreté Seine Avenir']!];
    const bare = await t.gql(HAND, { needId, supplierIds }, officer);
    expect([codeOf(bare), fieldOf(bare)]).toEqual(['BAD_USER_INPUT', 'overrides']);
    expect(bare.errors![0]!.message).toContain('Hors zone');
    const overrides = supplierIds.map((supplierId) => ({ supplierId, reason: "L'entreprise accepte un déplacement." }));
    const byHand = await t.gql(HAND, { needId, supplierIds, overrides }, officer);
    expect(byHand.errors).toBeUndefined();
    expect(byHand.data.draftShortlist.notice).toBeNull();
    expect(byHand.data.draftShortlist.items.map((i: any) => [i.supplier.name, i.proposedByMatcher])).toEqual([['Brillance Coop', false], ['Propreté Seine Avenir', false]]);
    expect(byHand.data.draftShortlist.items[0].reasons[0]).toMatch(/^Hors zone/);
    const unknown = await t.gql(HAND, { needId: await post({ title: 'Nettoyage du hangar', description: 'Ménage du hangar.', communeCode: '76351' }), supplierIds: ['inconnu'] }, officer);
    expect([codeOf(unknown), fieldOf(unknown)]).toEqual(['BAD_USER_INPUT', 'supplierIds']);
  });

  it('accepts known labels in any spelling and refuses an unknown one, offering the close names', async () => {
    const known = await t.gql(POST, { input: needInput({ companyName: 'X', contactEmail: 'x@x.example', requiredLabels: ['rge', 'iso-9001'] }) }, officer);
    expect(known.data.postNeed.requiredLabels).toEqual(['RGE', 'ISO 9001']);
    const unknown = await t.gql(POST, { input: needInput({ companyName: 'X', contactEmail: 'x@x.example', requiredLabels: ['Qualibat RGE'] }) }, officer);
    expect([codeOf(unknown), fieldOf(unknown)]).toEqual(['BAD_USER_INPUT', 'requiredLabels']);
    expect(unknown.errors![0]!.message).toBe('« requiredLabels » : label inconnu : « Qualibat RGE ». Vouliez-vous dire « Qualibat » ou « RGE » ?');
    const typo = await t.gql(POST, { input: needInput({ companyName: 'X', contactEmail: 'x@x.example', requiredLabels: ['Qualiopy'] }) }, officer);
    expect(typo.errors![0]!.message).toBe('« requiredLabels » : label inconnu : « Qualiopy ». Vouliez-vous dire « QUALIOPI » ?');
    const none = await t.gql(POST, { input: needInput({ companyName: 'X', contactEmail: 'x@x.example', requiredLabels: ['Label bidon inventé'] }) }, officer);
    expect(none.errors![0]!.message).toMatch(/^« requiredLabels » : label inconnu : « Label bidon inventé »\. Labels connus : RGE, Qualibat, .*QUALIOPI/);
  });
});
