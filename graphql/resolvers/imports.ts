// Thin resolvers for the console's imports (api/import-jobs).
import { refusalsCsv } from '../../api/directory/imports';
import type { ImportSource } from '../../api/store/types';
import type { ImportFormat } from '../generated/schema-types';
import type { ResolverPart } from './part';

const SOURCE: Record<ImportFormat, ImportSource> = { CSV: 'csv', SIRENE: 'sirene', INCLUSION: 'inclusion' };
const FORMAT = Object.fromEntries(Object.entries(SOURCE).map(([format, source]) => [source, format])) as Record<ImportSource, ImportFormat>;

export const importResolvers = {
  Query: {
    importJob: (_, { id }, { viewer, services }) => services.imports.get(viewer, id),
    importJobs: (_, __, { viewer, services }) => services.imports.list(viewer),
  },
  Mutation: {
    uploadImportChunk: (_, args, { viewer, services }) => services.imports.upload(viewer, args),
    runImport: (_, { format, ...args }, { viewer, services }) => services.imports.start(viewer, { ...args, format: SOURCE[format] }),
    cancelImport: (_, { id }, { viewer, services }) => services.imports.cancel(viewer, id),
  },
  ImportJob: {
    format: (job) => FORMAT[job.format],
    created: (job) => job.counts.created,
    updated: (job) => job.counts.updated,
    unchanged: (job) => job.counts.unchanged,
    refused: (job) => job.counts.refused,
    ignored: (job) => job.counts.ignored,
    refusals: (job, { first }) => job.refusals.slice(0, Math.max(0, Math.min(first ?? 100, 1000))),
    reportCsv: (job) => refusalsCsv(job.refusals),
  },
} satisfies ResolverPart;
