// The bundled sample: fictional ESS structures of the Métropole and three demo accounts,
// loaded into an empty embedded store so a newcomer sees a working directory at once.
// A marker file in DATA_DIR says a load is under way: a load cut short (a signal, a crash) is
// started again from scratch at the next start, so the sample is there whole or not at all.
import fs from 'node:fs';
import path from 'node:path';
import type { Viewer } from '../auth/guards';
import { createSupplier } from '../directory';
import { createUser } from '../accounts';
import type { Services } from '../services';
import type { Role } from '../store/types';
import sampleSuppliers from './suppliers.json';
import sampleUsers from './users.json';

interface SampleUser {
  email: string;
  password: string;
  role: Role;
  organisation?: string;
  supplier?: string;
}

export interface SampleLoad {
  suppliers: number;
  /** 0 in production: the demo passwords are published in the README. */
  users: number;
}

/** The sample is written as an administrator would, through the same validation as the API. */
const LOADER: Viewer = { userId: 'sample-data', email: 'no-reply@localhost', role: 'ADMIN', organisationId: null };

const MARKER = 'sample-data.loading';

/** Only the sample was ever written while the marker is there: the server was not ready yet. */
async function clear({ store, matching }: Services): Promise<void> {
  for (const supplier of await store.suppliers.find({})) {
    await store.suppliers.remove(supplier.id);
    matching.remove(supplier.id);
  }
  for (const collection of [store.users, store.organisations]) {
    for (const doc of await collection.find({})) await collection.remove(doc.id);
  }
}

export async function loadSampleDataIfEmpty(services: Services): Promise<SampleLoad | null> {
  const { store, config } = services;
  const marker = path.join(config.dataDir, MARKER);
  const interrupted = fs.existsSync(marker);
  if (interrupted) await clear(services);
  else if ((await store.users.count({})) > 0 || (await store.suppliers.count({})) > 0) return null;
  fs.writeFileSync(marker, `${new Date().toISOString()}\n`);

  const organisationOf = new Map<string, string | null>();
  for (const input of sampleSuppliers) {
    const supplier = await createSupplier(services, LOADER, input);
    organisationOf.set(supplier.name, supplier.organisationId);
  }
  const users = config.production ? [] : (sampleUsers as SampleUser[]);
  for (const u of users) {
    await createUser(store, {
      email: u.email,
      password: u.password,
      role: u.role,
      organisationName: u.organisation,
      organisationId: u.supplier ? organisationOf.get(u.supplier) : undefined,
    });
  }
  fs.rmSync(marker);
  return { suppliers: sampleSuppliers.length, users: users.length };
}
