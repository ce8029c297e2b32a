// Several instances on one database: each keeps its own matcher index and catches up with the
// others' writes through refresh(). Two matching services over one store stand for two instances.
import { buildMatchingService } from '../api/directory';
import { newId } from '../api/kernel';
import type { NeedRecord, SupplierRecord } from '../api/store/types';
import { fold } from '../matching/text/fold';
import { availableClusterEngines, availableEngines, availableServerEngines } from './helpers/engines';
import { needInput, supplierInput } from './helpers/fixtures';
import { startTestServer } from './helpers/server';

function supplier(name: string, description: string): SupplierRecord {
  const now = new Date();
  return {
    id: newId(), organisationId: null, name, siret: null, legalForm: 'ASSOCIATION', inclusionKind: null, description,
    services: [], nafCodes: [], communeCode: '76540', latitude: null, longitude: null, interventionRadiusKm: 30,
    employees: null, maxContractValue: null, labels: [], labelKeys: [], contactEmail: 'contact@exemple.fr', website: null,
    searchText: fold(`${name} ${description}`), sortKey: fold(name), pendingChanges: null, declarationReview: null, sources: [], retiredAt: null, firstSignInAt: null,
    completedAt: null, linkVersion: 0, createdAt: now, updatedAt: now,
  };
}

const NEED: NeedRecord = {
  id: 'need-1', organisationId: null, createdBy: 'user-1', title: 'Réparation de vélos', description: 'Entretien de la flotte de vélos du personnel.',
  kind: 'PURCHASE', companyName: 'Transports Seine', contactEmail: 'achats@exemple.fr', nafCodes: [], communeCode: '76540', latitude: null,
  longitude: null, budgetMin: null, budgetMax: null, requiredLabels: [], preferredInclusionKinds: [], requiredInclusionKinds: [], deadline: null,
  introducedAt: null, confirmedAt: new Date(), withdrawnAt: null, withdrawalReason: null, closedAt: null, closingNote: null, endedBy: null,
  internalNote: null, addressedTo: null, createdAt: new Date(), updatedAt: new Date(),
};

describe.each(availableEngines().map((e) => [e.name, e] as const))('index refresh on the %s engine', (_name, engine) => {
  afterAll(() => engine.cleanup());

  it("ranks another instance's new and edited profiles after a refresh, and drops its deletions at the sweep", async () => {
    const store = await engine.open();
    const bikes = supplier('Rayons Solidaires', 'Réparation et entretien de vélos, atelier mobile.');
    await store.suppliers.insert(bikes);
    const mine = await buildMatchingService(store);
    const ranked = () => mine.rank(NEED, 5).map((m) => m.profileId);
    // The public directory is served from the same writes: its search and its name order follow too.
    const listed = (text?: string) => mine.directory.select({ criteria: { text } }).all().map((s) => s.id);
    expect(ranked()).toEqual([bikes.id]);

    // The other instance writes straight to the shared store.
    const other = supplier('Les Partageurs', 'Réparation de vélos de service et de vélos cargo.');
    await store.suppliers.insert(other);
    expect(ranked()).not.toContain(other.id);
    await mine.refresh();
    expect(ranked()).toContain(other.id);
    expect(listed('vélos')).toContain(other.id);

    await store.suppliers.update(other.id, { description: 'Traiteur solidaire : buffets et plateaux-repas.', searchText: fold('traiteur') });
    await mine.refresh();
    expect(ranked()).not.toContain(other.id);
    expect(listed('vélos')).not.toContain(other.id);
    expect(listed('buffets')).toEqual([other.id]);

    await store.suppliers.remove(bikes.id);
    for (let i = 0; i < 12 && ranked().includes(bikes.id); i += 1) await mine.refresh();
    expect(ranked()).not.toContain(bikes.id);
    expect(mine.size).toBe(1);
    expect(listed()).toEqual([other.id]);
  });

  it("finds other instances' writes after a document stamped in the future, whatever the writers' clocks", async () => {
    const store = await engine.open();
    const ahead = { ...supplier('Vélo Futur', 'Réparation de vélos, atelier en avance sur son temps.'), updatedAt: new Date(Date.now() + 24 * 3_600_000) };
    await store.suppliers.insert(ahead); // a writer whose clock runs a day ahead (kept as written on the embedded engine)
    const mine = await buildMatchingService(store);
    expect(mine.rank(NEED, 5).map((m) => m.profileId)).toEqual([ahead.id]);
    const later = supplier('Les Partageurs', 'Réparation de vélos de service et de vélos cargo.');
    await store.suppliers.insert(later);
    await mine.refresh();
    expect(mine.rank(NEED, 5).map((m) => m.profileId)).toContain(later.id);
  });

  it("stamps updatedAt with the store's clock on MongoDB, not the writer's", async () => {
    const store = await engine.open();
    const behind = { ...supplier('Vélo Passé', 'Réparation de vélos.'), updatedAt: new Date('2001-01-01T00:00:00Z') };
    const before = await store.now();
    const inserted = await store.suppliers.insert(behind);
    const updated = await store.suppliers.update(behind.id, { website: 'https://velo.example' });
    const after = await store.now();
    // The embedded engine has one writer, whose clock is the store's: it keeps what the domain gave.
    if (engine.name === 'mongo') expect(inserted.updatedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
    else expect(inserted.updatedAt).toEqual(behind.updatedAt);
    expect(updated!.updatedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(updated!.updatedAt.getTime()).toBeLessThanOrEqual(after.getTime());
  });

  it('never runs two refreshes at once: a call during one shares it', async () => {
    const store = await engine.open();
    const mine = await buildMatchingService(store);
    const first = mine.refresh();
    expect(mine.refresh()).toBe(first);
    await first;
    const next = mine.refresh();
    expect(next).not.toBe(first);
    await next;
  });
});

describe.each(availableServerEngines().map((e) => [e.name, e] as const))('shutdown of a server on the %s engine', (_name, engine) => {
  afterAll(() => engine.cleanup());

  it('waits for a refresh in flight before closing the store, and starts none after', async () => {
    const server = await startTestServer(await engine.env());
    const { matching, store } = server.server.services;
    const other = supplier('Les Partageurs', 'Réparation de vélos de service et de vélos cargo.');
    await store.suppliers.insert(other); // written by another instance: only a refresh indexes it
    let outcome = 'pending';
    const inFlight = matching.refresh().then(
      () => (outcome = 'done'),
      (err: unknown) => (outcome = `failed: ${String(err)}`),
    );
    await server.destroy();
    expect(outcome).toBe('done'); // over before stop() resolved, and it read an open store
    await inFlight;
    expect(matching.rank(NEED, 5).map((m) => m.profileId)).toEqual([other.id]);
    await expect(matching.refresh()).resolves.toBeUndefined(); // the store is closed: nothing is read
  });
});

describe.each(availableClusterEngines().map((e) => [e.label, e] as const))('two server instances on the %s', (_label, engine) => {
  afterAll(() => engine.cleanup());

  it("one instance ranks, after its refresh, the structure another created and then edited through the API", async () => {
    const env = await engine.env();
    const first = await startTestServer(env);
    const second = engine.shared ? await startTestServer(env) : first;
    try {
      const officer = (await first.userWithToken('OFFICER')).token;
      const created = await first.gql(`mutation($input: SupplierInput!) { createSupplier(input: $input) { id } }`, {
        input: supplierInput({ name: 'Rayons Solidaires', description: 'Réparation et entretien de vélos, atelier mobile.', services: ['Réparation de vélos'], nafCodes: ['95.29Z'], labels: [] }),
      }, officer);
      const id = created.data.createSupplier.id as string;
      const other = (await second.userWithToken('OFFICER')).token;
      const need = await second.gql(`mutation($input: NeedInput!) { postNeed(input: $input) { id } }`, {
        input: needInput({ title: 'Réparation de vélos', description: 'Entretien de la flotte de vélos du personnel.', nafCodes: ['95.29Z'], preferredInclusionKinds: [], companyName: 'Transports Seine', contactEmail: 'achats@seine.example' }),
      }, other);
      const needId = need.data.postNeed.id as string;
      const ranked = async () =>
        ((await second.gql(`query($needId: ID!) { matchSuppliers(needId: $needId) { supplier { id } } }`, { needId }, other)).data.matchSuppliers as { supplier: { id: string } }[]);
      await second.server.services.matching.refresh();
      expect((await ranked()).map((m) => m.supplier.id)).toContain(id);

      const edit = { description: 'Traiteur solidaire : buffets et plateaux-repas.', services: ['Traiteur'], nafCodes: ['56.21Z'] };
      await first.gql(`mutation($id: ID!, $input: SupplierUpdateInput!) { updateSupplier(id: $id, input: $input) { id } }`, { id, input: edit }, officer);
      await second.server.services.matching.refresh();
      expect((await ranked()).map((m) => m.supplier.id)).not.toContain(id);
    } finally {
      await second.destroy();
      if (second !== first) await first.destroy();
    }
  });
});
