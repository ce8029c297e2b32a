// Sector: how close the need's NAF rév. 2 codes are to the structure's, graded by the deepest level
// they share. "81.30Z" is division "81", group "81.3", class "81.30", sub-class "81.30Z".

export type NafLevel = 'subclass' | 'class' | 'group' | 'division';

// A shared division says little ("81" holds both cleaning and landscaping); a shared class almost
// everything (only the letter of the sub-class differs).
export const LEVEL_SCORE: Record<NafLevel, number> = { subclass: 1, class: 0.85, group: 0.6, division: 0.25 };

// Codes that describe the employer's status rather than its trade: an ESAT registers as "aide par
// le travail" whether it mows lawns or packs boxes, a third of insertion structures as "autre action
// sociale sans hébergement" or "autres organisations fonctionnant par adhésion volontaire". They
// carry no sector information, on a need's side as on a structure's: the sector is then unknown.
export const STATUS_CODES = new Set(['88.10C', '88.99B', '88.99A', '94.99Z', '88.10B']);

/** The neutral value: nothing known either way. */
export const SECTOR_UNKNOWN = 0.5;

const CODE = /^(\d{2})\.?(\d)(\d)?([A-Z])?$/;

/** "8130Z", "81.30z", " 81.30 Z " → "81.30Z"; prefixes too ("81.3"); null when not a NAF code. */
export function canonicalNaf(code: string): string | null {
  const compact = code.replace(/\s/g, '').toUpperCase();
  if (/^\d{2}$/.test(compact)) return compact;
  const m = CODE.exec(compact);
  if (!m) return null;
  if (!m[3]) return m[4] ? null : `${m[1]}.${m[2]}`;
  return `${m[1]}.${m[2]}${m[3]}${m[4] ?? ''}`;
}

/** The deepest level two canonical codes share, or null. */
export function sharedLevel(a: string, b: string): NafLevel | null {
  if (a[0] !== b[0] || a[1] !== b[1]) return null;
  if (a.length < 4 || b.length < 4 || a[3] !== b[3]) return 'division';
  if (a.length < 5 || b.length < 5 || a[4] !== b[4]) return 'group';
  if (a.length < 6 || b.length < 6 || a[5] !== b[5]) return 'class';
  return 'subclass';
}

export interface SectorResult {
  score: number;
  level: NafLevel | null;
  /** The pair of codes that gave the score (for reasons). */
  needCode: string | null;
  profileCode: string | null;
  /** True when the need's codes were inferred from its text's best matches. */
  inferred: boolean;
  /** False when either side gave nothing comparable (the score is then the neutral value). */
  known: boolean;
}

/**
 * The best graded overlap over every pair of codes; neutral when either side says nothing useful.
 * Run for every candidate of a match: plain loops, and one result object.
 */
export function sectorScore(needCodes: string[], profileCodes: string[], inferred: boolean): SectorResult {
  const result: SectorResult = { score: SECTOR_UNKNOWN, level: null, needCode: null, profileCode: null, inferred, known: false };
  if (needCodes.length === 0) return result;
  for (const n of needCodes) {
    if (STATUS_CODES.has(n)) continue;
    for (const p of profileCodes) {
      if (STATUS_CODES.has(p)) continue;
      if (!result.known) {
        result.known = true;
        result.score = 0;
      }
      const level = sharedLevel(n, p);
      if (level && LEVEL_SCORE[level] > result.score) {
        result.score = LEVEL_SCORE[level];
        result.level = level;
        result.needCode = n;
        result.profileCode = p;
      }
    }
  }
  return result;
}

/**
 * The sub-classes a need is most probably about, when it gave none: a vote of its best text
 * matches weighted by their cosine; codes within half of the winner's votes are kept (at most 3).
 */
export function inferNafCodes(matches: Array<{ codes: string[]; weight: number }>): string[] {
  const votes = new Map<string, number>();
  for (const { codes, weight } of matches) {
    for (const c of codes) if (!STATUS_CODES.has(c) && c.length === 6) votes.set(c, (votes.get(c) ?? 0) + weight);
  }
  const ranked = [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (ranked.length === 0) return [];
  return ranked.filter(([, v]) => v >= ranked[0][1] / 2).slice(0, 3).map(([c]) => c);
}
