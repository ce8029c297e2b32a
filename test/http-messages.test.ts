// The HTTP server creates its requests and responses as express's own (api/http.ts, createHttpEdge,
// which startServer uses), so that express never moves them onto its prototypes under load. Real
// HTTP: each request and response has the app's prototypes from its creation, and what express adds
// to them (res.json, res.status, helmet's headers) works.
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../api/config';
import { createHttpEdge } from '../api/http';
import { silentLogger } from '../api/observability';
import { raw } from './helpers/http';
import { tempDataDir } from './helpers/server';

describe("the HTTP server's requests and responses", () => {
  it("are created as express's own, and express's methods answer", async () => {
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', DATA_DIR: tempDataDir() });
    const { httpServer, app, apollo } = await createHttpEdge(config, { services: null, stopping: false }, silentLogger());
    const created: Array<{ request: boolean; response: boolean }> = [];
    // Ahead of the app's own listener: as node created them, before express sees them.
    httpServer.prependListener('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      created.push({ request: Object.getPrototypeOf(req) === app.request, response: Object.getPrototypeOf(res) === app.response });
    });
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
    try {
      const health = await raw(`${origin}/healthz`);
      expect(health).toMatchObject({ status: 200, json: { status: 'starting' } });
      expect(health.headers.get('x-content-type-options')).toBe('nosniff'); // helmet, through res.setHeader
      const graphql = await raw(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
      expect(graphql.status).toBe(503);
      expect(graphql.json.errors[0].message).toMatch(/^Service en cours de démarrage/);
      expect(created).toEqual([
        { request: true, response: true },
        { request: true, response: true },
      ]);
    } finally {
      await apollo.stop();
    }
  });
});
