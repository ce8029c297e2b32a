// The storage interface. Every engine (embedded nedb, MongoDB through Mongoose)
// implements `Collection` once; the rest of the server only sees `Store`.

export type Role = 'COMPANY' | 'SUPPLIER' | 'OFFICER' | 'ADMIN';
export type OrganisationKind = 'COMPANY' | 'SUPPLIER' | 'METROPOLE';
export type LegalForm = 'ASSOCIATION' | 'SCOP' | 'SCIC' | 'COOPERATIVE' | 'MUTUELLE' | 'FONDATION' | 'ESUS_COMPANY';
export type InclusionKind = 'ESAT' | 'EA' | 'EATT' | 'ACI' | 'AI' | 'EI' | 'ETTI' | 'EITI' | 'GEIQ';
export type NeedKind = 'PURCHASE' | 'SUBCONTRACTING' | 'RSE_PARTNERSHIP' | 'INSERTION_CLAUSE' | 'SPONSORSHIP';

/** Every stored document has a string id (also its primary key) and timestamps. */
export interface StoredDocument {
  id: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface UserRecord extends StoredDocument {
  email: string; // lower-cased, unique
  passwordHash: string;
  role: Role;
  organisationId: string | null;
}

export interface OrganisationRecord extends StoredDocument {
  name: string;
  kind: OrganisationKind;
}

export interface SupplierRecord extends StoredDocument {
  organisationId: string | null;
  name: string;
  siret: string | null; // unique when present
  legalForm: LegalForm;
  inclusionKind: InclusionKind | null;
  description: string;
  services: string[];
  nafCodes: string[];
  communeCode: string;
  latitude: number | null;
  longitude: number | null;
  interventionRadiusKm: number | null;
  employees: number | null;
  maxContractValue: number | null;
  labels: string[]; // canonical spelling, e.g. "ISO 9001"
  labelKeys: string[]; // folded labels, for filtering
  contactEmail: string;
  website: string | null;
  searchText: string; // folded name + description + services, for the directory's text filter
  sortKey: string; // folded name, for the directory's order
}

export interface NeedRecord extends StoredDocument {
  organisationId: string | null;
  createdBy: string; // user id
  title: string;
  description: string;
  kind: NeedKind;
  companyName: string | null;
  contactEmail: string;
  nafCodes: string[];
  communeCode: string;
  latitude: number | null;
  longitude: number | null;
  budgetMin: number | null;
  budgetMax: number | null;
  requiredLabels: string[];
  preferredInclusionKinds: InclusionKind[];
  deadline: Date | null;
}

/** A MongoDB-style filter. Built only by api/store/filters.ts, from typed values, never from raw input. */
export type Filter = Record<string, unknown>;

export interface FindOptions {
  sort?: Record<string, 1 | -1>;
  limit?: number;
  skip?: number;
}

export interface Collection<T extends StoredDocument> {
  /** Inserts a new document; rejects with DuplicateKeyError on a unique index violation. */
  insert(doc: T): Promise<T>;
  findById(id: string): Promise<T | null>;
  findOne(filter: Filter): Promise<T | null>;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  count(filter: Filter): Promise<number>;
  /** Sets the given fields (and updatedAt) on the document with this id; null when there is none. */
  update(id: string, patch: Partial<Omit<T, 'id' | 'createdAt'>>): Promise<T | null>;
  /** Atomically sets fields on ONE document matching the filter (claims, leases); null when none matches. */
  findOneAndUpdate(filter: Filter, patch: Partial<Omit<T, 'id' | 'createdAt'>>): Promise<T | null>;
  remove(id: string): Promise<boolean>;
}

export interface Store {
  readonly engine: 'embedded' | 'mongo';
  readonly users: Collection<UserRecord>;
  readonly organisations: Collection<OrganisationRecord>;
  readonly suppliers: Collection<SupplierRecord>;
  readonly needs: Collection<NeedRecord>;
  /** Flushes and releases everything the store holds (files, lock, connections). */
  close(): Promise<void>;
}

/** Unique index violated: `field` names the offending document field. */
export class DuplicateKeyError extends Error {
  constructor(readonly collection: string, readonly field: string) {
    super(`duplicate key on ${collection}.${field}`);
    this.name = 'DuplicateKeyError';
  }
}

/** The DATA_DIR is held by another live process. */
export class StoreLockedError extends Error {
  constructor(readonly dataDir: string, readonly pid: number) {
    super(`Le dossier de données ${dataDir} est déjà utilisé par le processus ${pid}. Arrêtez-le avant de relancer.`);
    this.name = 'StoreLockedError';
  }
}
