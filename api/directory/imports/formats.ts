// The formats `npm run import` reads, each turning its files into profile lines for ImportRun.
import type { ImportSource } from '../../store/types';
import { csvRecords, headerOf, UnreadableFileError, type ReadPosition } from './files';
import type { ImportLine } from './run';
import { readInclusion } from './inclusion';
import { readSirene } from './sirene';
import { checkTemplateHeader, templateFields } from './template';

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

async function* readTemplate(files: readonly string[], _options: FormatOptions, position: ReadPosition): AsyncGenerator<ImportItem> {
  for (const file of files) {
    const problem = checkTemplateHeader(headerOf(file));
    if (problem) throw new UnreadableFileError(file, problem);
  }
  for (const file of files) {
    for await (const item of csvRecords(file, position)) {
      if (item.kind === 'broken') yield { kind: 'broken', file, line: item.line, reason: item.reason };
      else yield { kind: 'line', line: { file, line: item.line, fields: templateFields(item.values) } };
    }
  }
}

export const FORMATS: Record<ImportSource, FormatReader> = {
  csv: readTemplate,
  sirene: readSirene,
  inclusion: readInclusion,
};
