// Accounts the operator creates from the command line (npm run create-user): directly in the store
// when no server runs, or by the running server through the operator channel (channel.ts).
import { createUser } from '../accounts';
import { isValidSiret } from '../kernel';
import { publicBuyerOrganisation, setOrganisationKind } from '../public-contracts';
import type { Store } from '../store/types';

export interface OperatorAccount {
  email: string;
  password: string;
  role: string;
  organisation?: string;
  /** The SIRET of the public buyer whose organisation the (COMPANY) user belongs to. */
  publicBuyer?: string;
}

/** Why a --public-buyer cannot be taken, or null; checked before anything is written. */
export function publicBuyerRefusal(account: Pick<OperatorAccount, 'role' | 'publicBuyer'>): string | null {
  if (account.publicBuyer === undefined) return null;
  return account.role.toUpperCase() === 'COMPANY' && isValidSiret(account.publicBuyer)
    ? null
    : '--public-buyer : le SIRET de l’acheteur public (14 chiffres, clé vérifiée), pour un compte de rôle COMPANY.';
}

/** Creates the account (refusing a duplicate email or a weak password in French); returns its id. */
export async function createOperatorAccount(store: Store, account: OperatorAccount): Promise<string> {
  const { email, password, role, organisation, publicBuyer } = account;
  const buyer = publicBuyer ? await publicBuyerOrganisation(store, publicBuyer) : null;
  const user = await createUser(store, { email, password, role: role.toUpperCase() as never, organisationName: organisation, organisationId: buyer?.id });
  if (publicBuyer && !buyer && user.organisationId) await setOrganisationKind(store, user.organisationId, { kind: 'PUBLIC_BUYER', siret: publicBuyer });
  return user.id;
}
