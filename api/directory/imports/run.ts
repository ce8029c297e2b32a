// One import run: each line a public file gives is merged into the profile of the same SIRET
// (or, without one, of the same name in the same commune), created when there is none.
// Rules, in one place for every format:
// - a field a person wrote through the API (provenance 'edit') is never overwritten;
// - between sources, each field keeps the word of the most trusted one (csv, our template filled by
//   officers, over data·inclusion over SIRENE; SIRENE, the register, over data·inclusion for the
//   legal form, NAF codes and headcount);
// - the merged profile passes the same validation as createSupplier, save what public data lacks
//   (description, contact address, legal form: see importSchema);
// - every profile is written whole (an update in one single-document operation, new ones in batches
//   whose lines are each whole), so a run killed at any point leaves whole profiles only, and running
//   it again finishes the work;
// - a SIRET taken out of the directory on purpose (../retired-sirets.ts) is never created again; a
//   profile that holds it (a person put it back) is merged as any other.
import { GraphQLError } from 'graphql/error/GraphQLError';
import { z } from 'zod';
import { DuplicateKeyError, type FieldProvenance, type ImportSource, type RetiredSiretRecord, type SourceRecord, type Store, type SupplierRecord } from '../../store/types';
import { newId, parseInput } from '../../kernel';
import { notReimported, retiredSirets } from '../retired-sirets';
import { derived, importSchema, isFilled, NEW_PROFILE_STATUS, PROFILE_FIELDS, type ProfileFields } from '../suppliers';
import { cell, Homonyms, placeKey } from './homonyms';
import { trustedDate, type ImportCounts, type ImportLine, type Outcome, type ProfileField, type Refusal } from './items';

const RANK: Record<ImportSource, number> = { sirene: 1, inclusion: 2, csv: 3 };
const REGISTER_FIELDS: ReadonlySet<string> = new Set(['siret', 'legalForm', 'nafCodes', 'employees']);

function rank(origin: ImportSource, field: string): number {
  return origin === 'sirene' && REGISTER_FIELDS.has(field) ? 2.5 : RANK[origin];
}

/** Whether `source` may write this field of the profile. */
function writable(existing: SupplierRecord | null, field: ProfileField, source: ImportSource): boolean {
  if (!existing) return true;
  // Written before provenance existed: what is filled was typed by someone.
  if (!existing.provenance) return !isFilled(existing[field]);
  const p = existing.provenance[field];
  if (!p) return true;
  if (p.origin === 'edit') return false;
  return rank(source, field) >= rank(p.origin, field);
}

/** New profiles written together: one append instead of 500 on the embedded engine. */
const BATCH = 500;

// What makes a line a structure one can place; public data often holds nothing else (no description,
// no contact address, no legal form): those stay empty, never invented.
const REQUIRED: readonly ProfileField[] = ['name', 'communeCode'];

// Every line of every import passes it: compiled ahead (zod's fast path, same outcome and messages,
// the runtime parser taking over for any line it does not accept), four times faster than the runtime's.
// Compiled at the first line read, not when a process that may import nothing loads this module.
let profileSchema: typeof importSchema | null = null;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The siret as keyed: digits only (the validation refuses anything else later). */
const siretKey = (value: unknown): string => cell(value).replace(/\s/g, '');

/** A line read for merging: its fields as the run takes them, its key, and how to refuse it. */
interface Prepared {
  readonly fields: ImportLine['fields'];
  readonly asOf: Date | undefined;
  readonly siret: string;
  readonly place: string;
  readonly refuse: (reason: string) => 'refused';
}

export class ImportRun {
  readonly counts: ImportCounts = { created: 0, updated: 0, unchanged: 0, refused: 0, ignored: 0 };
  readonly refusals: Refusal[] = [];
  /** Why lines were left out, with how many each reason took (in the order first met). */
  readonly ignoredReasons = new Map<string, number>();
  /** New profiles written together (one append on the embedded engine instead of one per line). */
  private readonly pending: { record: SupplierRecord; refuse: (reason: string) => 'refused' }[] = [];
  /** The batch being written (one at a time); its failure is thrown by the next batch or by finish(). */
  private writing: Promise<void> = Promise.resolve();
  private readonly bySiret = new Map<string, SupplierRecord>();
  private readonly homonyms = new Homonyms();
  /** Lines without a SIRET naming none of their place's profiles: given one once the others took theirs (settle). */
  private readonly held: Prepared[] = [];
  /**
   * Keys met in this run, and where: a second line for one SIRET is a duplicate; without a SIRET, only
   * a line saying all the same (`print`), else it is another establishment of that name and commune.
   */
  private readonly seen = new Map<string, { file: string; line: number; print: string }[]>();
  // What this run writes of each field it gives a new profile, and of its source: one value shared by
  // every profile it creates (the store keeps them as given, and nothing changes a record in place:
  // a later write replaces them), instead of some twenty objects kept for each of tens of thousands.
  private readonly claim: FieldProvenance;
  private readonly firstSeen: SourceRecord;
  /** The provenance of a new profile, by the fields the line gave: frozen, its JSON is written once (serialize.ts). */
  private readonly provenanceOf = new Map<string, Readonly<Record<string, FieldProvenance>>>();

  private constructor(
    private readonly store: Store,
    readonly source: ImportSource,
    readonly dryRun: boolean,
    private readonly at: Date,
    private readonly retired: ReadonlyMap<string, RetiredSiretRecord>,
    /** Told of every profile written (the service keeps its matcher and directory in step). */
    private readonly written: (record: SupplierRecord) => void = () => {},
  ) {
    this.claim = Object.freeze({ origin: source, at });
    this.firstSeen = { source, firstAt: at, lastAt: at };
  }

  /** Reads the directory and the retired SIRETs once: lookups by SIRET stay in memory, whatever the engine. */
  static async open(store: Store, source: ImportSource, options: { dryRun: boolean; at?: Date; written?: (record: SupplierRecord) => void }): Promise<ImportRun> {
    const run = new ImportRun(store, source, options.dryRun, options.at ?? new Date(), await retiredSirets(store), options.written);
    for (const s of await store.suppliers.find({})) if (!s.retiredAt) run.remember(s);
    return run;
  }

  private remember(s: SupplierRecord): void {
    if (s.siret) this.bySiret.set(s.siret, s);
    else this.homonyms.add(s);
  }

  /** A line the format could not read at all (torn quotes, wrong column count). */
  refuse(file: string, line: number, reason: string, fields: Partial<Record<ProfileField, unknown>> = {}): 'refused' {
    this.counts.refused += 1;
    this.refusals.push({ file, line, siret: siretKey(fields.siret), name: cell(fields.name).slice(0, 200), reason });
    return 'refused';
  }

  ignore(reason: string, count = 1): void {
    this.counts.ignored += count;
    this.ignoredReasons.set(reason, (this.ignoredReasons.get(reason) ?? 0) + count);
  }

  async apply(input: ImportLine): Promise<void> {
    this.count(await this.merge(input));
  }

  /** Once every line is read: each held line takes the oldest profile of its place still free, or a new one. */
  async settle(): Promise<void> {
    for (const line of this.held.splice(0)) this.count(await this.mergeInto(line, this.homonyms.free(line.place)[0] ?? null));
  }

  private count(outcome: Outcome | 'held'): void {
    if (outcome !== 'refused' && outcome !== 'held') this.counts[outcome] += 1; // refuse() counted its own
  }

  private version(date: Date | undefined): Date | undefined {
    return trustedDate(date, this.at);
  }

  private async merge({ file, line, fields: given, asOf, columns }: ImportLine): Promise<Outcome | 'held'> {
    // An unknown legal form is no word on it: it never replaces one somebody gave.
    const fields = given.legalForm === 'UNSPECIFIED' ? { ...given, legalForm: undefined } : given;
    // A field is named as the file names it (« courriel », not « contactEmail »).
    const named = (reason: string) => (columns ? reason.replace(/« (\w+) »/g, (whole, f: ProfileField) => (columns[f] ? `« ${columns[f]} »` : whole)) : reason);
    const siret = siretKey(fields.siret);
    const read: Prepared = { fields, asOf: this.version(asOf), siret, place: placeKey(fields.name, fields.communeCode), refuse: (reason) => this.refuse(file, line, named(reason), fields) };
    const key = siret ? `siret:${siret}` : `place:${read.place}`;
    const print = siret ? '' : JSON.stringify(fields);
    const before = this.seen.get(key)?.find((s) => s.print === print);
    if (before) {
      const where = before.file === file ? `ligne ${before.line}` : `ligne ${before.line} de ${before.file}`;
      return read.refuse(siret ? `SIRET ${siret} en double : déjà lu ${where}.` : `ligne identique à la ${where} (même structure, sans SIRET).`);
    }
    const met = this.seen.get(key);
    if (met) met.push({ file, line, print });
    else this.seen.set(key, [{ file, line, print }]);
    if (siret) return this.mergeInto(read, this.bySiret.get(siret) ?? null);
    const own = this.homonyms.named(read.place, fields);
    if (own || this.homonyms.free(read.place).length === 0) return this.mergeInto(read, own);
    this.held.push(read); // it may stand for a profile another line of the run names: see settle
    return 'held';
  }

  /** Merges a line into the profile it stands for, or creates one (existing: null). */
  private async mergeInto({ fields, asOf, siret, refuse }: Prepared, existing: SupplierRecord | null): Promise<Outcome> {
    if (existing && !siret) this.homonyms.take(existing);
    const retired = existing ? undefined : this.retired.get(siret);
    if (retired) return refuse(notReimported(retired));

    const mine = existing?.sources.find((s) => s.source === this.source);
    const mineAsOf = this.version(mine?.asOf);
    if (asOf && mineAsOf && asOf < mineAsOf) return 'unchanged'; // the profile holds a later version of this source

    const writes = new Set(PROFILE_FIELDS.filter((f) => fields[f] !== undefined && writable(existing, f, this.source)));
    // Coordinates go together: both the source's, or both left as they are.
    if (writes.has('latitude') !== writes.has('longitude') || !writable(existing, 'latitude', this.source) || !writable(existing, 'longitude', this.source)) {
      writes.delete('latitude');
      writes.delete('longitude');
    }
    const candidate: Record<string, unknown> = {};
    for (const f of PROFILE_FIELDS) candidate[f] = writes.has(f) ? fields[f] : existing ? existing[f] : undefined;
    // A new commune without new coordinates: the old ones described the old place.
    const moved = existing && writes.has('communeCode') && !writes.has('latitude') && cell(fields.communeCode).trim().toUpperCase() !== existing.communeCode;
    if (moved && writable(existing, 'latitude', this.source) && writable(existing, 'longitude', this.source)) {
      candidate.latitude = null;
      candidate.longitude = null;
      writes.add('latitude');
      writes.add('longitude');
    }

    if (!isFilled(candidate.legalForm)) candidate.legalForm = 'UNSPECIFIED';
    const missing = REQUIRED.find((f) => !isFilled(candidate[f]));
    if (missing) return refuse(`« ${missing} » : ce champ est obligatoire.`);
    let profile: ProfileFields;
    try {
      profile = parseInput((profileSchema ??= z.compile(importSchema)), candidate);
    } catch (err) {
      if (err instanceof GraphQLError) return refuse(err.message);
      throw err;
    }
    if (!existing) return this.create(profile, writes, asOf, refuse);

    const provenance: Record<string, FieldProvenance> = { ...(existing.provenance ?? {}) };
    const changed: Partial<ProfileFields> = {};
    let claimed = false;
    for (const f of writes) {
      const valueChanged = !same(profile[f], existing[f]);
      if (valueChanged) (changed as Record<string, unknown>)[f] = profile[f];
      // Same value: the field changes hands only from a less trusted source (so a rerun claims nothing).
      const owner = provenance[f]?.origin;
      if (valueChanged || (owner !== undefined && owner !== 'edit' && owner !== this.source)) {
        provenance[f] = this.claim;
        claimed = true;
      }
    }
    const known = existing.sources;
    const dirty = Object.keys(changed).length > 0;
    const newer = asOf !== undefined && (!mineAsOf || asOf > mineAsOf);
    if (!dirty && !claimed && !newer) return 'unchanged';
    const sources: SourceRecord[] = mine
      ? known.map((s) => (s === mine ? { ...s, ...(dirty ? { lastAt: this.at } : {}), ...(newer ? { asOf } : {}) } : s))
      : [...known, { source: this.source, firstAt: this.at, lastAt: this.at, ...(asOf ? { asOf } : {}) }];
    const next: SupplierRecord = { ...existing, ...changed, provenance, sources };
    const patch = { ...changed, ...derived(next), provenance, sources };
    if (!this.dryRun) {
      try {
        const updated = await this.store.suppliers.update(existing.id, patch);
        if (!updated) return refuse('la structure a été supprimée pendant l’import.');
        this.written(updated);
        return 'updated';
      } catch (err) {
        if (err instanceof DuplicateKeyError) return refuse(`« ${err.field} » : une autre structure porte déjà cette valeur.`);
        throw err;
      }
    }
    return 'updated';
  }

  private async create(
    profile: ProfileFields,
    writes: ReadonlySet<ProfileField>,
    asOf: Date | undefined,
    refuse: (reason: string) => 'refused',
  ): Promise<Outcome> {
    const fields = [...writes].join();
    let provenance = this.provenanceOf.get(fields);
    if (!provenance) {
      const claimed: Record<string, FieldProvenance> = {};
      for (const f of writes) claimed[f] = this.claim;
      this.provenanceOf.set(fields, (provenance = Object.freeze(claimed)));
    }
    // No organisation: an imported profile belongs to no account until a structure's user is given it.
    const record: SupplierRecord = {
      id: newId(),
      organisationId: null,
      ...profile,
      ...derived(profile),
      provenance,
      sources: [asOf ? { ...this.firstSeen, asOf } : this.firstSeen],
      ...NEW_PROFILE_STATUS,
      createdAt: this.at,
      updatedAt: this.at,
    };
    if (!this.dryRun) {
      this.pending.push({ record, refuse });
      if (this.pending.length >= BATCH) await this.startWriting();
    }
    // Not remembered: a second line for this structure is refused as a duplicate (seen) before any lookup.
    return 'created';
  }

  /** Writes the batch once the previous one is written, without waiting: the next lines are read meanwhile. */
  private async startWriting(): Promise<void> {
    await this.writing;
    this.writing = this.flush();
    this.writing.catch(() => {}); // thrown where it is awaited, not as an unhandled rejection meanwhile
  }

  /** Writes the new profiles waiting in the batch (each whole; see insertMany). */
  private async flush(): Promise<void> {
    const batch = this.pending.splice(0);
    if (batch.length === 0) return;
    try {
      for (const record of await this.store.suppliers.insertMany(batch.map((p) => p.record))) this.written(record);
      return;
    } catch (err) {
      if (!(err instanceof DuplicateKeyError)) return this.unwritten(batch.length, err); // the batch is written whole or not at all
    }
    // Only another process writing the same SIRET meanwhile (MongoDB, the server running) gets here:
    // one by one, to refuse just that line (what insertMany kept before it is found by its id).
    for (const [i, { record, refuse }] of batch.entries()) {
      try {
        this.written((await this.store.suppliers.findById(record.id)) ?? (await this.store.suppliers.insert(record)));
      } catch (err) {
        if (!(err instanceof DuplicateKeyError)) return this.unwritten(batch.length - i, err);
        this.counts.created -= 1;
        refuse(`SIRET ${record.siret ?? ''} enregistré entre-temps par un autre processus : relancez l’import.`);
      }
    }
  }

  /** Ends the run: the last batch is written. Call it whatever happened, an interruption included. */
  async finish(): Promise<void> {
    try {
      await this.writing;
    } catch (err) {
      return this.unwritten(this.pending.splice(0).length, err);
    }
    await this.flush();
  }

  /** A write failed: the profiles it left unwritten are not counted as created. */
  private unwritten(lines: number, err: unknown): never {
    this.counts.created -= lines;
    throw err;
  }
}
