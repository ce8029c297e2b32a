// « Où en est ma demande ? »: what happens next to a need and when, told to its firm in its space,
// so that it need not call the Métropole. The service commitment is a setting (SERVICE_COMMITMENT).
import { UNCONFIRMED_KEPT_MS } from '../links';
import { formatDateFr } from '../reference/vocabulary';
import type { NeedRecord } from '../store/types';
import { needStatus } from './lifecycle';

/** What the firm may expect next, in French. */
export function nextStepFr(need: NeedRecord, commitment: string): string {
  switch (needStatus(need)) {
    case 'AWAITING_CONFIRMATION':
      return `Confirmez-le avec le lien envoyé à ${need.contactEmail} (valable jusqu’au ${formatDateFr(new Date(need.createdAt.getTime() + UNCONFIRMED_KEPT_MS))}), ou ici avec « Confirmer ce besoin » : il ne parvient à la Métropole qu’une fois confirmé. Une liste de structures vous sera ensuite proposée ${commitment}.`;
    case 'OPEN':
      return `Un agent de la Métropole cherche les structures qui peuvent y répondre : une liste vous sera proposée ${commitment}, par courriel. Vous pouvez le modifier ou le retirer d’ici là.`;
    case 'INTRODUCED':
      return 'Contactez les structures présentées (leurs coordonnées sont ci-dessous et dans le courriel reçu), puis dites-nous ce qu’a donné chaque mise en relation.';
    case 'WITHDRAWN':
      return 'Ce besoin est retiré : aucune structure ne vous sera présentée. Déposez un nouveau besoin si la demande revient.';
    case 'CLOSED':
      return 'La Métropole a clos ce besoin : il n’y a plus rien à faire.';
  }
}
