// GET /relances/<token>: a button to stop the follow-ups of one introduction; only its POST does it
// (mail scanners open every link: a GET never changes anything). The same page stops the reminder
// of an invitation to complete a profile (api/campaign), at its own path.
import express from 'express';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { invitationOptOutTarget, optOutOfInvitation } from '../campaign';
import { INVITATION_OPT_OUT_PATH, OPT_OUT_PATH } from '../links';
import { optOut, optOutTarget } from '../introductions';
import type { OutboxRecord } from '../store/types';
import type { Services } from '../services';
import { esc } from './layout';
import { linkPages } from './link-pages';

const OWED = new Set(['HELD', 'PENDING', 'SENDING', 'FAILED']);

type Target<T> = ({ ok: true; rows: OutboxRecord[] } & T) | { ok: false; status: number; message: string };

/** What one kind of opt-out link stops: the rows its token points at, and how to stop them. */
interface StoppedMails<T> {
  prefix: string;
  title: string;
  /** Said when nothing is left to stop. */
  none: string;
  /** The GET's explanation above the button. */
  explanation: string;
  /** Said once they are stopped, to whom the link was for. */
  done(target: Extract<Target<T>, { ok: true }>): string;
  target(services: Services, token: string): Promise<Target<T>>;
  stop(services: Services, target: Extract<Target<T>, { ok: true }>): Promise<boolean>;
}

function stopMailsRoutes<T>(servicesOf: () => Services | null, kind: StoppedMails<T>): express.Router {
  const router = express.Router({ caseSensitive: true, strict: true });
  const limiter = new RateLimiterMemory({ points: 30, duration: 15 * 60 });
  const { send, refuse, ready, throttled } = linkPages(servicesOf, limiter);
  const path = `${kind.prefix}:token`;
  router.use(kind.prefix, ready);

  router.get(path, async (req, res) => {
    const target = await kind.target(servicesOf()!, (req.params as { token: string }).token);
    if (!target.ok) return refuse(res, target.status, target.message);
    if (!target.rows.some((r) => OWED.has(r.state))) return send(res, 200, kind.title, `<p>${esc(kind.none)}</p>`);
    send(res, 200, kind.title, `<p>${esc(kind.explanation)}</p>
<form method="post" action="${esc(req.originalUrl.split('?')[0]!)}">
<p><button type="submit">${esc(kind.title)}</button></p>
</form>`);
  });

  router.post(path, async (req, res) => {
    if (await throttled(req, res)) return;
    const services = servicesOf()!;
    const target = await kind.target(services, (req.params as { token: string }).token);
    if (!target.ok) return refuse(res, target.status, target.message);
    const stopped = await kind.stop(services, target);
    send(res, 200, kind.title, `<p role="status">${esc(stopped ? kind.done(target) : kind.none)}</p>`);
  });
  return router;
}

export const optOutRoutes = (servicesOf: () => Services | null): express.Router =>
  stopMailsRoutes<{ shortlistId: string; supplierId: string | null }>(servicesOf, {
    prefix: OPT_OUT_PATH,
    title: 'Ne plus recevoir de relance',
    none: "Plus aucune relance n'est prévue pour cette mise en relation.",
    explanation: 'Passerelle ESS vous relance une fois, puis une dernière, au sujet de cette mise en relation. Vous pouvez les arrêter dès maintenant ; les autres courriels de la Métropole ne changent pas.',
    done: (target) =>
      `C'est noté : vous ne recevrez plus de relance pour cette mise en relation.${target.supplierId ? ' Une structure peut aussi refuser toutes ses relances depuis son espace (« Ma structure », page « Relances, données et compte »).' : ''}`,
    target: (services, token) => optOutTarget(services.store, services.links, token),
    stop: (services, target) => optOut(services.store, target),
  });

export const invitationOptOutRoutes = (servicesOf: () => Services | null): express.Router =>
  stopMailsRoutes(servicesOf, {
    prefix: INVITATION_OPT_OUT_PATH,
    title: 'Ne plus recevoir de rappel',
    none: "Plus aucun rappel n'est prévu pour cette invitation.",
    explanation: "La Métropole vous a invités à compléter la fiche de votre structure et vous le rappellera une fois. Vous pouvez arrêter ce rappel dès maintenant ; votre fiche reste dans l'annuaire.",
    done: () => "C'est noté : vous ne recevrez pas de rappel.",
    target: (services, token) => invitationOptOutTarget(services.store, services.links, token),
    stop: (services, target) => optOutOfInvitation(services.store, target.rows),
  });
