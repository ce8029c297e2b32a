// Access tokens: only an HS256 token signed with our secret, for our issuer and audience, still
// valid, naming an existing account with its current role, authenticates. Anything else is 401.
import jwt from 'jsonwebtoken';
import { generateKeyPairSync } from 'node:crypto';
import { codeOf, startTestServer, type TestServer } from './helpers/server';

const SECRET = 'un-secret-de-test-suffisamment-long-0123456789';
const ISSUER = 'passerelle-ess';
const AUDIENCE = 'passerelle-ess-api';
const ME = '{ me { id role } }';

const b64url = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

describe('access tokens', () => {
  let t: TestServer;
  let company: { token: string; id: string };
  const now = () => Math.floor(Date.now() / 1000);
  const sign = (payload: object, options: jwt.SignOptions = {}, secret: jwt.Secret = SECRET) =>
    jwt.sign(payload, secret, { algorithm: 'HS256', subject: company.id, issuer: ISSUER, audience: AUDIENCE, expiresIn: 3600, ...options });

  beforeAll(async () => {
    t = await startTestServer({ JWT_SECRET: SECRET, JWT_TTL: '45m' });
    company = await t.userWithToken('COMPANY');
  });
  afterAll(() => t.destroy());

  const expectRefused = async (token: string) => {
    const res = await t.gql(ME, {}, token);
    expect(res.status).toBe(401);
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(res.data ?? null).toBeNull();
  };

  it('a login token is HS256, carries iss/aud/sub, and lives JWT_TTL', async () => {
    const header = JSON.parse(Buffer.from(company.token.split('.')[0]!, 'base64url').toString());
    expect(header.alg).toBe('HS256');
    const claims = jwt.verify(company.token, SECRET, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE }) as jwt.JwtPayload;
    expect(claims.sub).toBe(company.id);
    expect(claims.exp! - claims.iat!).toBe(45 * 60);
    // our own hand-made token is accepted: the refusals below are about what differs
    expect((await t.gql(ME, {}, sign({ role: 'COMPANY' }))).data.me).toEqual({ id: company.id, role: 'COMPANY' });
  });

  it('the lifetime defaults to 8 hours', async () => {
    const other = await startTestServer({ JWT_SECRET: SECRET });
    try {
      const { token } = await other.userWithToken('SUPPLIER');
      const claims = jwt.decode(token) as jwt.JwtPayload;
      expect(claims.exp! - claims.iat!).toBe(8 * 3600);
    } finally {
      await other.destroy();
    }
  });

  it('refuses alg "none"', async () => {
    const payload = { role: 'COMPANY', sub: company.id, iss: ISSUER, aud: AUDIENCE, iat: now(), exp: now() + 3600 };
    await expectRefused(`${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(payload)}.`);
    await expectRefused(`${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(payload)}`);
  });

  it('refuses a token signed with another key', async () => {
    await expectRefused(sign({ role: 'COMPANY' }, {}, 'une-autre-cle-tout-aussi-longue-0123456789'));
  });

  it('refuses a payload changed after signing (role raised to ADMIN)', async () => {
    const [header, payload, signature] = company.token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    await expectRefused(`${header}.${b64url({ ...claims, role: 'ADMIN' })}.${signature}`);
  });

  it('refuses an expired token, and one without expiry', async () => {
    await expectRefused(sign({ role: 'COMPANY', iat: now() - 7200 }, { expiresIn: 60 }));
    const { exp: _exp, ...unbounded } = { role: 'COMPANY', sub: company.id, iss: ISSUER, aud: AUDIENCE, iat: now(), exp: 0 };
    await expectRefused(jwt.sign(unbounded, SECRET, { algorithm: 'HS256' }));
  });

  it('refuses a wrong issuer or audience', async () => {
    await expectRefused(sign({ role: 'COMPANY' }, { issuer: 'quelqu-un-d-autre' }));
    await expectRefused(sign({ role: 'COMPANY' }, { audience: 'une-autre-api' }));
  });

  it('refuses other algorithms: HS512 with our key, RS256, and an RS256 header over an HMAC', async () => {
    await expectRefused(sign({ role: 'COMPANY' }, { algorithm: 'HS512' }));
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await expectRefused(sign({ role: 'COMPANY' }, { algorithm: 'RS256' }, privateKey));
    const [, payload, signature] = sign({ role: 'COMPANY' }).split('.');
    await expectRefused(`${b64url({ alg: 'RS256', typ: 'JWT' })}.${payload}.${signature}`);
  });

  it('refuses a valid token whose role no longer matches the account, or whose account is gone', async () => {
    await expectRefused(sign({ role: 'ADMIN' }));
    await expectRefused(sign({ role: 'COMPANY' }, { subject: 'compte-inexistant' }));
  });

  it('refuses garbage and malformed Authorization headers', async () => {
    await expectRefused('a.b.c');
    await expectRefused('x'.repeat(5000));
    const res = await t.gql(ME, {}, undefined);
    expect(res.data.me).toBeNull(); // no header at all is anonymous, not an error
    const basic = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${company.token}` },
      body: JSON.stringify({ query: ME }),
    });
    expect(basic.status).toBe(401);
  });

  it('says what the header must look like when the token comes without "Bearer "', async () => {
    for (const authorization of [company.token, `Basic ${company.token}`, 'Bearer']) {
      const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query: ME }) });
      expect(res.status).toBe(401);
      const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
      expect(body.errors[0]!.message).toContain('En-tête Authorization attendu : Bearer <jeton>');
    }
    // A well-formed header whose token is bad still says to log in again.
    expect((await t.gql(ME, {}, 'a.b.c')).errors![0]!.message).toContain('reconnectez-vous');
  });
});
