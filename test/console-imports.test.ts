// Imports from the console: officers upload a file over GraphQL, read the dry run's report, then
// confirm; the import runs inside the service (one at a time, interruptible), and what it writes
// is in the directory at once.
import { stringify } from 'csv-stringify/sync';
import { siret } from './helpers/fixtures';
import { codeOf, fieldOf, ok, startTestServer, type TestServer } from './helpers/server';
import { waitFor } from './helpers/wait';

jest.setTimeout(240_000);

const UPLOAD = `mutation($u: ID, $f: String!, $c: String!) { uploadImportChunk(uploadId: $u, fileName: $f, chunk: $c) { id files { name bytes } } }`;
const RUN = `mutation($u: ID!, $f: ImportFormat!, $d: Boolean!) { runImport(uploadId: $u, format: $f, dryRun: $d) { id state } }`;
const JOB = `query($id: ID!) { importJob(id: $id) { state dryRun format lines bytesRead bytesTotal created updated unchanged refused ignored
  ignoredReasons { reason count } refusals { file line siret name reason } reportCsv error } }`;

const inclusionRow = (i: number, networks: string[], code = '76540') => ({
  id: `src--${i}`, source: 'emplois-de-linclusion', date_maj: '2026-10-01', siret: siret(770_000 + i), nom: `CHANTIER VERT ${i}`,
  code_insee: code, reseaux_porteurs: networks, description: null, courriel: null,
});

describe('imports from the console', () => {
  let t: TestServer;
  let officer: string;

  beforeAll(async () => {
    t = await startTestServer();
    officer = (await t.userWithToken('OFFICER')).token;
  });
  afterAll(() => t.destroy());

  /** Sends `text` in chunks of `size` characters, as the console does; returns the upload's id. */
  async function upload(name: string, text: string, size = 200_000, uploadId?: string): Promise<string> {
    let id = uploadId;
    for (let at = 0; at < text.length; at += size) {
      id = (await ok(t.gql(UPLOAD, { u: id ?? null, f: name, c: text.slice(at, at + size) }, officer))).uploadImportChunk.id;
    }
    return id!;
  }
  const run = async (uploadId: string, format: string, dryRun: boolean) => (await ok(t.gql(RUN, { u: uploadId, f: format, d: dryRun }, officer))).runImport.id as string;
  const finished = (id: string) =>
    waitFor(`import ${id}`, async () => {
      const job = (await ok(t.gql(JOB, { id }, officer))).importJob;
      return job.state !== 'RUNNING' && job;
    }, 90_000); // a loaded machine: the bound only ends a test that hangs
  const directoryCount = async () => (await ok(t.gql('{ suppliers(first: 1) { totalCount } }'))).suppliers.totalCount as number;

  it('is for officers only', async () => {
    const firm = (await t.userWithToken('COMPANY')).token;
    expect(codeOf(await t.gql(UPLOAD, { u: null, f: 'a.csv', c: 'name' }, firm))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(UPLOAD, { u: null, f: 'a.csv', c: 'name' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql('{ importJobs { id } }', {}, firm))).toBe('FORBIDDEN');
  });

  it('reports a dry run that wrote nothing, then imports on confirmation, searchable at once', async () => {
    const rows = [inclusionRow(1, ['aci']), inclusionRow(2, ['ei']), inclusionRow(3, ['france-travail']), inclusionRow(4, ['aci'], '14118'), { ...inclusionRow(5, ['ai']), siret: '12345678901234' }];
    const uploadId = await upload('structures.json', JSON.stringify(rows), 100); // several chunks
    const dry = await finished(await run(uploadId, 'INCLUSION', true));
    expect(dry).toMatchObject({ state: 'DONE', dryRun: true, format: 'INCLUSION', created: 2, refused: 1, ignored: 2, error: null });
    expect(dry.bytesRead).toBe(dry.bytesTotal);
    expect(dry.ignoredReasons).toEqual(expect.arrayContaining([{ reason: 'réseau porteur hors ESS : france-travail', count: 1 }, { reason: 'hors du territoire', count: 1 }]));
    expect(dry.refusals).toEqual([expect.objectContaining({ file: 'structures.json', line: 5, siret: '12345678901234', reason: expect.stringMatching(/siret/i) })]);
    expect(dry.reportCsv).toMatch(/^\ufefffichier,ligne,siret,nom,motif\n/);
    expect(dry.reportCsv).toContain('structures.json,5,12345678901234');
    expect(await directoryCount()).toBe(0);

    const real = await finished(await run(uploadId, 'INCLUSION', false));
    expect(real).toMatchObject({ state: 'DONE', dryRun: false, created: 2, refused: 1 });
    const found = await ok(t.gql('query($f: SupplierFilter) { suppliers(filter: $f, first: 5) { edges { node { name inclusionKind } } } }', { f: { text: 'chantier vert' } }));
    expect(found.suppliers.edges.map((e: { node: { name: string } }) => e.node.name).sort()).toEqual(['CHANTIER VERT 1', 'CHANTIER VERT 2']);
    // The confirmed import's files are gone: running it again needs a new upload.
    expect(codeOf(await t.gql(RUN, { u: uploadId, f: 'INCLUSION', d: false }, officer))).toBe('NOT_FOUND');
  });

  it('runs one import at a time, and an interrupted one leaves whole profiles that a second run completes', async () => {
    const LINES = 6_000;
    const lines = Array.from({ length: LINES }, (_, i) => [`Structure ${i}`, siret(500_000 + i), 'ASSOCIATION', 'Ménage et repassage.', '76540']);
    const csv = stringify([['name', 'siret', 'legalForm', 'description', 'communeCode'], ...lines]);
    const uploadId = await upload('modele.csv', csv);
    const before = await directoryCount();
    const first = await run(uploadId, 'CSV', false);
    const second = await t.gql(RUN, { u: uploadId, f: 'CSV', d: true }, officer);
    expect(codeOf(second)).toBe('CONFLICT');
    expect(second.errors?.[0]?.message).toMatch(/déjà en cours/);
    await waitFor('some lines written', async () => (await ok(t.gql(JOB, { id: first }, officer))).importJob.created > 0);
    await ok(t.gql('mutation($id: ID!) { cancelImport(id: $id) { id } }', { id: first }, officer));
    const cancelled = await finished(first);
    expect(cancelled.state).toBe('CANCELLED');
    expect(cancelled.created).toBeLessThan(LINES);
    expect(await directoryCount()).toBe(before + cancelled.created); // each profile written is whole, and listed

    const rest = await finished(await run(uploadId, 'CSV', false));
    expect(rest).toMatchObject({ state: 'DONE', created: LINES - cancelled.created, unchanged: cancelled.created, refused: 0 });
    expect(await directoryCount()).toBe(before + LINES);
  });

  it('says why a file cannot be read, and refuses bad arguments by name', async () => {
    const uploadId = await upload('mauvais.csv', 'nom;commune\nA;76540\n');
    const failed = await finished(await run(uploadId, 'CSV', true));
    expect(failed.state).toBe('FAILED');
    expect(failed.error).toMatch(/Fichier illisible : mauvais\.csv \(colonnes inconnues : « nom », « commune » ; les colonnes du modèle \(npm run export\) sont name, siret,/);
    expect(fieldOf(await t.gql(UPLOAD, { u: null, f: '', c: 'x' }, officer))).toBe('fileName');
    expect(fieldOf(await t.gql(UPLOAD, { u: null, f: 'a.csv', c: 'x'.repeat(600_000) }, officer))).toBe('chunk');
    expect(codeOf(await t.gql(RUN, { u: '../../etc', f: 'CSV', d: true }, officer))).toBe('NOT_FOUND');
  });
});
