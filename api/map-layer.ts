// GET /directory.geojson, the website's map layer. 30,000 structures are 16 MB of JSON, 120 ms to
// build: each answer is built once per version of the directory (every write moves it), gzipped
// off the event loop, kept, and revalidated by its ETag; a CDN may keep it a minute. A client that
// asks too often is told to wait, and `bbox` lets a map ask only for the part in view.
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import express from 'express';
import { GraphQLError } from 'graphql';
import { LRUCache } from 'lru-cache';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { addressKey } from './auth/throttle';
import { directoryGeoJsonText, mapQueryKey, mapQueryOf, type MapQuery } from './directory';
import type { Services } from './services';

export const MAP_PATH = '/directory.geojson';
/** Requests per client per minute: a map asks again at each move; 304s count as well. */
export const MAP_REQUESTS_PER_MINUTE = 120;
/** How long a CDN or a browser may answer without asking: a write shows within a minute. */
export const MAX_AGE_SECONDS = 60;
/** Bytes of kept answers (identity and gzip): the whole directory and many filtered or boxed views. */
const MAX_BYTES = 32 * 1024 * 1024;
const MAX_ENTRIES = 2_000;

interface Answer {
  readonly identity: Buffer;
  readonly gzipped: Buffer;
}

const gzipAsync = promisify(gzip);
const json = (res: express.Response, status: number, message: string, extensions: Record<string, unknown>) =>
  res.status(status).json({ errors: [{ message, extensions }] });

// The version counts writes since this process started: the epoch keeps a restarted process's
// ETags from matching another one's.
const epoch = randomBytes(6).toString('base64url');
/** The directory's version as a weak ETag: every answer that depends on the public directory alone (the map, its GET queries). */
export const directoryETag = (version: number): string => `W/"${epoch}-${version}"`;

export function mapLayerRoutes(servicesOf: () => Services | null): express.Router {
  const router = express.Router({ caseSensitive: true, strict: true });
  const limiter = new RateLimiterMemory({ points: MAP_REQUESTS_PER_MINUTE, duration: 60 });
  const answers = new LRUCache<string, Answer, { services: Services; query: MapQuery }>({
    maxSize: MAX_BYTES,
    max: MAX_ENTRIES,
    sizeCalculation: (a) => a.identity.byteLength + a.gzipped.byteLength,
    // Concurrent requests for one answer wait for the same build.
    fetchMethod: async (_key, _stale, { context }) => {
      const identity = Buffer.from(directoryGeoJsonText(context.services, context.query, context.services.publicUrl));
      return { identity, gzipped: await gzipAsync(identity) };
    },
  });

  router.get(MAP_PATH, async (req, res, next) => {
    const services = servicesOf();
    if (!services) return json(res, 503, 'Service en cours de démarrage, réessayez dans un instant.', { code: 'SERVICE_UNAVAILABLE' });
    try {
      await limiter.consume(addressKey(req.ip ?? 'unknown'));
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) return next(err);
      const seconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
      res.set('retry-after', String(seconds));
      return json(res, 429, `Trop de demandes de la carte depuis votre connexion. Réessayez dans ${seconds} seconde(s).`, { code: 'TOO_MANY_REQUESTS' });
    }
    let query: MapQuery;
    try {
      query = mapQueryOf(req.query as Record<string, unknown>);
    } catch (err) {
      if (!(err instanceof GraphQLError) || err.extensions.code !== 'BAD_USER_INPUT') return next(err);
      return json(res, 400, err.message, { code: 'BAD_USER_INPUT', field: err.extensions.field });
    }
    // Read before the build: an answer never carries a newer version's ETag than its content.
    const version = services.matching.directory.version;
    res.set({ etag: directoryETag(version), 'cache-control': `public, max-age=${MAX_AGE_SECONDS}`, vary: 'Accept-Encoding' });
    if (req.fresh) return res.status(304).end();
    const answer = (await answers.fetch(`${version}\u0000${mapQueryKey(query)}`, { context: { services, query } }))!;
    const zipped = req.acceptsEncodings('gzip', 'identity') === 'gzip';
    if (zipped) res.set('content-encoding', 'gzip');
    res.type('application/geo+json').send(zipped ? answer.gzipped : answer.identity);
  });
  return router;
}
