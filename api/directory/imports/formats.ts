// The formats `npm run import` reads, each turning its files into profile lines for ImportRun.
export type { FormatOptions, FormatReader, ImportItem } from './items';
import type { ImportSource } from '../../store/types';
import { checkTextFile, csvRecords, headerOf, UnreadableFileError, type ReadPosition } from './files';
import type { FormatOptions, FormatReader, ImportItem } from './items';
import { readInclusion } from './inclusion';
import { readSirene } from './sirene';
import { checkTemplateHeader, templateFields } from './template';

async function* readTemplate(files: readonly string[], _options: FormatOptions, position: ReadPosition): AsyncGenerator<ImportItem> {
  for (const file of files) {
    checkTextFile(file);
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
