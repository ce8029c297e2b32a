// GET /suites/<token>: the structures introduced to the firm, each with what the firm last said of it
// and a form; only a form's POST records an outcome (a GET never changes anything), through the same
// domain function as the recordOutcome mutation.
import express from 'express';
import { GraphQLError } from 'graphql';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { isFinal, outcomesTarget, OUTCOME_STATUSES, recordOutcomeFromLink, type ShortlistItemView } from '../introductions';
import { formatEuros, OUTCOME_FR, structureKindFr } from '../reference/vocabulary';
import type { Services } from '../services';
import type { NeedRecord, OutcomeStatus } from '../store/types';
import { esc } from './layout';
import { linkPages } from './link-pages';
import { communeName } from '../reference/communes';
import { OUTCOMES_PATH } from '../links';

const FIELD_FR: Record<string, string> = { status: 'Suite', amount: 'Montant', insertionHours: "Heures d'insertion", supplierId: 'Structure' };

interface Typed {
  supplierId: string;
  status: string;
  amount: string;
  hours: string;
}

function itemSection(item: ShortlistItemView, need: NeedRecord, action: string, typed: Typed | null, error: string | null): string {
  const n = item.rank;
  const o = item.outcome;
  const chosen = typed?.status ?? o?.status ?? null;
  const current = o
    ? `${OUTCOME_FR[o.status]}${o.amount !== null ? ` — ${formatEuros(o.amount)}` : ''}${o.insertionHours ? ` — ${o.insertionHours} heures d'insertion` : ''}`
    : 'pas encore renseignée';
  const radios = OUTCOME_STATUSES.map(
    (s) => `<label><input type="radio" name="suite" value="${s}"${chosen === s ? ' checked' : ''} required> ${esc(OUTCOME_FR[s])}</label>`,
  ).join('\n');
  const hours =
    need.kind === 'INSERTION_CLAUSE'
      ? `<label for="heures-${n}">Heures d'insertion réalisées (marché remporté)</label>
<p class="hint" id="heures-${n}-aide">Heures de travail de personnes en insertion ou en situation de handicap, nombre entier.</p>
<input id="heures-${n}" name="heures" inputmode="numeric" autocomplete="off" aria-describedby="heures-${n}-aide" value="${esc(typed?.hours ?? (o?.insertionHours != null ? String(o.insertionHours) : ''))}">`
      : '';
  return `<section aria-labelledby="structure-${n}">
<h2 id="structure-${n}">${n}. ${esc(item.supplier.name)}</h2>
<p>${esc(structureKindFr(item.supplier))} — ${esc(communeName(item.supplier.communeCode))}</p>
<p>Suite actuelle : ${esc(current)}</p>
${error ? `<div class="error" role="alert"><p>${esc(error)}</p></div>` : ''}
<form method="post" action="${esc(action)}">
<input type="hidden" name="structure" value="${esc(item.supplierId)}">
<fieldset>
<legend>Qu'a donné cette mise en relation ?</legend>
${radios}
</fieldset>
<label for="montant-${n}">Montant du marché en euros (marché remporté)</label>
<p class="hint" id="montant-${n}-aide">Nombre entier, sans espace ni symbole.</p>
<input id="montant-${n}" name="montant" inputmode="numeric" autocomplete="off" aria-describedby="montant-${n}-aide" value="${esc(typed?.amount ?? (o?.amount != null ? String(o.amount) : ''))}">
${hours}
<p><button type="submit">Enregistrer la suite pour ${esc(item.supplier.name)}</button></p>
</form>
</section>`;
}

function listPage(need: NeedRecord, items: ShortlistItemView[], action: string, typed: Typed | null, error: string | null): string {
  const mine = items.some((i) => i.supplierId === typed?.supplierId);
  const summary = error && !mine ? `<div class="error" role="alert"><p>${esc(error)}</p></div>\n` : '';
  return `${summary}<p>Votre besoin « ${esc(need.title)} » : voici les structures que la Métropole vous a présentées. Dites-nous, pour chacune, ce qu'a donné la mise en relation ; vous pourrez revenir la préciser tant qu'elle n'est pas terminée.</p>
${items.map((i) => itemSection(i, need, action, typed?.supplierId === i.supplierId ? typed : null, typed?.supplierId === i.supplierId ? error : null)).join('\n')}`;
}

const digits = (value: string, label: string): number | null | string => {
  if (value === '') return null;
  return /^\d{1,12}$/.test(value) ? Number(value) : `${label} : un nombre entier, sans espace ni symbole.`;
};

export function firmOutcomeRoutes(servicesOf: () => Services | null): express.Router {
  const router = express.Router({ caseSensitive: true, strict: true });
  const limiter = new RateLimiterMemory({ points: 60, duration: 15 * 60 });
  const { send, refuse, ready, throttled } = linkPages(servicesOf, limiter);
  const path = `${OUTCOMES_PATH}:token`;
  const TITLE = 'Les suites de vos mises en relation';
  const DONE = "Toutes les suites sont renseignées : ce lien a fait son office. Merci ! Pour corriger une suite, répondez au courriel de la Métropole.";
  router.use(OUTCOMES_PATH, ready);

  router.get(path, async (req, res) => {
    const target = await outcomesTarget(servicesOf()!, req.params.token!);
    if (!target.ok) return refuse(res, target.status, target.message);
    if (target.items.every(isFinal)) return refuse(res, 410, DONE);
    send(res, 200, TITLE, listPage(target.need, target.items, req.originalUrl.split('?')[0]!, null, null));
  });

  router.post(path, express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 10 }), async (req, res) => {
    if (await throttled(req, res)) return;
    const services = servicesOf()!;
    const target = await outcomesTarget(services, req.params.token!);
    if (!target.ok) return refuse(res, target.status, target.message);
    if (target.items.every(isFinal)) return refuse(res, 410, DONE);
    const form = (req.body ?? {}) as Record<string, unknown>;
    const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string).trim() : '');
    const typed: Typed = { supplierId: field('structure'), status: field('suite'), amount: field('montant'), hours: field('heures') };
    const action = req.originalUrl;
    const again = (message: string) => send(res, 400, TITLE, listPage(target.need, target.items, action, typed, message));
    if (!target.items.some((i) => i.supplierId === typed.supplierId)) return again('Structure : cette structure ne fait pas partie de vos mises en relation.');
    if (!OUTCOME_STATUSES.includes(typed.status as OutcomeStatus)) return again("Suite : choisissez ce qu'a donné la mise en relation.");
    const amount = digits(typed.amount, 'Montant');
    if (typeof amount === 'string') return again(amount);
    const hours = digits(typed.hours, "Heures d'insertion");
    if (typeof hours === 'string') return again(hours);
    try {
      const saved = await recordOutcomeFromLink(services, target.shortlist.id, { supplierId: typed.supplierId, status: typed.status, amount, insertionHours: hours });
      send(res, 200, 'Suite enregistrée', `<p role="status">Merci : pour ${esc(saved.supplier.name)}, la suite « ${esc(OUTCOME_FR[saved.outcome!.status])} » est enregistrée.</p>
<p><a href="${esc(action)}">Revenir à la liste des structures</a></p>`);
    } catch (err) {
      if (!(err instanceof GraphQLError) || !['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND'].includes(String(err.extensions.code))) throw err;
      const label = FIELD_FR[String(err.extensions.field)] ?? 'Suite';
      again(`${label} : ${err.message.replace(/^« \w+ » : /, '')}`);
    }
  });
  return router;
}
