// Default NAF labels, straight from @socialgouv/codes-naf, for callers that do not pass their own
// (tests, the benchmark). The server passes its reference module's lookup, which reads the same list.

interface NafEntry {
  id: string;
  label: string;
}

let labels: Map<string, string> | null = null;

/** The French label of a NAF code at any level ("81", "81.3", "81.30", "81.30Z"). */
export function codesNafLabel(code: string): string | undefined {
  // Loaded on first use: 1 700 entries nobody needs until a profile is indexed.
  labels ??= new Map((require('@socialgouv/codes-naf') as NafEntry[]).map((e) => [e.id, e.label]));
  return labels.get(code);
}
