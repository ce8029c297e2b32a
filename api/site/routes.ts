// What the Métropole's website uses of us: the directory it frames (/embed/annuaire, framed only by
// the FRAME_ANCESTORS origins; every other page keeps frame-ancestors 'none'), each structure's public
// page (/structures/<slug>) and its map, and GET on /graphql for the public documents.
import compression from 'compression';
import express from 'express';
import { findBySlug, supplierSlug } from '../directory';
import type { Config } from '../config';
import { CONSOLE_CSP } from '../console';
import { sendPublicPage } from '../public-pages';
import type { Services } from '../services';
import { graphqlGetRoutes } from './graphql-get';
import { structureMapSvg } from './structure-map';

export const EMBED_PATH = '/embed/annuaire';

/** The console's policy, but framable by the site's origins (and ours, for a preview). */
export const embedCsp = (frameAncestors: readonly string[]): string =>
  CONSOLE_CSP.replace("frame-ancestors 'none'", ["frame-ancestors 'self'", ...frameAncestors].join(' '));

export function publicSiteRoutes(config: Pick<Config, 'frameAncestors'>, servicesOf: () => Services | null): express.Router {
  const router = express.Router({ caseSensitive: true, strict: true });
  router.use(graphqlGetRoutes(servicesOf));

  const csp = embedCsp(config.frameAncestors);
  router.get(EMBED_PATH, compression(), (_req, res) => {
    // Helmet's X-Frame-Options would forbid what frame-ancestors allows (older browsers read only it).
    res.removeHeader('X-Frame-Options');
    sendPublicPage(res, undefined, 'embed.html', csp);
  });

  /** The structure at this slug; an old slug (renamed since) is sent on to the current one. */
  const structure = (req: express.Request, res: express.Response, next: express.NextFunction, suffix = '') => {
    const services = servicesOf();
    if (!services) {
      res.status(503).type('text/plain; charset=utf-8').send('Service en cours de démarrage, réessayez dans un instant.');
      return null;
    }
    const found = findBySlug(services, String(req.params.slug));
    if (!found) {
      next();
      return null;
    }
    if (!found.canonical) {
      res.redirect(301, `/structures/${supplierSlug(found.supplier)}${suffix}`);
      return null;
    }
    return found.supplier;
  };
  router.get('/structures/:slug', compression(), (req, res, next) => {
    if (structure(req, res, next)) sendPublicPage(res);
  });
  router.get('/structures/:slug/carte.svg', compression(), (req, res, next) => {
    const s = structure(req, res, next, '/carte.svg');
    if (s) res.set('cache-control', 'public, max-age=300').type('image/svg+xml').send(structureMapSvg(s));
  });
  return router;
}
