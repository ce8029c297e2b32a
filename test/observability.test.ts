// The operator's view: the structured log of a real service process (JSON lines, request ids, no
// secret), /readyz's answers and /metrics behind its token. Real processes, real HTTP, a real SMTP peer.
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../api/config';
import { createHttpEdge } from '../api/http';
import { silentLogger } from '../api/observability';
import { outboxRow } from '../api/mail';
import { needInput } from './helpers/fixtures';
import { postGraphQL, raw } from './helpers/http';
import { createUserBefore, exitOf, readyUrl, spawnService } from './helpers/process';
import { startTestServer, tempDataDir, type TestServer } from './helpers/server';
import { addresses, startSmtp } from './helpers/smtp';
import { waitFor } from './helpers/wait';

const POST_NEED = `mutation DeposerBesoin($input: NeedInput!) { postNeed(input: $input) { id } }`;
const LOGIN = `mutation Connexion($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;

describe('the log of a service process', () => {
  it('is JSON lines with a request id, and holds no token, password, link token nor address', async () => {
    const dataDir = tempDataDir();
    const officer = { email: 'agent.journal@metropole.example', password: 'Journal-Secret-2026!' };
    const wrongPassword = 'Mauvais-Secret-9876!';
    createUserBefore(dataDir, officer.email, officer.password, 'OFFICER');
    const refused = 'refuse.journal@bureaux.example';
    const accepted = 'achats.journal@bureaux.example';
    const smtp = await startSmtp(0, { refuse: (a) => a === refused, refusal: (a) => `<${a}>: Recipient address rejected` });
    const child = spawnService({ DATA_DIR: dataDir, SMTP_URL: smtp.url, MAIL_POLL_INTERVAL: '50ms' });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    const exited = exitOf(child);
    try {
      const url = await readyUrl(child);
      const origin = url.replace('/graphql', '');

      // A password, right and wrong; the token it gives, used.
      const login = await postGraphQL(url, { query: LOGIN, variables: { e: officer.email, p: officer.password }, operationName: 'Connexion' }, { 'x-request-id': 'essai-journal-1' });
      expect(login.headers.get('x-request-id')).toBe('essai-journal-1');
      const token: string = login.json.data.login.token;
      await postGraphQL(url, { query: LOGIN, variables: { e: officer.email, p: wrongPassword } });
      const me = await postGraphQL(url, { query: '{ me { email } }' }, { authorization: `Bearer ${token}` });
      expect(me.json.data.me.email).toBe(officer.email);
      expect(me.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/); // generated when none came in
      // A forged id (a line break to inject a log line) is replaced, not kept.
      expect((await raw(`${origin}/healthz`, { headers: { 'x-request-id': 'a b' } })).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

      // Two needs without an account: one confirmation mail refused by the SMTP peer, one delivered with its link.
      await postGraphQL(url, { query: POST_NEED, variables: { input: needInput({ companyName: 'Bureaux Refus SARL', contactEmail: refused }) } }, { 'x-forwarded-for': '198.51.100.7' });
      await postGraphQL(url, { query: POST_NEED, variables: { input: needInput({ companyName: 'Bureaux Journal SARL', contactEmail: accepted }) } }, { 'x-forwarded-for': '198.51.100.8' });
      const mail = await waitFor('the confirmation mail', () => smtp.messages.find((m) => addresses(m.to).includes(accepted)));
      const link = /<a href="([^"]+)">Confirmer mon besoin<\/a>/.exec(String(mail.html))![1]!;
      const linkToken = decodeURIComponent(link.split('/').pop()!);
      expect((await raw(link.replace(/^https?:\/\/[^/]+/, origin))).status).toBe(200);
      const accessToken = 'jeton-de-connexion-0123456789abcdef';
      await raw(`${origin}/acces?jeton=${accessToken}`, { headers: { accept: 'text/html' } });
      await waitFor('the refused mail logged', () => /non envoyé \(tentative 1\)/.test(out));

      child.kill('SIGTERM');
      expect(await exited).toEqual({ code: 0, signal: null });

      const log = out + err;
      for (const secret of [officer.password, wrongPassword, token, linkToken, encodeURIComponent(linkToken), accessToken, officer.email, refused, accepted]) {
        expect({ secret, inLog: log.includes(secret) }).toEqual({ secret, inLog: false });
      }
      const lines = out.trim().split('\n');
      const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>); // every line is JSON
      for (const entry of entries) expect(entry).toMatchObject({ time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), level: expect.any(String), message: expect.any(String) });
      const graphqlLine = entries.find((e) => e.requestId === 'essai-journal-1' && e.operation === 'Connexion');
      expect(graphqlLine).toMatchObject({ level: 'info', operationType: 'mutation' });
      expect(entries.find((e) => e.requestId === 'essai-journal-1' && e.path === '/graphql')).toMatchObject({ method: 'POST', status: 200, duration: expect.any(Number) });
      expect(entries.some((e) => e.operation === 'Connexion' && (e.errorCodes as string[] | undefined)?.includes('UNAUTHENTICATED'))).toBe(true);
      expect(entries.some((e) => e.path === '/besoin/confirmer/[masqué]' && e.status === 200)).toBe(true);
      expect(entries.some((e) => e.path === '/acces?jeton=[masqué]')).toBe(true);
      expect(entries.some((e) => /^SIGTERM reçu/.test(String(e.message)))).toBe(true); // written out before the process exited

    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await smtp.close();
    }
  });
});

describe('/readyz', () => {
  it('answers 503 with the reason before the store is open, while /healthz says alive', async () => {
    // The edge as startServer builds it first, before opening the store: no services yet.
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', DATA_DIR: tempDataDir() });
    const { httpServer: server, apollo } = await createHttpEdge(config, { services: null, stopping: false }, silentLogger());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const res = await raw(`http://127.0.0.1:${(server.address() as AddressInfo).port}/readyz`);
      expect(res.status).toBe(503);
      expect(res.json).toEqual({ status: 'unavailable', reason: expect.stringMatching(/^Démarrage en cours/) });
      // Alive all the same: a liveness probe must not kill a start in progress.
      expect(await raw(`http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`)).toMatchObject({ status: 200, json: { status: 'starting' } });
    } finally {
      await apollo.stop();
    }
  });

  it('answers 200 when ready, and 503 naming the outbox once its worker no longer runs', async () => {
    const t = await startTestServer();
    try {
      const readyz = t.url.replace('/graphql', '/readyz');
      expect(await raw(readyz)).toMatchObject({ status: 200, json: { status: 'ready' } });
      await t.server.services.outbox.stop();
      const res = await raw(readyz);
      expect(res.status).toBe(503);
      expect(res.json.reason).toMatch(/boîte d'envoi ne tourne pas/);
      expect((await raw(t.url.replace('/graphql', '/healthz'))).status).toBe(200); // alive all the same
    } finally {
      await t.destroy();
    }
  });
});

describe('/metrics', () => {
  const TOKEN = 'jeton-metriques-0123456789';
  let t: TestServer;
  let metricsUrl: string;
  beforeAll(async () => {
    t = await startTestServer({ METRICS_TOKEN: TOKEN });
    metricsUrl = t.url.replace('/graphql', '/metrics');
  });
  afterAll(() => t.destroy());

  it('is refused without the token or with another one', async () => {
    const none = await raw(metricsUrl);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(none.text).not.toMatch(/http_requests_total/);
    expect((await raw(metricsUrl, { headers: { authorization: 'Bearer autre-jeton-0123456789' } })).status).toBe(401);
    expect((await raw(metricsUrl, { headers: { authorization: TOKEN } })).status).toBe(401);
  });

  it('does not exist without METRICS_TOKEN', async () => {
    const other = await startTestServer();
    try {
      expect((await raw(other.url.replace('/graphql', '/metrics'), { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    } finally {
      await other.destroy();
    }
  });

  it('tells requests by route template, GraphQL operations and errors, the outbox, the indexes, the process', async () => {
    const origin = t.url.replace('/graphql', '');
    await postGraphQL(t.url, { query: 'query Annuaire { suppliers { totalCount } }', operationName: 'Annuaire' });
    await postGraphQL(t.url, { query: 'query Refusee { shortlist(id: "x") { id } }', operationName: 'Refusee' });
    await raw(`${origin}/reponse/eyJhbGciOiJIUzI1NiJ9.eyJ4IjoieSJ9.c2lnbmF0dXJlLWZhdXNzZQ?choix=oui`);
    // A mail due two hours ago that nothing sends (the worker stopped): the oldest pending mail's age says so.
    await t.server.services.outbox.stop();
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await t.server.services.store.outbox.insert(outboxRow({ id: 'metriques:attente', kind: 'NEED_RECEIVED', to: 'x@exemple.fr', domain: 'exemple.fr', due: twoHoursAgo, now: twoHoursAgo }));

    const res = await raw(metricsUrl, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const value = (series: string): number => {
      const line = res.text.split('\n').find((l) => l.startsWith(`${series} `));
      if (!line) throw new Error(`no series ${series} in /metrics`);
      return Number(line.slice(series.length + 1));
    };
    expect(value('http_requests_total{method="POST",route="/graphql",status="200"}')).toBeGreaterThanOrEqual(2);
    expect(value('http_requests_total{method="GET",route="/reponse/:token",status="403"}')).toBe(1);
    expect(res.text).toMatch(/^http_request_duration_seconds_bucket\{le="0\.1",method="POST",route="\/graphql",status="200"\} \d+$/m);
    expect(res.text).not.toMatch(/eyJhbGciOiJIUzI1NiJ9/);
    expect(value('graphql_operations_total{operation="Annuaire",type="query"}')).toBe(1);
    expect(value('graphql_errors_total{code="UNAUTHENTICATED"}')).toBe(1);
    expect(value('passerelle_outbox_mails{state="PENDING"}')).toBe(1);
    expect(value('passerelle_outbox_oldest_pending_age_seconds')).toBeGreaterThan(3600);
    expect(value('passerelle_follow_ups_due')).toBe(0);
    expect(value('passerelle_directory_structures')).toBe(t.server.services.matching.directory.size);
    expect(value('passerelle_matcher_structures')).toBe(t.server.services.matching.size);
    expect(value('passerelle_index_refresh_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(value('passerelle_ready')).toBe(0); // the outbox worker was stopped above
    for (const name of ['nodejs_eventloop_lag_seconds', 'process_resident_memory_bytes', 'nodejs_heap_size_used_bytes']) {
      expect(res.text).toMatch(new RegExp(`^${name} `, 'm'));
    }
  });
});
