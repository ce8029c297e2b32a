// The public site's obligations: « Mentions légales », « Données personnelles » (RGPD art. 13) and
// « Accessibilité » (the RGAA declaration), server-rendered so that their variable parts are settings
// (LEGAL_*, DPO_CONTACT, ACCESSIBILITY_*, docs/operations.md); and the HTML 404 page for browsers.
import express from 'express';
import type { Config, LegalSettings } from '../config';
import { LEGAL_PAGES } from '../reference/vocabulary';
import { esc, page } from './layout';

const [MENTIONS, DATA, ACCESSIBILITY] = LEGAL_PAGES;

/** A contact setting as a link when it is an email address, as text otherwise (a postal address). */
const contact = (value: string): string => (/^[^\s@<>]+@[^\s@<>]+$/.test(value) ? `<a href="mailto:${esc(value)}">${esc(value)}</a>` : esc(value));

function mentions(legal: LegalSettings): string {
  return `<h2>Éditeur</h2>
<p>${esc(legal.publisher)}</p>
<h2>Directeur de la publication</h2>
<p>${esc(legal.director)}</p>
<h2>Hébergement</h2>
<p>${esc(legal.host)}</p>
<h2>Objet du service</h2>
<p>Passerelle ESS met en relation les entreprises du territoire et les structures de l’économie sociale et solidaire (ESS) de la Métropole Rouen Normandie : annuaire public des structures, dépôt d’un besoin, mises en relation par les agents de la Métropole.</p>
<h2>Données personnelles et accessibilité</h2>
<p>Voir les pages <a href="${DATA.path}">${DATA.title}</a> et <a href="${ACCESSIBILITY.path}">${ACCESSIBILITY.title}</a>.</p>`;
}

const PROCESSING: readonly [what: string, why: string, howLong: string][] = [
  [
    'Comptes des agents, des entreprises et des structures : adresse e-mail, mot de passe (conservé sous une forme hachée, illisible), rôle, organisation.',
    'Vous connecter à votre espace.',
    'Tant que le compte existe ; il est supprimé à votre demande.',
  ],
  [
    'Fiches des structures de l’ESS : nom, SIRET, adresse, activités, labels, coordonnées de contact.',
    'L’annuaire public (sans les coordonnées de contact, lues seulement par les agents et par les entreprises mises en relation) et les mises en relation.',
    'Tant que la structure figure dans l’annuaire ; à sa suppression, seul son SIRET est gardé, pour qu’aucun import ne la recrée.',
  ],
  [
    'Besoins déposés par les entreprises : nom de l’entreprise, adresse de contact, description du besoin.',
    'Proposer des structures et vous mettre en relation avec elles ; le bilan annuel de la feuille de route ESS de la Métropole.',
    'Un besoin déposé sans compte et jamais confirmé est supprimé après 7 jours. Les mises en relation restent pour le bilan annuel, rendues anonymes quand un compte est supprimé.',
  ],
  [
    'Courriels envoyés par le service : destinataire, contenu.',
    'Confirmer un besoin, présenter les structures retenues, demander ce qu’il en est advenu.',
    'Avec la mise en relation qu’ils concernent ; ceux d’un besoin jamais confirmé sont supprimés avec lui, après 7 jours.',
  ],
  [
    'Cookie « passerelle_expediteur » (après la confirmation d’un besoin déposé sans compte) ; la session de connexion reste dans l’onglet et disparaît à sa fermeture.',
    'Ne pas vous redemander de confirmation pour un prochain besoin depuis ce navigateur. Aucun cookie de mesure d’audience ni de publicité.',
    '90 jours.',
  ],
  [
    'Adresse IP lors d’une connexion.',
    'Compter les échecs de connexion pour protéger les comptes contre les essais de mots de passe.',
    '15 minutes.',
  ],
];

function personalData(legal: LegalSettings): string {
  const rows = PROCESSING.map(([what, why, howLong]) => `<tr><td>${esc(what)}</td><td>${esc(why)}</td><td>${esc(howLong)}</td></tr>`).join('\n');
  return `<h2>Responsable du traitement</h2>
<p>${esc(legal.publisher)}. Le traitement relève de la mission d’intérêt public de la Métropole en matière de développement économique (article 6.1.e du RGPD).</p>
<h2>Ce qui est collecté, pourquoi et combien de temps</h2>
<table>
<caption class="hint">Données traitées par Passerelle ESS</caption>
<thead><tr><th scope="col">Données</th><th scope="col">Pourquoi</th><th scope="col">Durée de conservation</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>Qui les lit</h2>
<p>Les agents de la Métropole chargés des mises en relation ; une entreprise lit les coordonnées des structures qui lui sont présentées ; une structure, celles des entreprises qui la contactent. Aucune donnée n’est vendue ni transmise à des fins commerciales.</p>
<h2>Vos droits</h2>
<p>Vous pouvez accéder à vos données, les faire rectifier ou effacer, vous opposer à leur traitement ou en demander la limitation. Le service sait remettre en une fois tout ce qu’il détient sur votre compte et votre organisation, et supprimer votre compte (et la fiche de votre structure).</p>
<p>Pour toute question ou demande : délégué à la protection des données, ${contact(legal.dpoContact)}.</p>
<p>Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL (www.cnil.fr).</p>`;
}

const STATUS_FR: Record<LegalSettings['accessibilityStatus'], string> = {
  totalement: 'totalement conforme',
  partiellement: 'partiellement conforme',
  non: 'non conforme',
};

function accessibility(legal: LegalSettings): string {
  return `<p>La Métropole Rouen Normandie s’engage à rendre ses services numériques accessibles, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration d’accessibilité s’applique à Passerelle ESS (pages publiques, pages ouvertes depuis les courriels).</p>
<h2>État de conformité</h2>
<p>Passerelle ESS est <strong>${STATUS_FR[legal.accessibilityStatus]}</strong> avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1.${legal.accessibilityStatus === 'non' ? ' Aucun audit de conformité n’a encore été réalisé : c’est ce que le RGAA demande de déclarer en son absence.' : ''}</p>
<h2>Ce qui est vérifié, et comment</h2>
<ul>
<li>À chaque version du service, chaque page publique et chaque page ouverte depuis un courriel est chargée dans un navigateur (Chromium) et contrôlée automatiquement avec axe-core (règles WCAG 2.1 niveaux A et AA) : contrastes, alternatives textuelles, étiquettes des champs, structure des titres, langue de la page.</li>
<li>Navigation au clavier : lien d’évitement « Aller au contenu », focus visible, focus porté sur le titre de la page à chaque changement de page.</li>
<li>Formulaires : chaque champ a son étiquette ; une erreur nomme le champ concerné, en français.</li>
<li>Les pages fonctionnent sans aucune ressource d’un autre site.</li>
</ul>
<h2>Technologies utilisées</h2>
<p>HTML, CSS, JavaScript.</p>
<h2>Retour d’information et contact</h2>
<p>Si vous ne parvenez pas à accéder à un contenu ou à un service, écrivez à ${contact(legal.accessibilityContact)} : nous vous orienterons vers une alternative accessible ou vous transmettrons le contenu sous une autre forme.</p>
<h2>Voies de recours</h2>
<p>Si vous nous avez signalé un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un service et que vous n’avez pas obtenu de réponse satisfaisante, vous pouvez écrire au Défenseur des droits (www.defenseurdesdroits.fr), contacter son délégué dans votre région ou lui écrire gratuitement, sans timbre : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</p>`;
}

/** The page for a path that does not exist, as browsers get it (API clients keep the JSON 404). */
export const notFoundPage = (): string =>
  page('Page introuvable', '<p>Cette page n’existe pas, ou plus. <a href="/">Retour à l’accueil de Passerelle ESS</a>.</p>');

export function legalPageRoutes(config: Pick<Config, 'legal'>): express.Router {
  const router = express.Router({ caseSensitive: true, strict: true });
  const pages: [path: string, title: string, body: string][] = [
    [MENTIONS.path, MENTIONS.title, mentions(config.legal)],
    [DATA.path, DATA.title, personalData(config.legal)],
    [ACCESSIBILITY.path, ACCESSIBILITY.title, accessibility(config.legal)],
  ];
  for (const [path, title, body] of pages) {
    const html = page(title, body); // the settings are read once at start
    router.get(path, (_req, res) => {
      res.set('cache-control', 'no-cache').type('html').send(html);
    });
  }
  return router;
}
