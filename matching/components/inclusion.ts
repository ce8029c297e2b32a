// Required inclusion kinds: a hard constraint. Three sets carry a legal meaning, and the reason
// a structure is turned away names it: art. L2113-12 du Code de la commande publique reserves a
// contract to ESAT and entreprises adaptées; art. L2113-13 to the SIAE; and only purchases from
// ESAT, EA or EATT are deductible from a firm's OETH contribution (Code du travail).

export const DISABILITY_KINDS = ['ESAT', 'EA', 'EATT'] as const;
export const SIAE_KINDS = ['ACI', 'AI', 'EI', 'ETTI', 'EITI'] as const;

export type RequirementBasis = 'disability' | 'siae' | 'other';

export interface InclusionResult {
  required: string[];
  kind: string | null;
  allowed: boolean;
  basis: RequirementBasis;
  /** The need buys goods or services from an ESAT/EA/EATT: the purchase counts towards the OETH. */
  oeth: boolean;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  const s = new Set(a);
  return s.size === b.length && b.every((x) => s.has(x));
};

export function requirementBasis(required: readonly string[]): RequirementBasis {
  if (sameSet(required, DISABILITY_KINDS)) return 'disability';
  if (sameSet(required, SIAE_KINDS)) return 'siae';
  return 'other';
}

/** OETH-driven: the ESAT/EA/EATT set on a purchase or subcontracting (the contracts the deduction covers). */
export function isOethNeed(required: readonly string[], needKind: string): boolean {
  return requirementBasis(required) === 'disability' && (needKind === 'PURCHASE' || needKind === 'SUBCONTRACTING');
}

/** Null when the need requires no kind; else whether the structure's kind is one of those required. */
export function inclusionRequirement(required: readonly string[], kind: string | null, needKind: string): InclusionResult | null {
  if (required.length === 0) return null;
  return { required: [...required], kind, allowed: kind !== null && required.includes(kind), basis: requirementBasis(required), oeth: isOethNeed(required, needKind) };
}

const L2113_12 = 'art. L2113-12 du Code de la commande publique';
const L2113_13 = 'art. L2113-13 du Code de la commande publique';

function rule(r: InclusionResult): string {
  if (r.basis === 'siae') return `Marché réservé aux structures d'insertion par l'activité économique (${L2113_13})`;
  if (r.basis === 'disability') {
    const reserved = `Marché réservé (${L2113_12})`;
    return r.oeth ? `${reserved} ou achat déductible de la contribution OETH (Code du travail)` : reserved;
  }
  return `Type de structure exigé par le besoin (${r.required.join(', ')})`;
}

/** One French sentence: why the structure may or may not answer. */
export function inclusionReason(r: InclusionResult): string {
  const who = r.basis === 'siae' ? 'seules les SIAE (ACI, AI, EI, ETTI, EITI) peuvent répondre' : r.basis === 'disability' ? 'seuls les ESAT et entreprises adaptées (EA, EATT) peuvent répondre' : `seules les structures ${r.required.join(' ou ')} peuvent répondre`;
  if (!r.allowed) return `${rule(r)} : ${who} ; ${r.kind ? `cette structure est de type ${r.kind}` : "cette structure n'est pas une structure d'inclusion"}`;
  return `Structure ${r.kind} : peut répondre (${rule(r).charAt(0).toLowerCase()}${rule(r).slice(1)})`;
}
