// Serves the officers' console (web/dist, built by Vite) at /console: hashed assets cached for a year,
// index.html never cached, gzip, a strict Content-Security-Policy, and index.html for every other
// /console/* path (the app routes in the browser). The console reaches the domain only through /graphql.
import fs from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express from 'express';

export const WEB_DIST = path.join(__dirname, '..', 'web', 'dist');

/** Same-origin only: no inline script, no other host; styles set from scripts (Chart.js, bar widths) go through the CSSOM. */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function consoleRoutes(dist = WEB_DIST): express.Router {
  const router = express.Router({ caseSensitive: true, strict: true });
  router.use('/console', compression(), (_req, res, next) => {
    res.setHeader('Content-Security-Policy', CONSOLE_CSP);
    next();
  });
  router.use(
    '/console/assets',
    express.static(path.join(dist, 'assets'), {
      index: false,
      fallthrough: false,
      immutable: true,
      maxAge: '365d',
    }),
  );
  const sendIndex = (_req: express.Request, res: express.Response) => {
    const index = path.join(dist, 'index.html');
    if (!fs.existsSync(index)) {
      res.status(503).type('text/plain; charset=utf-8').send('La console n’est pas construite : lancez « npm run build:web » (npm start le fait).');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  };
  router.get('/console', sendIndex);
  router.get('/console/{*path}', sendIndex);
  return router;
}
