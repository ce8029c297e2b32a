// The French activity nomenclature (NAF rév. 2) from @socialgouv/codes-naf: divisions ("81"),
// groups ("81.3"), classes ("81.30") and sub-classes ("81.30Z"), each with its French label.

interface NafEntry {
  id: string;
  label: string;
}

let labels: Map<string, string> | null = null;

function nafIndex(): Map<string, string> {
  if (!labels) {
    // Loaded on first use: the list is only needed once a NAF code is validated or explained.
    const entries = require('@socialgouv/codes-naf') as NafEntry[];
    labels = new Map(entries.map((e) => [e.id, e.label]));
  }
  return labels;
}

const SUBCLASS = /^(\d{2})(\d{2})([A-Z])$/;

/**
 * The canonical sub-class code ("81.30Z") for inputs such as "81.30Z", "8130Z", "81.30z" or " 81.30 Z",
 * or null when the input is not an existing sub-class.
 */
export function normalizeNafCode(input: string): string | null {
  const compact = input.replace(/[\s.]/g, '').toUpperCase();
  const parts = SUBCLASS.exec(compact);
  if (!parts) return null;
  const code = `${parts[1]}.${parts[2]}${parts[3]}`;
  return nafIndex().has(code) ? code : null;
}

/** The French label of a code at any level ("81", "81.3", "81.30", "81.30Z"). */
export function nafLabel(code: string): string | undefined {
  const key = code.trim().toUpperCase();
  return nafIndex().get(key) ?? nafIndex().get(normalizeNafCode(key) ?? '');
}

let subclasses: { code: string; label: string }[] | null = null;

/** Every sub-class ("81.30Z") with its label, in code order. */
export function nafSubclasses(): readonly { code: string; label: string }[] {
  subclasses ??= [...nafIndex()].filter(([code]) => /^\d{2}\.\d{2}[A-Z]$/.test(code)).map(([code, label]) => ({ code, label })).sort((a, b) => a.code.localeCompare(b.code));
  return subclasses;
}
