// npm run bench:imports -- [--format sirene|csv] [--establishments N] [--units N] [--lines N] [--dir DIR] [--runs N] [--write]
// The imports at the scale they meet, timed as an operator runs them (a child process), with the
// peak memory (VmHWM):
// - sirene: the monthly refresh from the national stock. StockUniteLegale and StockEtablissement are
//   generated in INSEE's full column layout (42 million establishments and 28 million legal units
//   by default, about 13 GB; kept in DIR and reused by later runs of the same size), then read by
//   `--dry-run`. Goals: 10 minutes or less, 1 GB of memory or less.
// - csv: our template, --lines profiles (100,000 by default) written into an empty store. Goal:
//   10,000 lines a second or more, process start included (the command's bundle, scripts/bundled.js,
//   built before the first run when a source changed).
// The median and spread (min-max) of the runs, with the commit and the machine, go to the console
// (the last line is one JSON object) and, with --write, to docs/benchmarks.md.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { metropoleCommunes } from '../api/reference/communes';
import { benchContext, publish, RUN_OPTIONS, positiveInteger, summarise } from './bench-report';
import { ensureBundle } from './bundled';

const { values } = parseArgs({
  options: {
    format: { type: 'string', default: 'sirene' },
    lines: { type: 'string', default: '100000' },
    establishments: { type: 'string', default: '42000000' },
    units: { type: 'string', default: '28000000' },
    dir: { type: 'string', default: path.join(os.tmpdir(), 'passerelle-bench-imports') },
    ...RUN_OPTIONS,
  },
});
const ESTABLISHMENTS = positiveInteger(values.establishments, 'establishments');
const UNITS = positiveInteger(values.units, 'units');
const RUNS = positiveInteger(values.runs, 'runs');
const LINES = positiveInteger(values.lines, 'lines');
const TEMPLATE = values.format === 'csv';
const GOALS = { seconds: 600, rssMb: 1024, linesPerSecond: 10_000 };

// INSEE's columns, in the stock files' order (2025), as test/imports-public.test.ts writes them.
const UNIT_COLUMNS =
  'siren,statutDiffusionUniteLegale,unitePurgeeUniteLegale,dateCreationUniteLegale,sigleUniteLegale,sexeUniteLegale,prenom1UniteLegale,prenom2UniteLegale,prenom3UniteLegale,prenom4UniteLegale,prenomUsuelUniteLegale,pseudonymeUniteLegale,identifiantAssociationUniteLegale,trancheEffectifsUniteLegale,anneeEffectifsUniteLegale,dateDernierTraitementUniteLegale,nombrePeriodesUniteLegale,categorieEntreprise,anneeCategorieEntreprise,dateDebut,etatAdministratifUniteLegale,nomUniteLegale,nomUsageUniteLegale,denominationUniteLegale,denominationUsuelle1UniteLegale,denominationUsuelle2UniteLegale,denominationUsuelle3UniteLegale,categorieJuridiqueUniteLegale,activitePrincipaleUniteLegale,nomenclatureActivitePrincipaleUniteLegale,nicSiegeUniteLegale,economieSocialeSolidaireUniteLegale,societeMissionUniteLegale,caractereEmployeurUniteLegale';
const ESTABLISHMENT_COLUMNS =
  'siren,nic,siret,statutDiffusionEtablissement,dateCreationEtablissement,trancheEffectifsEtablissement,anneeEffectifsEtablissement,activitePrincipaleRegistreMetiersEtablissement,dateDernierTraitementEtablissement,etablissementSiege,nombrePeriodesEtablissement,complementAdresseEtablissement,numeroVoieEtablissement,indiceRepetitionEtablissement,dernierNumeroVoieEtablissement,indiceRepetitionDernierNumeroVoieEtablissement,typeVoieEtablissement,libelleVoieEtablissement,codePostalEtablissement,libelleCommuneEtablissement,libelleCommuneEtrangerEtablissement,distributionSpecialeEtablissement,codeCommuneEtablissement,codeCedexEtablissement,libelleCedexEtablissement,codePaysEtrangerEtablissement,libellePaysEtrangerEtablissement,identifiantAdresseEtablissement,coordonneeLambertAbscisseEtablissement,coordonneeLambertOrdonneeEtablissement,complementAdresse2Etablissement,numeroVoie2Etablissement,indiceRepetition2Etablissement,typeVoie2Etablissement,libelleVoie2Etablissement,codePostal2Etablissement,libelleCommune2Etablissement,libelleCommuneEtranger2Etablissement,distributionSpeciale2Etablissement,codeCommune2Etablissement,codeCedex2Etablissement,libelleCedex2Etablissement,codePays2Etablissement,libellePays2Etablissement,dateDebut,etatAdministratifEtablissement,enseigne1Etablissement,enseigne2Etablissement,enseigne3Etablissement,denominationUsuelleEtablissement,activitePrincipaleEtablissement,nomenclatureActivitePrincipaleEtablissement,caractereEmployeurEtablissement';

const METROPOLE = metropoleCommunes().map((c) => c.code);
const NAF = ['81.30Z', '88.10C', '56.10A', '38.11Z', '81.21Z', '43.34Z', '88.99B', '94.99Z'];
const CATEGORIES = ['9220', '9220', '9220', '5710', '5499', '9300', '5458', '8210'];

/** Writes `rows` lines made by `line(i)` through a large buffer (the generator must not be the bottleneck). */
async function write(file: string, header: string, rows: number, line: (i: number) => string): Promise<void> {
  const out = fs.createWriteStream(`${file}.tmp`);
  let chunk = `${header}\n`;
  for (let i = 0; i < rows; i += 1) {
    chunk += `${line(i)}\n`;
    if (chunk.length > 4_000_000) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
    }
  }
  out.end(chunk);
  await new Promise<void>((resolve, reject) => out.on('finish', () => resolve()).on('error', reject));
  fs.renameSync(`${file}.tmp`, file);
}

const sirenOf = (i: number) => String(100_000_000 + i).slice(0, 9);

/** A NIC that makes siren+nic a valid SIRET (Luhn), as nearly all of SIRENE's are. */
function nicFor(siren: string, i: number): string {
  const stem = `${siren}${String(i % 10_000).padStart(4, '0')}`;
  for (let d = 0; d < 10; d += 1) {
    let sum = 0;
    const s = `${stem}${d}`;
    for (let k = 0; k < 14; k += 1) {
      let n = s.charCodeAt(13 - k) - 48;
      if (k % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
      sum += n;
    }
    if (sum % 10 === 0) return s.slice(9);
  }
  return '00000';
}

// About 5 % of legal units are in the ESS register (associations mostly); one name in ten has a comma.
function unitLine(i: number): string {
  const ess = i % 20 === 0;
  const name = i % 10 === 3 ? `"ASSOCIATION ${i}, SECTION LOCALE"` : `SOCIETE ${i}`;
  return `${sirenOf(i)},O,,2001-01-01,,,,,,,,,,12,2022,2025-01-01T00:00:00,3,PME,2022,2020-01-01,A,,,${name},,,,${CATEGORIES[i % CATEGORIES.length]},88.99B,NAFRev2,00011,${ess ? 'O' : i % 2 ? 'N' : ''},,O`;
}

// One establishment in a hundred lies in the Métropole; a tenth are closed.
function establishmentLine(i: number): string {
  const unit = Math.floor((i * UNITS) / ESTABLISHMENTS);
  const siren = sirenOf(unit);
  const nic = nicFor(siren, i);
  const commune = i % 100 === 0 ? METROPOLE[i % METROPOLE.length]! : String(1000 + (i % 90_000)).padStart(5, '0');
  const enseigne = i % 10 === 5 ? `"ATELIER ${i}, BIS"` : '';
  return `${siren},${nic},${siren}${nic},O,2005-03-01,11,2022,,2025-01-01T00:00:00,true,2,,12,,,,RUE,DE LA REPUBLIQUE,76000,ROUEN,,,${commune},,,,,7654000012,562345.5,6928765.2,,,,,,,,,,,,,,,2020-01-01,${i % 10 === 3 ? 'F' : 'A'},${enseigne},,,,${NAF[i % NAF.length]},NAFRev2,O`;
}

/** The template with profiles as officers fill them (no quotes needed: no comma in any cell). */
async function generateTemplate(dir: string): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `modele-${LINES}.csv`);
  const header = 'name,siret,legalForm,inclusionKind,description,services,nafCodes,communeCode,interventionRadiusKm,employees,maxContractValue,labels,contactEmail,website';
  if (!fs.existsSync(file)) {
    await write(file, header, LINES, (i) => {
      const siren = sirenOf(i);
      const commune = METROPOLE[i % METROPOLE.length]!;
      return `Structure solidaire ${i},${siren}${nicFor(siren, i)},ASSOCIATION,${i % 3 ? 'ACI' : ''},Entretien des espaces verts et nettoyage de locaux professionnels à ${commune}.,Tonte|Taille de haies|Nettoyage de bureaux,${NAF[i % NAF.length]},${commune},30,${i % 50},${(i % 20) * 10_000},Qualiopi,contact${i}@structure.example,https://structure${i}.example`;
    });
  }
  return [file];
}

async function generate(dir: string): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const units = path.join(dir, `StockUniteLegale-${UNITS}.csv`);
  const establishments = path.join(dir, `StockEtablissement-${ESTABLISHMENTS}.csv`);
  if (!fs.existsSync(units)) await write(units, UNIT_COLUMNS, UNITS, unitLine);
  if (!fs.existsSync(establishments)) await write(establishments, ESTABLISHMENT_COLUMNS, ESTABLISHMENTS, establishmentLine);
  return [units, establishments];
}

/** One import as a child process: its wall time and its peak resident memory (VmHWM, polled). */
function importRun(files: readonly string[], dataDir: string): Promise<{ seconds: number; rssMb: number; summary: string }> {
  const started = process.hrtime.bigint();
  const args = TEMPLATE ? ['--format', 'csv'] : ['--format', 'sirene', '--dry-run'];
  // The command package.json runs (its node options included), exec'd so that the child is node itself.
  const command = (JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.import!;
  const child = spawn('sh', ['-c', `exec ${command} "$@"`, 'import', ...args, ...files], {
    cwd: path.join(__dirname, '..'),
    env: { PATH: `${path.join(__dirname, '..', 'node_modules', '.bin')}:${process.env.PATH}`, DATA_DIR: dataDir, SAMPLE_DATA: 'off' }, // as npm run sets it
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let peak = 0;
  const poll = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peak = Math.max(peak, Number(m[1]));
    } catch {
      // the process has just ended
    }
  }, 200);
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      if (code !== 0) return reject(new Error(`import exited with ${code}: ${out.slice(-500)}`));
      resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, rssMb: Math.round(peak / 1024), summary: out.trim().split('\n').slice(-6).join(' | ') });
    });
  });
}

async function main(): Promise<void> {
  const context = benchContext();
  const t0 = Date.now();
  const files = TEMPLATE ? await generateTemplate(values.dir!) : await generate(values.dir!);
  console.log(`Fichiers prêts en ${Math.round((Date.now() - t0) / 1000)} s : ${files.map((f) => `${path.basename(f)} (${(fs.statSync(f).size / 1e9).toFixed(1)} Go)`).join(', ')}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-bench-data-'));
  const runs: { seconds: number; rssMb: number }[] = [];
  // The command's bundle is built by its first run after a change of its sources, once: not timed.
  await ensureBundle(path.join(__dirname, 'import.ts'));
  try {
    for (let r = 0; r < RUNS; r += 1) {
      // SIRENE: a dry run on a DATA_DIR that does not exist; the template: a real import into an empty one.
      const run = await importRun(files, path.join(dataDir, `run-${r}`));
      console.log(`run ${r + 1}: ${run.seconds.toFixed(1)} s, ${run.rssMb} Mo | ${run.summary}`);
      runs.push(run);
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const seconds = runs.map((r) => r.seconds);
  const rss = runs.map((r) => r.rssMb);
  const rows = TEMPLATE ? LINES : ESTABLISHMENTS + UNITS;
  const rates = seconds.map((s) => rows / s);
  const time = { name: 'import, process start to exit', unit: 's', values: seconds, digits: 1 };
  const memory = { name: 'peak resident memory (VmHWM)', unit: 'MB', values: rss };
  publish(
    {
      section: TEMPLATE ? 'imports-csv' : 'imports-sirene',
      script: 'bench:imports',
      runs: RUNS,
      figures: TEMPLATE
        ? [time, { name: 'lines a second', unit: '', values: rates, goal: '≥ 10,000', met: summarise(rates).median >= GOALS.linesPerSecond }, memory]
        : [
            { ...time, goal: '≤ 10 min', met: summarise(seconds).median <= GOALS.seconds },
            { name: 'rows a second', unit: '', values: rates },
            { ...memory, goal: '≤ 1 GB in every run', met: Math.max(...rss) <= GOALS.rssMb },
          ],
      notes: [
        TEMPLATE
          ? `${LINES.toLocaleString('en-US')} lines of our template, every column filled, imported into an empty store.`
          : `${ESTABLISHMENTS.toLocaleString('en-US')} establishments and ${UNITS.toLocaleString('en-US')} legal units in INSEE's layout, \`--dry-run\`.`,
      ],
    },
    context,
    values.write!,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
