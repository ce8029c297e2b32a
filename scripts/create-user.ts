// npm run create-user -- --email E --password P --role ROLE [--organisation NAME] [--public-buyer SIRET]
// Prints the new user's id; refuses a duplicate email or a weak password with a clear message.
import { parseArgs } from 'node:util';
import { GraphQLError } from 'graphql';
import { loadConfig } from '../api/config';
import { createUser, ROLES } from '../api/accounts';
import { isValidSiret } from '../api/kernel';
import { publicBuyerOrganisation, setOrganisationKind } from '../api/public-contracts';
import { openStore } from '../api/store';

const USAGE = `Usage : npm run create-user -- --email E --password P --role ${ROLES.join('|')} [--organisation NOM] [--public-buyer SIRET]`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, organisation: { type: 'string' }, 'public-buyer': { type: 'string' } },
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
  // Checked before anything is written: a user is never left behind without the organisation asked for.
  const publicBuyer = values['public-buyer']?.replace(/\s/g, '');
  if (publicBuyer !== undefined && (role.toUpperCase() !== 'COMPANY' || !isValidSiret(publicBuyer))) {
    console.error('--public-buyer : le SIRET de l’acheteur public (14 chiffres, clé vérifiée), pour un compte de rôle COMPANY.');
    return 2;
  }
  const store = await openStore(loadConfig(process.env));
  try {
    const buyer = publicBuyer ? await publicBuyerOrganisation(store, publicBuyer) : null;
    const user = await createUser(store, { email, password, role: role.toUpperCase() as never, organisationName: organisation, organisationId: buyer?.id });
    if (publicBuyer && !buyer && user.organisationId) await setOrganisationKind(store, user.organisationId, { kind: 'PUBLIC_BUYER', siret: publicBuyer });
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
