// Login: one answer for every failure, and failures limited per account (10), per client address and
// account (5), and loosely per client address (LOGIN_ADDRESS_LIMIT, 100 by default; 10 here where a
// test trips it, so that it does not hash a hundred passwords).
// Counters live in the process on the embedded engine (in MongoDB on that engine): each describe starts its own server. The service trusts
// X-Forwarded-For from loopback only (trust proxy = 'loopback', i.e. a reverse proxy on the same
// host); the tests speak from loopback, so they use that header to play several clients.
import { decoyHash } from '../api/auth/passwords';
import { createUser } from '../api/accounts';
import { postGraphQL } from './helpers/http';
import { availableServerEngines } from './helpers/engines';
import { startTestServer, TEST_PASSWORD, type TestServer } from './helpers/server';

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;
const WRONG = 'Mauvais-Mot-De-Passe-1';

describe('login answers', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.destroy());

  it('the decoy hash for unknown emails is computed at start, not by the first such login', async () => {
    // No unknown email has tried to log in yet. A settled promise wins a race against another
    // settled one given after it; a pending one (made on first use) loses.
    const NOT_YET = Symbol('pending');
    expect(await Promise.race([decoyHash(), Promise.resolve(NOT_YET)])).not.toBe(NOT_YET);
  });

  it('an unknown email and a wrong password get the very same answer', async () => {
    const { email } = await t.userWithToken('COMPANY');
    const wrong = await postGraphQL(t.url, { query: LOGIN, variables: { e: email, p: WRONG } }, { 'x-forwarded-for': '198.51.100.1' });
    const unknown = await postGraphQL(t.url, { query: LOGIN, variables: { e: 'inconnu@exemple.fr', p: WRONG } }, { 'x-forwarded-for': '198.51.100.2' });
    expect(wrong.status).toBe(unknown.status);
    expect(wrong.json).toEqual(unknown.json);
    expect(wrong.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('login throttle per email', () => {
  let t: TestServer;
  let email: string;
  beforeAll(async () => {
    t = await startTestServer();
    email = (await t.userWithToken('SUPPLIER')).email;
  });
  afterAll(() => t.destroy());

  it('after 10 failures for one email, even the right password is refused with 429 and Retry-After', async () => {
    for (let i = 0; i < 10; i += 1) {
      // every attempt from a different address: only the email counter can trip
      const res = await postGraphQL(t.url, { query: LOGIN, variables: { e: email, p: WRONG } }, { 'x-forwarded-for': `203.0.113.${i + 1}` });
      expect(res.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const blocked = await postGraphQL(t.url, { query: LOGIN, variables: { e: email.toUpperCase(), p: TEST_PASSWORD } }, { 'x-forwarded-for': '203.0.113.99' });
    expect(blocked.status).toBe(429);
    expect(blocked.json.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
    expect(blocked.json.errors[0].message).toMatch(/^Trop de tentatives/);
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(blocked.json.data ?? null).toBeNull();
  });

  it('other accounts still log in', async () => {
    const other = await t.userWithToken('COMPANY');
    expect(other.token).toBeTruthy();
  });
});

describe('login throttle for an office behind one address', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(); // the default, loose, per-address limit
  });
  afterAll(() => t.destroy());
  const from = (address: string, e: string, p: string) => postGraphQL(t.url, { query: LOGIN, variables: { e, p } }, { 'x-forwarded-for': address });

  it("ten failures by someone else from the office's address do not lock out a colleague", async () => {
    const colleague = await t.userWithToken('OFFICER');
    for (let i = 0; i < 10; i += 1) expect((await from('192.0.2.50', `quelquun-${i % 2}@exemple.fr`, WRONG)).status).toBe(200);
    const res = await from('192.0.2.50', colleague.email, TEST_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.json.data.login.token).toBeTruthy();
  });

  it('five failures for one account from one address block that pair only, until the right password from elsewhere', async () => {
    const { email } = await t.userWithToken('COMPANY');
    for (let i = 0; i < 5; i += 1) expect((await from('192.0.2.60', email, WRONG)).json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const blocked = await from('192.0.2.60', email, TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // The same address still serves other accounts, and the account still logs in from another address.
    const other = await t.userWithToken('COMPANY');
    expect((await from('192.0.2.60', other.email, TEST_PASSWORD)).json.data.login.token).toBeTruthy();
    expect((await from('192.0.2.61', email, TEST_PASSWORD)).json.data.login.token).toBeTruthy();
  });
});

describe('login throttle per client address', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ LOGIN_ADDRESS_LIMIT: '10' });
  });
  afterAll(() => t.destroy());

  it('10 failures from one address, on different emails, block that address only', async () => {
    const emails = Array.from({ length: 12 }, (_, i) => `pulverisation-${i}@exemple.fr`);
    for (const e of emails.slice(0, 2)) await createUser(t.server.services.store, { email: e, password: TEST_PASSWORD, role: 'COMPANY' });
    const from = (address: string, e: string, p: string) => postGraphQL(t.url, { query: LOGIN, variables: { e, p } }, { 'x-forwarded-for': address });
    for (const e of emails.slice(2)) expect((await from('192.0.2.10', e, WRONG)).status).toBe(200);
    const blocked = await from('192.0.2.10', emails[0]!, TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.json.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
    // another client is not affected
    expect((await from('192.0.2.11', emails[1]!, TEST_PASSWORD)).json.data.login.token).toBeTruthy();
  });

  it('an IPv6 client counts by its /64: rotating addresses inside it does not help', async () => {
    const from = (address: string, e: string) => postGraphQL(t.url, { query: LOGIN, variables: { e, p: WRONG } }, { 'x-forwarded-for': address });
    for (let i = 0; i < 10; i += 1) await from(`2001:db8:1:2::${(i + 1).toString(16)}`, `rotation-${i}@exemple.fr`);
    const res = await from('2001:db8:1:2:ffff::1', 'rotation-x@exemple.fr');
    expect(res.status).toBe(429);
    expect((await from('2001:db8:1:3::1', 'rotation-y@exemple.fr')).status).toBe(200);
  });
});

describe('login throttle under a burst', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.destroy());

  it('20 attempts sent at once for one email: at most 10 are checked, the rest get 429', async () => {
    const { email } = await t.userWithToken('COMPANY');
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) => postGraphQL(t.url, { query: LOGIN, variables: { e: email, p: WRONG } }, { 'x-forwarded-for': `198.51.100.${i + 10}` })),
    );
    const codes = burst.map((r) => r.json.errors[0].extensions.code);
    expect(codes.filter((c: string) => c === 'UNAUTHENTICATED')).toHaveLength(10);
    expect(codes.filter((c: string) => c === 'TOO_MANY_REQUESTS')).toHaveLength(10);
  });

  it('successful logins do not use up the address: 12 in a row from one client all succeed', async () => {
    const { email } = await t.userWithToken('SUPPLIER');
    for (let i = 0; i < 12; i += 1) {
      const res = await postGraphQL(t.url, { query: LOGIN, variables: { e: email, p: TEST_PASSWORD } }, { 'x-forwarded-for': '198.51.100.200' });
      expect(res.json.data.login.token).toBeTruthy();
    }
  });
});

// A peer that TRUST_PROXY does not name cannot choose its address with X-Forwarded-For.
describe('X-Forwarded-For from a peer that is not a trusted proxy', () => {
  let t: TestServer;
  beforeAll(async () => {
    // the proxy is elsewhere: the tests, speaking from loopback, are ordinary clients
    t = await startTestServer({ TRUST_PROXY: '10.0.0.0/8', LOGIN_ADDRESS_LIMIT: '10' });
  });
  afterAll(() => t.destroy());

  it('is ignored: rotating the header does not dodge the per-address limit', async () => {
    for (let i = 0; i < 10; i += 1) {
      await postGraphQL(t.url, { query: LOGIN, variables: { e: `x${i}@exemple.fr`, p: WRONG } }, { 'x-forwarded-for': `198.18.0.${i + 1}` });
    }
    const res = await postGraphQL(t.url, { query: LOGIN, variables: { e: 'y@exemple.fr', p: WRONG } }, { 'x-forwarded-for': '198.18.1.1' });
    expect(res.status).toBe(429);
  });
});

describe('TRUST_PROXY=false', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ TRUST_PROXY: 'false', LOGIN_ADDRESS_LIMIT: '10' });
  });
  afterAll(() => t.destroy());

  it('no peer is trusted: X-Forwarded-For is ignored even from loopback', async () => {
    for (let i = 0; i < 10; i += 1) {
      await postGraphQL(t.url, { query: LOGIN, variables: { e: `z${i}@exemple.fr`, p: WRONG } }, { 'x-forwarded-for': `198.18.2.${i + 1}` });
    }
    const res = await postGraphQL(t.url, { query: LOGIN, variables: { e: 'zz@exemple.fr', p: WRONG } }, { 'x-forwarded-for': '198.18.3.1' });
    expect(res.status).toBe(429);
  });
});

describe.each(availableServerEngines().map((e) => [e.name, e] as const))('login throttle across instances on the %s engine', (name, engine) => {
  afterAll(() => engine.cleanup());

  it("counts one account's failures on every instance together: 10 in all, however they are spread", async () => {
    const env = await engine.env(); // on MongoDB, both instances share this database
    const first = await startTestServer(env);
    // A DATA_DIR belongs to one process: on the embedded engine the one instance plays both.
    const second = name === 'mongo' ? await startTestServer(env) : first;
    try {
      const { email } = await first.userWithToken('COMPANY');
      for (let i = 0; i < 10; i += 1) {
        const instance = i % 2 === 0 ? first : second;
        const res = await postGraphQL(instance.url, { query: LOGIN, variables: { e: email, p: WRONG } }, { 'x-forwarded-for': `192.0.2.${i + 1}` });
        expect(res.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      }
      for (const instance of [first, second]) {
        const blocked = await postGraphQL(instance.url, { query: LOGIN, variables: { e: email, p: TEST_PASSWORD } }, { 'x-forwarded-for': '192.0.2.99' });
        expect(blocked.status).toBe(429);
      }
    } finally {
      await second.destroy();
      if (second !== first) await first.destroy();
    }
  });
});
