// Accent and case folding shared by the matcher and the directory's text filter,
// so that "Propreté", "PROPRETE" and "proprete" are one word everywhere.

const ASCII = /^[\x00-\x7f]*$/;

/** Lower-cases, strips diacritics, expands ligatures and unifies apostrophes and spaces. */
export function fold(text: string): string {
  // ASCII text (most names, every code) has no diacritic, ligature or typographic apostrophe: the
  // normalisation and five of the replacements below are no-ops on it, half of an import's folding.
  if (ASCII.test(text)) return text.toLowerCase().replace(/`/g, "'").replace(/\s+/g, ' ').trim();
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'AE')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

// Labels and kinds are few, and a match compares them for each of its candidates: keys are kept.
const LABEL_KEY_CACHE_LIMIT = 10_000;
const labelKeys = new Map<string, string>();

/** The comparison key of a label: "ISO 9001", "iso-9001" and "Iso9001" share "iso9001". */
export function labelKey(label: string): string {
  let key = labelKeys.get(label);
  if (key === undefined) {
    if (labelKeys.size >= LABEL_KEY_CACHE_LIMIT) labelKeys.clear();
    key = fold(label).replace(/[^a-z0-9]/g, '');
    labelKeys.set(label, key);
  }
  return key;
}
