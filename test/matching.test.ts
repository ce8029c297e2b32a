// The matcher's parts, one behaviour at a time: French analysis, components, reasons, hard
// constraints and the index's incremental life.
import { TfIdf } from 'natural/lib/natural/tfidf';
import { DEFAULT_WEIGHTS, Matcher } from '../matching';
import { budgetFit, capacityScore } from '../matching/components/capacity';
import { labelsScore } from '../matching/components/labels';
import { locationScore } from '../matching/components/location';
import { canonicalNaf, sectorScore } from '../matching/components/sector';
import { capacityReason, locationReason } from '../matching/explain';
import { resolveWeights } from '../matching/rank';
import { TextIndex } from '../matching/text/index';
import { fold } from '../matching/text/fold';
import { SlotRuns } from '../matching/text/runs';
import { Spellings } from '../matching/text/spelling';
import { expand } from '../matching/text/synonyms';
import { analyze } from '../matching/text/tokenize';
import type { NeedQuery, Profile } from '../matching/types';
import { needs, structures } from './fixtures/judged';
import { SyntheticCorpus } from './fixtures/synthetic';

const ROUEN = { latitude: 49.4412, longitude: 1.0912, departement: '76' };
const ELBEUF = { latitude: 49.2773, longitude: 0.9974, departement: '76' };
const CAEN = { latitude: 49.1846, longitude: -0.3722, departement: '14' };

function profile(id: string, over: Partial<Profile> = {}): Profile {
  return {
    id, name: `Structure ${id}`, description: '', services: [], nafCodes: [], labels: [], legalForm: 'ASSOCIATION',
    inclusionKind: null, ...ROUEN, interventionRadiusKm: 30, employees: 10, maxContractValue: 50000, ...over,
  };
}

function need(over: Partial<NeedQuery> = {}): NeedQuery {
  return {
    title: '', description: '', kind: 'PURCHASE', nafCodes: [], ...ROUEN, budgetMin: null, budgetMax: null,
    requiredLabels: [], preferredInclusionKinds: [], ...over,
  };
}

const terms = (text: string) => analyze(text).map((t) => t.term);

describe('French analysis', () => {
  it('folds ASCII and non-ASCII text alike', () => {
    expect(fold("  L`Atelier\tDU   Bois\n")).toBe("l'atelier du bois");
    expect(fold("  L’Atelier\tDU   Bois\n")).toBe("l'atelier du bois");
    expect(fold('ŒUVRE Éco-Propreté ´ Bâti')).toBe("oeuvre eco-proprete ' bati");
    expect(fold('SOCIETE 12, SECTION LOCALE')).toBe('societe 12, section locale');
    expect(fold('\u00a0Tonte\u00a0')).toBe('tonte');
  });

  it('drops elisions and stop words, folds accents and stems', () => {
    expect(terms("L'entretien d'espaces verts et qu'il")).toEqual(terms('entretien espace vert'));
    expect(terms('Propreté PROPRETE proprete')).toEqual(Array(3).fill(terms('propreté')[0]));
    expect(terms('nettoyage nettoyer nettoyé')).toEqual(Array(3).fill(terms('nettoyer')[0]));
    expect(terms('vélos vélo recyclerie recycler')).toEqual([terms('vélo')[0], terms('vélo')[0], terms('recycler')[0], terms('recycler')[0]]);
    expect(terms('plateaux-repas')).toEqual(terms('plateaux repas'));
    expect(terms('de la des pour avec 2024 81.30Z')).toEqual([]);
    // « à partir de janvier » says when, not what: it meets no « parties communes »
    expect(terms('à partir de janvier').filter((t) => terms('parties communes').includes(t))).toEqual([]);
  });

  it('joins word families no suffix rule joins, and keeps apart words a suffix rule would join', () => {
    const same = (words: string) => new Set(terms(words)).size === 1;
    expect(same('entretien entretenir entretenu')).toBe(true);
    expect(same('peinture peindre peintre')).toBe(true);
    expect(same('impression imprimer imprimeur imprimerie')).toBe(true);
    expect(same('livré livrée livrées')).toBe(true);
    expect(same('salarié salariée')).toBe(true);
    expect(terms('collective')).not.toEqual(terms('collecte'));
    expect(same('collectif collective collectives')).toBe(true);
  });

  it('expands a need with the curated vocabulary, both ways', () => {
    const added = (text: string) => expand(analyze(text)).expansions.map((e) => e.term);
    expect(added('ménage des bureaux')).toEqual(expect.arrayContaining(terms('nettoyage propreté')));
    expect(added('nettoyage des bureaux')).toEqual(expect.arrayContaining(terms('ménage')));
    expect(added('des goodies')).toEqual(expect.arrayContaining(terms('objets publicitaires')));
    expect(added('plateaux déjeuner')).toEqual(expect.arrayContaining(terms('traiteur')));
    expect(added('une mutuelle')).toEqual(expect.arrayContaining(terms('complémentaire santé')));
    expect(added('un jardinier')).toEqual(expect.arrayContaining(terms('espaces verts paysagiste')));
    for (const e of expand(analyze('ménage')).expansions) expect(e.weight).toBeLessThan(1);
    expect(expand(analyze('plateaux déjeuner')).nafHints).toEqual(['56.21Z']);
    // Longest match: "déjeuners livrés" is catering; "livrés" alone does not call in couriers.
    expect(added('déjeuners livrés')).not.toEqual(expect.arrayContaining(terms('coursier')));
    // Washing clothes is laundry work, not office cleaning: the longer phrase wins.
    expect(expand(analyze('nettoyage des vêtements de travail')).nafHints).toEqual(['96.01A', '96.01B']);
    expect(expand(analyze('lavage des sols')).nafHints).toEqual(['81.21Z']);
    expect(added('un cocktail dînatoire')).toEqual(expect.arrayContaining(terms('traiteur')));
  });
});

describe('words beginning with a prefix (the directory searched as one types)', () => {
  it('lists the words in use beginning with a prefix as a filter over all of them does, through additions and removals', () => {
    const spellings = new Spellings();
    const inUse = new Map<string, number>();
    const texts = new Map<number, string[]>();
    const SYLLABLES = ['re', 'cy', 'cla', 'ge', 'bo', 'is', 'son', 'me', 'na', 'tri'];
    const word = (n: number) => [n % 10, Math.floor(n / 10) % 10, Math.floor(n / 100) % 10, Math.floor(n / 1000) % 10].map((i) => SYLLABLES[i]).join('');
    const prefixes = ['rec', 'recy', 'bois', 'menag', 'trire', 'zzz', 'a'];
    const check = () => {
      for (const prefix of prefixes) {
        const listed: string[] = [];
        spellings.startingWith(prefix, (w) => listed.push(w));
        const expected = [...inUse].filter(([w, n]) => n > 0 && w.startsWith(prefix)).map(([w]) => w);
        expect(listed.sort()).toEqual(expected.sort());
      }
    };
    let slot = 0;
    // Rounds of more new words than wait unsorted, and of fewer; a completion asked after each.
    for (const round of [700, 30, 400, 5]) {
      for (let i = 0; i < round; i += 1, slot += 1) {
        const tokens = analyze(`${word(slot * 7)} ${word(slot * 13 + 1)} ${word(slot)}`);
        texts.set(slot, [...new Set(tokens.map((t) => t.surface))]);
        for (const w of texts.get(slot)!) inUse.set(w, (inUse.get(w) ?? 0) + 1);
        spellings.add(slot, tokens);
      }
      check();
      // A third of the texts leave: a word no text uses any more is not listed.
      for (const [s, ws] of [...texts].filter(([s]) => s % 3 === round % 3)) {
        spellings.remove(s);
        texts.delete(s);
        for (const w of ws) inUse.set(w, inUse.get(w)! - 1);
      }
      check();
    }
    // Enough words for the later rounds to merge new ones into those already sorted.
    expect(inUse.size).toBeGreaterThan(1000);
  });
});

describe('components', () => {
  it('grades NAF overlap by level, and ignores status codes', () => {
    expect(canonicalNaf(' 8130z ')).toBe('81.30Z');
    const s = (a: string, b: string) => sectorScore([a], [b], false).score;
    expect(s('81.30Z', '81.30Z')).toBe(1);
    expect(s('81.29A', '81.29B')).toBeGreaterThan(s('81.21Z', '81.22Z'));
    expect(s('81.21Z', '81.22Z')).toBeGreaterThan(s('81.21Z', '81.30Z'));
    expect(s('81.21Z', '81.30Z')).toBeGreaterThan(s('56.21Z', '81.30Z'));
    expect(s('56.21Z', '81.30Z')).toBe(0);
    expect(s('81.30Z', '88.10C')).toBe(0.5);
    expect(sectorScore([], ['81.30Z'], false).score).toBe(0.5);
  });

  it('scores capacity: full when it fits, decreasing as the budget exceeds it', () => {
    expect(budgetFit(60000, 20000, 40000)).toBe(1);
    const fits = [30000, 20000, 15000, 10000, 5000].map((c) => budgetFit(c, 20000, 40000));
    for (let i = 1; i < fits.length; i += 1) expect(fits[i]).toBeLessThan(fits[i - 1]);
    expect(budgetFit(5000, 20000, 40000)).toBe(0);
    expect(capacityScore(null, null, 1000, 2).score).toBe(0.5);
    expect(capacityScore(20000, 40000, null, null).score).toBe(0.5);
    const byStaff = capacityScore(100000, 200000, null, 1).score;
    expect(byStaff).toBeGreaterThanOrEqual(0.25);
    expect(byStaff).toBeLessThan(0.5);
    expect(capacityReason(capacityScore(20000, 40000, 60000, 12))).toBe("Contrats jusqu'à 60 000 € pour un budget de 20 000 à 40 000 €");
  });

  it('scores location: full inside the radius, decaying beyond, zero and out of range far away', () => {
    const near = locationScore({ latitude: 49.41, longitude: 1.08, departement: '76' }, ROUEN, 30);
    expect(near.score).toBe(1);
    expect(locationReason(near)).toBe("À 4 km du lieu de la prestation (rayon d'intervention : 30 km)");
    const beyond = locationScore(ROUEN, ELBEUF, 15);
    expect(beyond.score).toBeGreaterThan(0);
    expect(beyond.score).toBeLessThan(1);
    expect(beyond.outOfRange).toBe(false);
    const far = locationScore(ROUEN, CAEN, 30);
    expect(far.score).toBe(0);
    expect(far.outOfRange).toBe(true);
    expect(locationReason(far)).toMatch(/^Hors zone : à \d+ km/);
    // Without a declared radius, far is unattractive but not a hard failure.
    expect(locationScore(ROUEN, CAEN, null).outOfRange).toBe(false);
    const dept = (a: string, b: string) => locationScore({ latitude: null, longitude: null, departement: a }, { latitude: null, longitude: null, departement: b }, 30).score;
    expect(dept('76', '76')).toBeGreaterThan(dept('76', '27'));
    expect(locationScore({ latitude: null, longitude: null, departement: null }, ROUEN, 30).score).toBe(0.5);
  });

  it('tells far from near without coordinates, from the area of each département', () => {
    // A base known only by its département: Lyon's area, at best 386 km from Rouen.
    const lyon = { latitude: null, longitude: null, departement: '69', area: { latitude: 45.764, longitude: 4.836, spreadKm: 110 } };
    const far = locationScore(ROUEN, lyon, 10);
    expect(far).toMatchObject({ score: 0, outOfRange: true, basis: 'departement' });
    expect(locationReason(far)).toMatch(/^Hors zone : basée dans le département 69, à plus de \d+ km du lieu de la prestation pour un rayon d'intervention de 10 km$/);
    // The Eure's area reaches Rouen: perhaps within 30 km, so only the département rule applies.
    const eure = { latitude: null, longitude: null, departement: '27', area: { latitude: 49.027, longitude: 1.151, spreadKm: 110 } };
    expect(locationScore(ROUEN, eure, 30)).toMatchObject({ outOfRange: false, basis: 'departement' });
    // Both sides known by their area only still tell Lyon from the Eure; with no radius declared, never a hard failure.
    expect(locationScore(eure, lyon, 10).outOfRange).toBe(true);
    expect(locationScore(ROUEN, lyon, null).outOfRange).toBe(false);
  });

  it('checks required labels by labelKey and rewards preferred kinds', () => {
    const l = labelsScore(['iso-9001', 'RGE'], [], ['iso9001'], null);
    expect(l.present).toEqual(['iso-9001']);
    expect(l.missing).toEqual(['RGE']);
    expect(labelsScore([], ['ESAT', 'EA'], [], 'ESAT').score).toBe(1);
    expect(labelsScore([], ['EA'], [], 'EATT').score).toBeGreaterThan(labelsScore([], ['EA'], [], 'ACI').score);
  });

  it('keeps every component and the score in [0, 1], whatever the weights', () => {
    const matchers = [new Matcher(), new Matcher({ weights: { text: 5, location: 0 } }), new Matcher({ weights: { labels: 1, capacity: 0.01 } })];
    for (const m of matchers) {
      for (const s of structures) m.upsert(s);
      for (const n of needs) {
        for (const r of m.match(n.query, 20)) {
          for (const v of [r.score, ...Object.values(r.breakdown)]) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1);
          }
        }
      }
    }
  });

  it('documents default weights that sum to 1 and normalises overrides', () => {
    expect(Object.values(DEFAULT_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    const w = resolveWeights({ text: 0.8 });
    expect(Object.values(w).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(w.text).toBeGreaterThan(DEFAULT_WEIGHTS.text);
    expect(() => resolveWeights({ sector: -1 })).toThrow(RangeError);
  });
});

describe('Matcher', () => {
  const cleaners = profile('net', { name: 'Net Services', description: 'Nettoyage de bureaux et de locaux professionnels.', services: ['Nettoyage'], nafCodes: ['81.21Z'] });
  const gardeners = profile('vert', { name: 'Jardins', description: 'Entretien des espaces verts, tonte et taille de haies.', services: ['Espaces verts'], nafCodes: ['81.30Z'] });

  it('loads many profiles at once into the same index as one by one, then takes writes as usual', () => {
    const corpus = new SyntheticCorpus();
    const profiles = Array.from({ length: 3000 }, (_, i) => corpus.profile(i));
    const oneByOne = new Matcher();
    profiles.forEach((p) => oneByOne.upsert(p));
    const loaded = new Matcher();
    // A profile given twice in a load keeps its last version, as two upserts would. Given how many
    // there are, the load makes room for them all after the first thousand.
    loaded.load([...profiles.slice(0, 10).map((p) => ({ ...p, description: 'Texte remplacé ensuite.' })), ...profiles], profiles.length + 10);
    expect(loaded.size).toBe(oneByOne.size);
    const asked = Array.from({ length: 20 }, (_, i) => corpus.need(i));
    for (const n of asked) expect(loaded.match(n, 10)).toEqual(oneByOne.match(n, 10));
    for (const text of ['nettoyage de bureaux', 'espaces verts', 'traiteur']) expect(loaded.search(text)).toEqual(oneByOne.search(text));
    for (const m of [loaded, oneByOne]) {
      m.remove(profiles[0]!.id);
      m.upsert({ ...profiles[1]!, description: 'Nettoyage de vitres en hauteur, cordistes.' });
    }
    for (const n of asked) expect(loaded.match(n, 10)).toEqual(oneByOne.match(n, 10));
  });

  it('gives the same results after its storage is compacted, following many rewrites', () => {
    const corpus = new SyntheticCorpus();
    const profiles = Array.from({ length: 2000 }, (_, i) => corpus.profile(i));
    const rewritten = new Matcher();
    rewritten.load(profiles);
    const compactions = jest.spyOn(SlotRuns.prototype as unknown as { compact(): void }, 'compact');
    // Each profile rewritten twice with another's text: most vectors and postings become garbage.
    for (const round of [1, 2]) profiles.forEach((p, i) => rewritten.upsert({ ...corpus.profile((i + round * 700) % 2000), id: p.id }));
    // The text index's vectors (pairs) and the spelling dictionary's words of each text (single ids).
    expect(compactions.mock.contexts.map((runs) => (runs as unknown as { width: number }).width).sort()).toEqual(expect.arrayContaining([1, 2]));
    compactions.mockRestore();
    const fresh = new Matcher();
    fresh.load(profiles.map((p, i) => ({ ...corpus.profile((i + 1400) % 2000), id: p.id })));
    for (const n of Array.from({ length: 20 }, (_, i) => corpus.need(i))) expect(rewritten.match(n, 10)).toEqual(fresh.match(n, 10));
    for (const text of ['nettoyage de bureaux', 'espaces verts', 'traiteur']) expect(rewritten.search(text)).toEqual(fresh.search(text));
  });

  it('bridges vocabulary: a need for "ménage" finds a profile that says "nettoyage"', () => {
    const m = new Matcher();
    [cleaners, gardeners].forEach((p) => m.upsert(p));
    const [best] = m.match(need({ title: 'Ménage', description: 'Ménage quotidien de nos bureaux' }), 5);
    expect(best.profileId).toBe('net');
    expect(best.reasons).toContain('Vocabulaire proche : « ménage » ≈ « nettoyage »');
  });

  it('cites the shared words as the need wrote them, in its order', () => {
    const m = new Matcher();
    m.upsert(gardeners);
    const [best] = m.match(need({ title: 'Tonte et entretien des espaces verts', description: 'Taille des haies' }), 1);
    expect(best.reasons[0]).toBe('Termes en commun avec le besoin : tonte, entretien, espaces, verts');
  });

  it("brings in the structures of the trade a need's title names, even worded otherwise", () => {
    const m = new Matcher();
    m.upsert(cleaners);
    // Filed under 53.20Z (« Autres activités de poste et de courrier »), and says nothing a need for a courier says.
    m.upsert(profile('quiet', { name: 'Association du Plateau', description: 'Une association de quartier.', nafCodes: ['53.20Z'] }));
    const ids = m.match(need({ title: 'Un coursier pour nos plis urgents' }), 5).map((r) => r.profileId);
    expect(ids).toEqual(['quiet']);
  });

  it('ranks a structure missing a required label, or far outside its radius, after every eligible one', () => {
    const m = new Matcher();
    m.upsert(profile('perfect-no-label', { description: 'Isolation des combles et isolation thermique', nafCodes: ['43.29A'] }));
    m.upsert(profile('perfect-far', { description: 'Isolation des combles et isolation thermique', nafCodes: ['43.29A'], labels: ['RGE'], ...CAEN }));
    m.upsert(profile('weak', { description: 'Travaux de peinture et petite isolation', labels: ['rge'] }));
    const ranked = m.match(need({ title: 'Isolation des combles', requiredLabels: ['RGE'] }), 5);
    expect(ranked.map((r) => [r.profileId, r.eligible])).toEqual([['weak', true], ['perfect-no-label', false], ['perfect-far', false]]);
    expect(ranked[0].reasons).toContain('Label RGE exigé : présent');
    expect(ranked[1].reasons[0]).toBe('Label RGE exigé : absent');
    expect(ranked[2].reasons[0]).toMatch(/^Hors zone/);
  });

  it('prefers the wanted inclusion kind, other things equal', () => {
    const m = new Matcher();
    m.upsert({ ...gardeners, id: 'ei', inclusionKind: 'EI' });
    m.upsert({ ...gardeners, id: 'esat', inclusionKind: 'ESAT' });
    const ranked = m.match(need({ title: 'Entretien des espaces verts', preferredInclusionKinds: ['ESAT', 'EA'] }), 5);
    expect(ranked.map((r) => r.profileId)).toEqual(['esat', 'ei']);
    expect(ranked[0].reasons).toContain("Structure ESAT, type souhaité par l'entreprise");
  });

  it('updates incrementally: upsert and remove change results without re-indexing the others', () => {
    const m = new Matcher();
    [cleaners, gardeners].forEach((p) => m.upsert(p));
    const add = jest.spyOn(TextIndex.prototype, 'commit'); // one commit per document indexed
    const garden = need({ title: 'Tonte de pelouse' });
    expect(m.match(garden, 5)[0].profileId).toBe('vert');
    m.upsert({ ...cleaners, id: 'new', description: 'Tonte de pelouse et taille', services: ['Tonte de pelouse'] });
    expect(m.size).toBe(3);
    expect(m.match(garden, 5)[0].profileId).toBe('new');
    m.upsert({ ...gardeners, name: 'Vitres', description: 'Désormais : nettoyage de vitres.', services: [] });
    // Still found through its sector, but no longer through its words.
    expect(m.match(garden, 5).find((r) => r.profileId === 'vert')?.breakdown.text ?? 0).toBe(0);
    m.remove('new');
    m.remove('unknown-id');
    expect(m.size).toBe(2);
    expect(m.match(garden, 5).map((r) => r.profileId)).not.toContain('new');
    expect(add).toHaveBeenCalledTimes(2);
    add.mockRestore();
  });

  it('after any sequence of writes, ranks exactly as an index built from scratch', () => {
    const live = new Matcher();
    structures.forEach((s) => live.upsert(s));
    structures.slice(0, 15).forEach((s) => live.remove(s.id));
    structures.slice(5, 10).forEach((s) => live.upsert({ ...s, description: `${s.description} Mise à jour.` }));
    const fresh = new Matcher();
    structures.slice(15).forEach((s) => fresh.upsert(s));
    structures.slice(5, 10).forEach((s) => fresh.upsert({ ...s, description: `${s.description} Mise à jour.` }));
    for (const n of needs) expect(live.match(n.query, 10)).toEqual(fresh.match(n.query, 10));
  });

  it("keeps natural's idf from the current document frequencies", () => {
    const index = new TextIndex();
    const natural = new TfIdf();
    const docs = ['nettoyage bureaux', 'nettoyage vitres', 'tonte pelouse', 'taille haies tonte'].map((t) => terms(t));
    const slots = docs.map((d, i) => {
      natural.addDocument(d, i);
      return index.add(new Map(d.map((t) => [t, 1])));
    });
    index.remove(slots[0]);
    natural.removeDocument(0);
    for (const t of terms('nettoyage tonte vitres bureaux')) expect(index.idf(t)).toBeCloseTo(natural.idf(t, true), 10);
  });

  it('scores given structures exactly as match() does, including those it would not propose', () => {
    const m = new Matcher();
    structures.forEach((s) => m.upsert(s));
    const n = needs[0].query;
    const ranked = m.match(n, 50);
    const picked = [ranked[4]!.profileId, ranked[0]!.profileId];
    expect(m.scoreFor(n, [...picked, 'unknown-id'])).toEqual([ranked[4], ranked[0]]);
    // a structure sharing no word with the need is still scored and explained
    m.upsert(profile('unrelated', { description: 'Reliure artisanale de registres anciens.', services: [], nafCodes: [] }));
    const [unrelated] = m.scoreFor(n, ['unrelated']);
    expect(unrelated!.breakdown.text).toBe(0);
    expect(unrelated!.reasons).toContain('Aucun terme en commun avec le besoin');
  });

  it('returns at most `limit` results, best first, deterministically', () => {
    const m = new Matcher();
    structures.forEach((s) => m.upsert(s));
    const n = needs[0].query;
    const a = m.match(n, 3);
    expect(a).toHaveLength(3);
    expect(a[0].score).toBeGreaterThanOrEqual(a[1].score);
    expect(m.match(n, 3)).toEqual(a);
    expect(m.match(n, 0)).toEqual([]);
  });
});
