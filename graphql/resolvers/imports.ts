// Thin resolvers for the console's imports (api/import-jobs).
import { refusalsCsv } from '../../api/directory/imports';
import type { ImportJob } from '../../api/import-jobs';
import type { ImportSource } from '../../api/store/types';
import type { Context, NoArgs } from '../context';
import type { ImportFormat, ImportJobRefusalsArgs, MutationCancelImportArgs, MutationRunImportArgs, MutationUploadImportChunkArgs, QueryImportJobArgs } from '../generated/schema-types';

const SOURCE: Record<ImportFormat, ImportSource> = { CSV: 'csv', SIRENE: 'sirene', INCLUSION: 'inclusion' };
const FORMAT = Object.fromEntries(Object.entries(SOURCE).map(([format, source]) => [source, format])) as Record<ImportSource, ImportFormat>;

export const importResolvers = {
  Query: {
    importJob: (_: unknown, { id }: QueryImportJobArgs, { viewer, services }: Context) => services.imports.get(viewer, id),
    importJobs: (_: unknown, __: NoArgs, { viewer, services }: Context) => services.imports.list(viewer),
  },
  Mutation: {
    uploadImportChunk: (_: unknown, args: MutationUploadImportChunkArgs, { viewer, services }: Context) => services.imports.upload(viewer, args),
    runImport: (_: unknown, { format, ...args }: MutationRunImportArgs, { viewer, services }: Context) => services.imports.start(viewer, { ...args, format: SOURCE[format] }),
    cancelImport: (_: unknown, { id }: MutationCancelImportArgs, { viewer, services }: Context) => services.imports.cancel(viewer, id),
  },
  ImportJob: {
    format: (job: ImportJob) => FORMAT[job.format],
    created: (job: ImportJob) => job.counts.created,
    updated: (job: ImportJob) => job.counts.updated,
    unchanged: (job: ImportJob) => job.counts.unchanged,
    refused: (job: ImportJob) => job.counts.refused,
    ignored: (job: ImportJob) => job.counts.ignored,
    refusals: (job: ImportJob, { first }: ImportJobRefusalsArgs) => job.refusals.slice(0, Math.max(0, Math.min(first ?? 100, 1000))),
    reportCsv: (job: ImportJob) => refusalsCsv(job.refusals),
  },
};
