// A profile's provenance gives each field an entry { origin, at }; a profile written at once gives
// them all an equal one. The store reads them as one object per origin and instant (a large
// directory keeps every profile in memory: a dozen entries each were a quarter of its objects),
// with the same values, on every read path.
import fs from 'node:fs';
import path from 'node:path';
import { openEmbeddedStore } from '../api/store/embedded';
import { supplierDirectoryFilter } from '../api/store/filters';
import type { SupplierRecord } from '../api/store/types';
import { tempDataDir } from './helpers/server';

const created = Date.parse('2025-03-04T08:00:00.000Z');
const edited = Date.parse('2026-01-10T16:30:00.000Z');

function dataDir(): string {
  const dir = tempDataDir();
  fs.mkdirSync(path.join(dir, 'db'));
  const at = (ms: number) => ({ $$date: ms });
  const row = {
    _id: 'structure-importee', id: 'structure-importee', organisationId: null, name: 'Jardins de la Seine', siret: null, legalForm: 'ASSOCIATION',
    inclusionKind: 'ACI', description: 'Chantier d’insertion : espaces verts.', services: ['espaces verts'], nafCodes: ['81.30Z'], communeCode: '76540',
    latitude: null, longitude: null, interventionRadiusKm: 30, employees: 12, maxContractValue: null, labels: [], labelKeys: [],
    contactEmail: 'contact@jardins.example', website: null, searchText: 'jardins de la seine', sortKey: 'jardins de la seine',
    provenance: {
      name: { origin: 'inclusion', at: at(created) },
      communeCode: { origin: 'inclusion', at: at(created) },
      nafCodes: { origin: 'sirene', at: at(created) },
      legalForm: { origin: 'sirene', at: at(created) },
      description: { origin: 'edit', at: at(edited) },
      services: { origin: 'edit', at: at(edited) },
      contactEmail: { origin: 'inclusion', at: at(created) },
    },
    createdAt: at(created), updatedAt: at(edited),
  };
  fs.writeFileSync(path.join(dir, 'db', 'suppliers.db'), `${JSON.stringify(row)}\n`);
  return dir;
}

function expectShared(record: SupplierRecord | null | undefined): void {
  const p = record!.provenance!;
  // The same values as written…
  expect(p.name).toEqual({ origin: 'inclusion', at: new Date(created) });
  expect(p.nafCodes).toEqual({ origin: 'sirene', at: new Date(created) });
  expect(p.description).toEqual({ origin: 'edit', at: new Date(edited) });
  // …one object per origin and instant.
  expect(p.communeCode).toBe(p.name);
  expect(p.contactEmail).toBe(p.name);
  expect(p.legalForm).toBe(p.nafCodes);
  expect(p.services).toBe(p.description);
  expect(new Set(Object.values(p)).size).toBe(3);
}

describe('provenance entries read from the store', () => {
  it('are one object per origin and instant, with the values written, on every read path', async () => {
    const store = await openEmbeddedStore(dataDir());
    try {
      expectShared(await store.suppliers.findById('structure-importee'));
      expectShared((await store.suppliers.all())[0]);
      expectShared((await store.suppliers.find(supplierDirectoryFilter({})))[0]);
      // A write keeps them apart from the new ones: the edited field gets its own entry.
      const now = new Date(Date.parse('2026-12-01T10:00:00.000Z'));
      const before = (await store.suppliers.findById('structure-importee'))!;
      const updated = await store.suppliers.update('structure-importee', { name: 'Jardins de Seine', provenance: { ...before.provenance, name: { origin: 'edit', at: now } } });
      expect(updated!.provenance!.name).toEqual({ origin: 'edit', at: now });
      expect(updated!.provenance!.communeCode).toEqual({ origin: 'inclusion', at: new Date(created) });
      expect(updated!.provenance!.contactEmail).toBe(updated!.provenance!.communeCode);
    } finally {
      await store.close();
    }
  });
});
