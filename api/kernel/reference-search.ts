// Completion for the web forms: French communes by name or INSEE code, NAF sub-classes by code or label.
// Public, like metropoleCommunes: the reference data is open data.
import { z } from 'zod';
import { findCommune, isMetropoleCommune, allCommunes, type Commune } from '../reference/communes';
import { nafLabel, nafSubclasses, normalizeNafCode } from '../reference/naf';
import * as v from './validation';
import { fold } from '../../matching/text/fold';
import { expand } from '../../matching/text/synonyms';
import { analyze } from '../../matching/text/tokenize';

const MAX_RESULTS = 50;

const searchSchema = (defaultSize: number) =>
  z.object({
    search: v.searchText(100, '100 caractères au plus'),
    first: z.number().int('doit être un entier').min(1, 'au moins 1').max(MAX_RESULTS, `${MAX_RESULTS} au plus`).nullish().transform((n) => n ?? defaultSize),
  });

/** The matcher's folding, punctuation to spaces: "Saint-Étienne-du-Rouvray" → "saint etienne du rouvray". */
const searchWords = (s: string): string => fold(s).replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * Communes whose INSEE code or name starts with the search (a name also matches from any word:
 * "etienne" finds Saint-Étienne-du-Rouvray); the Métropole's first, then shortest names, then A-Z.
 */
export function searchCommunes(args: { search?: unknown; first?: unknown }): Commune[] {
  const { search, first } = v.parseInput(searchSchema(10), args);
  const q = searchWords(search);
  if (!q) return [];
  const exact = findCommune(search);
  const found = allCommunes().filter((c) => {
    if (c.code.toLowerCase().startsWith(q)) return true;
    const name = searchWords(c.name);
    return name.startsWith(q) || name.includes(` ${q}`);
  });
  const rank = (c: Commune) => (exact && c.code === exact.code ? 0 : 1) * 4 + (isMetropoleCommune(c.code) ? 0 : 2) + (searchWords(c.name).startsWith(q) ? 0 : 1);
  return found.sort((a, b) => rank(a) - rank(b) || a.name.length - b.name.length || a.name.localeCompare(b.name, 'fr')).slice(0, first);
}

/**
 * NAF sub-classes ("81.30Z") for a search, in the order people mean it: by code first (the code starts
 * with the search), then by the matcher's French analysis of the labels — a label with each typed word
 * as it is, then one with words each typed word begins (typing in progress), then one sharing only the
 * stems or pointed to by the vocabulary table (« ménage » → 81.21Z), then one sharing its synonyms;
 * shorter, more specific labels first within a tier (« Activités de conditionnement » before
 * « Fabrication d'équipements d'emballage, de conditionnement et de pesage »).
 */
export function searchNafCodes(args: { search?: unknown; first?: unknown }): { code: string; label: string }[] {
  const { search, first } = v.parseInput(searchSchema(20), args);
  if (!searchWords(search)) return [];
  const compact = search.replace(/[\s.]/g, '').toUpperCase();
  const byCode = nafSubclasses().filter((n) => n.code.replace('.', '').startsWith(compact));
  const tokens = analyze(search);
  if (tokens.length === 0) return byCode.slice(0, first);
  const { expansions, nafHints } = expand(tokens);
  // A synonym counts when its whole phrase is in the label: « buffet froid » is no « Tréfilage à froid ».
  const phrases = [...new Map(expansions.map((e) => [e.asTerms.join(' '), e.asTerms])).values()];
  const ranked: { code: string; label: string; tier: number; shared: number }[] = [];
  for (const n of nafSubclasses()) {
    if (byCode.includes(n)) continue;
    const { surfaces, terms } = analysedLabel(n.label);
    let tier: number;
    let shared = 0;
    if (tokens.every((t) => surfaces.includes(t.surface))) tier = 0;
    else if (tokens.every((t) => surfaces.some((s) => s.startsWith(t.surface)))) tier = 1;
    else if (tokens.every((t) => terms.has(t.term)) || nafHints.includes(n.code)) tier = 2;
    else {
      shared = phrases.filter((phrase) => phrase.every((term) => terms.has(term))).length + tokens.filter((t) => terms.has(t.term)).length;
      if (shared === 0) continue;
      tier = 3;
    }
    ranked.push({ ...n, tier, shared });
  }
  ranked.sort((a, b) => a.tier - b.tier || b.shared - a.shared || a.label.length - b.label.length || a.code.localeCompare(b.code));
  return [...byCode, ...ranked.map(({ code, label }) => ({ code, label }))].slice(0, first);
}

const labelAnalyses = new Map<string, { surfaces: string[]; terms: Set<string> }>();

/** A label's kept words and their terms, worked out once (732 labels). */
function analysedLabel(label: string): { surfaces: string[]; terms: Set<string> } {
  let analysed = labelAnalyses.get(label);
  if (!analysed) {
    const tokens = analyze(label);
    analysed = { surfaces: tokens.map((t) => t.surface), terms: new Set(tokens.map((t) => t.term)) };
    labelAnalyses.set(label, analysed);
  }
  return analysed;
}

const codesSchema = z.object({ codes: z.array(z.string().max(20, '20 caractères au plus par code')).max(MAX_RESULTS, `${MAX_RESULTS} codes au plus`) });

/** The label of each known sub-class among `codes`, in the order given: every saved code is shown with its label. */
export function nafCodesByCode(args: { codes?: unknown }): { code: string; label: string }[] {
  const { codes } = v.parseInput(codesSchema, args);
  return codes.flatMap((c) => {
    const code = normalizeNafCode(c);
    const label = code && nafLabel(code);
    return code && label ? [{ code, label }] : [];
  });
}
