// What a format's reader yields: profile lines for ImportRun, and what it left out and why.
import type { ReadPosition } from './files';
import type { ImportLine } from './run';

export type ImportItem =
  | { kind: 'line'; line: ImportLine }
  | { kind: 'broken'; file: string; line: number; reason: string }
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
