// "What firms search for" (issue 11, point 4): a structure reads, on its own profile, the words that
// firms wrote in the needs of its sector and that its profile lacks; only words three firms wrote,
// each with an account or recorded by an officer (issue 21, point 4: never needs posted without one).
import { senderCookieValue, SENDER_COOKIE } from '../api/needs';
import { needInput, supplierInput } from './helpers/fixtures';
import { postGraphQL } from './helpers/http';
import { startTestServer, type TestServer } from './helpers/server';

const CREATE = 'mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }';
const POST = 'mutation($i: NeedInput!) { postNeed(input: $i) { id } }';
const HINTS = 'query($id: ID!) { supplier(id: $id) { searchHints } }';

describe('search hints', () => {
  let t: TestServer;
  let supplierId: string;
  let supplier: { token: string };
  let other: { token: string };
  let officer: { token: string };

  beforeAll(async () => {
    t = await startTestServer();
    supplier = await t.userWithToken('SUPPLIER', { organisationName: 'Les Jardins de la Seine' });
    other = await t.userWithToken('SUPPLIER', { organisationName: 'Autre Structure' });
    officer = await t.userWithToken('OFFICER');
    supplierId = (await t.gql(CREATE, { i: supplierInput() }, supplier.token)).data.createSupplier.id;
    const firmA = await t.userWithToken('COMPANY', { organisationName: 'Logistique Durand' });
    const firmB = await t.userWithToken('COMPANY', { organisationName: 'Imprimerie Martin' });
    const post = async (token: string, title: string, description: string, nafCodes = ['81.30Z'], extra: Record<string, unknown> = {}) => {
      const res = await t.gql(POST, { i: needInput({ title, description, nafCodes, ...extra }) }, token);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
    };
    await post(firmA.token, 'Fleurissement et potager du site Durand', 'Plantation de massifs fleuris et d’un potager pour le personnel, arrosage compris. Pergola avant la fusion.');
    await post(firmB.token, 'Fleurissement des abords', 'Plantation de massifs fleuris le long du parking, arrosage pendant l’été, potager et pergola.');
    // the third firm, whose need an officer recorded after its call
    await post(officer.token, 'Fleurissement de l’accueil', 'Plantation de massifs devant l’accueil, arrosage automatique.', ['81.30Z'], {
      companyName: 'Transports Leroy', contactEmail: 'achats@leroy.example',
    });
    // an officer's record of a firm that has an account is the same firm: Durand's potager counts once
    await post(officer.token, 'Potager du personnel', 'Un potager pour le personnel de Durand.', ['81.30Z'], {
      companyName: 'Logistique  DURAND', contactEmail: 'achats@durand.example',
    });
    // Needs posted without an account, confirmed (their sender's cookie): each names a firm of its
    // choosing, so none counts. One alone would tell whether Durand wrote « fusion », or top up the
    // « pergola » of two firms; three would plant « tonnelle » in every hint of the sector.
    const anonymous = async (n: number, title: string, description: string) => {
      const contactEmail = `achats-${n}@anonyme.example`;
      const res = await postGraphQL(t.url, { query: POST, variables: { i: needInput({ title, description, companyName: `Entreprise ${n}`, contactEmail }) } }, {
        'x-forwarded-for': `198.51.100.${n}`, cookie: `${SENDER_COOKIE}=${senderCookieValue(t.server.services.links, contactEmail)}`,
      });
      if (res.json.errors) throw new Error(JSON.stringify(res.json.errors));
    };
    await anonymous(1, 'Jardin avant la fusion', 'Fusion, pergola et tonnelle.');
    for (const n of [2, 3, 4]) await anonymous(n, 'Tonnelle du parking', 'Une tonnelle au-dessus du parking.');
    // another sector's words never count for a structure of green spaces
    await post(firmA.token, 'Nettoyage des bureaux', 'Vitrerie et désinfection des sanitaires.', ['81.21Z']);
    await post(firmB.token, 'Nettoyage de l’atelier', 'Vitrerie et désinfection des sols.', ['81.21Z']);
    await post(officer.token, 'Nettoyage du dépôt', 'Vitrerie et désinfection des quais.', ['81.21Z'], { companyName: 'Transports Leroy', contactEmail: 'achats@leroy.example' });
  });
  afterAll(() => t.destroy());

  it('gives the structure the words three firms of its sector wrote that its profile lacks', async () => {
    const res = await t.gql(HINTS, { id: supplierId }, supplier.token);
    expect(res.errors).toBeUndefined();
    const hints: string[] = res.data.supplier.searchHints;
    expect(hints).toEqual(expect.arrayContaining(['fleurissement', 'plantation', 'massifs', 'arrosage']));
    expect(hints.every((h) => !/\s/.test(h))).toBe(true);
    // fewer than three firms: Durand's name and « fusion », the potager and the pergola of two firms (a
    // need without an account never tops a word up), the tonnelle of anonymous needs only; words the
    // profile already has; other sectors; business words
    for (const absent of ['durand', 'fusion', 'potager', 'pergola', 'tonnelle', 'personnel', 'entretien', 'haies', 'vitrerie', 'desinfection', 'nettoyage', 'site']) {
      expect(hints).not.toContain(absent);
    }
    expect((await t.gql(HINTS, { id: supplierId }, officer.token)).data.supplier.searchHints).toEqual(hints);
  });

  it('is null for anyone but the structure itself and staff', async () => {
    expect((await t.gql(HINTS, { id: supplierId })).data.supplier.searchHints).toBeNull();
    expect((await t.gql(HINTS, { id: supplierId }, other.token)).data.supplier.searchHints).toBeNull();
  });

  it('stops suggesting a word once the profile uses it', async () => {
    const update = await t.gql('mutation($id: ID!, $i: SupplierUpdateInput!) { updateSupplier(id: $id, input: $i) { id } }', {
      id: supplierId, i: { description: "Chantier d'insertion : entretien d'espaces verts, fleurissement et plantation de massifs." },
    }, supplier.token);
    expect(update.errors).toBeUndefined();
    const hints: string[] = (await t.gql(HINTS, { id: supplierId }, supplier.token)).data.supplier.searchHints;
    expect(hints).toContain('arrosage');
    for (const absent of ['fleurissement', 'fleuris', 'plantation', 'massifs']) expect(hints).not.toContain(absent);
  });
});
