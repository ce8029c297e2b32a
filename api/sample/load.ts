// The bundled sample: fictional ESS structures of the Métropole and three demo accounts,
// loaded into an empty embedded store so a newcomer sees a working directory at once.
import type { Viewer } from '../auth/guards';
import { createSupplier } from '../domain/suppliers';
import { createUser } from '../domain/users';
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

/** The sample is written as an administrator would, through the same validation as the API. */
const LOADER: Viewer = { userId: 'sample-data', email: 'no-reply@localhost', role: 'ADMIN', organisationId: null };

export async function loadSampleDataIfEmpty(services: Services): Promise<{ suppliers: number; users: number } | null> {
  const { store } = services;
  if ((await store.users.count({})) > 0 || (await store.suppliers.count({})) > 0) return null;
  const organisationOf = new Map<string, string | null>();
  for (const input of sampleSuppliers) {
    const supplier = await createSupplier(services, LOADER, input);
    organisationOf.set(supplier.name, supplier.organisationId);
  }
  const users = sampleUsers as SampleUser[];
  for (const u of users) {
    await createUser(store, {
      email: u.email,
      password: u.password,
      role: u.role,
      organisationName: u.organisation,
      organisationId: u.supplier ? organisationOf.get(u.supplier) : undefined,
    });
  }
  return { suppliers: sampleSuppliers.length, users: users.length };
}
