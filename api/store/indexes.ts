// Why an index could not be built on data already stored, in one French sentence for the operator
// (both engines): the start then stops with a StoreIndexError instead of a driver's raw error.
import { StoreIndexError } from './types';

/** MongoDB's default name for an index on these fields: `sortKey_1_id_1`. */
export const indexName = (fields: Record<string, unknown>): string => Object.entries(fields).map(([f, d]) => `${f}_${String(d)}`).join('_');

export function indexFailure(collection: string, fields: Record<string, unknown>, err: unknown): unknown {
  const e = err as { code?: number; codeName?: string; errorType?: string; message?: string };
  const name = indexName(fields);
  const list = Object.keys(fields).map((f) => `« ${f} »`).join(', ');
  if (e?.code === 11000 || e?.errorType === 'uniqueViolated') {
    return new StoreIndexError(collection, name, `plusieurs documents ont la même valeur de ${list}, que cet index exige unique. Corrigez ou supprimez les doublons, puis relancez.`);
  }
  if (e?.code === 85 || e?.code === 86) {
    return new StoreIndexError(
      collection,
      name,
      `un index existant sur ${list} a une autre définition (${e.codeName ?? `code ${e.code}`}). ` +
        `Supprimez-le (db.${collection}.dropIndex("${name}")) : il sera recréé, tel que défini, au démarrage.`,
    );
  }
  if (e?.code !== undefined && e?.codeName) {
    return new StoreIndexError(collection, name, `${e.codeName} (${String(e.message ?? '').split('\n')[0]}).`);
  }
  return err;
}
