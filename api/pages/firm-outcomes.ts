// GET /suites/<token>: the structures introduced to the firm, each with what the firm last said of it
// and a form; only a form's POST records an outcome (a GET never changes anything), through the same
// domain function as the recordOutcome mutation.
import express from 'express';
import { GraphQLError } from 'graphql';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { isFinal, outcomesTarget, OUTCOME_STATUSES, recordOutcomeFromLink, type ShortlistItemView } from '../introductions';
import { typedCount, typedEuros } from '../reference/amounts';
import { formatEuros, OUTCOME_FR, structureKindFr } from '../reference/vocabulary';
import type { Services } from '../services';
import type { NeedRecord, OutcomeStatus } from '../store/types';
import { esc } from './layout';
import { linkPages } from './link-pages';
import { communeName } from '../reference/communes';
import { OUTCOMES_PATH } from '../links';

/** The form's fields: what the domain calls them, and their French label. */
const FORM_FIELDS = {
  status: { name: 'suite', label: 'Suite' },
  amount: { name: 'montant', label: 'Montant' },
  insertionHours: { name: 'heures', label: "Heures d'insertion" },
} as const;
type FormField = keyof typeof FORM_FIELDS;

interface Typed {
  supplierId: string;
  status: string;
  amount: string;
  hours: string;
}

/** What was wrong with one post: by field of the structure's form, and what concerns no field. */
interface Refusal {
  fields: Partial<Record<FormField, string>>;
  general: string[];
}

/** The id of the element a field's error links to (its first radio for the outcome). */
const fieldId = (field: FormField, n: number) => (field === 'status' ? `suite-${n}-${OUTCOME_STATUSES[0]}` : `${FORM_FIELDS[field].name}-${n}`);

/** The message under a field, and the attributes that tie the field to it and to its hint (GOV.UK "Error message"). */
function errorOf(refusal: Refusal | null, field: FormField, n: number) {
  const message = refusal?.fields[field];
  const id = `${FORM_FIELDS[field].name}-${n}`;
  return {
    html: message ? `<p class="error-message" id="${id}-erreur"><span class="visually-hidden">Erreur : </span>${esc(message)}</p>` : '',
    /** A text field is marked invalid; a group of radios (GOV.UK's way) only points at its message. */
    attrs: (hint: boolean, group = false) => {
      const describedBy = [hint ? `${id}-aide` : '', message ? `${id}-erreur` : ''].filter(Boolean).join(' ');
      return `${describedBy ? ` aria-describedby="${describedBy}"` : ''}${message && !group ? ' aria-invalid="true"' : ''}`;
    },
  };
}

function itemSection(item: ShortlistItemView, need: NeedRecord, action: string, typed: Typed | null, refusal: Refusal | null): string {
  const n = item.rank;
  const o = item.outcome;
  const chosen = typed?.status ?? o?.status ?? null;
  const current = o
    ? `${OUTCOME_FR[o.status]}${o.amount !== null ? ` — ${formatEuros(o.amount)}` : ''}${o.insertionHours ? ` — ${o.insertionHours} heures d'insertion` : ''}`
    : 'pas encore renseignée';
  const [status, amount, hours] = [errorOf(refusal, 'status', n), errorOf(refusal, 'amount', n), errorOf(refusal, 'insertionHours', n)];
  const radios = OUTCOME_STATUSES.map(
    (s) => `<label><input type="radio" id="suite-${n}-${s}" name="suite" value="${s}"${chosen === s ? ' checked' : ''} required> ${esc(OUTCOME_FR[s])}</label>`,
  ).join('\n');
  const hoursField =
    need.kind === 'INSERTION_CLAUSE'
      ? `<div class="field${refusal?.fields.insertionHours ? ' field-error' : ''}">
<label for="heures-${n}">Heures d'insertion réalisées (marché remporté)</label>
<p class="hint" id="heures-${n}-aide">Heures de travail de personnes en insertion ou en situation de handicap, nombre entier.</p>
${hours.html}<input id="heures-${n}" name="heures" inputmode="numeric" autocomplete="off"${hours.attrs(true)} value="${esc(typed?.hours ?? (o?.insertionHours != null ? String(o.insertionHours) : ''))}">
</div>`
      : '';
  return `<section aria-labelledby="structure-${n}">
<h2 id="structure-${n}">${n}. ${esc(item.supplier.name)}</h2>
<p>${esc(structureKindFr(item.supplier))} — ${esc(communeName(item.supplier.communeCode))}</p>
<p>Suite actuelle : ${esc(current)}</p>
<form method="post" action="${esc(action)}#erreurs" novalidate>
<input type="hidden" name="structure" value="${esc(item.supplierId)}">
<fieldset class="field${refusal?.fields.status ? ' field-error' : ''}"${status.attrs(false, true)}>
<legend>Qu'a donné cette mise en relation ?</legend>
${status.html}${radios}
</fieldset>
<div class="field${refusal?.fields.amount ? ' field-error' : ''}">
<label for="montant-${n}">Montant du marché en euros (marché remporté)</label>
<p class="hint" id="montant-${n}-aide">Par exemple 12 000 ou 12 000,50 (arrondi à l'euro).</p>
${amount.html}<input id="montant-${n}" name="montant" inputmode="decimal" autocomplete="off"${amount.attrs(true)} value="${esc(typed?.amount ?? (o?.amount != null ? String(o.amount) : ''))}">
</div>
${hoursField}
<p><button type="submit">Enregistrer la suite pour ${esc(item.supplier.name)}</button></p>
</form>
</section>`;
}

/** GOV.UK's error summary: at the top, focused when the page opens (and the form's #erreurs scrolls to it), a link to each field. */
function errorSummary(refusal: Refusal, n: number | null): string {
  const items = [
    ...refusal.general.map((message) => `<li>${esc(message)}</li>`),
    ...(Object.entries(refusal.fields) as [FormField, string][]).map(([field, message]) => (n === null ? `<li>${esc(message)}</li>` : `<li><a href="#${fieldId(field, n)}">${esc(message)}</a></li>`)),
  ];
  return `<div class="error-summary" id="erreurs" role="alert" tabindex="-1" autofocus aria-labelledby="erreurs-titre">
<h2 id="erreurs-titre">Il y a un problème</h2>
<ul>${items.join('\n')}</ul>
</div>\n`;
}

function listPage(need: NeedRecord, items: ShortlistItemView[], action: string, typed: Typed | null, refusal: Refusal | null): string {
  const mine = items.find((i) => i.supplierId === typed?.supplierId) ?? null;
  // Hours are asked only for an insertion clause: said about them otherwise, the refusal concerns no field shown.
  if (refusal?.fields.insertionHours && need.kind !== 'INSERTION_CLAUSE') {
    const { insertionHours, ...shown } = refusal.fields;
    refusal = { fields: shown, general: [...refusal.general, insertionHours] };
  }
  return `${refusal ? errorSummary(refusal, mine?.rank ?? null) : ''}<p>Votre besoin « ${esc(need.title)} » : voici les structures que la Métropole vous a présentées. Dites-nous, pour chacune, ce qu'a donné la mise en relation ; vous pourrez revenir la préciser tant qu'elle n'est pas terminée.</p>
${items.map((i) => itemSection(i, need, action, i === mine ? typed : null, i === mine ? refusal : null)).join('\n')}`;
}

/** What the firm typed, read as people type (« 12 000 € »), or what is wrong with each field. */
function readForm(typed: Typed): { input: { status: string; amount: number | null; insertionHours: number | null } } | { refusal: Refusal } {
  const fields: Refusal['fields'] = {};
  if (!OUTCOME_STATUSES.includes(typed.status as OutcomeStatus)) fields.status = "Suite : choisissez ce qu'a donné la mise en relation.";
  const amount = typedEuros(typed.amount);
  if ('error' in amount) fields.amount = `Montant : ${amount.error}.`;
  const hours = typedCount(typed.hours);
  if ('error' in hours) fields.insertionHours = `Heures d'insertion : ${hours.error}.`;
  if ('error' in amount || 'error' in hours || fields.status) return { refusal: { fields, general: [] } };
  return { input: { status: typed.status, amount: amount.value, insertionHours: hours.value } };
}

/** The domain's refusal (every field it names, api/errors.ts badInputs) in the form's words. */
function refusalOf(err: GraphQLError): Refusal {
  const given = Array.isArray(err.extensions.fields) ? (err.extensions.fields as { field: string; message: string }[]) : [{ field: String(err.extensions.field ?? ''), message: err.message }];
  const refusal: Refusal = { fields: {}, general: [] };
  for (const { field, message } of given) {
    const text = message.replace(/^« \w+ » : /, '');
    if (field in FORM_FIELDS) refusal.fields[field as FormField] = `${FORM_FIELDS[field as FormField].label} : ${text}`;
    else refusal.general.push(field === 'supplierId' ? `Structure : ${text}` : text);
  }
  return refusal;
}

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
    const again = (refusal: Refusal) => send(res, 400, TITLE, listPage(target.need, target.items, action, typed, refusal));
    if (!target.items.some((i) => i.supplierId === typed.supplierId)) return again({ fields: {}, general: ['Structure : cette structure ne fait pas partie de vos mises en relation.'] });
    const read = readForm(typed);
    if ('refusal' in read) return again(read.refusal);
    try {
      const saved = await recordOutcomeFromLink(services, target.shortlist.id, { supplierId: typed.supplierId, ...read.input });
      send(res, 200, 'Suite enregistrée', `<p role="status">Merci : pour ${esc(saved.supplier.name)}, la suite « ${esc(OUTCOME_FR[saved.outcome!.status])} » est enregistrée.</p>
<p><a href="${esc(action)}">Revenir à la liste des structures</a></p>`);
    } catch (err) {
      if (!(err instanceof GraphQLError) || !['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND'].includes(String(err.extensions.code))) throw err;
      again(refusalOf(err));
    }
  });
  return router;
}
