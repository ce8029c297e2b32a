// GET /besoin/confirmer/<token>: the need as posted and a button; only the button's POST confirms it
// (mail scanners open every link: a GET never changes anything). A confirmation sets the sender cookie.
import express from 'express';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { acknowledgeNeed, confirmationTarget, confirmNeed, SENDER_COOKIE, SENDER_COOKIE_MS, senderCookieValue } from '../needs';
import type { Services } from '../services';
import { esc } from './layout';
import { linkPages } from './link-pages';
import { communeName } from '../reference/communes';
import { CONFIRM_PATH, SIGN_IN_REQUEST_PATH } from '../links';

export function needConfirmationRoutes(servicesOf: () => Services | null): express.Router {
  const router = express.Router({ caseSensitive: true, strict: true });
  const limiter = new RateLimiterMemory({ points: 30, duration: 15 * 60 });
  const { send, refuse, ready, throttled } = linkPages(servicesOf, limiter);
  const path = `${CONFIRM_PATH}:token`;
  router.use(CONFIRM_PATH, ready);

  router.get(path, async (req, res) => {
    const target = await confirmationTarget(servicesOf()!.store, servicesOf()!.links, req.params.token!);
    if (!target.ok) return refuse(res, target.status, target.message);
    const n = target.need;
    send(res, 200, 'Confirmez votre besoin', `<p>Vous avez déposé ce besoin au nom de ${esc(n.companyName ?? '')}. Il parviendra à l'équipe de la Métropole une fois confirmé.</p>
<dl>
<dt>Besoin</dt><dd>${esc(n.title)}</dd>
<dt>Lieu</dt><dd>${esc(communeName(n.communeCode))}</dd>
</dl>
<form method="post" action="${esc(req.originalUrl.split('?')[0]!)}">
<p><button type="submit">Confirmer mon besoin</button></p>
</form>`);
  });

  router.post(path, async (req, res) => {
    if (await throttled(req, res)) return;
    const services = servicesOf()!;
    const target = await confirmationTarget(services.store, services.links, req.params.token!);
    if (!target.ok) return refuse(res, target.status, target.message);
    const confirmed = await confirmNeed(services.store, target.need.id);
    if (!confirmed) return refuse(res, 409, "Ce lien a déjà servi : votre besoin est confirmé et transmis à l'équipe de la Métropole.");
    // The summary mail: what happens next and when, and how to follow the need (once per need).
    await acknowledgeNeed(services, confirmed);
    res.cookie(SENDER_COOKIE, senderCookieValue(services.links, confirmed.contactEmail), {
      httpOnly: true,
      sameSite: 'lax',
      secure: services.publicUrl.startsWith('https:'),
      maxAge: SENDER_COOKIE_MS,
      path: '/',
    });
    send(res, 200, 'Besoin confirmé', `<p role="status">Merci : votre besoin « ${esc(confirmed.title)} » est confirmé et transmis à l'équipe de la Métropole Rouen Normandie. Une liste de structures vous sera proposée ${esc(services.config.serviceCommitment)}, par courriel ; un message récapitulatif vient de vous être envoyé.</p>
<p>Pendant 90 jours, depuis ce navigateur, vos prochains besoins déposés avec la même adresse n'auront pas à être confirmés.</p>
<p>Pour suivre votre besoin, <a href="${SIGN_IN_REQUEST_PATH}">recevez un lien de connexion</a> à cette adresse : il ouvre votre espace « Mes besoins ».</p>`);
  });
  return router;
}
