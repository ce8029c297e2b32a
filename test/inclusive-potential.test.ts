// The potential of a purchase before it is posted, over GraphQL without an account, checked against
// a brute force: every structure of the directory scored one by one by a matcher of its own, its reach
// and capacity judged from the fixtures' own figures, its groupements tried subset by subset.
import { Matcher } from '../matching';
import { isRelevant } from '../matching/rank';
import type { NeedQuery } from '../matching/types';
import { placeOf, toProfile } from '../api/directory';
import { POTENTIAL_ASKS_PER_MINUTE } from '../api/purchasing';
import { nafLabel } from '../api/reference/naf';
import { communeCentroid } from '../api/reference/communes';
import type { SupplierRecord } from '../api/store/types';
import { supplierInput } from './helpers/fixtures';
import { CATERER, CLEANERS } from './helpers/trades';
import { startTestServer, type TestServer } from './helpers/server';

const CREATE = `mutation($input: SupplierInput!) { createSupplier(input: $input) { id } }`;
const POTENTIAL = `query($input: PotentialInput!) { inclusivePotential(input: $input) { total recommendation families { family count groupementOnly } } }`;

const ROUEN = '76540';
const LE_HAVRE = '76351';
const DIEPPE = '76217';
const ELBEUF = '76231';
const CANTELEU = '76157';
const SOTTEVILLE = '76681';

const green = (name: string, inclusionKind: string | null, communeCode: string, maxContractValue: number | null, interventionRadiusKm: number | null, legalForm = 'ASSOCIATION') =>
  supplierInput({
    name,
    inclusionKind,
    legalForm,
    communeCode,
    maxContractValue,
    interventionRadiusKm,
    description: `${name} : entretien des espaces verts, tonte des pelouses et taille des haies pour les entreprises et les communes.`,
    services: ['Entretien des espaces verts', 'Tonte et taille'],
    labels: [],
  });

// Landscapers of every family around Rouen, some too small for a large budget, some out of reach.
const LANDSCAPERS = [
  green('Chantier Vert', 'ACI', ROUEN, 60_000, 30),
  green('Jardins Solidaires', 'EI', ROUEN, 100_000, 30, 'ESUS_COMPANY'),
  green('Coup de Main Jardin', 'AI', SOTTEVILLE, 30_000, 20),
  green('Intérim Vert', 'ETTI', ELBEUF, 250_000, 40, 'ESUS_COMPANY'),
  green('Groupement Paysage', 'GEIQ', ROUEN, 80_000, 50),
  green('Tonte du Port', 'EITI', LE_HAVRE, 40_000, 30, 'ESUS_COMPANY'),
  green('Chantier sans plafond', 'ACI', ROUEN, null, 30),
  green('ESAT des Coteaux', 'ESAT', ROUEN, 45_000, 30),
  green('Adapt Jardins', 'EA', CANTELEU, 70_000, 25, 'ESUS_COMPANY'),
  green('Intérim Adapté Côte', 'EATT', LE_HAVRE, 300_000, 100, 'ESUS_COMPANY'),
  green('ESAT de la Côte', 'ESAT', DIEPPE, 50_000, null),
  green('Coopérative Paysagère', null, ROUEN, 500_000, 50, 'SCOP'),
  green('Petite Coop Verte', null, '76322', 20_000, 30, 'SCOP'),
];

const FAMILY: Record<string, string> = { ACI: 'SIAE', AI: 'SIAE', EI: 'SIAE', ETTI: 'SIAE', EITI: 'SIAE', GEIQ: 'SIAE', ESAT: 'PROTECTED', EA: 'PROTECTED', EATT: 'PROTECTED' };
const familyOf = (kind: string | null) => (kind ? FAMILY[kind]! : 'OTHER_ESS');

function km(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.latitude - a.latitude) * rad) / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(((b.longitude - a.longitude) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** Every subset of `items` of at most `size` elements. */
function* subsets<T>(items: T[], size: number, start = 0, prefix: T[] = []): Generator<T[]> {
  yield prefix;
  if (prefix.length === size) return;
  for (let i = start; i < items.length; i += 1) yield* subsets(items, size, i + 1, [...prefix, items[i]!]);
}

interface Ask {
  text: string;
  communeCode: string;
  budgetMax?: number | null;
  requiredInclusionKinds?: string[];
}

/** The expected answer, structure by structure. */
function bruteForce(records: SupplierRecord[], ask: Ask) {
  const matcher = new Matcher({ nafLabel });
  for (const r of records) matcher.upsert(toProfile(r));
  const place = placeOf({ communeCode: ask.communeCode, latitude: null, longitude: null });
  const query: NeedQuery = { title: ask.text, description: '', kind: 'PURCHASE', nafCodes: [], ...place, budgetMin: null, budgetMax: ask.budgetMax ?? null, requiredLabels: [], preferredInclusionKinds: [], requiredInclusionKinds: ask.requiredInclusionKinds ?? [] };
  const scored = new Map(matcher.scoreFor(query, records.map((r) => r.id)).map((m) => [m.profileId, m]));
  const centre = communeCentroid(ask.communeCode)!;
  const inReach = records.filter((r) => {
    const m = scored.get(r.id)!;
    const radius = r.interventionRadiusKm ?? 30; // the matcher's typical local radius when none is declared
    return m.eligible && isRelevant(m) && km(centre, communeCentroid(r.communeCode)!) < radius + Math.max(5, radius / 2);
  });
  const budget = ask.budgetMax ?? null;
  const families = ['SIAE', 'PROTECTED', 'OTHER_ESS'].map((family) => {
    const members = inReach.filter((r) => familyOf(r.inclusionKind) === family);
    const alone = members.filter((r) => budget === null || r.maxContractValue === null || r.maxContractValue >= budget);
    const small = members.filter((r) => !alone.includes(r));
    const groupementOnly = small.filter((x) => [...subsets(small.filter((o) => o !== x), 3)].some((others) => [x, ...others].reduce((s, o) => s + o.maxContractValue!, 0) >= budget!)).length;
    return { family, count: alone.length, groupementOnly, alone };
  });
  return { families, total: families.reduce((s, f) => s + f.count, 0) };
}

describe('inclusivePotential', () => {
  let t: TestServer;
  let records: SupplierRecord[];

  beforeAll(async () => {
    t = await startTestServer();
    const officer = (await t.userWithToken('OFFICER')).token;
    for (const input of [...LANDSCAPERS, ...CLEANERS, CATERER]) {
      const res = await t.gql(CREATE, { input }, officer);
      expect(res.errors).toBeUndefined();
    }
    records = await t.server.services.store.suppliers.all();
  });
  afterAll(() => t.destroy());

  const potential = async (input: Ask) => {
    const res = await t.gql(POTENTIAL, { input }); // no token: anyone may ask
    expect(res.errors).toBeUndefined();
    return res.data.inclusivePotential as { total: number; recommendation: string; families: { family: string; count: number; groupementOnly: number }[] };
  };

  const asks: Ask[] = [
    { text: 'Entretien des espaces verts : tonte et taille des haies', communeCode: ROUEN },
    { text: 'Entretien des espaces verts : tonte et taille des haies', communeCode: ROUEN, budgetMax: 50_000 },
    { text: 'Entretien des espaces verts : tonte et taille des haies', communeCode: ROUEN, budgetMax: 150_000 },
    { text: 'Entretien des espaces verts : tonte et taille des haies', communeCode: ROUEN, budgetMax: 400_000 },
    { text: 'Tonte des pelouses', communeCode: LE_HAVRE, budgetMax: 30_000 },
    { text: 'Entretien des espaces verts', communeCode: ROUEN, budgetMax: 60_000, requiredInclusionKinds: ['ESAT', 'EA', 'EATT'] },
    { text: 'Entretien des espaces verts', communeCode: DIEPPE },
    { text: 'Nettoyage des bureaux', communeCode: ROUEN },
  ];

  it.each(asks)('counts by family what a brute force counts (%o)', async (ask) => {
    const got = await potential(ask);
    const expected = bruteForce(records, ask);
    expect(got.families).toEqual(expected.families.map(({ family, count, groupementOnly }) => ({ family, count, groupementOnly })));
    expect(got.total).toBe(expected.total);
    // The reserved market is advised exactly when 3 structures it is open to can carry the purchase alone.
    const siae = expected.families[0]!.alone.filter((r) => r.inclusionKind !== 'GEIQ').length;
    const sheltered = expected.families[1]!.alone.length;
    expect(got.recommendation.includes('(art. L2113-13 du Code de la commande publique) est envisageable')).toBe(siae >= 3);
    expect(got.recommendation.includes('(art. L2113-12 du Code de la commande publique) est envisageable')).toBe(sheltered >= 3);
    expect(got.recommendation).toContain('Règle appliquée');
  });

  it('tells a buyer at Rouen how many structures a reserved market is open to, and how far they lie', async () => {
    const got = await potential({ text: 'Entretien des espaces verts : tonte et taille des haies', communeCode: ROUEN, budgetMax: 50_000 });
    // ACI (60 k€ and undeclared), EI, ETTI, GEIQ (no SIAE in law); the AI is too small and alone of its
    // size (no groupement of small ones reaches the budget), the EITI too far.
    expect(got.families[0]).toEqual({ family: 'SIAE', count: 5, groupementOnly: 0 });
    // The reserved market leaves the GEIQ out; the farthest, the ETTI of Elbeuf, lies some 18 km away.
    expect(got.recommendation).toMatch(/^Un marché réservé aux structures d'insertion par l'activité économique \(art\. L2113-13 du Code de la commande publique\) est envisageable : 4 structures d'insertion peuvent y répondre à moins de 20 km de Rouen\./);
    // ESAT at Rouen (45 k€) too small; the EA and the EATT of Le Havre (radius 100 km) can: 2, no reserved market for them.
    expect(got.families[1]).toEqual({ family: 'PROTECTED', count: 2, groupementOnly: 0 });
    expect(got.recommendation).not.toContain('L2113-12');
  });

  it('advises allotment or a groupement when too few structures can carry a large purchase alone', async () => {
    const got = await potential({ text: 'Entretien des espaces verts : tonte et taille des haies', communeCode: ROUEN, budgetMax: 400_000 });
    expect(got.recommendation).toMatch(/^Un marché réservé n'est pas recommandé/);
    expect(got.recommendation).toContain('allotir');
    expect(got.recommendation).toContain('art. L2113-10');
    // Too small alone, together they reach 400 k€: the ETTI (250 k€) with the EI (100 k€) and the GEIQ (80 k€).
    expect(got.families[0]).toEqual({ family: 'SIAE', count: 1, groupementOnly: 5 });
  });

  it('advises a social clause when no structure of the trade can answer', async () => {
    const got = await potential({ text: 'Maintenance des ascenseurs', communeCode: ROUEN, budgetMax: 50_000 });
    expect(got.total).toBe(0);
    expect(got.recommendation).toContain('clause sociale');
    expect(got.recommendation).toContain('art. L2112-2');
  });

  it('refuses bad input with a French message naming the field', async () => {
    const cases: Array<[Ask, string]> = [
      [{ text: 'x'.repeat(5201), communeCode: ROUEN }, 'text'],
      [{ text: '   ', communeCode: ROUEN }, 'text'],
      [{ text: 'Tonte', communeCode: '99999' }, 'communeCode'],
      [{ text: 'Tonte', communeCode: ROUEN, budgetMax: -5 }, 'budgetMax'],
    ];
    for (const [input, field] of cases) {
      const res = await t.gql(POTENTIAL, { input });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(res.errors?.[0]?.message).toContain(`« ${field} »`);
    }
  });

  // Last: it spends this client's allowance.
  it('refuses a client asking past its allowance, in French, with the time to wait', async () => {
    let accepted = 0;
    let refusal: any;
    for (let i = 0; i <= POTENTIAL_ASKS_PER_MINUTE && !refusal; i += 1) {
      const res = await t.gql(POTENTIAL, { input: { text: 'Tonte', communeCode: ROUEN } });
      if (res.errors) refusal = res;
      else accepted += 1;
    }
    expect(refusal.status).toBe(429);
    expect(refusal.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
    expect(refusal.errors[0].message).toMatch(/^Trop de tentatives\. Réessayez dans \d+ minute/);
    expect(accepted).toBeLessThan(POTENTIAL_ASKS_PER_MINUTE); // the asks of the tests above counted too
  });
});
