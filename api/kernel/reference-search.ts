// Completion for the web forms: French communes by name or INSEE code, NAF sub-classes by code or label.
// Public, like metropoleCommunes: the reference data is open data.
import { z } from 'zod';
import { findCommune, isMetropoleCommune, allCommunes, type Commune } from '../reference/communes';
import { nafSubclasses } from '../reference/naf';
import * as v from './validation';
import { fold } from '../../matching/text/fold';

const MAX_RESULTS = 50;

const searchSchema = (defaultSize: number) =>
  z.object({
    search: v.searchText(100, '« search » : 100 caractères au plus'),
    first: z.number().int('« first » : doit être un entier').min(1, '« first » : au moins 1').max(MAX_RESULTS, `« first » : ${MAX_RESULTS} au plus`).nullish().transform((n) => n ?? defaultSize),
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

/** NAF sub-classes ("81.30Z") whose code starts with the search or whose label contains all its words. */
export function searchNafCodes(args: { search?: unknown; first?: unknown }): { code: string; label: string }[] {
  const { search, first } = v.parseInput(searchSchema(20), args);
  const q = searchWords(search);
  if (!q) return [];
  const compact = search.replace(/[\s.]/g, '').toUpperCase();
  const words = q.split(' ');
  const byCode = nafSubclasses().filter((n) => n.code.replace('.', '').startsWith(compact));
  const byLabel = nafSubclasses().filter((n) => !byCode.includes(n) && words.every((w) => ` ${searchWords(n.label)}`.includes(` ${w}`)));
  return [...byCode, ...byLabel].slice(0, first);
}
