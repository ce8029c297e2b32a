// Quality labels and certifications that ESS structures commonly hold, with the spelling we show.
// Unknown labels are accepted as written: the list only unifies spellings, it does not restrict.
import { labelKey } from '../../matching/text/fold';

interface KnownLabel {
  /** The spelling stored and displayed. */
  name: string;
  /** Other ways of writing it that labelKey alone would not unify. */
  aliases?: string[];
}

// Spellings of QUALIOPI and ECOCERT follow the API contract's examples.
const KNOWN: KnownLabel[] = [
  { name: 'RGE', aliases: ["Reconnu Garant de l'Environnement"] },
  { name: 'Qualibat' },
  { name: 'Qualifelec' },
  { name: 'ISO 9001' },
  { name: 'ISO 14001' },
  { name: 'ISO 45001' },
  { name: 'QUALIOPI' },
  { name: 'ECOCERT' },
  { name: 'Agriculture Biologique', aliases: ['AB'] },
  { name: 'Commerce équitable' },
  { name: "Imprim'Vert" },
  { name: 'PEFC' },
  { name: 'FSC' },
  { name: 'Écolabel européen', aliases: ['EU Ecolabel', 'Ecolabel'] },
  { name: 'Qualipropre' },
  { name: 'Label Lucie', aliases: ['Lucie'] },
  { name: 'B Corp', aliases: ['B Corporation'] },
  { name: 'Label Numérique Responsable' },
  { name: 'Agrément ESUS', aliases: ['ESUS', 'ESUS agrément'] },
];

/** The known labels, as shown (the forms offer them as checkboxes). */
export const KNOWN_LABELS: readonly string[] = Object.freeze(KNOWN.map((l) => l.name));

let byKey: Map<string, string> | null = null;

function labelIndex(): Map<string, string> {
  if (!byKey) {
    const index = new Map<string, string>();
    for (const label of KNOWN) {
      for (const spelling of [label.name, ...(label.aliases ?? [])]) index.set(labelKey(spelling), label.name);
    }
    byKey = index;
  }
  return byKey;
}

/** The known spelling of a label ("iso-9001" → "ISO 9001"), else the input trimmed with spaces collapsed. */
export function canonicalLabel(input: string): string {
  const known = labelIndex().get(labelKey(input));
  return known ?? input.trim().replace(/\s+/g, ' ');
}

/** The known spelling of a label, or null when the list does not know it. */
export function knownLabel(input: string): string | null {
  return labelIndex().get(labelKey(input)) ?? null;
}

/** Every known label, in the list's order. */
export const knownLabelNames = (): string[] => KNOWN.map((l) => l.name);

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= b.length; j += 1) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/**
 * Known labels close to an unknown one: those one of its words names ("Qualibat RGE" → RGE,
 * Qualibat), else those a typo or two away ("Qualiopy" → QUALIOPI).
 */
export function closeLabels(input: string): string[] {
  const index = labelIndex();
  const named = new Set<string>();
  for (const word of input.split(/[\s,;/+&-]+/)) {
    const known = word ? index.get(labelKey(word)) : undefined;
    if (known) named.add(known);
  }
  if (named.size > 0) return [...named];
  const key = labelKey(input);
  const near = [...index].filter(([spelling]) => editDistance(key, spelling) <= Math.max(1, Math.floor(spelling.length / 4)));
  return [...new Set(near.map(([, name]) => name))];
}
