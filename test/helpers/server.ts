// Starts the real service on an ephemeral port with its own temporary DATA_DIR,
// and speaks GraphQL to it over HTTP.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../api/config';
import { createUser } from '../../api/accounts';
import { silentLogger } from '../../api/observability';
import { startServer, type RunningServer } from '../../api/server';
import type { Role } from '../../api/store/types';
import { TestClock } from './clock';
import { storeEnvFor } from './project-engine';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

export interface TestServer {
  url: string;
  dataDir: string;
  /** DATA_DIR, and MONGODB_URI in the `mongo` project: what a script needs to reach this server's store. */
  storeEnv: Record<string, string>;
  server: RunningServer;
  /** The server's clock: move it ahead, then runDue() (or server.sweepNow()), instead of waiting. */
  clock: TestClock;
  /** The outbox's pass now: resolves once every mail due at `clock` is sent, dropped, failed or put off. */
  runDue(): Promise<void>;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  /** Creates a user through the domain and logs it in through the API; returns its token and id. */
  userWithToken(role: Role, options?: { organisationName?: string; organisationId?: string }): Promise<{ token: string; id: string; email: string }>;
  stop(): Promise<void>;
  /** Stops, then removes the data directory. */
  destroy(): Promise<void>;
}

export const quietLogger = silentLogger();

export const tempDataDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-test-'));

export const TEST_PASSWORD = 'Test-Password-2026!';

let userCounter = 0;

/** Servers not stopped yet: a test that fails half-way still has its server stopped (see teardown.ts). */
const running = new Set<TestServer>();

export async function stopLeftoverServers(): Promise<void> {
  await Promise.all([...running].map((t) => t.destroy()));
}

/**
 * The server on this jest project's engine (project-engine.ts): the embedded one in DATA_DIR, or in
 * the `mongo` project a database of DATA_DIR's own; `env` wins (a test that picks its engine).
 */
export async function startTestServer(env: Record<string, string> = {}, dataDir = tempDataDir()): Promise<TestServer> {
  const storeEnv = await storeEnvFor(dataDir);
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', SAMPLE_DATA: 'off', ...storeEnv, ...env });
  const clock = new TestClock();
  const server = await startServer(config, quietLogger, clock);
  const url = `${server.url}/graphql`;

  async function gql(query: string, variables?: Record<string, unknown>, token?: string) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GraphQLResponse;
    return { ...body, status: res.status };
  }

  const stop = () => {
    running.delete(started);
    return server.stop();
  };
  const started: TestServer = {
    url,
    dataDir,
    storeEnv: { ...storeEnv, ...(env.MONGODB_URI ? { MONGODB_URI: env.MONGODB_URI } : {}) },
    server,
    clock,
    runDue: () => server.services.outbox.runDue(),
    gql,
    async userWithToken(role, options = {}) {
      userCounter += 1;
      const email = `${role.toLowerCase()}-${userCounter}-${process.pid}@exemple.fr`;
      const user = await createUser(server.services.store, { email, password: TEST_PASSWORD, role, ...options });
      const login = await gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: email, p: TEST_PASSWORD });
      if (!login.data) throw new Error(`login failed: ${JSON.stringify(login.errors)}`);
      return { token: login.data.login.token as string, id: user.id, email };
    },
    stop,
    async destroy() {
      await stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  running.add(started);
  return started;
}

/** The first error's code, for terse assertions. */
export const codeOf = (res: GraphQLResponse): string | undefined => res.errors?.[0]?.extensions?.code;
export const fieldOf = (res: GraphQLResponse): string | undefined => res.errors?.[0]?.extensions?.field;

/** The data of an answer that must have no error (the errors in the thrown message otherwise). */
export async function ok(res: Promise<GraphQLResponse>): Promise<any> {
  const r = await res;
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data;
}
