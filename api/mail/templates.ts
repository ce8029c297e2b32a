// The two introduction emails, in French, as plain text and HTML. Every string that came from a
// user (names, descriptions, messages, notes, addresses) goes through escapeHtml in the HTML part.
import escapeHtml from 'escape-html';
import { isTopical, reasonsForFirm } from '../../matching/explain';
import { formatDateFr, ofName } from '../reference/vocabulary';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** A curated structure as the firm reads it. */
export interface StructureView {
  name: string;
  kind: string; // legal form / inclusion kind in French words
  commune: string;
  description: string;
  /** What it does, in its own words (its services) or its trade's; null when it declared none. */
  activity: string | null;
  /** Its size in words (staff, contracts it takes on); null when it declared neither. */
  capacity: string | null;
  contactEmail: string;
  website: string | null;
  note: string | null;
  /** In a groupement: the part this structure would take on, and its declared capacity. */
  part?: string | null;
}

/** The structures presented together as one possible groupement (co-traitance). */
export interface GroupementView {
  /** The need's budget in words, and the members' declared capacities added up (null if none declared). */
  budget: string;
  totalCapacity: string | null;
}

export interface FirmMailInput {
  needTitle: string;
  firmContactEmail: string;
  structures: StructureView[];
  message: string | null;
  /** The approving officer: replies go to them. */
  officerEmail: string | null;
  /**
   * A purchase reserved to ESAT, EA and EATT: the firm is told it counts towards its OETH; `only`
   * names the structures it holds for when others (added by an officer's derogation) are listed too.
   */
  oeth?: { only: string[] | null } | null;
  /** Set when the officer presents the structures as one groupement. */
  groupement?: GroupementView | null;
  /** The page where the firm records what came of each introduction (no account needed). */
  outcomesUrl?: string | null;
}

export const OUTCOMES_SENTENCE = "Quand vous saurez ce qu'ont donné ces mises en relation, dites-le-nous en quelques clics, sans compte : cela nous aide à mesurer ce que Passerelle ESS apporte au territoire.";

// The deduction's rate and caps are the Code du travail's and change; the mail states the rule, not figures.
export const OETH_SENTENCE =
  "Vos achats auprès d'un ESAT, d'une entreprise adaptée (EA) ou d'une entreprise adaptée de travail temporaire (EATT) sont déductibles de votre contribution OETH (obligation d'emploi des travailleurs handicapés), dans les limites prévues par le Code du travail.";

/** The OETH sentence for the whole list, or naming the only structures it holds for (none: no sentence). */
function oethSentence(oeth: FirmMailInput['oeth']): string | null {
  if (!oeth) return null;
  if (oeth.only === null) return OETH_SENTENCE;
  if (oeth.only.length === 0) return null;
  const names = oeth.only.map((n) => `« ${oneLine(n)} »`).join(', ');
  return `Parmi ces structures, seuls vos achats auprès de ${names} (${plural(oeth.only.length, 'ESAT ou entreprise adaptée', 'ESAT ou entreprises adaptées')}) sont déductibles de votre contribution OETH (obligation d'emploi des travailleurs handicapés), dans les limites prévues par le Code du travail ; ceux auprès des autres ne le sont pas.`;
}

export interface StructureMailInput {
  structureName: string;
  firmName: string;
  firmContactEmail: string;
  needTitle: string;
  needDescription: string;
  budget: string; // already in French words
  deadline: string | null;
  place: string;
  introducedCount: number;
  /** In a groupement: the other members, with whom the structure may answer together. */
  partners?: string[];
  /** Why this structure: the officer's note on it (the firm reads it too), else the matcher's reasons. */
  note: string | null;
  reasons: string[];
  addedByOfficer: boolean;
  /** The approving officer: the structure's way to the Métropole (its replies go to the firm). */
  officerEmail: string | null;
  /** The one-click answers: each opens a page where the structure confirms (a GET changes nothing). */
  answerLinks: { INTERESTED: string; NOT_AVAILABLE: string };
  /** The page that mails a sign-in link to the structure's space, where its introductions and answers are. */
  signInUrl: string;
}

const SIGNATURE = 'Passerelle ESS — Métropole Rouen Normandie';
export const DESCRIPTION_MAX = 300;

/** One line for headers: the subject must never carry a line break from a title. */
const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** At most `max` characters, cut at a word boundary when there is one nearby. */
export function shorten(text: string, max = DESCRIPTION_MAX): string {
  const clean = oneLine(text);
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** Paragraphs of user text in HTML: escaped, line breaks kept. */
const paragraphs = (text: string): string => escapeHtml(text.trim()).replace(/\r?\n/g, '<br>');

const link = (href: string, label: string): string => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;

/** The HTML frame of every mail (exported for the mails rendered in their own files, e.g. the officers' digest). */
export function mailPage(title: string, body: string): string {
  return page(title, body);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; color: #1e1e1e; line-height: 1.5; max-width: 640px;">
${body}
<p style="color: #666; font-size: 13px;">${escapeHtml(SIGNATURE)}</p>
</body></html>
`;
}

// The firm reads what each structure is, does, where and how big, as a person would tell it: the
// matcher's reasons (« Termes en commun… », « ≈ ») are the officers' working notes.
const ACTIVITY = 'Ce qu’elle fait';
const CAPACITY = 'Sa taille';

export function firmSubject(needTitle: string, count: number, groupement = false): string {
  if (groupement) return oneLine(`Passerelle ESS : un groupement de ${count} structures de l'ESS pour « ${needTitle} »`);
  return oneLine(`Passerelle ESS : ${count} ${plural(count, "structure de l'ESS", "structures de l'ESS")} pour « ${needTitle} »`);
}

/** What a groupement means for the firm: one offer from several structures, each on its part. */
function groupementParagraph(g: GroupementView, n: number): string {
  const capacity = g.totalCapacity ? ` Leurs capacités déclarées s'additionnent : ${g.totalCapacity} au total, pour un budget ${g.budget}.` : '';
  return `Ces ${n} structures peuvent vous répondre ensemble, en groupement (co-traitance) : une offre commune où chacune prend la part du besoin indiquée ci-dessous, l'une d'elles pouvant être mandataire.${capacity}`;
}

export function renderFirmMail(m: FirmMailInput): RenderedMail {
  const n = m.structures.length;
  const subject = firmSubject(m.needTitle, n, Boolean(m.groupement));
  const intro = `Votre besoin « ${oneLine(m.needTitle)} » est enregistré sur Passerelle ESS. L'équipe de la Métropole Rouen Normandie vous propose ${plural(
    n,
    "une structure de l'économie sociale et solidaire",
    `${n} structures de l'économie sociale et solidaire`,
  )} du territoire, à contacter directement.`;
  // Present tense: the structures' own mails may still be on their way when the firm reads this.
  const outro = `${plural(n, 'Cette structure', 'Chaque structure')} reçoit de son côté un message qui lui présente votre besoin et lui donne votre adresse (${m.firmContactEmail}).`;
  const reply = m.officerEmail ? 'Une question ? Répondez simplement à ce message : il parviendra à votre interlocuteur à la Métropole.' : null;
  const oeth = oethSentence(m.oeth);

  const text = [
    'Bonjour,',
    '',
    intro,
    ...(oeth ? ['', oeth] : []),
    ...(m.groupement ? ['', groupementParagraph(m.groupement, n)] : []),
    ...(m.message ? ['', 'Le mot de votre interlocuteur à la Métropole :', m.message.trim()] : []),
    ...m.structures.flatMap((s, i) => [
      '',
      `${i + 1}. ${oneLine(s.name)}`,
      `   ${s.kind} — ${s.commune}`,
      ...(s.activity ? [`   ${ACTIVITY} : ${s.activity}`] : []),
      `   ${shorten(s.description)}`,
      ...(s.capacity ? [`   ${CAPACITY} : ${s.capacity}`] : []),
      ...(s.part ? [`   Sa part dans le groupement : ${s.part}`] : []),
      ...(s.note ? [`   Note de la Métropole : ${oneLine(s.note)}`] : []),
      `   Contact : ${s.contactEmail}`,
      ...(s.website ? [`   Site web : ${s.website}`] : []),
    ]),
    '',
    outro,
    ...(m.outcomesUrl ? ['', OUTCOMES_SENTENCE, `Indiquer les suites : ${m.outcomesUrl}`] : []),
    ...(reply ? ['', reply] : []),
    '',
    SIGNATURE,
    '',
  ].join('\n');

  const cards = m.structures
    .map(
      (s, i) => `<div style="border: 1px solid #ddd; border-radius: 6px; padding: 12px 16px; margin: 12px 0;">
<h2 style="font-size: 17px; margin: 0 0 4px;">${i + 1}. ${escapeHtml(oneLine(s.name))}</h2>
<p style="margin: 0 0 8px; color: #555;">${escapeHtml(s.kind)} — ${escapeHtml(s.commune)}</p>
${s.activity ? `<p style="margin: 0 0 8px;"><strong>${ACTIVITY} :</strong> ${escapeHtml(s.activity)}</p>` : ''}
<p style="margin: 0 0 8px;">${escapeHtml(shorten(s.description))}</p>
${s.capacity ? `<p style="margin: 0 0 8px;"><strong>${CAPACITY} :</strong> ${escapeHtml(s.capacity)}</p>` : ''}
${s.part ? `<p style="margin: 0 0 8px;"><strong>Sa part dans le groupement :</strong> ${escapeHtml(s.part)}</p>` : ''}
${s.note ? `<p style="margin: 0 0 8px;"><strong>Note de la Métropole :</strong> ${escapeHtml(oneLine(s.note))}</p>` : ''}
<p style="margin: 0;">Contact : ${link(`mailto:${s.contactEmail}`, s.contactEmail)}${s.website ? ` · Site web : ${link(s.website, s.website)}` : ''}</p>
</div>`,
    )
    .join('\n');
  const html = page(
    subject,
    `<p>Bonjour,</p>
<p>${escapeHtml(intro)}</p>
${oeth ? `<p>${escapeHtml(oeth)}</p>` : ''}
${m.groupement ? `<p>${escapeHtml(groupementParagraph(m.groupement, n))}</p>` : ''}
${m.message ? `<blockquote style="border-left: 3px solid #2a7a4b; margin: 12px 0; padding: 4px 12px;"><p style="margin: 0 0 4px; color: #555;">Le mot de votre interlocuteur à la Métropole :</p><p style="margin: 0;">${paragraphs(m.message)}</p></blockquote>` : ''}
${cards}
<p>${escapeHtml(outro)}</p>
${m.outcomesUrl ? `<p>${escapeHtml(OUTCOMES_SENTENCE)}</p>\n<p>${link(m.outcomesUrl, 'Indiquer les suites')}</p>` : ''}
${reply ? `<p>${escapeHtml(reply)}</p>` : ''}`,
  );
  return { subject, text, html };
}

const SHOWN_TO_STRUCTURE = 3;

/** Why the Métropole chose this structure, in the structure's mail: never an internal note (the need's stays with staff). */
function whyChosen(m: StructureMailInput): string[] {
  if (m.note) return ["Le mot de la Métropole sur votre structure (l'entreprise le lit aussi) :", oneLine(m.note)];
  const telling = m.addedByOfficer ? [] : reasonsForFirm(m.reasons).filter(isTopical).slice(0, SHOWN_TO_STRUCTURE);
  if (telling.length) return ['Pourquoi votre structure : votre profil correspond au besoin.', ...telling.map((r) => `- ${r}`)];
  return ["Pourquoi votre structure : l'équipe de la Métropole l'a choisie pour ce besoin."];
}

export function renderStructureMail(m: StructureMailInput): RenderedMail {
  const subject = oneLine(`Passerelle ESS : ${m.firmName} cherche une structure de l'ESS pour « ${m.needTitle} »`);
  const intro = `L'équipe de la Métropole Rouen Normandie vous met en relation avec ${oneLine(m.firmName)}, qui cherche une structure de l'économie sociale et solidaire pour le besoin ci-dessous.`;
  const others =
    m.introducedCount > 1
      ? `Votre structure fait partie des ${m.introducedCount} structures présentées à l'entreprise.`
      : "Votre structure est celle que la Métropole a présentée à l'entreprise.";
  const facts: [string, string][] = [
    ['Besoin', oneLine(m.needTitle)],
    ['Budget', m.budget],
    ...(m.deadline ? ([['Échéance', m.deadline]] as [string, string][]) : []),
    ['Lieu', m.place],
    ['Contact', `${oneLine(m.firmName)} — ${m.firmContactEmail}`],
  ];
  const reply = "Pour lui écrire, répondez simplement à ce message : votre réponse parviendra à l'entreprise.";
  const partners = m.partners?.length
    ? `La Métropole propose à l'entreprise que vous répondiez en groupement (co-traitance) avec : ${m.partners.map(oneLine).join(', ')}.`
    : null;
  const why = whyChosen(m);
  const space = "Toutes les mises en relation de votre structure, et vos réponses (que vous pouvez changer), sont dans votre espace « Ma structure » : demandez un lien de connexion à cette adresse.";
  const metropole = m.officerEmail
    ? `Une question sur cette mise en relation ? Votre interlocuteur à la Métropole Rouen Normandie : ${m.officerEmail}.`
    : null;

  const text = [
    `Bonjour ${oneLine(m.structureName)},`,
    '',
    intro,
    '',
    ...facts.map(([k, v]) => `${k} : ${v}`),
    '',
    'Description :',
    m.needDescription.trim(),
    '',
    ...why,
    '',
    others,
    ...(partners ? [partners] : []),
    reply,
    '',
    'Dites-nous en un clic si cette demande vous intéresse :',
    `- Nous sommes intéressés : ${m.answerLinks.INTERESTED}`,
    `- Pas disponible : ${m.answerLinks.NOT_AVAILABLE}`,
    '',
    `${space} ${m.signInUrl}`,
    ...(metropole ? ['', metropole] : []),
    '',
    SIGNATURE,
    '',
  ].join('\n');

  const html = page(
    subject,
    `<p>Bonjour ${escapeHtml(oneLine(m.structureName))},</p>
<p>${escapeHtml(intro)}</p>
<table style="border-collapse: collapse; margin: 12px 0;">
${facts
  .map(([k, v]) => `<tr><th style="text-align: left; padding: 4px 12px 4px 0; vertical-align: top;">${escapeHtml(k)}</th><td style="padding: 4px 0;">${k === 'Contact' ? `${escapeHtml(oneLine(m.firmName))} — ${link(`mailto:${m.firmContactEmail}`, m.firmContactEmail)}` : escapeHtml(v)}</td></tr>`)
  .join('\n')}
</table>
<p style="margin: 0; color: #555;">Description :</p>
<p style="margin: 4px 0 12px;">${paragraphs(m.needDescription)}</p>
<p style="margin: 0;">${escapeHtml(why[0]!)}</p>
${why.length > 1 ? (m.note ? `<p style="margin: 4px 0 12px;">${escapeHtml(why[1]!)}</p>` : `<ul style="margin: 4px 0 12px;">${why.slice(1).map((r) => `<li>${escapeHtml(r.replace(/^- /, ''))}</li>`).join('')}</ul>`) : ''}
<p>${escapeHtml(others)}${partners ? ` ${escapeHtml(partners)}` : ''} ${escapeHtml(reply)}</p>
<p>Dites-nous en un clic si cette demande vous intéresse :</p>
<p>${link(m.answerLinks.INTERESTED, 'Nous sommes intéressés')} · ${link(m.answerLinks.NOT_AVAILABLE, 'Pas disponible')}</p>
<p>${escapeHtml(space)} ${link(m.signInUrl, 'Recevoir un lien de connexion')}</p>
${m.officerEmail ? `<p>Une question sur cette mise en relation ? Votre interlocuteur à la Métropole Rouen Normandie : ${link(`mailto:${m.officerEmail}`, m.officerEmail)}.</p>` : ''}`,
  );
  return { subject, text, html };
}

/** The one-time sign-in link asked for on the service (no account needed beforehand). */
export function renderAccessLinkMail(url: string): RenderedMail {
  const subject = 'Votre lien de connexion à Passerelle ESS';
  const lines = [
    'Bonjour,',
    '',
    'Vous avez demandé à vous connecter à Passerelle ESS, le service de mise en relation de la Métropole Rouen Normandie.',
    'Ce lien vous connecte une seule fois, pendant 30 minutes :',
    url,
    '',
    "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien ne change sans ce lien.",
  ];
  const html = `<p>Bonjour,</p><p>Vous avez demandé à vous connecter à Passerelle ESS, le service de mise en relation de la Métropole Rouen Normandie.</p>
<p><a href="${escapeHtml(url)}">Me connecter</a> (lien valable une seule fois, pendant 30 minutes)</p>
<p>Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien ne change sans ce lien.</p>`;
  return { subject, text: lines.join('\n'), html };
}

/** The confirmation link of a need posted without an account. */
export function renderNeedConfirmationMail(m: { url: string; needTitle: string; companyName: string }): RenderedMail {
  // Anyone may name any address: the subject, all a mailbox shows unopened, quotes nothing they wrote.
  const subject = 'Passerelle ESS : confirmez votre besoin';
  const intro = `Vous avez déposé sur Passerelle ESS, au nom de ${oneLine(m.companyName)}, le besoin « ${oneLine(m.needTitle)} ».`;
  const ask = "Pour qu'il parvienne à l'équipe de la Métropole Rouen Normandie, confirmez-le en suivant ce lien puis en cliquant sur « Confirmer mon besoin » (lien valable 7 jours) :";
  const ignore = "Si vous n'êtes pas à l'origine de ce dépôt, ignorez ce message : le besoin sera supprimé sans suite au bout de 7 jours.";
  const text = ['Bonjour,', '', intro, ask, m.url, '', ignore, '', SIGNATURE, ''].join('\n');
  const html = page(subject, `<p>Bonjour,</p>
<p>${escapeHtml(intro)}</p>
<p>${escapeHtml(ask)}</p>
<p>${link(m.url, 'Confirmer mon besoin')}</p>
<p>${escapeHtml(ignore)}</p>`);
  return { subject, text, html };
}

const OPT_OUT_SENTENCE = 'Vous ne souhaitez plus de relance pour cette mise en relation ?';

/** FOLLOW_UP_AFTER after the introductions: what came of those the firm has not told us about yet. */
export function renderFirmFollowUp(m: { needTitle: string; structures: string[]; outcomesUrl: string; optOutUrl: string; reminder: boolean; introducedAt: Date }): RenderedMail {
  const subject = oneLine(`${m.reminder ? 'Rappel — ' : ''}Passerelle ESS : qu'ont donné vos mises en relation pour « ${m.needTitle} » ?`);
  const intro = `Le ${formatDateFr(m.introducedAt)}, la Métropole Rouen Normandie vous a présenté des structures de l'économie sociale et solidaire pour votre besoin « ${oneLine(m.needTitle)} ».`;
  const ask = `Pouvez-vous nous dire ce qu'a donné la mise en relation avec ${plural(m.structures.length, 'cette structure', 'ces structures')} ? Quelques clics suffisent, sans compte :`;
  const text = [
    'Bonjour,',
    '',
    intro,
    ask,
    ...m.structures.map((s) => `- ${oneLine(s)}`),
    '',
    `Indiquer les suites : ${m.outcomesUrl}`,
    '',
    `${OPT_OUT_SENTENCE} ${m.optOutUrl}`,
    '',
    SIGNATURE,
    '',
  ].join('\n');
  const html = page(subject, `<p>Bonjour,</p>
<p>${escapeHtml(intro)}</p>
<p>${escapeHtml(ask)}</p>
<ul>${m.structures.map((s) => `<li>${escapeHtml(oneLine(s))}</li>`).join('')}</ul>
<p>${link(m.outcomesUrl, 'Indiquer les suites')}</p>
<p style="color: #555;">${escapeHtml(OPT_OUT_SENTENCE)} ${link(m.optOutUrl, 'Ne plus recevoir de relance')}</p>`);
  return { subject, text, html };
}

/** FOLLOW_UP_AFTER after its introduction: a structure that has not answered is asked again. */
export function renderStructureFollowUp(m: {
  structureName: string;
  firmName: string;
  needTitle: string;
  answerLinks: { INTERESTED: string; NOT_AVAILABLE: string };
  optOutUrl: string;
  reminder: boolean;
  introducedAt: Date;
}): RenderedMail {
  const subject = oneLine(`${m.reminder ? 'Rappel — ' : ''}Passerelle ESS : êtes-vous intéressés par le besoin ${ofName(m.firmName)} ?`);
  const intro = `Le ${formatDateFr(m.introducedAt)}, la Métropole Rouen Normandie vous a présenté le besoin « ${oneLine(m.needTitle)} » ${ofName(oneLine(m.firmName))}. Nous n'avons pas encore votre réponse.`;
  const ask = 'Dites-nous en un clic si cette demande vous intéresse :';
  const text = [
    `Bonjour ${oneLine(m.structureName)},`,
    '',
    intro,
    ask,
    `- Nous sommes intéressés : ${m.answerLinks.INTERESTED}`,
    `- Pas disponible : ${m.answerLinks.NOT_AVAILABLE}`,
    '',
    `${OPT_OUT_SENTENCE} ${m.optOutUrl}`,
    '',
    SIGNATURE,
    '',
  ].join('\n');
  const html = page(subject, `<p>Bonjour ${escapeHtml(oneLine(m.structureName))},</p>
<p>${escapeHtml(intro)}</p>
<p>${escapeHtml(ask)}</p>
<p>${link(m.answerLinks.INTERESTED, 'Nous sommes intéressés')} · ${link(m.answerLinks.NOT_AVAILABLE, 'Pas disponible')}</p>
<p style="color: #555;">${escapeHtml(OPT_OUT_SENTENCE)} ${link(m.optOutUrl, 'Ne plus recevoir de relance')}</p>`);
  return { subject, text, html };
}

export interface NeedReceivedMailInput {
  needTitle: string;
  kind: string; // in French words
  place: string;
  budget: string;
  deadline: string | null;
  /** Recorded by an officer (replies go to them), rather than posted by the firm itself. */
  officerEmail: string | null;
  /** Posted by the firm from its account (it can edit or withdraw it there); false without an account. */
  fromAccount: boolean;
  /** The Métropole's service commitment (SERVICE_COMMITMENT), e.g. « sous 5 jours ouvrés ». */
  commitment: string;
  /** The firm's space, and the page that mails a sign-in link to it (a firm without an account). */
  spaceUrl: string;
  signInUrl: string;
}

/** The firm's acknowledgement that its need is recorded, what happens next and when, and how to follow it. */
export function renderNeedReceivedMail(m: NeedReceivedMailInput): RenderedMail {
  const subject = oneLine(`Passerelle ESS : votre besoin « ${m.needTitle} » est enregistré`);
  const intro = m.officerEmail
    ? `L'équipe de la Métropole Rouen Normandie a enregistré votre besoin « ${oneLine(m.needTitle)} » sur Passerelle ESS, à la suite de votre échange.`
    : `Votre besoin « ${oneLine(m.needTitle)} » est enregistré sur Passerelle ESS.`;
  const next = `Un agent de la Métropole va chercher les structures de l'économie sociale et solidaire du territoire qui peuvent y répondre : une liste de structures vous sera proposée ${oneLine(m.commitment)}, par courriel, avec leurs coordonnées.`;
  const change = m.officerEmail
    ? 'Pour le modifier ou le retirer, répondez simplement à ce message : il parviendra à votre interlocuteur à la Métropole.'
    : "Tant qu'aucune structure ne vous a été présentée, vous pouvez le modifier ou le retirer depuis votre espace « Mes besoins ».";
  const follow = m.fromAccount
    ? { sentence: 'Pour suivre votre besoin, ouvrez votre espace « Mes besoins » :', url: m.spaceUrl, label: 'Mes besoins' }
    : {
        sentence: "Pour suivre votre besoin sans appeler la Métropole, demandez un lien de connexion à cette adresse : il ouvre votre espace « Mes besoins », où vous voyez où il en est, les structures présentées et leurs réponses.",
        url: m.signInUrl,
        label: 'Recevoir un lien de connexion',
      };
  const facts: [string, string][] = [
    ['Type', m.kind],
    ['Lieu', m.place],
    ['Budget', m.budget],
    ...(m.deadline ? ([['Échéance', m.deadline]] as [string, string][]) : []),
  ];
  const text = ['Bonjour,', '', intro, '', ...facts.map(([k, v]) => `${k} : ${v}`), '', next, change, '', follow.sentence, follow.url, '', SIGNATURE, ''].join('\n');
  const html = page(
    subject,
    `<p>Bonjour,</p>
<p>${escapeHtml(intro)}</p>
<table style="border-collapse: collapse; margin: 12px 0;">
${facts.map(([k, v]) => `<tr><th style="text-align: left; padding: 4px 12px 4px 0;">${escapeHtml(k)}</th><td style="padding: 4px 0;">${escapeHtml(v)}</td></tr>`).join('\n')}
</table>
<p>${escapeHtml(next)}</p>
<p>${escapeHtml(change)}</p>
<p>${escapeHtml(follow.sentence)} ${link(follow.url, follow.label)}</p>`,
  );
  return { subject, text, html };
}

/** An officer's invitation to a structure to claim and complete its profile (api/campaign), or its one reminder. */
export function renderInvitationMail(m: { structureName: string; percent: number; missing: string[]; signInUrl: string; optOutUrl: string; reminder: boolean }): RenderedMail {
  const subject = `${m.reminder ? 'Rappel — ' : ''}Passerelle ESS : complétez la fiche de votre structure`;
  const intro = `La Métropole Rouen Normandie met en relation les entreprises du territoire avec les structures de l'ESS. ${oneLine(m.structureName)} figure dans son annuaire, mais sa fiche n'est complète qu'à ${m.percent} % : les entreprises vous trouvent mieux quand elle dit ce que vous faites.`;
  const ask = m.missing.length ? `Il y manque : ${m.missing.join(', ')}.` : '';
  const how = 'Ce lien vous connecte directement à votre fiche, sans mot de passe (une seule fois, pendant 14 jours ; ensuite, demandez un nouveau lien sur le site) :';
  const optOut = 'Vous ne souhaitez pas recevoir de rappel ?';
  const text = [`Bonjour ${oneLine(m.structureName)},`, '', intro, ask, '', how, m.signInUrl, '', `${optOut} ${m.optOutUrl}`, '', SIGNATURE, ''].join('\n');
  const html = page(subject, `<p>Bonjour ${escapeHtml(oneLine(m.structureName))},</p>
<p>${escapeHtml(intro)}</p>
${ask ? `<p>${escapeHtml(ask)}</p>` : ''}
<p>${escapeHtml(how)}</p>
<p>${link(m.signInUrl, 'Compléter ma fiche')}</p>
<p style="color: #555;">${escapeHtml(optOut)} ${link(m.optOutUrl, 'Ne plus recevoir de rappel')}</p>`);
  return { subject, text, html };
}

/** An officer's decision on what a structure declared about itself (its inclusion kind, its labels). */
export function renderDeclarationReviewMail(m: { structureName: string; approved: boolean; reason: string | null; declared: string[] }): RenderedMail {
  const subject = oneLine(`Passerelle ESS : votre déclaration pour « ${m.structureName} » ${m.approved ? 'est confirmée' : "n'est pas retenue"}`);
  const decision = m.approved
    ? `L'équipe de la Métropole Rouen Normandie a confirmé ce que vous avez déclaré pour « ${oneLine(m.structureName)} » : votre fiche l'affiche désormais, et les entreprises le voient.`
    : `L'équipe de la Métropole Rouen Normandie n'a pas retenu ce que vous avez déclaré pour « ${oneLine(m.structureName)} » : votre fiche garde les valeurs déjà confirmées.`;
  const why = m.reason ? `${m.approved ? 'Son mot' : 'Pourquoi'} : ${oneLine(m.reason)}` : null;
  const next = m.approved ? null : 'Vous pouvez corriger votre déclaration depuis votre espace (page « Ma structure ») ou répondre à ce message pour en parler.';
  const lines = ['Bonjour,', '', decision, '', 'Votre déclaration :', ...m.declared.map((d) => `- ${d}`), ...(why ? ['', why] : []), ...(next ? ['', next] : []), '', SIGNATURE, ''];
  const html = page(
    subject,
    `<p>Bonjour,</p>
<p>${escapeHtml(decision)}</p>
<p>Votre déclaration :</p>
<ul>${m.declared.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul>
${why ? `<p>${escapeHtml(why)}</p>` : ''}
${next ? `<p>${escapeHtml(next)}</p>` : ''}`,
  );
  return { subject, text: lines.join('\n'), html };
}
