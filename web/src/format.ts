// How the console writes numbers and dates (French, Paris time); amounts and budgets in the mails' words.
import { formatDateFr } from '../../api/reference/vocabulary';

export { budgetFr, formatEuros, formatWhole } from '../../api/reference/vocabulary';

export const formatDate = (iso: string | null | undefined): string => (iso ? formatDateFr(new Date(iso)) : '—');

export const formatDateTime = (iso: string | null | undefined): string =>
  iso ? new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(iso)) : '—';

/** "3 jours", "aujourd'hui". */
export function ageOf(iso: string, now = Date.now()): string {
  const days = Math.floor((now - new Date(iso).getTime()) / 86_400_000);
  if (days <= 0) return 'aujourd’hui';
  return days === 1 ? '1 jour' : `${days} jours`;
}

export const percent = (x: number): string => `${Math.round(x * 100)} %`;
