// Outcomes of introductions and the yearly review, through the API and `npm run report`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parsePeriod } from '../api/impact';
import { needInput } from './helpers/fixtures';
import { APPROVE, buildScene, DRAFT, GET, GET_MAILS, UPDATE, type Scene } from './helpers/introductions';
import { startMailedServer } from './helpers/mailed-server';
import { codeOf, fieldOf, type TestServer } from './helpers/server';
import type { TestSmtp } from './helpers/smtp';
import { waitFor } from './helpers/wait';

const ROOT = path.join(__dirname, '..');
const RECORD = `mutation($shortlistId: ID!, $supplierId: ID!, $status: OutcomeStatus!, $amount: Int) {
  recordOutcome(shortlistId: $shortlistId, supplierId: $supplierId, status: $status, amount: $amount) { rank supplier { id } outcome { status amount } } }`;
const STATS = `query($from: DateTime!, $to: DateTime!) { impactStats(from: $from, to: $to) {
  from to needsPosted needsByKind { kind count } shortlistsApproved shortlistsSent introductions structuresIntroduced
  introductionsByInclusionKind { inclusionKind label count } introductionsByCommune { commune { code name } count }
  introductionsOutsideMetropole structuresByInclusionKind { inclusionKind count } structuresByCommune { commune { code } count }
  structuresOutsideMetropole outcomes { status count } amountWon conversionRate } }`;

/** A calendar day in Paris, `offset` days from today. */
const parisDay = (offset: number): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + offset * 86_400_000));

const counts = <K extends string>(list: { count: number }[], key: K): Record<string, number> =>
  Object.fromEntries(list.filter((x) => x.count > 0).map((x: any) => [String(x[key]), x.count]));

describe('outcomes and impact', () => {
  let smtp: TestSmtp;
  let t: TestServer;
  let s: Scene;
  let listId: string;
  let sponsorshipId: string;
  beforeAll(async () => {
    ({ t, smtp } = await startMailedServer());
    s = await buildScene(t);
    sponsorshipId = (await t.gql(`mutation($input: NeedInput!) { postNeed(input: $input) { id } }`, { input: needInput({ kind: 'SPONSORSHIP', title: 'Mécénat de compétences' }) }, s.company.token)).data.postNeed.id;
    listId = (await t.gql(DRAFT, { needId: s.needId }, s.officer.token)).data.draftShortlist.id;
    await t.gql(UPDATE, { id: listId, supplierIds: [s.suppliers.jardins.id, s.suppliers.esat.id, s.suppliers.print.id] }, s.officer.token);
    await t.gql(APPROVE, { id: listId }, s.officer.token);
    await waitFor('SENT', async () => (await t.gql(GET_MAILS, { id: listId }, s.officer.token)).data.shortlist.status === 'SENT');
  });
  afterAll(async () => {
    await t.destroy();
    await smtp.close();
  });

  it('the firm or an officer records what each introduction produced', async () => {
    const won = await t.gql(RECORD, { shortlistId: listId, supplierId: s.suppliers.jardins.id, status: 'WON', amount: 25000 }, s.company.token);
    expect(won.errors).toBeUndefined();
    expect(won.data.recordOutcome).toMatchObject({ rank: 1, supplier: { id: s.suppliers.jardins.id }, outcome: { status: 'WON', amount: 25000 } });
    await t.gql(RECORD, { shortlistId: listId, supplierId: s.suppliers.esat.id, status: 'CONTACTED' }, s.company.token);
    await t.gql(RECORD, { shortlistId: listId, supplierId: s.suppliers.print.id, status: 'QUOTE_REQUESTED' }, s.officer.token);
    const lost = await t.gql(RECORD, { shortlistId: listId, supplierId: s.suppliers.print.id, status: 'LOST' }, s.officer.token);
    expect(lost.data.recordOutcome.outcome).toEqual({ status: 'LOST', amount: null }); // the latest word replaces the previous one

    const read = await t.gql(GET, { id: listId }, s.company.token);
    expect(read.data.shortlist.items.map((i: any) => i.outcome?.status)).toEqual(['WON', 'CONTACTED', 'LOST']);

    const noAmount = await t.gql(RECORD, { shortlistId: listId, supplierId: s.suppliers.jardins.id, status: 'WON' }, s.company.token);
    expect([codeOf(noAmount), fieldOf(noAmount)]).toEqual(['BAD_USER_INPUT', 'amount']);
    const strayAmount = await t.gql(RECORD, { shortlistId: listId, supplierId: s.suppliers.esat.id, status: 'CONTACTED', amount: 10 }, s.company.token);
    expect([codeOf(strayAmount), fieldOf(strayAmount)]).toEqual(['BAD_USER_INPUT', 'amount']);
    const negative = await t.gql(RECORD, { shortlistId: listId, supplierId: s.suppliers.jardins.id, status: 'WON', amount: -5 }, s.company.token);
    expect([codeOf(negative), fieldOf(negative)]).toEqual(['BAD_USER_INPUT', 'amount']);
    const outsider = await t.gql(RECORD, { shortlistId: listId, supplierId: s.suppliers.hostile.id, status: 'CONTACTED' }, s.company.token);
    expect([codeOf(outsider), fieldOf(outsider)]).toEqual(['BAD_USER_INPUT', 'supplierId']);

    const rival = await t.userWithToken('COMPANY', { organisationName: 'Concurrent SA' });
    const supplierUser = await t.userWithToken('SUPPLIER');
    for (const token of [rival.token, supplierUser.token]) {
      expect(codeOf(await t.gql(RECORD, { shortlistId: listId, supplierId: s.suppliers.esat.id, status: 'LOST' }, token))).toBe('FORBIDDEN');
    }
    expect(codeOf(await t.gql(RECORD, { shortlistId: listId, supplierId: s.suppliers.esat.id, status: 'LOST' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(RECORD, { shortlistId: 'nope', supplierId: s.suppliers.esat.id, status: 'LOST' }, s.officer.token))).toBe('NOT_FOUND');

    const other = await buildScene(t);
    const draftId = (await t.gql(DRAFT, { needId: other.needId, size: 1 }, other.officer.token)).data.draftShortlist.id;
    const supplierId = (await t.gql(GET, { id: draftId }, other.officer.token)).data.shortlist.items[0].supplier.id;
    expect(codeOf(await t.gql(RECORD, { shortlistId: draftId, supplierId, status: 'CONTACTED' }, other.officer.token))).toBe('CONFLICT');
  });

  it('impactStats gives the yearly review figures to officers', async () => {
    const res = await t.gql(STATS, { from: parisDay(-1), to: parisDay(1) }, s.officer.token);
    expect(res.errors).toBeUndefined();
    const st = res.data.impactStats;
    expect(st).toMatchObject({ shortlistsApproved: 1, shortlistsSent: 1, introductions: 3, structuresIntroduced: 3, introductionsOutsideMetropole: 0, amountWon: 25000 });
    expect(st.needsPosted).toBe(3); // this scene's need, the sponsorship, and the other scene's
    expect(counts(st.needsByKind, 'kind')).toEqual({ PURCHASE: 2, SPONSORSHIP: 1 });
    expect(counts(st.introductionsByInclusionKind, 'inclusionKind')).toEqual({ ACI: 1, ESAT: 1, null: 1 });
    expect(st.introductionsByInclusionKind.find((k: any) => k.inclusionKind === 'ESAT').label).toBe("ESAT (établissement et service d'aide par le travail)");
    expect(st.introductionsByCommune).toEqual([
      { commune: { code: '76540', name: 'Rouen' }, count: 2 },
      { commune: { code: '76681', name: 'Sotteville-lès-Rouen' }, count: 1 },
    ]);
    expect(counts(st.outcomes, 'status')).toEqual({ WON: 1, CONTACTED: 1, LOST: 1 });
    expect(st.conversionRate).toBeCloseTo(1 / 3);

    // The same three structures introduced again, for the sponsorship, and all three win big: each
    // introduction counts, each structure once, and the year's total exceeds a GraphQL Int.
    const second = (await t.gql(DRAFT, { needId: sponsorshipId }, s.officer.token)).data.draftShortlist.id;
    const all = [s.suppliers.jardins.id, s.suppliers.esat.id, s.suppliers.print.id];
    await t.gql(UPDATE, { id: second, supplierIds: all }, s.officer.token);
    await t.gql(APPROVE, { id: second }, s.officer.token);
    await waitFor('second SENT', async () => (await t.gql(GET_MAILS, { id: second }, s.officer.token)).data.shortlist.status === 'SENT');
    for (const supplierId of all) {
      expect((await t.gql(RECORD, { shortlistId: second, supplierId, status: 'WON', amount: 1_000_000_000 }, s.company.token)).errors).toBeUndefined();
    }
    const zero = await t.gql(RECORD, { shortlistId: second, supplierId: all[0], status: 'WON', amount: 0 }, s.company.token);
    expect([codeOf(zero), fieldOf(zero)]).toEqual(['BAD_USER_INPUT', 'amount']);
    const year = (await t.gql(STATS, { from: parisDay(-1), to: parisDay(1) }, s.officer.token)).data.impactStats;
    expect(year).toMatchObject({ shortlistsApproved: 2, shortlistsSent: 2, introductions: 6, structuresIntroduced: 3, structuresOutsideMetropole: 0, amountWon: 3_000_025_000 });
    expect(counts(year.introductionsByInclusionKind, 'inclusionKind')).toEqual({ ACI: 2, ESAT: 2, null: 2 });
    expect(counts(year.structuresByInclusionKind, 'inclusionKind')).toEqual({ ACI: 1, ESAT: 1, null: 1 });
    expect(year.introductionsByCommune.map((c: any) => [c.commune.code, c.count])).toEqual([['76540', 4], ['76681', 2]]);
    expect(year.structuresByCommune.map((c: any) => [c.commune.code, c.count])).toEqual([['76540', 2], ['76681', 1]]);
    expect(counts(year.outcomes, 'status')).toEqual({ WON: 4, CONTACTED: 1, LOST: 1 });
    expect(year.conversionRate).toBeCloseTo(4 / 6);

    // Wins by the month they were recorded (all this month); the CSV the console downloads is the report's.
    const monthly = (await t.gql(`query($from: DateTime!, $to: DateTime!) { impactStats(from: $from, to: $to) { amountWonByMonth { month label amount count } csv } }`, { from: parisDay(-1), to: parisDay(1) }, s.officer.token)).data.impactStats;
    const thisMonth = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', timeZone: 'Europe/Paris' }).format(new Date()).slice(0, 7);
    expect(monthly.amountWonByMonth.find((m: any) => m.month === thisMonth)).toMatchObject({ amount: 3_000_025_000, count: 4 });
    expect(monthly.amountWonByMonth.reduce((sum: number, m: any) => sum + m.amount, 0)).toBe(3_000_025_000);
    const csvLines = monthly.csv.trim().split('\n');
    expect(csvLines[0]).toBe('indicateur,cle,libelle,valeur');
    expect(csvLines).toContain('montant_remporte_euros,,Montant remporté par les structures de l’ESS (euros),3000025000');
    expect(csvLines.filter((l: string) => l.startsWith(`montant_remporte_par_mois,${thisMonth},`))).toEqual([expect.stringMatching(/,3000025000$/)]);

    const before = await t.gql(STATS, { from: '2020-01-01', to: '2020-12-31' }, s.officer.token);
    expect(before.data.impactStats).toMatchObject({ needsPosted: 0, introductions: 0, amountWon: 0, conversionRate: 0, from: '2019-12-31T23:00:00.000Z', to: '2020-12-31T23:00:00.000Z' });

    expect(codeOf(await t.gql(STATS, { from: parisDay(-1), to: parisDay(1) }, s.company.token))).toBe('FORBIDDEN');
    const bad = await t.gql(STATS, { from: 'hier', to: parisDay(1) }, s.officer.token);
    expect([codeOf(bad), fieldOf(bad)]).toEqual(['BAD_USER_INPUT', 'from']);
    const reversed = await t.gql(STATS, { from: '2025-02-01', to: '2025-01-01' }, s.officer.token);
    expect([codeOf(reversed), fieldOf(reversed)]).toEqual(['BAD_USER_INPUT', 'to']);
  });

  it('reads a bound without an offset as Paris time, across a change of time, and refuses dates that do not exist', async () => {
    // Needs posted at 23:30 Paris time on both 2025 change-of-time days, and one at 00:30 the day after.
    const { store } = t.server.services;
    const base = (await store.needs.findById(s.needId))!;
    for (const [id, at] of [['dst-spring', '2025-03-30T21:30:00Z'], ['dst-autumn', '2025-10-26T22:30:00Z'], ['dst-next-day', '2025-10-26T23:30:00Z']] as const) {
      await store.needs.insert({ ...base, id, createdAt: new Date(at), updatedAt: new Date(at) });
    }
    const stats = async (from: string, to: string) => {
      const res = await t.gql(`query($from: DateTime!, $to: DateTime!) { impactStats(from: $from, to: $to) { from to needsPosted } }`, { from, to }, s.officer.token);
      expect(res.errors).toBeUndefined();
      return res.data.impactStats;
    };
    expect(await stats('2025-03-30', '2025-03-30')).toEqual({ from: '2025-03-29T23:00:00.000Z', to: '2025-03-30T22:00:00.000Z', needsPosted: 1 });
    const autumn = await stats('2025-10-26', '2025-10-26');
    expect(autumn).toEqual({ from: '2025-10-25T22:00:00.000Z', to: '2025-10-26T23:00:00.000Z', needsPosted: 1 });
    expect(await stats('2025-10-26T00:00:00', '2025-10-27T00:00:00')).toEqual(autumn);
    expect((await stats('2025-10-26T00:00', '2025-10-26T23:30:00')).needsPosted).toBe(0); // `to` is excluded
    expect((await stats('2025-10-26T00:00', '2025-10-26T23:30:01')).needsPosted).toBe(1);
    expect((await stats('2025-10-26T22:30:00Z', '2025-10-27T00:31:00+01:00')).needsPosted).toBe(2); // an offset is taken as given

    for (const [from, to, field] of [['2025-02-30', '2025-03-31', 'from'], ['2025-02-01', '2025-02-30T00:00:00Z', 'to'], ['2025-01-01T24:00:00', '2025-02-01', 'from']]) {
      const bad = await t.gql(STATS, { from, to }, s.officer.token);
      expect([codeOf(bad), fieldOf(bad)]).toEqual(['BAD_USER_INPUT', field]);
      expect(bad.errors![0]!.message).toMatch(new RegExp(`^« ${field} » : la date .+ n'existe pas$`));
    }
  });

  it('parses period bounds the same way in any timezone of the process', () => {
    // Each bound read against a far other one, as the API and the report read a period.
    const iso = (text: string, field: 'from' | 'to' = 'from') => {
      try {
        return (field === 'from' ? parsePeriod(text, '9999-12-31') : parsePeriod('0001-01-01', text))[field].toISOString();
      } catch (err) {
        return (err as Error).message.replace(`« ${field} » : `, '');
      }
    };
    expect(iso('2025-01-01T00:00:00')).toBe(iso('2025-01-01'));
    expect(iso('2025-01-01T00:00:00')).toBe('2024-12-31T23:00:00.000Z');
    expect(iso('2025-07-01T12:34:56.789')).toBe('2025-07-01T10:34:56.789Z');
    expect(iso('2025-10-26T02:30:00')).toBe('2025-10-26T00:30:00.000Z'); // shown twice that night: the first one
    expect(iso('2025-03-30T02:30:00')).toBe('2025-03-30T01:30:00.000Z'); // skipped that night: read as before the change
    expect(iso('2025-10-26', 'to')).toBe('2025-10-26T23:00:00.000Z');
    expect(iso('2024-02-29')).toBe('2024-02-28T23:00:00.000Z');
    expect(iso('0099-12-31T12:00:00Z')).toBe('0099-12-31T12:00:00.000Z'); // not 1999: Date.UTC reads years 0-99 so
    for (const impossible of ['2025-02-30', '2025-02-29', '2025-13-01', '2025-02-30T00:00:00Z', '2025-01-01T25:00', '2025-01-01T10:60:00', '2025-01-01T00:00:00+24:00']) {
      expect(iso(impossible)).toBe(`la date ${impossible} n'existe pas`);
    }
  });

  let served: Buffer;
  it('staff download the report from the running service: GET /report.csv, the very bytes of npm run report', async () => {
    const base = t.url.replace(/\/graphql$/, '');
    const get = (query: string, token?: string) => fetch(`${base}/report.csv?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const period = `from=${parisDay(-1)}&to=${parisDay(1)}`;
    const res = await get(period, s.officer.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="bilan-.*\.csv"$/);
    served = Buffer.from(await res.arrayBuffer());
    const text = served.toString('utf8');
    expect(text.startsWith('\ufeffindicateur,cle,libelle,valeur\n')).toBe(true);
    expect(text).toContain(`periode_debut,,Début de la période (incluse),${parisDay(-1)}\n`);
    expect(text).toContain(`periode_fin,,Fin de la période (incluse),${parisDay(1)}\n`);
    expect(text).toContain('besoins_publies,,Besoins publiés,3\n');

    const excel = Buffer.from(await (await get(`${period}&excel-fr=1`, s.officer.token)).arrayBuffer()).toString('utf8');
    expect(excel.startsWith('\ufeffindicateur;cle;libelle;valeur\n')).toBe(true);
    expect(excel).toContain('taux_de_transformation;;Taux de transformation (marchés remportés / mises en relation);0,6667\n');

    expect((await get(period)).status).toBe(401);
    expect((await get(period, s.company.token)).status).toBe(403);
    expect((await get(period, 'pas-un-jeton')).status).toBe(401);
    const bad = await get(`from=2025-02-30&to=${parisDay(1)}`, s.officer.token);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ errors: [{ message: "« from » : la date 2025-02-30 n'existe pas", extensions: { code: 'BAD_USER_INPUT', field: 'from' } }] });
  });

  it('npm run report writes the same figures as CSV', async () => {
    await t.stop(); // the embedded store belongs to one process at a time
    // As docs/operations.md says to run it; npm prints its own banner on stdout before the CSV.
    const run = (args: string[], env: Record<string, string> = {}) => {
      const res = spawnSync('npm', ['run', 'report', '--', ...args], {
        cwd: ROOT,
        env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? ROOT, npm_config_update_notifier: 'false', ...t.storeEnv, ...env },
        encoding: 'utf8',
        timeout: 30_000,
      });
      return { ...res, csv: res.stdout.slice(Math.max(0, res.stdout.indexOf('indicateur,'))) };
    };
    const out = run(['--from', parisDay(-1), '--to', parisDay(1)]);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    const lines = out.csv.trim().split('\n');
    expect(lines[0]).toBe('indicateur,cle,libelle,valeur');
    expect(lines).toContain('besoins_publies,,Besoins publiés,3');
    expect(lines).toContain('mises_en_relation_par_type,ESAT,Mises en relation par type : ESAT (établissement et service d\'aide par le travail),2');
    expect(lines).toContain('structures_presentees_par_type,ESAT,Structures présentées par type : ESAT (établissement et service d\'aide par le travail),1');
    expect(lines).toContain('mises_en_relation_par_commune,76540,Mises en relation par commune : Rouen,4');
    expect(lines).toContain('structures_presentees_par_commune,76540,Structures présentées par commune : Rouen,2');
    expect(lines).toContain('suites,WON,Suites : Marché remporté,4');
    expect(lines).toContain('montant_remporte_euros,,Montant remporté par les structures de l’ESS (euros),3000025000');
    expect(lines).toContain('taux_de_transformation,,Taux de transformation (marchés remportés / mises en relation),0.6667');
    expect(lines.some((l) => l.startsWith('montant_remporte_par_mois,'))).toBe(true);

    const file = path.join(t.dataDir, 'bilan.csv');
    expect(run(['--from', parisDay(-1), '--to', parisDay(1), '--out', file]).status).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(`\ufeff${out.csv}`);
    // Redirected stdout (npm -s: no banner) holds the same bytes as --out, BOM included, and as the service's download.
    const quiet = spawnSync('npm', ['run', '-s', 'report', '--', '--from', parisDay(-1), '--to', parisDay(1)], {
      cwd: ROOT,
      env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? ROOT, npm_config_update_notifier: 'false', ...t.storeEnv },
      timeout: 30_000,
    });
    expect(quiet.status).toBe(0);
    expect(Buffer.compare(quiet.stdout, fs.readFileSync(file))).toBe(0);
    expect(Buffer.compare(quiet.stdout, served)).toBe(0);
    // For a French spreadsheet: semicolons, decimal commas, the BOM.
    const excel = path.join(t.dataDir, 'bilan-excel.csv');
    expect(run(['--from', parisDay(-1), '--to', parisDay(1), '--out', excel, '--excel-fr']).status).toBe(0);
    const excelText = fs.readFileSync(excel, 'utf8');
    expect(excelText.startsWith('\ufeffindicateur;cle;libelle;valeur\n')).toBe(true);
    expect(excelText).toContain('taux_de_transformation;;Taux de transformation (marchés remportés / mises en relation);0,6667\n');
    expect(excelText).toContain('besoins_publies;;Besoins publiés;3\n');

    // Far from Paris, a date-time without an offset is still Paris time: the same figures as the day.
    const farAway = { TZ: 'America/New_York' };
    const day = run(['--from', '2025-10-26', '--to', '2025-10-26'], farAway);
    expect(day.status).toBe(0);
    // The period reads as the calendar days given, not as the UTC instants they start at.
    expect(day.csv).toContain('periode_debut,,Début de la période (incluse),2025-10-26\n');
    expect(day.csv).toContain('periode_fin,,Fin de la période (incluse),2025-10-26\n');
    expect(day.csv).toContain('besoins_publies,,Besoins publiés,1');
    expect(run(['--from', '2025-10-26T00:00:00', '--to', '2025-10-27T00:00:00'], farAway).csv).toBe(day.csv);

    const bad = run(['--from', '2025-02-30', '--to', '2025-12-31']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("« from » : la date 2025-02-30 n'existe pas");
    const garbled = run(['--from', 'hier', '--to', '2025-12-31']);
    expect(garbled.status).toBe(1);
    expect(garbled.stderr).toContain('« from » : date invalide');
    expect(run(['--from', '2025-01-01']).status).toBe(2);
  });
});
