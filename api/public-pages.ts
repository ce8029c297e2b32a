// The public pages of the web app (web/public.html, built with the console into web/dist): the home at /
// (directory search, "Déposer un besoin", sign-in link request) and /acces (a mailed sign-in link, then the
// structure's own profile). Same CSP as the console; a GET only serves the page, the page's button signs in.
import fs from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express from 'express';
import { CONSOLE_CSP, WEB_DIST } from './console';

/** The paths the public app routes in the browser; any other path gets the 404 (a page for a browser, JSON otherwise). */
export const PUBLIC_PATHS = ['/', '/acces', '/connexion', '/ma-structure', '/mes-achats', '/ma-structure/mises-en-relation', '/ma-structure/compte', '/mes-besoins'] as const;

export function publicPageRoutes(dist = WEB_DIST): express.Router {
  const router = express.Router({ caseSensitive: true, strict: true });
  for (const p of PUBLIC_PATHS) router.get(p, compression(), (_req, res) => sendPublicPage(res, dist));
  return router;
}

/** A page of the public app (`file` in web/dist), under `csp` (the console's unless told). */
export function sendPublicPage(res: express.Response, dist = WEB_DIST, file = 'public.html', csp = CONSOLE_CSP): void {
  res.setHeader('Content-Security-Policy', csp);
  // The sign-in token sits in the query string: never pass it on to another site.
  res.setHeader('Referrer-Policy', 'no-referrer');
  const page = path.join(dist, file);
  if (!fs.existsSync(page)) {
    res.status(503).type('text/plain; charset=utf-8').send('Les pages publiques ne sont pas construites : lancez « npm run build:web » (npm start le fait).');
    return;
  }
  res.setHeader('Cache-Control', 'no-cache');
  res.sendFile(page);
}
