// `npm run create-user` as an operator runs it on a live service: the password from standard input
// (never argv), the account created by the running server that owns the embedded store.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { collect, ROOT, spawnScript } from './helpers/cli';
import { waitFor } from './helpers/wait';
import { startTestServer, type TestServer } from './helpers/server';

jest.setTimeout(60_000);

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { id role } } }`;

/** create-user with the password written to its standard input. */
function createUser(server: TestServer, args: string[], password: string, env: Record<string, string> = {}) {
  const child = spawnScript('create-user', ['--password-stdin', ...args], { DATA_DIR: server.dataDir, ...env });
  child.stdin.end(`${password}\n`);
  return collect(child);
}

describe('create-user while the server runs', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.destroy());

  it('creates the account with the password from stdin; it can sign in at once', async () => {
    const password = 'Mot-De-Passe-Lu-Sur-Stdin-2026';
    // In production too: creating an account needs no JWT_SECRET.
    const run = await createUser(server, ['--email', 'agente@metropole.example', '--role', 'OFFICER'], password, { NODE_ENV: 'production' });
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    const id = run.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const login = await server.gql(LOGIN, { e: 'agente@metropole.example', p: password });
    expect(login.data.login.user).toEqual({ id, role: 'OFFICER' });
    // The store is still the server's alone, and holds the account once.
    expect(fs.readFileSync(`${server.dataDir}/store.lock`, 'utf8')).toBe(String(process.pid));
    expect(await server.server.services.store.users.count({ email: 'agente@metropole.example' })).toBe(1);
  });

  it('refuses a duplicate email and a weak password with the French message and a non-zero exit', async () => {
    await createUser(server, ['--email', 'double@metropole.example', '--role', 'ADMIN'], 'Un-Mot-De-Passe-2026');
    const again = await createUser(server, ['--email', 'Double@Metropole.example', '--role', 'ADMIN'], 'Un-Mot-De-Passe-2026');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('un compte existe déjà avec cette adresse');
    const weak = await createUser(server, ['--email', 'faible@metropole.example', '--role', 'ADMIN'], 'court');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('au moins 12 caractères');
    expect(await server.server.services.store.users.count({ email: 'faible@metropole.example' })).toBe(0);
  });

  it('at a terminal, asks the password twice without echoing it', async () => {
    const password = 'Mot-De-Passe-Tape-2026';
    // util-linux's script gives the command a real terminal (a pty), as an operator's shell would.
    const command = `${process.execPath} --import tsx scripts/create-user.ts --email terminal@metropole.example --role ADMIN`;
    const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: ROOT, env: { PATH: process.env.PATH, DATA_DIR: server.dataDir } });
    const run = collect(child);
    let shown = '';
    child.stdout.on('data', (chunk) => (shown += chunk));
    await waitFor('the first prompt', () => shown.includes('Mot de passe : '));
    child.stdin.write(`${password}\r`);
    await waitFor('the second prompt', () => shown.includes('Mot de passe (encore) : '));
    child.stdin.write(`${password}\r`);
    const result = await run;
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(password);
    expect(result.stdout).toMatch(/[0-9a-f-]{36}/);
    expect((await server.gql(LOGIN, { e: 'terminal@metropole.example', p: password })).data.login.user.role).toBe('ADMIN');
  });

  it('without a password source and no terminal, says what is missing', async () => {
    const run = await collect(spawnScript('create-user', ['--email', 'a@b.example', '--role', 'ADMIN'], { DATA_DIR: server.dataDir }));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--password-stdin');
  });
});
