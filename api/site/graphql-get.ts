// GET /graphql for the public site's documents (graphql/public-operations.ts), so that a CDN and
// browsers can keep their answers: anonymous whatever the request carries, `Cache-Control: public`,
// the directory's version as ETag (304 when it has not moved), and no CSRF header asked (a public
// read has nothing to protect). `operationName` alone is enough (the document is filled in), or the
// document itself, written any way (layout, comments and the `__typename` fields a client cache adds
// do not count). Any other GET goes on to Apollo untouched: its CSRF guard refuses it unless it
// carries a preflight header, and its answer is nobody's to keep.
import express from 'express';
import { Kind, parse, print, visit, type DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { PUBLIC_OPERATIONS } from '../../graphql/public-operations';
import { directoryETag, MAX_AGE_SECONDS } from '../map-layer';
import type { Services } from '../services';

/** A public document is a few hundred characters: longer is not one of them, and is not parsed. */
const MAX_QUERY_CHARS = 4096;

function canonical(document: DocumentNode): string {
  return print(visit(document, { Field: (node) => (node.name.value === '__typename' ? null : undefined) }));
}

const CANONICAL = new Map(Object.entries(PUBLIC_OPERATIONS).map(([name, text]) => [name, canonical(parse(text))]));

// The page sends the same text at each keystroke: parsing and printing it each time was a fifth of
// what a search-as-you-type request allocated. Texts read are remembered, a bounded number of them.
const compared = new LRUCache<string, boolean>({ max: 256 });

function sameDocument(text: string, name: string): boolean {
  if (text.length > MAX_QUERY_CHARS) return false;
  const key = `${name}\u0000${text}`;
  let same = compared.get(key);
  if (same === undefined) compared.set(key, (same = readsAs(text, name)));
  return same;
}

function readsAs(text: string, name: string): boolean {
  try {
    const document = parse(text);
    // One operation, the one named: no other operation or fragment rides along.
    if (document.definitions.length !== 1 || document.definitions[0]!.kind !== Kind.OPERATION_DEFINITION) return false;
    return canonical(document) === CANONICAL.get(name);
  } catch {
    return false;
  }
}

export function graphqlGetRoutes(servicesOf: () => Services | null): express.Router {
  const router = express.Router({ caseSensitive: true, strict: true });
  router.get('/graphql', (req, res, next) => {
    const url = new URL(req.originalUrl, 'http://localhost');
    const params = url.searchParams;
    const name = params.get('operationName') ?? '';
    const query = params.get('query');
    if (!CANONICAL.has(name) || params.getAll('query').length > 1 || (query !== null && !sameDocument(query, name))) return next();
    const services = servicesOf();
    if (!services) return next(); // the /graphql route says the service is starting
    if (query === null) {
      params.set('query', PUBLIC_OPERATIONS[name]!);
      req.url = `${req.path}?${params.toString()}`;
    }
    // The answer is the same for everyone: no token or cookie is read, and the CSRF guard (a custom
    // header required on GET) has nothing to protect in a public read.
    delete req.headers.authorization;
    delete req.headers.cookie;
    req.headers['apollo-require-preflight'] = 'true';
    // Read before executing: an answer never carries a newer version's ETag than its content.
    res.set({ etag: directoryETag(services.matching.directory.version), 'cache-control': `public, max-age=${MAX_AGE_SECONDS}` });
    if (req.fresh) return res.status(304).end();
    next();
  });
  return router;
}
