// A structure a hard constraint of the need excludes (a required inclusion kind or label, a base
// out of range) enters a list only by an officer's derogation, with its reason, kept on the item.
import { badInput, conflict } from '../errors';
import type { NeedRecord, ShortlistItemRecord, ShortlistOverrideRecord, SupplierRecord } from '../store/types';
import type { IntroductionDeps } from './deps';

export interface OverrideInput {
  supplierId: string;
  reason: string;
}

/** Between the constraints a derogation names (one string, as kept on the item). */
const SEPARATOR = ' ; ';

/** The structures among `ids` a hard constraint excludes, each with the constraints it fails (the matcher's sentences). */
export function exclusions(services: Pick<IntroductionDeps, 'matching'>, need: NeedRecord, ids: readonly string[]): Map<string, string> {
  const failed = services.matching.scoreFor(need, ids).filter((m) => !m.eligible);
  return new Map(failed.map((m) => [m.profileId, m.failed.join(SEPARATOR) || 'Une exigence du besoin n’est pas remplie']));
}

/** « une exigence » or « des exigences », for one constraint or several (a derogation's string, or a list). */
const requirements = (constraints: string | readonly string[]): string =>
  (typeof constraints === 'string' ? constraints.includes(SEPARATOR) : constraints.length > 1) ? 'des exigences' : 'une exigence';

/** The constraints failed now that the derogation given does not name (the need gained one since, or changed it). */
const uncovered = (now: string, override: ShortlistOverrideRecord): string[] => {
  const named = override.constraint.split(SEPARATOR);
  return now.split(SEPARATOR).filter((c) => !named.includes(c));
};

/**
 * The derogation of each newly listed structure a constraint excludes: refused, naming it and the
 * constraint, when the officer gave no reason for it. Items already listed keep theirs.
 */
export function overridesFor(
  excluded: Map<string, string>,
  added: readonly string[],
  given: readonly OverrideInput[] | null | undefined,
  listed: readonly string[],
  names: Map<string, Pick<SupplierRecord, 'name'>>,
  by: string,
): Map<string, ShortlistOverrideRecord> {
  const reasonOf = new Map((given ?? []).map((o) => [o.supplierId, o.reason]));
  const stray = [...reasonOf.keys()].find((sid) => !listed.includes(sid));
  if (stray !== undefined) throw badInput('overrides', `« overrides » : la structure ${stray.slice(0, 100)} ne fait pas partie de la liste.`);
  const at = new Date();
  const out = new Map<string, ShortlistOverrideRecord>();
  for (const sid of listed) {
    const constraint = excluded.get(sid);
    const reason = reasonOf.get(sid);
    if (constraint === undefined) continue;
    if (reason) out.set(sid, { constraint, reason, by, at });
    else if (added.includes(sid)) {
      const name = names.get(sid)?.name ?? sid;
      throw badInput('overrides', `« overrides » : « ${name} » ne remplit pas ${requirements(constraint)} du besoin (${constraint}). Pour l'ajouter malgré tout, donnez la raison de cette dérogation.`);
    }
  }
  return out;
}

/**
 * At approval: every listed structure a constraint excludes (the need may have changed since)
 * carries a derogation, and one that names every constraint it fails now: a derogation given for a
 * required kind does not cover a label required since.
 */
export function requireOverrides(services: Pick<IntroductionDeps, 'matching'>, need: NeedRecord, items: readonly ShortlistItemRecord[], suppliers: Map<string, SupplierRecord>): void {
  const excluded = exclusions(services, need, items.map((i) => i.supplierId));
  for (const item of items) {
    const now = excluded.get(item.supplierId);
    if (now === undefined) continue;
    const name = suppliers.get(item.supplierId)?.name ?? item.supplierId;
    if (!item.override) throw conflict(`« ${name} » ne remplit pas ${requirements(now)} du besoin (${now}) : retirez-la de la liste, ou ajoutez-la de nouveau en donnant la raison de la dérogation.`);
    const added = uncovered(now, item.override);
    if (added.length) throw conflict(`« ${name} » ne remplit pas ${requirements(added)} du besoin que sa dérogation ne couvre pas (${added.join(SEPARATOR)}) : retirez-la de la liste, ou donnez de nouveau la raison de sa dérogation.`);
  }
}
