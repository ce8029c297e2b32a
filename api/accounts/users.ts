// Accounts: creation (command line, sample data) and login.
import { z } from 'zod';
import { decoyHash, hashPassword, passwordWeakness, verifyPassword } from '../auth/passwords';
import { badInput, conflict, tooManyRequests, unauthenticated } from '../errors';
import { byEmail, byName } from '../store/filters';
import { DuplicateKeyError, type OrganisationKind, type Role, type Store, type UserRecord } from '../store/types';
import type { AccountDeps } from './deps';
import { newId } from '../kernel';
import * as v from '../kernel';

export const ROLES = ['COMPANY', 'SUPPLIER', 'OFFICER', 'ADMIN'] as const satisfies readonly Role[];
export const METROPOLE_NAME = 'Métropole Rouen Normandie';

const ORGANISATION_KIND: Record<Role, OrganisationKind> = {
  COMPANY: 'COMPANY',
  SUPPLIER: 'SUPPLIER',
  OFFICER: 'METROPOLE',
  ADMIN: 'METROPOLE',
};

const newUserSchema = z.object({
  email: v.email,
  password: z.string().max(128, 'ne doit pas dépasser 128 caractères'),
  role: z.enum(ROLES, 'rôle inconnu (COMPANY, SUPPLIER, OFFICER ou ADMIN)'),
  organisationName: v.optionalText(200),
  organisationId: z.string().max(100).nullish(),
});

export type NewUser = z.input<typeof newUserSchema>;

/**
 * Creates a user in an organisation: the one given by id, else the one of that name and kind
 * (created when missing). Staff belong to the Métropole; other users without either get their own.
 */
export async function createUser(store: Store, input: NewUser): Promise<UserRecord> {
  const u = v.parseInput(newUserSchema, input);
  const weakness = passwordWeakness(u.password);
  if (weakness) throw badInput('password', `« password » : ${weakness}`);
  if (await store.users.findOne(byEmail(u.email))) throw conflict('« email » : un compte existe déjà avec cette adresse.', 'email');

  const kind = ORGANISATION_KIND[u.role];
  const now = new Date();
  let organisationId = u.organisationId ?? null;
  let createdOrganisation: string | null = null;
  if (organisationId) {
    if (!(await store.organisations.findById(organisationId))) throw badInput('organisationId', '« organisationId » : organisation introuvable.');
  } else {
    // Joined by name only when a name is given (a colleague added to the same firm); without one
    // the user gets an organisation of its own: sharing an email domain (a webmail, a federation's
    // domain) never makes two firms or two structures one.
    const name = kind === 'METROPOLE' ? METROPOLE_NAME : (u.organisationName ?? null);
    const existing = name ? await store.organisations.findOne(byName(name, kind)) : null;
    organisationId = existing?.id ?? (createdOrganisation = newId());
    if (createdOrganisation) await store.organisations.insert({ id: createdOrganisation, name: name ?? u.email, kind, createdAt: now, updatedAt: now });
  }
  const user: UserRecord = { id: newId(), email: u.email, passwordHash: await hashPassword(u.password), role: u.role, organisationId, detachedAt: null, tokenVersion: 0, createdAt: now, updatedAt: now };
  try {
    return await store.users.insert(user);
  } catch (err) {
    if (createdOrganisation) await store.organisations.remove(createdOrganisation);
    if (err instanceof DuplicateKeyError) throw conflict('« email » : un compte existe déjà avec cette adresse.', 'email');
    throw err;
  }
}

/** The same answer, at the same cost, for an unknown email and a wrong password. */
export async function login(services: Pick<AccountDeps, 'store' | 'tokens' | 'loginThrottle'>, email: string, password: string, clientAddress: string): Promise<{ token: string; user: UserRecord }> {
  const { loginThrottle } = services;
  const wait = await loginThrottle.attempt(email, clientAddress);
  if (wait > 0) throw tooManyRequests(wait);
  const user = email.length <= 254 ? await services.store.users.findOne(byEmail(email.trim().toLowerCase())) : null;
  const ok = await verifyPassword(password.slice(0, 128), user?.passwordHash ?? (await decoyHash()));
  if (!user || !ok) throw unauthenticated('Adresse e-mail ou mot de passe incorrect.');
  await loginThrottle.succeeded(email, clientAddress);
  return { token: sessionToken(services, user), user };
}

/** A session token for this user, at its current token version. */
export const sessionToken = (services: Pick<AccountDeps, 'tokens'>, user: UserRecord): string =>
  services.tokens.sign({ userId: user.id, role: user.role, version: user.tokenVersion });
