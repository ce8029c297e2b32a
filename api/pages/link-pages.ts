// What every page reached from a mail's link shares: no cache, no referrer (the token is in the
// path), a French refusal page, a 503 while starting, and a per-client limit on POSTs.
import type express from 'express';
import type { RateLimiterMemory } from 'rate-limiter-flexible';
import { addressKey } from '../auth/throttle';
import type { Services } from '../services';
import { esc, page } from './layout';

export function linkPages(servicesOf: () => Services | null, limiter: RateLimiterMemory) {
  const send = (res: express.Response, status: number, title: string, body: string) =>
    res.status(status).set('cache-control', 'no-store').set('referrer-policy', 'no-referrer').type('html').send(page(title, body));
  const refuse = (res: express.Response, status: number, message: string) => send(res, status, 'Lien refusé', `<p>${esc(message)}</p>`);
  const ready = (_req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (servicesOf()) return next();
    send(res, 503, 'Service en cours de démarrage', '<p>Réessayez dans un instant.</p>');
  };
  /** True (and the answer sent) when this client posted too often. */
  const throttled = async (req: express.Request, res: express.Response): Promise<boolean> => {
    try {
      await limiter.consume(addressKey(req.ip ?? 'unknown'));
      return false;
    } catch {
      refuse(res, 429, 'Trop de demandes envoyées depuis votre connexion. Réessayez dans quelques minutes.');
      return true;
    }
  };
  return { send, refuse, ready, throttled };
}
