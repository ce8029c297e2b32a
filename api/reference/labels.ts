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
