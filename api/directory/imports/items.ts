// What a format's reader yields: profile lines for ImportRun, and what it left out and why; what a run counts.
import type { ProfileFields } from '../suppliers';
import type { ReadPosition } from './files';

export type ProfileField = keyof ProfileFields;

/** One record of a public file, as the source gives it: a field left undefined is one it does not provide. */
export interface ImportLine {
  file: string;
  /** Line number in its file (for a JSON file: the element's position, from 1). */
  line: number;
  fields: Partial<Record<ProfileField, unknown>>;
  /** The source's date of its last change to this record, when it gives one. */
  asOf?: Date;
  /** The file's own names for the fields it gives (« courriel » for contactEmail), used in refusals. */
  columns?: Readonly<Partial<Record<ProfileField, string>>>;
}

/** A source's date of a record, unless it lies past the import's next day: a mistyped year (2099) would hold back every later version. */
export const trustedDate = (date: Date | undefined, at: Date): Date | undefined => (date && date.getTime() <= at.getTime() + 86_400_000 ? date : undefined);

export interface Refusal {
  file: string;
  line: number;
  siret: string;
  name: string;
  reason: string;
}

export type Outcome = 'created' | 'updated' | 'unchanged' | 'refused';

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
  /** Lines the format's filter leaves out (SIRENE: closed, not ESS, outside the territory). */
  ignored: number;
}

export type ImportItem =
  | { kind: 'line'; line: ImportLine }
  | { kind: 'broken'; file: string; line: number; reason: string; fields?: Partial<Record<ProfileField, unknown>> }
  /** `count` lines left out for one reason (1 when absent). */
  | { kind: 'ignored'; reason: string; count?: number }
  /** A line read for context only (SIRENE's legal units): it moves the progress, nothing else. */
  | { kind: 'read'; count?: number };

export interface FormatOptions {
  /** INSEE codes of the communes to keep (SIRENE, data·inclusion); the Métropole's by default. */
  communes: ReadonlySet<string>;
  /** data·inclusion: carrying networks kept beyond the ESS and inclusion ones (`--networks`). */
  networks?: ReadonlySet<string>;
}

export type FormatReader = (files: readonly string[], options: FormatOptions, position: ReadPosition) => AsyncGenerator<ImportItem>;
