// A structure taken out of the directory on purpose stays out: deleted by an officer or by its own
// account through GraphQL, its SIRET is refused by the next `npm run import` (dry run and report
// alike), until an officer creates it again. Server and import script run for real, on each engine.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { TEMPLATE_COLUMNS } from '../api/directory/imports';
import { recordRetirement } from '../api/directory';
import type { RetiredSiretRecord } from '../api/store/types';
import { runScript } from './helpers/cli';
import { availableServerEngines } from './helpers/engines';
import { needInput, supplierInput } from './helpers/fixtures';
import { ok, startTestServer, tempDataDir, type TestServer } from './helpers/server';

jest.setTimeout(120_000);

const CREATE = 'mutation($i: SupplierInput!) { createSupplier(input: $i) { id siret } }';
const DIRECTORY = '{ suppliers(first: 50) { edges { node { siret } } } }';

function counts(stdout: string) {
  const n = (label: string) => Number(new RegExp(`${label}\\s+(\\d+)`).exec(stdout)?.[1] ?? NaN);
  return { created: n('créé'), updated: n('mis à jour'), unchanged: n('laissé tel'), refused: n('refusé') };
}

/** A template line for this SIRET, with the values an import would bring. */
const line = (siret: string, name: string) => ({
  name, siret, legalForm: 'ASSOCIATION', description: `${name} : entretien des espaces verts.`, communeCode: '76540',
  employees: '12', contactEmail: 'accueil@fichier.example', website: 'https://fichier.example',
});

const day = (r: RetiredSiretRecord) => r.retiredAt.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });

describe.each(availableServerEngines().map((e) => [e.name, e] as const))('retired SIRETs on the %s engine', (_name, engine) => {
  const work = tempDataDir();
  afterAll(async () => {
    fs.rmSync(work, { recursive: true, force: true });
    await engine.cleanup();
  });

  test('a deleted structure is not imported again, says why, and comes back when an officer creates it', async () => {
    const env = await engine.env();
    let t: TestServer = await startTestServer(env);
    const restart = async () => (t = await startTestServer(env, t.dataDir));
    const importFile = (...args: string[]) => runScript('import', ['--format', 'csv', ...args], t.storeEnv);
    try {
      const officer = (await t.userWithToken('OFFICER')).token;
      const company = await t.userWithToken('COMPANY');
      // Introduced once: its deletion leaves an anonymous stub for the statistics.
      const jardins = (await ok(t.gql(CREATE, { i: supplierInput({ name: 'Les Jardins du Robec' }) }, officer))).createSupplier;
      const needId = (await ok(t.gql('mutation($i: NeedInput!) { postNeed(input: $i) { id } }', { i: needInput() }, company.token))).postNeed.id;
      const list = (await ok(t.gql('mutation($n: ID!) { draftShortlist(needId: $n) { id } }', { n: needId }, officer))).draftShortlist.id;
      await ok(t.gql('mutation($id: ID!, $s: [ID!]!) { updateShortlist(id: $id, supplierIds: $s) { id } }', { id: list, s: [jardins.id] }, officer));
      await ok(t.gql('mutation($id: ID!) { approveShortlist(id: $id) { id } }', { id: list }, officer));
      // A structure's own account and profile.
      const own = await t.userWithToken('SUPPLIER', { organisationName: 'Ressourcerie des Sapins' });
      const ressourcerie = (await ok(t.gql(CREATE, { i: supplierInput({ name: 'Ressourcerie des Sapins' }) }, own.token))).createSupplier;
      // A deletion cut short right after its first write: the record, the profile untouched.
      const cut = (await ok(t.gql(CREATE, { i: supplierInput({ name: 'Atelier Coupé Court' }) }, officer))).createSupplier;
      await recordRetirement(t.server.services.store, cut.siret, 'OFFICER');

      expect((await ok(t.gql('mutation($id: ID!) { deleteSupplier(id: $id) }', { id: jardins.id }, officer))).deleteSupplier).toBe(true);
      expect((await ok(t.gql('mutation { deleteMyAccount(confirm: true) }', {}, own.token))).deleteMyAccount).toBe(true);

      const { store } = t.server.services;
      const retired = new Map((await store.retiredSirets.find({})).map((r) => [r.id, r]));
      expect([...retired.keys()].sort()).toEqual([jardins.siret, ressourcerie.siret, cut.siret].sort());
      expect(retired.get(jardins.siret)).toMatchObject({ retiredBy: 'OFFICER', retiredAt: expect.any(Date) });
      expect(retired.get(ressourcerie.siret)).toMatchObject({ retiredBy: 'STRUCTURE', retiredAt: expect.any(Date) });
      // The number, the date and who asked: nothing else about the structure.
      for (const r of retired.values()) expect(Object.keys(r).sort()).toEqual(['createdAt', 'id', 'retiredAt', 'retiredBy', 'updatedAt']);
      // The stub keeps no SIRET: the number stays free for a new profile.
      expect(await store.suppliers.findById(jardins.id)).toMatchObject({ siret: null, retiredAt: expect.any(Date) });
      await t.stop();

      const newcomer = supplierInput().siret;
      const file = path.join(work, 'structures.csv');
      const rows = [line(jardins.siret, 'Les Jardins du Robec'), line(ressourcerie.siret, 'Ressourcerie des Sapins'), line(cut.siret, 'Atelier Coupé Court'), line(newcomer, 'Nouvelle Structure')];
      fs.writeFileSync(file, stringify([[...TEMPLATE_COLUMNS], ...rows.map((r) => TEMPLATE_COLUMNS.map((c) => (r as Record<string, string>)[c] ?? ''))]));
      const byAgent = `structure retirée de l'annuaire le ${day(retired.get(jardins.siret)!)} à la demande d'un agent ; non réimportée (un agent peut la recréer).`;
      const byItself = `structure retirée de l'annuaire le ${day(retired.get(ressourcerie.siret)!)} à la demande de la structure ; non réimportée (un agent peut la recréer).`;

      const report = path.join(work, 'refus.csv');
      const dry = await importFile('--dry-run', '--report', report, file);
      expect(dry.code).toBe(0);
      // The profile whose deletion was cut short is still in the directory: merged as any other.
      expect(counts(dry.stdout)).toEqual({ created: 1, updated: 0, unchanged: 1, refused: 2 });
      expect(dry.stdout).toContain(`ligne 2, SIRET ${jardins.siret} (Les Jardins du Robec) : ${byAgent}`);
      expect(dry.stdout).toContain(`ligne 3, SIRET ${ressourcerie.siret} (Ressourcerie des Sapins) : ${byItself}`);
      const refusals = parse(fs.readFileSync(report), { bom: true, columns: true }) as Record<string, string>[];
      expect(refusals.map((r) => [r.ligne, r.siret, r.motif])).toEqual([['2', jardins.siret, byAgent], ['3', ressourcerie.siret, byItself]]);

      const real = await importFile(file);
      expect(counts(real.stdout)).toEqual({ created: 1, updated: 0, unchanged: 1, refused: 2 });
      expect(real.stdout).toContain(byAgent);
      await restart();
      const sirets = async () => (await ok(t.gql(DIRECTORY))).suppliers.edges.map((e: any) => e.node.siret);
      expect((await sirets()).sort()).toEqual([cut.siret, newcomer].sort());

      // The cut-short deletion asked again, and the officer's deliberate re-creation on the stub's SIRET.
      expect((await ok(t.gql('mutation($id: ID!) { deleteSupplier(id: $id) }', { id: cut.id }, officer))).deleteSupplier).toBe(true);
      const back = await t.gql(CREATE, { i: supplierInput({ name: 'Les Jardins du Robec', siret: jardins.siret, website: null, employees: null }) }, officer);
      expect(back.errors).toBeUndefined();
      expect(await t.server.services.store.retiredSirets.findById(jardins.siret)).toBeNull();
      await t.stop();

      const next = await importFile(file);
      expect(counts(next.stdout)).toEqual({ created: 0, updated: 1, unchanged: 1, refused: 2 });
      expect(next.stdout).not.toContain(`SIRET ${jardins.siret}`);
      expect(next.stdout).toContain(`ligne 4, SIRET ${cut.siret} (Atelier Coupé Court) : structure retirée`);
      await restart();
      const profile = (await ok(t.gql('query($id: ID!) { supplier(id: $id) { name employees website } }', { id: back.data.createSupplier.id }))).supplier;
      // What the officer left empty, the file filled; what the officer typed, it kept.
      expect(profile).toEqual({ name: 'Les Jardins du Robec', employees: 12, website: 'https://fichier.example' });
      expect((await sirets()).sort()).toEqual([jardins.siret, newcomer].sort());
    } finally {
      await t.destroy();
    }
  });
});
