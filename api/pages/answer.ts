// GET /reponse/<token>: shows the structure's choice and a form; only the form's POST records it
// (mail scanners open every link: a GET never changes anything).
import express from 'express';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { addressKey } from '../auth/throttle';
import { answerTarget, recordResponse } from '../introductions';
import type { Services } from '../services';
import type { SupplierAnswer } from '../store/types';
import { esc, page } from './layout';
import { ANSWER_OF } from '../links';
import { formatDateFr } from '../reference/vocabulary';

const LABEL: Record<SupplierAnswer, string> = { INTERESTED: 'Nous sommes intéressés', NOT_AVAILABLE: 'Pas disponible' };

function answerForm(action: string, intro: string, chosen: SupplierAnswer | null, error: string | null, comment: string): string {
  const radio = (answer: SupplierAnswer, value: string) =>
    `<label><input type="radio" name="choix" value="${value}"${chosen === answer ? ' checked' : ''} required> ${esc(LABEL[answer])}</label>`;
  return `${error ? `<div class="error" role="alert"><p>${esc(error)}</p></div>` : ''}
<p>${esc(intro)}</p>
<form method="post" action="${esc(action)}">
<fieldset>
<legend>Votre réponse</legend>
${radio('INTERESTED', 'interesse')}
${radio('NOT_AVAILABLE', 'indisponible')}
</fieldset>
<label for="commentaire">Commentaire (facultatif)</label>
<p class="hint" id="commentaire-aide">Il sera lu par l'équipe de la Métropole. 1 000 caractères au plus.</p>
<textarea id="commentaire" name="commentaire" maxlength="1000" aria-describedby="commentaire-aide">${esc(comment)}</textarea>
<p><button type="submit">Envoyer ma réponse</button></p>
</form>`;
}

export function answerRoutes(servicesOf: () => Services | null): express.Router {
  const router = express.Router({ caseSensitive: true, strict: true });
  // Per client: a link can only touch its own introduction, but nobody needs hundreds of answers an hour.
  const limiter = new RateLimiterMemory({ points: 30, duration: 15 * 60 });
  const send = (res: express.Response, status: number, title: string, body: string) =>
    res.status(status).set('cache-control', 'no-store').set('referrer-policy', 'no-referrer').type('html').send(page(title, body));
  const refuse = (res: express.Response, status: number, message: string) => send(res, status, 'Lien refusé', `<p>${esc(message)}</p>`);

  router.use((_req, res, next) => {
    if (servicesOf()) return next();
    send(res, 503, 'Service en cours de démarrage', '<p>Réessayez dans un instant.</p>');
  });

  router.get('/reponse/:token', async (req, res) => {
    const services = servicesOf()!;
    const target = await answerTarget(services.store, services.links, req.params.token);
    if (!target.ok) return refuse(res, target.status, target.message);
    const choice = typeof req.query.choix === 'string' ? (ANSWER_OF[req.query.choix] ?? null) : null;
    const intro = `${target.firmName} cherche une structure de l'ESS pour « ${target.needTitle} ». Dites-nous si ${target.supplier.name} est intéressée.`;
    const already = target.response ? `<p>Vous avez déjà répondu : « ${esc(LABEL[target.response.answer])} ». Vous pouvez changer votre réponse.</p>` : '';
    const closed = target.need.closedAt
      ? `<p class="notice">La Métropole a clos ce besoin le ${esc(formatDateFr(target.need.closedAt))} : l'entreprise a sans doute trouvé sa solution. Votre réponse reste transmise à la Métropole.</p>`
      : '';
    send(res, 200, 'Votre réponse à la mise en relation', closed + already + answerForm(req.originalUrl.split('?')[0]!, intro, choice ?? target.response?.answer ?? null, null, target.response?.comment ?? ''));
  });

  router.post('/reponse/:token', express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 10 }), async (req, res) => {
    const services = servicesOf()!;
    try {
      await limiter.consume(addressKey(req.ip ?? 'unknown'));
    } catch {
      return refuse(res, 429, 'Trop de réponses envoyées depuis votre connexion. Réessayez dans quelques minutes.');
    }
    const target = await answerTarget(services.store, services.links, req.params.token);
    if (!target.ok) return refuse(res, target.status, target.message);
    const saved = await recordResponse(services.store, target, req.body ?? {});
    if (!saved.ok) {
      const form = (req.body ?? {}) as Record<string, unknown>;
      const comment = typeof form.commentaire === 'string' ? form.commentaire : '';
      const chosen = typeof form.choix === 'string' ? (ANSWER_OF[form.choix] ?? null) : null;
      const intro = `${target.firmName} cherche une structure de l'ESS pour « ${target.needTitle} ».`;
      return send(res, 400, 'Votre réponse à la mise en relation', answerForm(req.originalUrl, intro, chosen, saved.message, comment));
    }
    const thanks =
      saved.response.answer === 'INTERESTED'
        ? `Merci : votre intérêt est enregistré. L'entreprise ${target.firmName} a votre adresse et peut vous écrire ; vous pouvez aussi lui répondre directement par courriel.`
        : "Merci : nous avons noté que votre structure n'est pas disponible pour ce besoin.";
    send(res, 200, 'Réponse enregistrée', `<p role="status">${esc(thanks)}</p><p>Vous pouvez changer d'avis en suivant à nouveau le lien de votre courriel, ou depuis l'espace de votre structure : <a href="/ma-structure/mises-en-relation">Mises en relation reçues</a>.</p>`);
  });
  return router;
}
