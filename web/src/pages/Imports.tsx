// Filling the directory from a public file without a shell: choose the format and the file, read the
// dry run's report (what would be created, updated, left out and refused, and why), then confirm.
// The import runs inside the service; this page sends the file in chunks and follows its progress.
import { useEffect, useState, type FormEvent } from 'react';
import { useClient } from 'urql';
import { ErrorSummary, SelectField } from '../components/fields';
import { Page } from '../components/layout';
import { messageOf, type FieldErrors } from '../errors';
import { graphql } from '../gql';
import type { ImportFormat, ImportJobQuery } from '../gql/graphql';

const Upload = graphql(`
  mutation UploadImportChunk($uploadId: ID, $fileName: String!, $chunk: String!) {
    uploadImportChunk(uploadId: $uploadId, fileName: $fileName, chunk: $chunk) {
      id
    }
  }
`);

const Run = graphql(`
  mutation RunImport($uploadId: ID!, $format: ImportFormat!, $dryRun: Boolean!) {
    runImport(uploadId: $uploadId, format: $format, dryRun: $dryRun) {
      id
    }
  }
`);

const Cancel = graphql(`
  mutation CancelImport($id: ID!) {
    cancelImport(id: $id) {
      id
    }
  }
`);

const Job = graphql(`
  query ImportJob($id: ID!) {
    importJob(id: $id) {
      id
      state
      dryRun
      bytesRead
      bytesTotal
      lines
      created
      updated
      unchanged
      refused
      ignored
      ignoredReasons {
        reason
        count
      }
      refusals(first: 100) {
        file
        line
        siret
        name
        reason
      }
      reportCsv
      error
    }
  }
`);

type JobView = NonNullable<ImportJobQuery['importJob']>;

const FORMATS: { value: ImportFormat; label: string }[] = [
  { value: 'CSV', label: 'Modèle CSV de Passerelle ESS (npm run export)' },
  { value: 'INCLUSION', label: 'data·inclusion : fichier des structures (v1, JSON ou CSV)' },
  { value: 'SIRENE', label: 'SIRENE : paire StockEtablissement et StockUniteLegale' },
];

/** Characters per request: the API takes 512 000 at most, well under its 1 MB body. */
const CHUNK = 400_000;
const POLL_MS = 500;

const STATE_FR: Record<JobView['state'], string> = {
  RUNNING: 'en cours',
  DONE: 'terminé',
  FAILED: 'arrêté : fichier illisible',
  CANCELLED: 'interrompu (les profils déjà écrits sont complets ; relancez pour terminer)',
};

function Report({ job }: { job: JobView }) {
  const [csvUrl, setCsvUrl] = useState<string | null>(null);
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([job.reportCsv], { type: 'text/csv;charset=utf-8' }));
    setCsvUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [job.reportCsv]);
  return (
    <section aria-labelledby="rapport">
      <h2 id="rapport">{job.dryRun ? 'Rapport de la simulation (rien n’a été écrit)' : 'Rapport de l’import'}</h2>
      <p>
        {job.dryRun ? 'L’import ' : 'Import '}
        {STATE_FR[job.state]}.
      </p>
      {job.error && <p className="error-message">{job.error}</p>}
      <table>
        <caption>{job.dryRun ? 'Ce que l’import ferait' : 'Ce que l’import a fait'}</caption>
        <tbody>
          <tr><th scope="row">Structures créées</th><td>{job.created}</td></tr>
          <tr><th scope="row">Mises à jour</th><td>{job.updated}</td></tr>
          <tr><th scope="row">Inchangées</th><td>{job.unchanged}</td></tr>
          <tr><th scope="row">Lignes refusées</th><td>{job.refused}</td></tr>
          <tr><th scope="row">Lignes ignorées (hors du champ)</th><td>{job.ignored}</td></tr>
        </tbody>
      </table>
      {job.ignoredReasons.length > 0 && (
        <>
          <h3>Lignes ignorées, par motif</h3>
          <ul>
            {job.ignoredReasons.map((r) => (
              <li key={r.reason}>
                {r.reason} : {r.count}
              </li>
            ))}
          </ul>
        </>
      )}
      {job.refusals.length > 0 && (
        <>
          <h3>Lignes refusées{job.refused > job.refusals.length ? ` (les ${job.refusals.length} premières)` : ''}</h3>
          <table>
            <thead>
              <tr><th scope="col">Fichier</th><th scope="col">Ligne</th><th scope="col">SIRET</th><th scope="col">Nom</th><th scope="col">Motif</th></tr>
            </thead>
            <tbody>
              {job.refusals.map((r) => (
                <tr key={`${r.file}-${r.line}`}>
                  <td>{r.file}</td><td>{r.line}</td><td>{r.siret}</td><td>{r.name}</td><td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {csvUrl && (
            <a className="button" href={csvUrl} download="refus-import.csv">
              Télécharger les refus (CSV)
            </a>
          )}
        </>
      )}
    </section>
  );
}

export function Imports() {
  const client = useClient();
  const [format, setFormat] = useState<ImportFormat | ''>('');
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState<string | null>(null);
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [job, setJob] = useState<JobView | null>(null);
  const running = job?.state === 'RUNNING';

  // Follows the running job until it ends.
  useEffect(() => {
    if (!job || job.state !== 'RUNNING') return;
    const timer = setTimeout(async () => {
      const res = await client.query(Job, { id: job.id }, { requestPolicy: 'network-only' }).toPromise();
      if (res.data?.importJob) setJob(res.data.importJob);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [client, job]);

  const fail = (found: FieldErrors) => {
    setErrors(found);
    requestAnimationFrame(() => document.querySelector<HTMLElement>('.error-summary')?.focus());
  };

  async function start(id: string, dryRun: boolean) {
    const res = await client.mutation(Run, { uploadId: id, format: format as ImportFormat, dryRun }).toPromise();
    if (!res.data) return fail({ '': messageOf(res.error) });
    const first = await client.query(Job, { id: res.data.runImport.id }, { requestPolicy: 'network-only' }).toPromise();
    if (first.data?.importJob) setJob(first.data.importJob);
  }

  async function simulate(e: FormEvent) {
    e.preventDefault();
    const found: FieldErrors = {};
    if (!format) found.format = 'Choisissez le format du fichier.';
    if (files.length === 0) found.fichiers = 'Choisissez le fichier à importer.';
    if (format === 'SIRENE' && files.length !== 2) found.fichiers = 'SIRENE : choisissez les deux fichiers, établissements et unités légales.';
    if (Object.keys(found).length) return fail(found);
    setErrors({});
    setJob(null);
    let id: string | null = null;
    for (const file of files) {
      const text = await file.text();
      for (let at = 0; at < text.length || at === 0; at += CHUNK) {
        setSending(`Envoi de ${file.name} : ${Math.min(100, Math.round(((at + CHUNK) / Math.max(text.length, 1)) * 100))} %`);
        const variables: { uploadId: string | null; fileName: string; chunk: string } = { uploadId: id, fileName: file.name, chunk: text.slice(at, at + CHUNK) };
        const res = await client.mutation(Upload, variables).toPromise();
        if (!res.data) {
          setSending(null);
          return fail({ '': messageOf(res.error) });
        }
        id = res.data.uploadImportChunk.id;
        if (text.length === 0) break;
      }
    }
    setSending(null);
    setUploadId(id);
    await start(id!, true);
  }

  return (
    <Page title="Importer des structures">
      <p>
        Le fichier est d’abord lu sans rien écrire : vous lisez le rapport, puis vous confirmez. Les champs qu’une personne a saisis ne
        sont jamais remplacés par un import.
      </p>
      <form onSubmit={simulate} noValidate>
        <ErrorSummary errors={errors} fields={['format', 'fichiers']} />
        <SelectField name="format" label="Format du fichier" required value={format} onChange={(v) => setFormat(v as ImportFormat)} options={FORMATS} emptyLabel="Choisir le format" errors={errors} />
        <div className={`field${errors.fichiers ? ' field-error' : ''}`}>
          <label htmlFor="champ-fichiers">
            Fichier{format === 'SIRENE' ? 's' : ''} <span aria-hidden="true">*</span>
          </label>
          <p className="hint" id="champ-fichiers-aide">
            100 Mo au plus ; au-delà (le stock SIRENE national), l’équipe technique utilise npm run import.
          </p>
          {errors.fichiers && (
            <p className="error-message" id="champ-fichiers-erreur">
              <span className="visually-hidden">Erreur : </span>
              {errors.fichiers}
            </p>
          )}
          <input
            id="champ-fichiers"
            type="file"
            multiple={format === 'SIRENE'}
            accept=".csv,.json,text/csv,application/json"
            aria-describedby={`champ-fichiers-aide${errors.fichiers ? ' champ-fichiers-erreur' : ''}`}
            aria-invalid={errors.fichiers ? true : undefined}
            onChange={(e) => setFiles([...(e.target.files ?? [])])}
          />
        </div>
        <button type="submit" disabled={!!sending || running}>
          Simuler l’import
        </button>
      </form>
      <div role="status" aria-live="polite">
        {sending}
        {running && (
          <>
            <label htmlFor="progression">{job.dryRun ? 'Simulation en cours' : 'Import en cours'} : {job.lines} lignes lues</label>{' '}
            <progress id="progression" max={job.bytesTotal || 1} value={job.bytesRead} />
          </>
        )}
      </div>
      {running && (
        <button type="button" onClick={() => client.mutation(Cancel, { id: job.id }).toPromise()}>
          Interrompre
        </button>
      )}
      {job && job.state !== 'RUNNING' && <Report job={job} />}
      {job?.dryRun && job.state === 'DONE' && uploadId && (
        <button type="button" className="primary" onClick={() => start(uploadId, false)}>
          Confirmer l’import
        </button>
      )}
      {job && !job.dryRun && job.state === 'CANCELLED' && uploadId && (
        <button type="button" onClick={() => start(uploadId, false)}>
          Reprendre l’import
        </button>
      )}
    </Page>
  );
}
