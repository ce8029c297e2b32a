import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { codeOf, startTestServer, tempDataDir, TEST_PASSWORD, type TestServer } from './helpers/server';

const ROOT = path.join(__dirname, '..');
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { id email role } } }`;

describe('authentication', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.destroy());

  it('logs in and answers me', async () => {
    const { id, email } = await t.userWithToken('COMPANY');
    const res = await t.gql(LOGIN, { e: email.toUpperCase(), p: TEST_PASSWORD });
    expect(res.data.login.user).toEqual({ id, email, role: 'COMPANY' });
    const me = await t.gql('{ me { id email role } }', {}, res.data.login.token);
    expect(me.data.me).toEqual({ id, email, role: 'COMPANY' });
  });

  it('answers an unknown email and a wrong password the same way', async () => {
    const { email } = await t.userWithToken('SUPPLIER');
    const wrong = await t.gql(LOGIN, { e: email, p: 'Wrong-Password-99' });
    const unknown = await t.gql(LOGIN, { e: 'personne@exemple.fr', p: 'Wrong-Password-99' });
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(wrong.errors).toEqual(unknown.errors);
    expect(wrong.errors![0]!.message).toBe('Adresse e-mail ou mot de passe incorrect.');
  });

  it('me is null for anonymous requests, and a bad token is UNAUTHENTICATED', async () => {
    expect((await t.gql('{ me { id } }')).data.me).toBeNull();
    const res = await t.gql('{ me { id } }', {}, 'not-a-token');
    expect(res.status).toBe(401);
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
  });

  it('a token of a deleted account stops working', async () => {
    const { token, id } = await t.userWithToken('COMPANY');
    await t.server.services.store.users.remove(id);
    expect(codeOf(await t.gql('{ me { id } }', {}, token))).toBe('UNAUTHENTICATED');
  });

  it('operations check roles: UNAUTHENTICATED when anonymous, FORBIDDEN for the wrong role', async () => {
    const { token } = await t.userWithToken('SUPPLIER');
    const needs = '{ needs { totalCount } }';
    expect(codeOf(await t.gql(needs))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(needs, {}, token))).toBe('FORBIDDEN');
  });
});

describe('npm run create-user', () => {
  const dataDir = tempDataDir();
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/create-user.ts', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('creates a user and prints its id, then refuses the same email', async () => {
    const ok = run('--email', 'agent@metropole.example', '--password', 'Un-Mot-De-Passe-2026', '--role', 'OFFICER');
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);

    const again = run('--email', 'Agent@Metropole.example', '--password', 'Un-Mot-De-Passe-2026', '--role', 'OFFICER');
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain('un compte existe déjà avec cette adresse');

    const t = await startTestServer({}, dataDir);
    try {
      const res = await t.gql(LOGIN, { e: 'agent@metropole.example', p: 'Un-Mot-De-Passe-2026' });
      expect(res.data.login.user).toMatchObject({ id: ok.stdout.trim(), role: 'OFFICER' });
    } finally {
      await t.stop();
    }
  });

  it.each([
    [['--email', 'a@b.example', '--password', 'court', '--role', 'ADMIN'], 'au moins 12 caractères'],
    [['--email', 'a@b.example', '--password', 'toutenminusculesvraiment', '--role', 'ADMIN'], 'trois types de caractères'],
    [['--email', 'pas-une-adresse', '--password', 'Un-Mot-De-Passe-2026', '--role', 'ADMIN'], 'adresse e-mail invalide'],
    [['--email', 'a@b.example', '--password', 'Un-Mot-De-Passe-2026', '--role', 'KING'], 'rôle inconnu'],
    [['--email', 'a@b.example', '--role', 'ADMIN'], 'obligatoires'],
  ])('refuses %j with a clear message', (args, message) => {
    const res = run(...args);
    expect(res.status).not.toBe(0);
    expect(res.stderr).toContain(message);
  });
});
