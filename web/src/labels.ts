// The words the console and the public pages show for the API's values: the shared French vocabulary
// (api/reference, also read in the mails) as menu options, and the states only these pages name.
import { KNOWN_LABELS } from '../../api/reference/labels';
import { INCLUSION_KIND_FR, LEGAL_FORM_FR, NEED_KIND_FR } from '../../api/reference/vocabulary';
import type { MailState, ShortlistStatus } from './gql/graphql';

export interface Option {
  value: string;
  label: string;
}

/** A value → word table as the options of a menu or a group of boxes, in the table's order. */
export const optionsOf = (words: Readonly<Record<string, string>>): Option[] => Object.entries(words).map(([value, label]) => ({ value, label }));

export const NEED_KIND_OPTIONS = optionsOf(NEED_KIND_FR);
export const INCLUSION_KIND_OPTIONS = optionsOf(INCLUSION_KIND_FR);
// UNSPECIFIED is what an import leaves when its source gives no legal form: nobody chooses it.
export const LEGAL_FORM_OPTIONS = optionsOf(LEGAL_FORM_FR).filter(({ value }) => value !== 'UNSPECIFIED');
export const LABEL_OPTIONS: Option[] = KNOWN_LABELS.map((l) => ({ value: l, label: l }));

export const SHORTLIST_STATUS_FR: Readonly<Record<ShortlistStatus, string>> = { DRAFT: 'Brouillon', APPROVED: 'Approuvée, envoi en cours', SENT: 'Envoyée' };

export const MAIL_STATE_FR: Readonly<Record<MailState, string>> = { PENDING: 'En attente d’envoi', SENDING: 'Envoi en cours', SENT: 'Remis', FAILED: 'Échec', DROPPED: 'Non envoyé (compte supprimé)' };
