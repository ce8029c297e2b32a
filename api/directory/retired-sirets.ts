// SIRETs taken out of the directory on purpose ("tombstones"): an officer deleted the structure, or
// the structure deleted its own account. An import never creates a profile for one again, so the
// next SIRENE or data·inclusion file does not bring the structure back; a person creating a profile
// with that SIRET through the API lifts it. Only the number, the date and who asked are kept: the
// structure's wish not to be listed again is what keeping its number serves.
import { formatterAtFirstUse } from '../reference/vocabulary';
import { DuplicateKeyError, type RetiredBy, type RetiredSiretRecord, type Store } from '../store/types';

/**
 * Records the SIRET as retired. Written before the profile is touched: a deletion interrupted
 * after it leaves the profile, which may be deleted again (this then only refreshes the record).
 */
export async function recordRetirement(store: Store, siret: string, retiredBy: RetiredBy, at = new Date()): Promise<void> {
  try {
    await store.retiredSirets.insert({ id: siret, retiredBy, retiredAt: at, createdAt: at, updatedAt: at });
  } catch (err) {
    if (!(err instanceof DuplicateKeyError)) throw err;
    await store.retiredSirets.update(siret, { retiredBy, retiredAt: at });
  }
}

/** The SIRET is in the directory again, by someone's deliberate act: later imports update it normally. */
export async function liftRetirement(store: Store, siret: string | null): Promise<void> {
  if (siret) await store.retiredSirets.remove(siret);
}

/** Every retired SIRET, by number (a handful a year: read whole, once per import run). */
export async function retiredSirets(store: Store): Promise<Map<string, RetiredSiretRecord>> {
  return new Map((await store.retiredSirets.find({})).map((r) => [r.id, r]));
}

const days = formatterAtFirstUse(() => new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Paris' }));
const ASKED_BY: Record<RetiredBy, string> = { OFFICER: "d'un agent", STRUCTURE: 'de la structure' };

/** Why an import leaves this SIRET alone, as its report says it. */
export const notReimported = (r: RetiredSiretRecord): string =>
  `structure retirée de l'annuaire le ${days().format(r.retiredAt)} à la demande ${ASKED_BY[r.retiredBy]} ; non réimportée (un agent peut la recréer).`;
