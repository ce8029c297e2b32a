// GET /invitation/<token>: a button to stop an invitation to complete a profile (its reminder);
// only its POST does it (mail scanners open every link: a GET never changes anything).
import express from 'express';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { INVITATION_OPT_OUT_PATH, invitationOptOutTarget, optOutOfInvitation } from '../campaign';
import type { Services } from '../services';
import { esc } from './layout';
import { linkPages } from './link-pages';

const OWED = new Set(['HELD', 'PENDING', 'SENDING', 'FAILED']);

export function invitationOptOutRoutes(servicesOf: () => Services | null): express.Router {
  const router = express.Router({ caseSensitive: true, strict: true });
  const limiter = new RateLimiterMemory({ points: 30, duration: 15 * 60 });
  const { send, refuse, ready, throttled } = linkPages(servicesOf, limiter);
  const path = `${INVITATION_OPT_OUT_PATH}:token`;
  const TITLE = 'Ne plus recevoir de rappel';
  const NONE = "Plus aucun rappel n'est prévu pour cette invitation.";
  router.use(INVITATION_OPT_OUT_PATH, ready);

  router.get(path, async (req, res, next) => {
    try {
      const services = servicesOf()!;
      const target = await invitationOptOutTarget(services.store, services.links, req.params.token!);
      if (!target.ok) return refuse(res, target.status, target.message);
      if (!target.rows.some((r) => OWED.has(r.state))) return send(res, 200, TITLE, `<p>${esc(NONE)}</p>`);
      send(res, 200, TITLE, `<p>La Métropole vous a invités à compléter la fiche de votre structure et vous le rappellera une fois. Vous pouvez arrêter ce rappel dès maintenant ; votre fiche reste dans l'annuaire.</p>
<form method="post" action="${esc(req.originalUrl.split('?')[0]!)}">
<p><button type="submit">Ne plus recevoir de rappel</button></p>
</form>`);
    } catch (err) {
      next(err);
    }
  });

  router.post(path, async (req, res, next) => {
    try {
      if (await throttled(req, res)) return;
      const services = servicesOf()!;
      const target = await invitationOptOutTarget(services.store, services.links, req.params.token!);
      if (!target.ok) return refuse(res, target.status, target.message);
      const stopped = await optOutOfInvitation(services.store, target.rows);
      send(res, 200, TITLE, `<p role="status">${esc(stopped ? "C'est noté : vous ne recevrez pas de rappel." : NONE)}</p>`);
    } catch (err) {
      next(err);
    }
  });
  return router;
}
