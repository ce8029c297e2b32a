// The formats `npm run import` reads, each turning its files into profile lines for ImportRun.
export type { FormatOptions, FormatReader, ImportItem } from './items';
import type { ImportSource } from '../../store/types';
import { checkTextFile, csvRecords, headerOf, UnreadableFileError, type ReadPosition } from './files';
import type { FormatOptions, FormatReader, ImportItem } from './items';
import { readInclusion } from './inclusion';
import { readSirene } from './sirene';
import { templateColumns, templateFields } from './template';

async function* readTemplate(files: readonly string[], _options: FormatOptions, position: ReadPosition): AsyncGenerator<ImportItem> {
  const columns = files.map((file) => {
    checkTextFile(file);
    const read = templateColumns(headerOf(file));
    if ('problem' in read) throw new UnreadableFileError(file, read.problem);
    return read;
  });
  for (const [i, file] of files.entries()) {
    for await (const item of csvRecords(file, position)) {
      if (item.kind === 'broken') yield { kind: 'broken', file, line: item.line, reason: item.reason };
      else yield { kind: 'line', line: { file, line: item.line, fields: templateFields(item.values, columns[i]!) } };
    }
  }
}

export const FORMATS: Record<ImportSource, FormatReader> = {
  csv: readTemplate,
  sirene: readSirene,
  inclusion: readInclusion,
};
