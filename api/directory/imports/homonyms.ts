// Profiles without a SIRET, found by name and commune. Several establishments may share both (two
// antennas of one association, thin public lines of one network): each line of a run stands for one
// of them, told apart by what the line says of itself, never two lines for the same one.
import { fold } from '../../../matching/text/fold';
import type { SupplierRecord } from '../../store/types';
import type { ImportLine } from './items';

export const cell = (value: unknown): string => (typeof value === 'string' ? value : value == null ? '' : String(value));

export const placeKey = (name: unknown, communeCode: unknown): string => `${fold(cell(name))}|${cell(communeCode).trim().toUpperCase()}`;

const oldestFirst = (a: SupplierRecord, b: SupplierRecord): number => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1);

export class Homonyms {
  private readonly byPlace = new Map<string, SupplierRecord[]>();
  /** Profiles a line of this run already stands for. */
  private readonly taken = new Set<string>();

  add(s: SupplierRecord): void {
    const key = placeKey(s.name, s.communeCode);
    const list = this.byPlace.get(key);
    if (list) list.push(s);
    else this.byPlace.set(key, [s]);
  }

  /** The profiles of a place no line of the run stood for yet, oldest first. */
  free(place: string): SupplierRecord[] {
    return (this.byPlace.get(place) ?? []).filter((s) => !this.taken.has(s.id)).sort(oldestFirst);
  }

  /**
   * The free profile a line names by what sets it apart: its contact address, its coordinates or its
   * description, in that order (a website is often the association's, shared); null when it names none.
   */
  named(place: string, fields: ImportLine['fields']): SupplierRecord | null {
    const free = this.free(place);
    const text = (value: unknown) => cell(value).trim();
    const email = text(fields.contactEmail).toLowerCase();
    const [lat, lon] = [fields.latitude, fields.longitude].map((v) => (v === null || v === undefined || v === '' ? NaN : Number(v)));
    return (
      free.find((s) => email !== '' && s.contactEmail.toLowerCase() === email) ??
      free.find((s) => s.latitude === lat && s.longitude === lon) ??
      free.find((s) => text(fields.description) !== '' && s.description === text(fields.description)) ??
      null
    );
  }

  take(s: SupplierRecord): void {
    this.taken.add(s.id);
  }
}
