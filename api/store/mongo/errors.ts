// What MongoDB's last line of defence (the Mongoose schemas) says when it refuses a record, in the
// client's terms. The schemas mirror the domain's rules, so the domain refuses first; a
// ValidationError reaching here means the two drifted apart: the client still gets a French
// BAD_USER_INPUT naming the field, not an internal error.
import mongoose from 'mongoose';
import { badInput } from '../../errors';

type Properties = { maxlength?: number; minlength?: number; min?: number; max?: number };

function reason(kind: string, p: Properties): string {
  switch (kind) {
    case 'required':
      return 'obligatoire';
    case 'maxlength':
      return `ne doit pas dépasser ${p.maxlength} caractères`;
    case 'minlength':
      return `doit compter au moins ${p.minlength} caractères`;
    case 'min':
      return `doit être supérieur ou égal à ${p.min}`;
    case 'max':
      return `doit être inférieur ou égal à ${p.max}`;
    case 'enum':
      return 'valeur inconnue';
    default:
      return 'valeur refusée';
  }
}

/** The record field a schema path names: `items.0.note` → `note` (the field the client typed). */
const fieldOf = (path: string): string => path.split('.').filter((s) => !/^\d+$/.test(s)).pop() ?? path;

/** A Mongoose ValidationError (or CastError) as the French BAD_USER_INPUT of its first field; anything else unchanged. */
export function fromValidationError(err: unknown): unknown {
  if (err instanceof mongoose.Error.CastError) return badInput(fieldOf(err.path), `« ${fieldOf(err.path)} » : valeur refusée`);
  if (!(err instanceof mongoose.Error.ValidationError)) return err;
  const first = Object.values(err.errors)[0];
  if (!first) return badInput('input', 'Données refusées.');
  const field = fieldOf(first.path);
  const kind = first instanceof mongoose.Error.ValidatorError ? String(first.kind) : 'cast';
  const properties = (first instanceof mongoose.Error.ValidatorError ? first.properties : {}) as Properties;
  return badInput(field, `« ${field} » : ${reason(kind, properties)}`);
}
