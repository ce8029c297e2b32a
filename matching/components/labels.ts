// Labels and kinds: every required label is a hard constraint (compared by labelKey, so "ISO 9001"
// and "iso-9001" agree); a preferred inclusion kind (ESAT/EA for the disabled-worker employment
// obligation, SIAE for an insertion clause) is a bonus.
import { labelKey } from '../text/fold';

export const LABELS_UNKNOWN = 0.5;

// Kinds that satisfy a preference for another: an EATT is an EA (travail temporaire),
// an EITI an EI (travailleurs indépendants). They count, slightly less than an exact match.
const COUNTS_AS: Record<string, string> = { eatt: 'ea', eiti: 'ei' };
const RELATED_KIND = 0.8;

export interface LabelsResult {
  score: number;
  present: string[];
  missing: string[];
  /** 1 exact kind, RELATED_KIND related, 0 other, null when the need states no preference. */
  kindMatch: number | null;
  kind: string | null;
}

/** How well a structure's kind answers a preference list (1, RELATED_KIND or 0). */
export function kindMatch(preferred: string[], kind: string | null): number {
  if (!kind) return 0;
  const k = labelKey(kind);
  if (preferred.some((p) => labelKey(p) === k)) return 1;
  return COUNTS_AS[k] !== undefined && preferred.some((p) => labelKey(p) === COUNTS_AS[k]) ? RELATED_KIND : 0;
}

/**
 * Required labels give the share present; a kind preference gives the kind match; the score is
 * their mean over what the need asked, LABELS_UNKNOWN when it asked neither.
 */
export function labelsScore(requiredLabels: string[], preferredKinds: string[], profileLabelKeys: readonly string[], kind: string | null): LabelsResult {
  const present: string[] = [];
  const missing: string[] = [];
  for (const label of requiredLabels) (profileLabelKeys.includes(labelKey(label)) ? present : missing).push(label);
  const match = preferredKinds.length > 0 ? kindMatch(preferredKinds, kind) : null;
  const asked = (requiredLabels.length > 0 ? 1 : 0) + (match !== null ? 1 : 0);
  const sum = (requiredLabels.length > 0 ? present.length / requiredLabels.length : 0) + (match ?? 0);
  const score = asked > 0 ? sum / asked : LABELS_UNKNOWN;
  return { score, present, missing, kindMatch: match, kind };
}
