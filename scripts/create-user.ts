// npm run create-user -- --email E --password P --role ROLE [--organisation NAME]
// Prints the new user's id; refuses a duplicate email or a weak password with a clear message.
import { parseArgs } from 'node:util';
import { GraphQLError } from 'graphql';
import { loadConfig } from '../api/config';
import { createUser, ROLES } from '../api/domain/users';
import { openStore } from '../api/store';

const USAGE = `Usage : npm run create-user -- --email E --password P --role ${ROLES.join('|')} [--organisation NOM]`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, organisation: { type: 'string' } },
      strict: true,
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { email, password, role, organisation } = values;
  if (!email || !password || !role) {
    console.error(`--email, --password et --role sont obligatoires.\n${USAGE}`);
    return 2;
  }
  const store = await openStore(loadConfig(process.env));
  try {
    const user = await createUser(store, { email, password, role: role.toUpperCase() as never, organisationName: organisation });
    console.log(user.id);
    return 0;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof GraphQLError || err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
