// The buyer's next step, in French, with the rule it applies. A reserved market is put out to
// competition among the structures it is reserved to: below RESERVATION_THRESHOLD able to answer
// alone, it risks drawing no valid bid, so something else is advised.
import { DISABILITY_KINDS, SIAE_KINDS } from '../../matching/components/inclusion';
import type { InclusionKind } from '../store/types';
import { communeName } from '../reference/communes';

const RESERVATION_THRESHOLD = 3;

/** The three families a purchase can go to, by how the law counts it. */
export type InclusionFamily = 'SIAE' | 'PROTECTED' | 'OTHER_ESS';

export interface FamilyPotential {
  family: InclusionFamily;
  count: number;
  groupementOnly: number;
}

export interface CountedFamily extends FamilyPotential {
  /** The structures able to carry the purchase alone: their kind, and how far their base lies (km, when known). */
  alone: { kind: InclusionKind | null; km: number | null }[];
}

const CCP = 'du Code de la commande publique';

interface Reservation {
  article: string;
  to: string;
  who: (n: number) => string;
  kinds: readonly string[];
}

// Art. L2113-13 names the SIAE of art. L5132-4 du Code du travail (and equivalent structures): a GEIQ
// is none, so it is counted in its family but not among those a reserved market is open to.
const RESERVATIONS: Array<[FamilyPotential['family'], Reservation]> = [
  ['SIAE', { article: `art. L2113-13 ${CCP}`, to: "aux structures d'insertion par l'activité économique", who: (n) => (n > 1 ? `${n} structures d'insertion peuvent` : `${n} structure d'insertion peut`), kinds: SIAE_KINDS }],
  ['PROTECTED', { article: `art. L2113-12 ${CCP}`, to: 'aux ESAT et entreprises adaptées', who: (n) => (n > 1 ? `${n} structures du secteur protégé (ESAT, EA) peuvent` : `${n} structure du secteur protégé peut`), kinds: DISABILITY_KINDS }],
];

/** « à moins de 30 km de Rouen » (rounded up to 5 km), or « à Rouen » when a distance is unknown. */
function reach(alone: CountedFamily['alone'], commune: string): string {
  const km = alone.map((s) => s.km);
  if (km.some((d) => d === null)) return `à ${commune}`;
  const far = Math.max(5, Math.ceil(Math.max(...(km as number[])) / 5) * 5);
  return `à moins de ${far} km de ${commune}`;
}

export function recommend(families: CountedFamily[], communeCode: string): string {
  const commune = communeName(communeCode);
  const family = (f: FamilyPotential['family']) => families.find((x) => x.family === f)!;
  const threshold = `Règle appliquée : un marché réservé est proposé dès que ${RESERVATION_THRESHOLD} structures au moins de la famille peuvent y répondre seules, pour une mise en concurrence réelle.`;
  const reserved = RESERVATIONS.flatMap(([f, r]) => {
    const able = family(f).alone.filter((s) => s.kind !== null && r.kinds.includes(s.kind));
    return able.length >= RESERVATION_THRESHOLD ? [`Un marché réservé ${r.to} (${r.article}) est envisageable : ${r.who(able.length)} y répondre ${reach(able, commune)}.`] : [];
  });
  if (reserved.length > 0) return [...reserved, threshold].join(' ');

  const inclusive = RESERVATIONS.map(([f]) => family(f));
  const grouped = inclusive.reduce((sum, f) => sum + f.groupementOnly, 0);
  const few = `Un marché réservé n'est pas recommandé : moins de ${RESERVATION_THRESHOLD} structures d'insertion ou du secteur protégé peuvent y répondre seules à ${commune}.`;
  if (inclusive.some((f) => f.groupementOnly > 0 && f.count + f.groupementOnly >= RESERVATION_THRESHOLD)) {
    return `${few} ${grouped > 1 ? `${grouped} structures de plus ne le pourraient` : 'Une structure de plus ne le pourrait'} qu'en groupement : allotir l'achat en lots à leur mesure (art. L2113-10 ${CCP}) ou accepter les groupements (co-traitance) le rendrait envisageable. ${threshold}`;
  }
  const total = families.reduce((sum, f) => sum + f.count, 0);
  if (total === 0 && families.every((f) => f.groupementOnly === 0)) {
    return `Aucune structure de l'ESS de l'annuaire ne fait ce métier à ${commune} : une clause sociale d'insertion (art. L2112-2 ${CCP}), exécutée par le titulaire, reste possible. ${threshold}`;
  }
  const others = family('OTHER_ESS');
  const ess = others.count >= RESERVATION_THRESHOLD ? ` Pour certains services sociaux, de santé ou culturels seulement, un marché peut être réservé aux entreprises de l'ESS (art. L2113-15 ${CCP}).` : '';
  return `${few} Une clause sociale d'insertion (art. L2112-2 ${CCP}) permet d'y associer ${total > 1 ? `les ${total} structures de l'ESS qui peuvent` : "la structure de l'ESS qui peut"} y répondre, en co-traitance ou en sous-traitance.${ess} ${threshold}`;
}
