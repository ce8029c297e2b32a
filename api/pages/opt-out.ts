// GET /relances/<token>: a button to stop the follow-ups of one introduction; only its POST does it
// (mail scanners open every link: a GET never changes anything).
import express from 'express';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { OPT_OUT_PATH, optOut, optOutTarget } from '../domain/follow-ups';
import type { Services } from '../services';
import { esc } from './layout';
import { linkPages } from './link-pages';

const OWED = new Set(['HELD', 'PENDING', 'SENDING', 'FAILED']);

export function optOutRoutes(servicesOf: () => Services | null): express.Router {
  const router = express.Router({ caseSensitive: true, strict: true });
  const limiter = new RateLimiterMemory({ points: 30, duration: 15 * 60 });
  const { send, refuse, ready, throttled } = linkPages(servicesOf, limiter);
  const path = `${OPT_OUT_PATH}:token`;
  const TITLE = 'Ne plus recevoir de relance';
  const NONE = "Plus aucune relance n'est prévue pour cette mise en relation.";
  router.use(OPT_OUT_PATH, ready);

  router.get(path, async (req, res, next) => {
    try {
      const services = servicesOf()!;
      const target = await optOutTarget(services.store, services.links, req.params.token!);
      if (!target.ok) return refuse(res, target.status, target.message);
      if (!target.rows.some((r) => OWED.has(r.state))) return send(res, 200, TITLE, `<p>${esc(NONE)}</p>`);
      send(res, 200, TITLE, `<p>Passerelle ESS vous relance une fois, puis une dernière, au sujet de cette mise en relation. Vous pouvez les arrêter dès maintenant ; les autres courriels de la Métropole ne changent pas.</p>
<form method="post" action="${esc(req.originalUrl.split('?')[0]!)}">
<p><button type="submit">Ne plus recevoir de relance</button></p>
</form>`);
    } catch (err) {
      next(err);
    }
  });

  router.post(path, async (req, res, next) => {
    try {
      if (await throttled(req, res)) return;
      const services = servicesOf()!;
      const target = await optOutTarget(services.store, services.links, req.params.token!);
      if (!target.ok) return refuse(res, target.status, target.message);
      const stopped = await optOut(services.store, target);
      send(res, 200, TITLE, `<p role="status">${esc(stopped ? "C'est noté : vous ne recevrez plus de relance pour cette mise en relation." : NONE)}</p>`);
    } catch (err) {
      next(err);
    }
  });
  return router;
}
