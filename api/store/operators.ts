// Only the builders of api/store/filters.ts may put a $-operator into a store query. Each builder
// first checks that its arguments hold no $-key (so client input cannot become an operator, even
// if some day an untyped value reaches it), then marks the operator objects it produced. Both
// engines refuse any filter holding an unmarked object with a $-key: a smuggled `{ "$ne": null }`
// in place of an id or an email, or a filter written by hand outside filters.ts.
import type { Filter } from './types';

const BUILT = Symbol('passerelle.filterOperator');

/** A filter that did not come from filters.ts' builders: a programmer error, never answered in detail. */
export class UnsafeFilterError extends Error {
  override name = 'UnsafeFilterError';
}

type Plain = Record<string, unknown>;

/** Plain objects only: dates, regular expressions and arrays are values, not operators. */
const isPlainObject = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof RegExp);

const hasOperatorKey = (value: Plain): boolean => Object.keys(value).some((k) => k.startsWith('$'));

function visit(value: unknown, onObject: (o: Plain) => void, depth = 0): void {
  if (depth > 32) throw new UnsafeFilterError('filtre trop imbriqué');
  if (Array.isArray(value)) for (const item of value) visit(item, onObject, depth + 1);
  else if (isPlainObject(value)) {
    onObject(value);
    for (const item of Object.values(value)) visit(item, onObject, depth + 1);
  }
}

/** True for an operator object produced by a filters.ts builder. */
export const isBuiltOperator = (value: unknown): boolean => isPlainObject(value) && (value as { [BUILT]?: true })[BUILT] === true;

/**
 * Wraps a filter builder: refuses arguments carrying a $-key, and marks the operator objects of the
 * filter it returns (arguments are checked first, so nothing from them is ever marked).
 */
export function filterBuilder<A extends unknown[]>(build: (...args: A) => Filter): (...args: A) => Filter {
  const builder = (...args: A) => {
    visit(args, (o) => {
      if (hasOperatorKey(o)) throw new UnsafeFilterError('opérateur $ dans une valeur de filtre');
    });
    const filter = build(...args);
    visit(filter, (o) => {
      if (hasOperatorKey(o)) Object.defineProperty(o, BUILT, { value: true, enumerable: false });
    });
    return filter;
  };
  return Object.defineProperty(builder, BUILT, { value: true, enumerable: false });
}

/** True for a function wrapped by filterBuilder (a test checks every export of filters.ts). */
export const isFilterBuilder = (fn: unknown): boolean => typeof fn === 'function' && (fn as { [BUILT]?: true })[BUILT] === true;

/** Called by both engines before every query: refuses any $-key a builder did not produce. */
export function assertBuiltFilter(filter: unknown): void {
  if (!isPlainObject(filter)) throw new UnsafeFilterError('un filtre doit être un objet');
  visit(filter, (o) => {
    if (hasOperatorKey(o) && !isBuiltOperator(o)) throw new UnsafeFilterError('opérateur $ hors des constructeurs de api/store/filters.ts');
  });
}

/** The primary-key lookup both engines build themselves: only a string id, never an object. */
export function byPrimaryKey(id: unknown): Filter {
  if (typeof id !== 'string') throw new UnsafeFilterError('identifiant non textuel');
  return { _id: id };
}
