// The directory's facets, its commune-served filter and structures' locations, through the API.
import { communeCentroid } from '../api/reference/communes';
import { supplierInput } from './helpers/fixtures';
import { startTestServer, type TestServer } from './helpers/server';

const QUERY = `query($filter: SupplierFilter, $first: Int, $after: String) {
  suppliers(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id name location { latitude longitude } } }
    facets {
      inclusionKinds { value label count }
      legalForms { value label count }
      communes { value label count }
      labels { value label count }
    }
  }
}`;

type Input = ReturnType<typeof supplierInput> & { interventionRadiusKm: number | null; latitude?: number; longitude?: number };

// Deterministic pseudo-random choices, so that a failure can be replayed.
let seed = 12;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const KINDS = ['ESAT', 'EA', 'ACI', 'EI', null] as const;
const FORMS = ['ASSOCIATION', 'SCOP', 'SCIC', 'MUTUELLE'] as const;
const COMMUNES = ['76540', '76681', '76498', '76231', '76217', '76351', '14118', '27229'] as const;
const LABELS = ['ISO 9001', 'RGE', 'Qualipropre', 'ECOCERT'] as const;
const RADII = [null, 5, 10, 30, 80] as const;

const EARTH_RADIUS_KM = 6371;
function haversineKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.latitude - a.latitude) * rad) / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(((b.longitude - a.longitude) * rad) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

const baseOf = (s: Input) => (s.latitude !== undefined && s.longitude !== undefined ? { latitude: s.latitude, longitude: s.longitude } : communeCentroid(s.communeCode)!);

/** value → count, for comparing a facet list with counts made by hand. */
const asCounts = (facets: { value: string; count: number }[]) => Object.fromEntries(facets.map((f) => [f.value, f.count]));

function bruteCounts(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

describe('directory facets, served communes and locations', () => {
  let t: TestServer;
  const created: Input[] = [];

  const query = async (filter: object | null, first = 2) => {
    const res = await t.gql(QUERY, { filter, first });
    expect(res.errors).toBeUndefined();
    return res.data.suppliers;
  };

  beforeAll(async () => {
    t = await startTestServer();
    const { token } = await t.userWithToken('OFFICER');
    for (let i = 0; i < 40; i += 1) {
      const input = supplierInput({
        name: `Structure ${String(i).padStart(2, '0')}`,
        inclusionKind: pick(KINDS),
        legalForm: pick(FORMS),
        communeCode: pick(COMMUNES),
        labels: LABELS.filter(() => random() < 0.4),
        interventionRadiusKm: pick(RADII),
      }) as Input;
      // A few geocoded addresses, a few kilometres off their commune's centre.
      if (i % 5 === 0) {
        const centre = communeCentroid(input.communeCode)!;
        Object.assign(input, { latitude: centre.latitude + 0.03, longitude: centre.longitude - 0.04 });
      }
      const res = await t.gql(`mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }`, { i: input }, token);
      expect(res.errors).toBeUndefined();
      created.push(input);
    }
  });
  afterAll(() => t.destroy());

  it.each([
    ['no filter', null, () => true],
    ['inclusion kinds', { inclusionKinds: ['EI', 'ACI'] }, (s: Input) => s.inclusionKind === 'EI' || s.inclusionKind === 'ACI'],
    ['a label', { labels: ['iso 9001'] }, (s: Input) => s.labels.includes('ISO 9001')],
    ['legal form and commune', { legalForms: ['SCOP', 'ASSOCIATION'], communeCode: '76540' }, (s: Input) => ['SCOP', 'ASSOCIATION'].includes(s.legalForm) && s.communeCode === '76540'],
  ])('counts facets over every page of the result (%s)', async (_name, filter, keep) => {
    const expected = created.filter(keep as (s: Input) => boolean);
    expect(expected.length).toBeGreaterThan(2); // more than one page: counts cannot come from the page alone
    const page = await query(filter);
    expect(page.edges).toHaveLength(2);
    expect(page.totalCount).toBe(expected.length);
    expect(asCounts(page.facets.inclusionKinds)).toEqual(bruteCounts(expected.flatMap((s) => (s.inclusionKind ? [s.inclusionKind as string] : []))));
    expect(asCounts(page.facets.legalForms)).toEqual(bruteCounts(expected.map((s) => s.legalForm)));
    expect(asCounts(page.facets.communes)).toEqual(bruteCounts(expected.map((s) => s.communeCode)));
    expect(asCounts(page.facets.labels)).toEqual(bruteCounts(expected.flatMap((s) => s.labels)));
    // The same facets on the next page: they describe the result, not the page.
    const next = await t.gql(QUERY, { filter, first: 2, after: page.pageInfo.endCursor });
    expect(next.data.suppliers.facets).toEqual(page.facets);
  });

  it('labels facets in French, most frequent first', async () => {
    const { facets } = await query(null);
    const label = (list: { value: string; label: string }[], value: string) => list.find((f) => f.value === value)?.label;
    expect(label(facets.inclusionKinds, 'EI')).toBe("EI (entreprise d'insertion)");
    expect(label(facets.legalForms, 'SCOP')).toBe('SCOP (société coopérative et participative)');
    expect(label(facets.communes, '76540')).toBe('Rouen');
    expect(label(facets.communes, '14118')).toBe('Caen');
    const collator = new Intl.Collator('fr');
    for (const list of Object.values(facets) as { label: string; count: number }[][]) {
      expect(list.map((f) => f.count)).toEqual([...list.map((f) => f.count)].sort((a, b) => b - a));
      // Equal counts in French alphabetical order (« Évreux » among the E, not after the Z).
      expect(list).toEqual([...list].sort((a, b) => b.count - a.count || collator.compare(a.label, b.label)));
    }
  });

  it.each(['76681', '76217', '14118'])('lists only the structures whose intervention area covers commune %s', async (code) => {
    const target = communeCentroid(code)!;
    // The matcher's rule: within the radius (30 km when none is declared) plus its tolerance band.
    const expected = created
      .filter((s) => {
        const radius = s.interventionRadiusKm ?? 30;
        return haversineKm(baseOf(s), target) < radius + Math.max(5, radius / 2);
      })
      .map((s) => s.name)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(created.length);
    const page = await query({ servesCommuneCode: code }, 100);
    expect(page.edges.map((e: any) => e.node.name).sort()).toEqual(expected);
    expect(page.totalCount).toBe(expected.length);
    expect(page.facets.communes.reduce((sum: number, f: { count: number }) => sum + f.count, 0)).toBe(expected.length);
  });

  it('combines servesCommuneCode with the other filters and pages through it', async () => {
    const target = communeCentroid('76540')!;
    const expected = created
      .filter((s) => s.legalForm === 'ASSOCIATION' && haversineKm(baseOf(s), target) < (s.interventionRadiusKm ?? 30) + Math.max(5, (s.interventionRadiusKm ?? 30) / 2))
      .map((s) => s.name)
      .sort();
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res: any = await t.gql(QUERY, { filter: { servesCommuneCode: ' 76540 ', legalForms: ['ASSOCIATION'] }, first: 3, after });
      expect(res.errors).toBeUndefined();
      seen.push(...res.data.suppliers.edges.map((e: any) => e.node.name));
      after = res.data.suppliers.pageInfo.hasNextPage ? res.data.suppliers.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(expected);
  });

  it('refuses an unknown servesCommuneCode in French, naming the field', async () => {
    const res = await t.gql(QUERY, { filter: { servesCommuneCode: '99999' } });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe('servesCommuneCode');
    expect(res.errors?.[0]?.message).toMatch(/« servesCommuneCode » : commune inconnue/);
  });

  it('locates a structure at its geocoded address, else at its commune centre, else nowhere', async () => {
    const page = await query(null, 100);
    const byName = new Map(page.edges.map((e: any) => [e.node.name, e.node.location]));
    for (const s of created) expect(byName.get(s.name)).toEqual(baseOf(s));
    expect(created.some((s) => s.latitude !== undefined) && created.some((s) => s.latitude === undefined)).toBe(true);

    const { token } = await t.userWithToken('OFFICER');
    const corsica = await t.gql(`mutation($i: SupplierInput!) { createSupplier(input: $i) { location { latitude } } }`, { i: supplierInput({ communeCode: '2A004' }) }, token);
    expect(corsica.errors).toBeUndefined();
    expect(corsica.data.createSupplier.location).toBeNull(); // Ajaccio: no centre in our reference data
  });

  describe('GET /directory.geojson', () => {
    const get = (params = '') => fetch(`${t.server.url}/directory.geojson${params}`);
    const served = (code: string) => (s: Input) => {
      const radius = s.interventionRadiusKm ?? 30;
      return haversineKm(baseOf(s), communeCentroid(code)!) < radius + Math.max(5, radius / 2);
    };

    it('is a FeatureCollection of points, one per located structure, with no contact address', async () => {
      const res = await get();
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
      const text = await res.text();
      expect(text).not.toMatch(/contactEmail|contact@/i);
      const body = JSON.parse(text);
      expect(Object.keys(body).sort()).toEqual(['features', 'type']);
      expect(body.type).toBe('FeatureCollection');
      for (const f of body.features) {
        expect(f.type).toBe('Feature');
        expect(f.geometry.type).toBe('Point');
        expect(f.geometry.coordinates).toHaveLength(2);
        const [lon, lat] = f.geometry.coordinates;
        expect(lon).toBeGreaterThanOrEqual(-180);
        expect(lon).toBeLessThanOrEqual(180);
        expect(lat).toBeGreaterThanOrEqual(-90);
        expect(lat).toBeLessThanOrEqual(90);
        expect(typeof f.properties).toBe('object');
        expect(Object.keys(f.properties)).not.toContain('contactEmail');
      }
      // Longitude first (RFC 7946), at the structure's own location.
      const byName = new Map(body.features.map((f: any) => [f.properties.name, f.geometry.coordinates]));
      for (const s of created) {
        const base = baseOf(s);
        expect(byName.get(s.name)).toEqual([base.longitude, base.latitude]);
      }
      const page = await query(null, 100);
      const unlocated = page.edges.filter((e: any) => e.node.location === null).length;
      expect(body.features).toHaveLength(page.totalCount - unlocated);
    });

    it('takes the directory filter as query parameters', async () => {
      const expected = created.filter((s) => (s.inclusionKind === 'EI' || s.inclusionKind === 'ACI') && served('76540')(s)).map((s) => s.name).sort();
      expect(expected.length).toBeGreaterThan(0);
      for (const params of ['?inclusionKinds=EI,ACI&servesCommuneCode=76540', '?inclusionKinds=EI&inclusionKinds=ACI&servesCommuneCode=%2076540%20']) {
        const res = await get(params);
        expect(res.status).toBe(200);
        const body = (await res.json()) as any;
        expect(body.features.map((f: any) => f.properties.name).sort()).toEqual(expected);
      }
      const labelled = (await (await get('?labels=ISO%209001&legalForms=SCOP')).json()) as any;
      expect(labelled.features.map((f: any) => f.properties.name).sort()).toEqual(
        created.filter((s) => s.labels.includes('ISO 9001') && s.legalForm === 'SCOP').map((s) => s.name).sort(),
      );
    });

    it.each([
      ['?servesCommuneCode=99999', 'servesCommuneCode'],
      ['?communeCode=abc', 'communeCode'],
      ['?inclusionKinds=EI,XYZ', 'inclusionKinds'],
      ['?text=a&text=b', 'text'],
      ['?couleur=rouge', 'couleur'],
    ])('answers %s with 400 and a French message naming the field', async (params, field) => {
      const res = await get(params);
      expect(res.status).toBe(400);
      const body = (await res.json()) as any;
      expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(body.errors[0].message).toContain(`« ${field} »`);
    });
  });
});

describe('directory filters after a write', () => {
  it('finds a structure written after the same filters were asked', async () => {
    const t = await startTestServer();
    try {
      const { token } = await t.userWithToken('OFFICER');
      const create = async (name: string) => {
        const input = supplierInput({ name, labels: ['RGE'], inclusionKind: 'EI', communeCode: '76540' });
        expect((await t.gql(`mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }`, { i: input }, token)).errors).toBeUndefined();
      };
      const names = async (filter: object) => {
        const res = await t.gql(QUERY, { filter, first: 10 });
        expect(res.errors).toBeUndefined();
        return res.data.suppliers.edges.map((e: any) => e.node.name).sort();
      };
      // With a text and without (relevance order, name order), by label, kind and served commune.
      const filters = [{ text: 'espaces verts', labels: ['rge'] }, { labels: ['RGE'], inclusionKinds: ['EI'] }, { text: 'tonte', servesCommuneCode: '76540', inclusionKinds: ['EI', 'ACI'] }];
      await create('Atelier Un');
      for (const filter of filters) expect(await names(filter)).toEqual(['Atelier Un']);
      await create('Atelier Deux');
      for (const filter of filters) expect(await names(filter)).toEqual(['Atelier Deux', 'Atelier Un']);
    } finally {
      await t.destroy();
    }
  });
});
