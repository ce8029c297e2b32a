// Cursor pagination: opaque cursors carrying the sort key of the last item returned.
import { z } from 'zod';
import { badInput } from '../errors';

/** A page in the shape of a GraphQL connection (Relay's), which is what every list of ours answers. */
export interface Page<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput('first', `« first » : doit être un entier entre 1 et ${MAX_PAGE_SIZE}.`);
  }
  return first;
}

// A page of the directory encodes a cursor per edge: the key is written as JSON.stringify writes
// it, without its generic walk, and encoded through one buffer kept for them rather than a Buffer
// each (together, a fifth less time a cursor).
const cursorBytes = Buffer.allocUnsafe(1024);
const jsonOf = (value: string | number): string => (typeof value === 'number' ? (Number.isFinite(value) ? String(value) : 'null') : JSON.stringify(value));

export function encodeCursor(key: readonly (string | number)[]): string {
  const json = `[${key.map(jsonOf).join(',')}]`;
  if (json.length * 3 > cursorBytes.length) return Buffer.from(json).toString('base64url');
  return cursorBytes.toString('base64url', 0, cursorBytes.write(json));
}

const cursorShape = z.tuple([z.union([z.string(), z.number()]), z.string()]);

/** The [sortValue, id] pair of a cursor this service produced; BAD_USER_INPUT on anything else. */
export function decodeCursor(cursor: string | null | undefined): [string | number, string] | null {
  if (cursor === null || cursor === undefined) return null;
  try {
    return cursorShape.parse(JSON.parse(Buffer.from(cursor.slice(0, 1000), 'base64url').toString('utf8')));
  } catch {
    throw badInput('after', '« after » : curseur de pagination invalide.');
  }
}

/** A cursor over a date-ordered list: [timestamp, id]; a forged or foreign one is BAD_USER_INPUT, never an invalid date. */
export function decodeDateCursor(cursor: string | null | undefined): { createdAt: Date; id: string } | null {
  const key = decodeCursor(cursor);
  if (!key) return null;
  if (typeof key[0] !== 'number' || !Number.isFinite(new Date(key[0]).getTime())) throw badInput('after', '« after » : curseur de pagination invalide.');
  return { createdAt: new Date(key[0]), id: key[1] };
}

/**
 * An edge whose cursor is encoded when read: most pages are read without them. A class, not an
 * object literal with a getter: a literal made a closure and an accessor of its own for every edge
 * (with the getter, a twentieth of a fresh directory search at 20,000 structures, CPU profile).
 */
class LazyEdge<T> {
  constructor(
    readonly node: T,
    private readonly index: number,
    private readonly cursorOf: (item: T, index: number) => string,
  ) {}

  get cursor(): string {
    return this.cursorOf(this.node, this.index);
  }
}

/** Builds a page from `size + 1` fetched items. */
export function toPage<T>(fetched: T[], size: number, totalCount: number, cursorOf: (item: T, index: number) => string): Page<T> {
  const edges = fetched.slice(0, size).map((node, index) => new LazyEdge(node, index, cursorOf));
  const last = edges.length - 1;
  return {
    edges,
    pageInfo: {
      hasNextPage: fetched.length > size,
      get endCursor() {
        return last < 0 ? null : edges[last]!.cursor;
      },
    },
    totalCount,
  };
}
