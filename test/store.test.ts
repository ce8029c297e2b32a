// The storage contract, run on every engine available here (see helpers/engines.ts).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fold } from '../matching/text/fold';
import { openEmbeddedStore } from '../api/store/embedded';
import { AWAITING_ORDER, byEmail, byIds, byName, DIRECTORY_ORDER, INTRODUCTIONS_ORDER, NEEDS_ORDER, needsFilter, supplierDirectoryFilter, type DirectoryCriteria } from '../api/store/filters';
import { DuplicateKeyError, StoreLockedError, type NeedRecord, type OrganisationRecord, type Store, type SupplierRecord, type UserRecord } from '../api/store/types';
import { UnsafeFilterError } from '../api/store/operators';
import mongoose from 'mongoose';
import { fromRow, toRow, type CollectionName } from '../api/store/collections';
import { schemaFor } from '../api/store/mongo/schemas';
import { availableEngines, tempDir } from './helpers/engines';

let sequence = 0;
const nextId = (kind: string): string => `${kind}-${String((sequence += 1)).padStart(5, '0')}`;
const longAgo = () => new Date('2024-01-02T03:04:05.678Z');

const user = (o: Partial<UserRecord> = {}): UserRecord => {
  const id = nextId('user');
  return { id, email: `${id}@exemple.fr`, passwordHash: 'hash', role: 'COMPANY', organisationId: null, detachedAt: null, tokenVersion: 0, createdAt: longAgo(), updatedAt: longAgo(), ...o };
};

const organisation = (o: Partial<OrganisationRecord> = {}): OrganisationRecord => ({
  id: nextId('org'), name: 'Entreprise', kind: 'COMPANY', createdAt: longAgo(), updatedAt: longAgo(), ...o,
});

function supplier(o: Partial<SupplierRecord> = {}): SupplierRecord {
  const base: SupplierRecord = {
    id: nextId('sup'), organisationId: null, name: 'Structure', siret: null, legalForm: 'ASSOCIATION', inclusionKind: null,
    description: 'Une structure.', services: [], nafCodes: [], communeCode: '76540', latitude: null, longitude: null,
    interventionRadiusKm: null, employees: null, maxContractValue: null, labels: [], labelKeys: [],
    contactEmail: 'contact@exemple.fr', website: null, searchText: '', sortKey: '', pendingChanges: null, declarationReview: null, sources: [], retiredAt: null,
    firstSignInAt: null, completedAt: null, linkVersion: 0, createdAt: longAgo(), updatedAt: longAgo(), ...o,
  };
  return { ...base, searchText: fold([base.name, base.description, ...base.services].join(' ')), sortKey: o.sortKey ?? fold(base.name) };
}

const need = (o: Partial<NeedRecord> = {}): NeedRecord => ({
  id: nextId('need'), organisationId: null, createdBy: 'user-x', title: 'Besoin', description: 'Un besoin.', kind: 'PURCHASE',
  companyName: null, contactEmail: 'achats@exemple.fr', nafCodes: [], communeCode: '76540', latitude: 49.44, longitude: 1.1,
  budgetMin: 1000, budgetMax: null, requiredLabels: [], preferredInclusionKinds: ['ESAT'], requiredInclusionKinds: [], deadline: new Date('2027-03-31T00:00:00.000Z'),
  introducedAt: null, confirmedAt: longAgo(), withdrawnAt: null, withdrawalReason: null, closedAt: null, closingNote: null, endedBy: null, internalNote: null, addressedTo: null,
  createdAt: longAgo(), updatedAt: longAgo(), ...o,
});

const engines = availableEngines();

for (const engine of engines) {
  describe(`store on the ${engine.name} engine`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await engine.open();
    });
    afterEach(() => store.close());
    afterAll(() => engine.cleanup());

    it('inserts, finds, counts, updates and removes', async () => {
      const org = organisation({ name: 'Alpha' });
      const stored = await store.organisations.insert(org);
      expect(stored).toEqual({ ...org, updatedAt: expect.any(Date) }); // the store's clock on MongoDB
      await store.organisations.insert(organisation({ name: 'Bravo' }));
      await store.organisations.insert(organisation({ name: 'Charlie', kind: 'SUPPLIER' }));
      expect(await store.organisations.findById(org.id)).toEqual(stored); // no _id leaks out
      expect(await store.organisations.findById('nope')).toBeNull();
      const names = async (skip: number, limit: number) =>
        (await store.organisations.find({}, { sort: { name: -1 }, skip, limit })).map((o) => o.name);
      expect(await names(0, 2)).toEqual(['Charlie', 'Bravo']);
      expect(await names(1, 5)).toEqual(['Bravo', 'Alpha']);
      expect(await store.organisations.count({ kind: 'COMPANY' })).toBe(2);
      expect(await store.organisations.findOne(byName('Bravo', 'COMPANY'))).toMatchObject({ name: 'Bravo' });
      expect((await store.organisations.find(byIds([org.id, 'nope']))).map((o) => o.id)).toEqual([org.id]);
      expect(await store.organisations.ids(byIds([org.id, 'nope']))).toEqual([org.id]);
      expect((await store.organisations.ids({})).sort()).toEqual((await store.organisations.find({})).map((o) => o.id).sort());

      const updated = await store.organisations.update(org.id, { name: 'Alpha bis' });
      expect(updated).toMatchObject({ id: org.id, name: 'Alpha bis', kind: 'COMPANY', createdAt: org.createdAt });
      expect(updated!.updatedAt.getTime()).toBeGreaterThan(org.updatedAt.getTime());
      expect(await store.organisations.findById(org.id)).toEqual(updated);
      expect(await store.organisations.update('nope', { name: 'X' })).toBeNull();

      expect(await store.organisations.remove(org.id)).toBe(true);
      expect(await store.organisations.remove(org.id)).toBe(false);
      expect(await store.organisations.count({})).toBe(2);

      // A conditional removal: only while the document still matches.
      expect(await store.organisations.removeOne(byName('Bravo', 'SUPPLIER'))).toBe(false);
      expect(await store.organisations.findOne(byName('Bravo', 'COMPANY'))).not.toBeNull();
      expect(await store.organisations.removeOne(byName('Bravo', 'COMPANY'))).toBe(true);
      expect(await store.organisations.count({})).toBe(1);
      await expect(store.organisations.removeOne({ kind: { $ne: null } })).rejects.toThrow(UnsafeFilterError);
    });

    it('refuses a second user with the same email, and a reused id', async () => {
      const first = await store.users.insert(user({ email: 'a@exemple.fr' }));
      await expect(store.users.insert(user({ email: 'a@exemple.fr' }))).rejects.toEqual(new DuplicateKeyError('users', 'email'));
      await expect(store.users.insert(user({ id: first.id }))).rejects.toMatchObject({ field: 'id' });
      const other = await store.users.insert(user());
      await expect(store.users.update(other.id, { email: 'a@exemple.fr' })).rejects.toBeInstanceOf(DuplicateKeyError);
      expect(await store.users.findOne(byEmail('a@exemple.fr'))).toEqual(first);
    });

    it('allows many suppliers without SIRET but refuses a duplicate one', async () => {
      const a = await store.suppliers.insert(supplier());
      await store.suppliers.insert(supplier());
      expect(await store.suppliers.findById(a.id)).toMatchObject({ siret: null });
      await store.suppliers.insert(supplier({ siret: '12345678900011' }));
      const duplicate = store.suppliers.insert(supplier({ siret: '12345678900011' }));
      await expect(duplicate).rejects.toEqual(new DuplicateKeyError('suppliers', 'siret'));
      await expect(store.suppliers.update(a.id, { siret: '12345678900011' })).rejects.toMatchObject({ field: 'siret' });
      expect(await store.suppliers.update(a.id, { siret: '98765432100019' })).toMatchObject({ siret: '98765432100019' });
      expect(await store.suppliers.update(a.id, { siret: null })).toMatchObject({ siret: null });
      expect(await store.suppliers.findById(a.id)).toMatchObject({ siret: null });
      expect(await store.suppliers.count({})).toBe(3);
    });

    it("keeps one profile per organisation, while stubs without one are many", async () => {
      const org = nextId('org');
      const first = await store.suppliers.insert(supplier({ organisationId: org }));
      await expect(store.suppliers.insert(supplier({ organisationId: org }))).rejects.toEqual(new DuplicateKeyError('suppliers', 'organisationId'));
      await store.suppliers.update(first.id, { organisationId: null });
      await store.suppliers.insert(supplier({ organisationId: null }));
      expect(await store.suppliers.insert(supplier({ organisationId: org }))).toMatchObject({ organisationId: org });
    });

    describe('directory filter', () => {
      const directory = async (criteria: DirectoryCriteria) =>
        (await store.suppliers.find(supplierDirectoryFilter(criteria), { sort: DIRECTORY_ORDER })).map((s) => s.name);

      beforeEach(async () => {
        await store.suppliers.insert(supplier({ name: 'Propreté Solidaire', description: 'Nettoyage de bureaux.', inclusionKind: 'EI', nafCodes: ['81.21Z'], labelKeys: ['iso9001', 'ecocert'] }));
        await store.suppliers.insert(supplier({ name: 'Élan Paysage', description: 'Espaces verts.', inclusionKind: 'ACI', legalForm: 'SCOP', nafCodes: ['81.30Z', '43.99C'], labelKeys: ['ecocert'] }));
        await store.suppliers.insert(supplier({ name: 'Atelier Bois', description: `Menuiserie ${'a'.repeat(40)}!`, inclusionKind: 'ESAT', communeCode: '76351', nafCodes: ['16.23Z'] }));
      });

      it('matches text without regard to accents or case, every word anywhere', async () => {
        expect(await directory({ text: 'proprete' })).toEqual(['Propreté Solidaire']);
        expect(await directory({ text: 'ÉLAN' })).toEqual(['Élan Paysage']);
        expect(await directory({ text: 'bureaux nettoyage' })).toEqual(['Propreté Solidaire']);
      });

      // Taken as regular expressions these would match the profiles (or backtrack on Atelier Bois's
      // "a" × 40): the empty results say they were not. Time is bounded by the test's timeout only.
      it('takes text literally, hostile patterns included', async () => {
        for (const text of ['(a+)+$', '.*', '[', 'a+', '\\', '^p']) expect(await directory({ text })).toEqual([]);
      });

      it('filters on labels (all of them), NAF prefix, inclusion kinds, legal forms and commune', async () => {
        expect(await directory({ labelKeys: ['ecocert'] })).toEqual(['Élan Paysage', 'Propreté Solidaire']);
        expect(await directory({ labelKeys: ['ecocert', 'iso9001'] })).toEqual(['Propreté Solidaire']);
        expect(await directory({ labelKeys: ['iso9001', 'inconnu'] })).toEqual([]);
        expect(await directory({ nafPrefix: '81' })).toEqual(['Élan Paysage', 'Propreté Solidaire']);
        expect(await directory({ nafPrefix: '43.99' })).toEqual(['Élan Paysage']);
        expect(await directory({ nafPrefix: '1.' })).toEqual([]); // the dot is literal and the prefix anchored
        expect(await directory({ inclusionKinds: ['ESAT', 'EI'] })).toEqual(['Atelier Bois', 'Propreté Solidaire']);
        expect(await directory({ legalForms: ['SCOP'] })).toEqual(['Élan Paysage']);
        expect(await directory({ communeCode: '76351', text: 'menuiserie' })).toEqual(['Atelier Bois']);
        expect(await store.suppliers.count(supplierDirectoryFilter({}))).toBe(3);
      });
    });

    it('pages the directory by cursor over sortKey then id, ties included', async () => {
      for (const sortKey of ['b', 'a', 'b', 'c', 'b', 'a']) await store.suppliers.insert(supplier({ sortKey }));
      const all = await store.suppliers.find({}, { sort: DIRECTORY_ORDER });
      expect(all.map((s) => s.sortKey)).toEqual(['a', 'a', 'b', 'b', 'b', 'c']);
      const seen: string[] = [];
      let after: DirectoryCriteria['after'];
      for (;;) {
        const page = await store.suppliers.find(supplierDirectoryFilter({ after }), { sort: DIRECTORY_ORDER, limit: 2 });
        if (page.length === 0) break;
        seen.push(...page.map((s) => s.id));
        after = { sortKey: page.at(-1)!.sortKey, id: page.at(-1)!.id };
      }
      expect(seen).toEqual(all.map((s) => s.id));
    });

    it('lists needs newest first, for their organisation or author, by cursor', async () => {
      const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));
      const ids = [
        (await store.needs.insert(need({ organisationId: 'org-1', createdAt: at(1) }))).id,
        (await store.needs.insert(need({ organisationId: null, createdBy: 'author', createdAt: at(2) }))).id,
        (await store.needs.insert(need({ organisationId: 'org-1', createdAt: at(2) }))).id,
        (await store.needs.insert(need({ organisationId: 'org-2', createdAt: at(3) }))).id,
      ];
      const list = async (filter: Parameters<typeof needsFilter>[0], limit = 10) =>
        (await store.needs.find(needsFilter(filter), { sort: NEEDS_ORDER, limit })).map((n) => n.id);
      const tieOrder = [ids[1]!, ids[2]!].sort().reverse();
      expect(await list({})).toEqual([ids[3], ...tieOrder, ids[0]]);
      expect((await list({ organisationId: 'org-1', createdBy: 'author' })).sort()).toEqual(ids.slice(0, 3).sort());
      const [first] = await store.needs.find(needsFilter({}), { sort: NEEDS_ORDER, limit: 2, skip: 1 });
      expect(await list({ before: { createdAt: first!.createdAt, id: first!.id } })).toEqual([tieOrder[1], ids[0]]);
    });

    it('gives a claimed document to one caller only', async () => {
      await store.organisations.insert(organisation({ kind: 'COMPANY' }));
      const claim = () => store.organisations.findOneAndUpdate({ kind: 'COMPANY' }, { kind: 'SUPPLIER' });
      const results = await Promise.all([claim(), claim()]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect(results.find((r) => r !== null)).toMatchObject({ kind: 'SUPPLIER' });

      for (let i = 0; i < 3; i += 1) await store.organisations.insert(organisation({ kind: 'METROPOLE' }));
      const many = await Promise.all(Array.from({ length: 5 }, () => store.organisations.findOneAndUpdate({ kind: 'METROPOLE' }, { kind: 'COMPANY' })));
      const claimed = many.filter((r) => r !== null).map((r) => r.id);
      expect(new Set(claimed).size).toBe(3);
    });

    it('reads every document at once, as find({}) gives them', async () => {
      const written = [supplier({ labels: ['ISO 9001'], services: ['Tonte'] }), supplier({ siret: null, organisationId: null }), supplier()];
      for (const s of written) await store.suppliers.insert(s);
      const all = await store.suppliers.all();
      expect(all).toEqual(await store.suppliers.find({}));
      expect([...all].sort((a, b) => a.id.localeCompare(b.id))).toEqual(written);
      expect(all.every((s) => s.createdAt instanceof Date && !('_id' in s))).toBe(true);
    });

    it('gives dates back as Date objects', async () => {
      const inserted = need();
      const stored = await store.needs.insert(inserted);
      expect(stored).toEqual({ ...inserted, updatedAt: expect.any(Date) });
      for (const found of [await store.needs.findById(inserted.id), (await store.needs.find({}))[0]]) {
        expect(found).toEqual(stored);
        expect(found!.deadline).toBeInstanceOf(Date);
        expect(found!.createdAt).toBeInstanceOf(Date);
        expect(found!.deadline!.getTime()).toBe(inserted.deadline!.getTime());
      }
      expect(await store.needs.count({ createdAt: inserted.createdAt })).toBe(1);
    });

    if (engine.name === 'embedded') {
      describe('datafiles and lock (embedded engine)', () => {
        const dirs: string[] = [];
        const freshDir = () => {
          const dir = tempDir();
          dirs.push(dir);
          return dir;
        };
        afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
        const lockFile = (dir: string) => path.join(dir, 'store.lock');
        const exited = (pid: number) => {
          try {
            process.kill(pid, 0);
            return false;
          } catch {
            return true;
          }
        };

        it('keeps its data across a close and reopen', async () => {
          const dir = freshDir();
          const first = await openEmbeddedStore(dir);
          const kept = await first.suppliers.insert(supplier({ siret: null }));
          await first.close();
          expect(fs.existsSync(lockFile(dir))).toBe(false);
          const again = await openEmbeddedStore(dir);
          expect(await again.suppliers.findById(kept.id)).toEqual(kept);
          await again.close();
        });

        it('writes a batch as nedb writes documents, and refuses whole a batch with a key nedb cannot store', async () => {
          const dir = freshDir();
          const first = await openEmbeddedStore(dir);
          const at = new Date('2025-05-06T07:08:09.010Z');
          const shared = Object.freeze({ name: Object.freeze({ origin: 'csv', at }), services: Object.freeze({ origin: 'csv', at }) });
          const shallowEntry: { origin: 'csv' | 'edit'; at: Date } = { origin: 'csv', at };
          const shallow = Object.freeze({ name: shallowEntry });
          const given = [
            supplier({ services: ['Tonte'], provenance: { services: { origin: 'csv', at } }, sources: [{ source: 'csv', firstAt: at, lastAt: at }] }),
            // An import's provenance, one frozen object for every profile it creates: its JSON is made once.
            ...[1, 2].map(() => supplier({ provenance: shared, sources: [{ source: 'csv', firstAt: at, lastAt: at }] })),
            // Frozen on the surface only: its entries could change, so it is serialised whole each time.
            supplier({ provenance: shallow }),
            supplier({ siret: '10000000000008', labels: ['Qualiopi'] }),
            // Many times the first line's length, accented: the batch's buffer grows past its first estimate.
            supplier({ description: 'Entretien des espaces verts à Évreux, tonte et élagage. '.repeat(3000) }),
          ];
          const expected = structuredClone(given);
          expect(await first.suppliers.insertMany(given)).toEqual(expected);
          expect(await first.suppliers.find({}, { sort: { id: 1 } })).toEqual(expected);
          const line = fs.readFileSync(path.join(dir, 'db', 'suppliers.db'), 'utf8').split('\n').find((l) => l.includes(expected[0]!.id))!;
          expect(JSON.parse(line).provenance).toEqual({ services: { origin: 'csv', at: { $$date: at.getTime() } } });
          for (const kept of expected.slice(1, 3)) {
            const row = JSON.parse(fs.readFileSync(path.join(dir, 'db', 'suppliers.db'), 'utf8').split('\n').find((l) => l.includes(kept.id))!);
            expect(row.provenance).toEqual({ name: { origin: 'csv', at: { $$date: at.getTime() } }, services: { origin: 'csv', at: { $$date: at.getTime() } } });
            expect(row.name).toBe(kept.name);
          }
          expect(at.toJSON()).toBe('2025-05-06T07:08:09.010Z'); // dates elsewhere keep their JSON form
          shallowEntry.origin = 'edit';
          const later = supplier({ provenance: shallow });
          await first.suppliers.insertMany([later]);
          expected.push(structuredClone(later));
          const laterLine = fs.readFileSync(path.join(dir, 'db', 'suppliers.db'), 'utf8').split('\n').find((l) => l.includes(later.id))!;
          expect(JSON.parse(laterLine).provenance).toEqual({ name: { origin: 'edit', at: { $$date: at.getTime() } } });
          // The next batches are written into the buffer the first one grew: shorter lines, then longer ones.
          for (const description of ['Traiteur.', 'Réemploi de mobilier de bureau. '.repeat(5000)]) {
            const next = [supplier({ description }), supplier({ description, labels: ['Qualiopi'] })];
            expected.push(...structuredClone(next));
            await first.suppliers.insertMany(next);
          }
          expected.sort((a, b) => (a.id < b.id ? -1 : 1));

          const refused = [supplier(), supplier({ provenance: { 'a.b': { origin: 'csv', at } } }), supplier({ provenance: { $set: { origin: 'csv', at } } })];
          await expect(first.suppliers.insertMany(refused.slice(0, 2))).rejects.toThrow('Field names cannot contain a .');
          await expect(first.suppliers.insertMany([refused[0]!, refused[2]!])).rejects.toThrow('Field names cannot begin with the $ character');
          expect(await first.suppliers.count({})).toBe(11);
          await first.close();
          const again = await openEmbeddedStore(dir);
          expect(await again.suppliers.find({}, { sort: { id: 1 } })).toEqual(expected);
          await again.close();
        });

        it('refuses a second opening of the same directory while the first is open', async () => {
          const dir = freshDir();
          const first = await openEmbeddedStore(dir);
          await expect(openEmbeddedStore(dir)).rejects.toEqual(new StoreLockedError(dir, process.pid));
          expect(fs.readFileSync(lockFile(dir), 'utf8')).toBe(String(process.pid));
          await first.close();
          await (await openEmbeddedStore(dir)).close();
        });

        it('refuses a lock held by another live process and takes over a dead or garbled one', async () => {
          const dir = freshDir();
          const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
          fs.writeFileSync(lockFile(dir), String(sleeper.pid));
          await expect(openEmbeddedStore(dir)).rejects.toEqual(new StoreLockedError(dir, sleeper.pid!));
          sleeper.kill();
          await new Promise((resolve) => sleeper.once('exit', resolve));
          expect(exited(sleeper.pid!)).toBe(true);
          const taken = await openEmbeddedStore(dir);
          expect(fs.readFileSync(lockFile(dir), 'utf8')).toBe(String(process.pid));
          await taken.close();
          fs.writeFileSync(lockFile(dir), 'not a pid');
          await (await openEmbeddedStore(dir)).close();
        });

        it('opens despite a torn last line, keeping the earlier documents', async () => {
          const dir = freshDir();
          const first = await openEmbeddedStore(dir);
          const kept = [await first.organisations.insert(organisation()), await first.organisations.insert(organisation())];
          await first.close();
          fs.appendFileSync(path.join(dir, 'db', 'organisations.db'), '{"_id":"torn","name":"Inachev');
          fs.writeFileSync(path.join(dir, 'db', 'needs.db'), '{"_id":"torn","title":"Seule ligne, inach');
          const again = await openEmbeddedStore(dir);
          expect(await again.organisations.find({}, { sort: { id: 1 } })).toEqual(kept);
          expect(await again.needs.count({})).toBe(0);
          await again.organisations.insert(organisation());
          expect(await again.organisations.count({})).toBe(3);
          await again.close();
        });

        it('reads a compact datafile without rewriting it, and compacts one that holds superseded lines', async () => {
          const dir = freshDir();
          const first = await openEmbeddedStore(dir);
          const [a, b, c] = [need(), need(), need()];
          for (const n of [a, b, c]) await first.needs.insert(n);
          await first.close(); // compacts: one line per document and per index
          const file = path.join(dir, 'db', 'needs.db');
          const compact = fs.statSync(file);
          const reopened = await openEmbeddedStore(dir);
          expect(fs.statSync(file).ino).toBe(compact.ino); // a rewrite renames a new file over it
          expect(fs.statSync(file).mtimeMs).toBe(compact.mtimeMs);
          expect(await reopened.needs.find({}, { sort: { id: 1 } })).toEqual([a, b, c]);
          await reopened.close();

          // What a killed process leaves: a later version of one document, the deletion of another.
          const later = { ...JSON.parse(fs.readFileSync(file, 'utf8').split('\n').find((l) => l.includes(a.id))!), title: 'Titre modifié' };
          fs.appendFileSync(file, `${JSON.stringify(later)}\n${JSON.stringify({ $$deleted: true, _id: b.id })}\n`);
          const recovered = await openEmbeddedStore(dir);
          const found = await recovered.needs.find({}, { sort: { id: 1 } });
          expect(found).toEqual([{ ...a, title: 'Titre modifié' }, c]);
          expect(found[0]!.deadline).toBeInstanceOf(Date);
          const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
          expect(lines.filter((l) => l.includes('"_id"'))).toHaveLength(2);
          expect(lines.filter((l) => l.includes('$$indexCreated'))).toHaveLength(1);
          await recovered.close();
        });

        it('stops without rewriting a datafile only added to, and rewrites one that holds superseded lines', async () => {
          const dir = freshDir();
          const first = await openEmbeddedStore(dir);
          const [a, b] = [need(), need()];
          await first.needs.insert(a);
          await first.close();
          const file = path.join(dir, 'db', 'needs.db');
          const reopened = await openEmbeddedStore(dir);
          const loaded = fs.statSync(file);
          await reopened.needs.insertMany([b, need()]);
          await reopened.close(); // appended lines only: the file is what a rewrite would write
          expect(fs.statSync(file).ino).toBe(loaded.ino); // a rewrite renames a new file over it
          const lines = () => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
          expect(lines()).toHaveLength(4); // three needs, one index

          const third = await openEmbeddedStore(dir);
          expect(fs.statSync(file).ino).toBe(loaded.ino);
          await third.needs.update(a.id, { title: 'Titre modifié' });
          await third.needs.remove(b.id);
          await third.close();
          expect(fs.statSync(file).ino).not.toBe(loaded.ino);
          expect(lines()).toHaveLength(3); // two needs, one index
          const last = await openEmbeddedStore(dir);
          expect((await last.needs.findById(a.id))?.title).toBe('Titre modifié');
          expect(await last.needs.findById(b.id)).toBeNull();
          await last.close();
        });

        it('drops the indexes an earlier version kept that nothing asks for any more', async () => {
          const dir = freshDir();
          const first = await openEmbeddedStore(dir);
          const kept = await first.suppliers.insert(supplier());
          await first.close();
          const file = path.join(dir, 'db', 'suppliers.db');
          const indexLines = () => fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.includes('$$indexCreated'));
          expect(indexLines().some((l) => l.includes('sortKey') || l.includes('updatedAt'))).toBe(false); // MongoDB's only
          fs.appendFileSync(file, `${JSON.stringify({ $$indexCreated: { fieldName: 'sortKey', unique: false, sparse: false } })}\n`);
          const again = await openEmbeddedStore(dir);
          expect(indexLines().some((l) => l.includes('sortKey'))).toBe(false);
          expect(indexLines()).toHaveLength(2); // siret, organisationId
          expect(await again.suppliers.findById(kept.id)).toEqual(kept);
          await again.close();
        });

        it('takes the copy a rewrite left when it was killed before its rename', async () => {
          const dir = freshDir();
          const first = await openEmbeddedStore(dir);
          const kept = await first.users.insert(user());
          await first.close();
          const file = path.join(dir, 'db', 'users.db');
          fs.renameSync(file, `${file}~`);
          const again = await openEmbeddedStore(dir);
          expect(await again.users.findById(kept.id)).toEqual(kept);
          await again.close();
        });

        it('drops a torn last line longer than the part of the file read to find it', async () => {
          const dir = freshDir();
          const first = await openEmbeddedStore(dir);
          const kept = await first.organisations.insert(organisation());
          await first.close();
          const file = path.join(dir, 'db', 'organisations.db');
          const whole = fs.statSync(file).size;
          fs.appendFileSync(file, `{"_id":"torn","name":"${'x'.repeat(300_000)}`);
          const again = await openEmbeddedStore(dir);
          expect(fs.statSync(file).size).toBe(whole);
          expect(await again.organisations.find({})).toEqual([kept]);
          await again.close();
        });

        it('refuses to open a datafile damaged elsewhere than at its end, and frees the lock', async () => {
          const dir = freshDir();
          const first = await openEmbeddedStore(dir);
          await first.users.insert(user());
          await first.close();
          const file = path.join(dir, 'db', 'users.db');
          fs.writeFileSync(file, `garbage\n${fs.readFileSync(file, 'utf8')}`);
          await expect(openEmbeddedStore(dir)).rejects.toThrow(/users\.db/);
          expect(fs.existsSync(lockFile(dir))).toBe(false);
        });
      });
    }
  });
}

describe('records written to MongoDB', () => {
  const asWritten = <T extends object>(name: CollectionName, doc: T) => {
    // As Model.create builds it, on a connection never opened: nothing is sent anywhere.
    const Model = mongoose.createConnection().model(`shape-${name}`, schemaFor(name));
    return new Model(toRow(doc as never)).toObject() as Record<string, unknown>;
  };

  it('have the shape the embedded engine stores: no default fills a field the domain leaves out', () => {
    const s = supplier();
    const n = need();
    expect(fromRow('suppliers', asWritten('suppliers', s))).toEqual(s);
    expect(fromRow('needs', asWritten('needs', n))).toEqual(n);
    // A row written before a field existed stays without it, and reads back as the embedded engine's does.
    const { retiredAt: _r, linkVersion: _l, ...oldSupplier } = s;
    const { introducedAt: _i, confirmedAt: _c, ...oldNeed } = n;
    expect(asWritten('suppliers', oldSupplier)).not.toHaveProperty('retiredAt');
    expect(asWritten('needs', oldNeed)).not.toHaveProperty('introducedAt');
    expect(fromRow('suppliers', asWritten('suppliers', oldSupplier))).toEqual(s);
    expect(fromRow('needs', asWritten('needs', oldNeed))).toEqual({ ...n, confirmedAt: n.createdAt });
  });
});

describe('MongoDB indexes', () => {
  const indexes = (name: CollectionName) => schemaFor(name).indexes().map(([keys]) => Object.entries(keys));
  /** An index walks the order when it has the same fields in the same order, every direction the same or every one reversed. */
  const serves = (name: CollectionName, order: Record<string, 1 | -1>) =>
    indexes(name).some((keys) => {
      const wanted = Object.entries(order);
      if (keys.length !== wanted.length || keys.some(([f], i) => f !== wanted[i]![0])) return false;
      const flips = keys.map(([, d], i) => Number(d) === wanted[i]![1]);
      return flips.every(Boolean) || flips.every((same) => !same);
    });

  it('serve every keyset order of a page, and the refresh reads suppliers by updatedAt', () => {
    expect(serves('suppliers', DIRECTORY_ORDER)).toBe(true);
    expect(serves('needs', NEEDS_ORDER)).toBe(true);
    expect(serves('needs', AWAITING_ORDER)).toBe(true);
    expect(serves('shortlists', INTRODUCTIONS_ORDER)).toBe(true);
    expect(serves('suppliers', { updatedAt: 1 })).toBe(true);
  });
});
