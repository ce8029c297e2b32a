// The storage interface. Every engine (embedded nedb, MongoDB through Mongoose)
// implements `Collection` once; the rest of the server only sees `Store`.

export type Role = 'COMPANY' | 'SUPPLIER' | 'OFFICER' | 'ADMIN';
/** PUBLIC_BUYER: a public buyer (a commune, a hospital…) whose users post needs like firms and see their DECP figures. */
export type OrganisationKind = 'COMPANY' | 'SUPPLIER' | 'METROPOLE' | 'PUBLIC_BUYER';
/** UNSPECIFIED: an imported structure whose source gave no legal form (never chosen by a person). */
export type LegalForm = 'ASSOCIATION' | 'SCOP' | 'SCIC' | 'COOPERATIVE' | 'MUTUELLE' | 'FONDATION' | 'ESUS_COMPANY' | 'UNSPECIFIED';
export type InclusionKind = 'ESAT' | 'EA' | 'EATT' | 'ACI' | 'AI' | 'EI' | 'ETTI' | 'EITI' | 'GEIQ';
/** Where an imported profile's data comes from (`npm run import -- --format …`). */
export type ImportSource = 'csv' | 'sirene' | 'inclusion';
/** Who last wrote a profile field: an import, or a person through the API ('edit': never overwritten by an import). */
export type FieldOrigin = ImportSource | 'edit';

export interface FieldProvenance {
  origin: FieldOrigin;
  at: Date;
}

/** One source an imported profile was read from: when it first brought data, and when it last changed some. */
export interface SourceRecord {
  source: ImportSource;
  firstAt: Date;
  lastAt: Date;
  /** The source's own date of its last change (data·inclusion's date_maj): an older line changes nothing. */
  asOf?: Date;
}

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
  /** Set when an officer detached the user from its structure (null: never detached). */
  detachedAt: Date | null;
  /** Bumped on a detachment: session tokens signed with another version are refused. */
  tokenVersion: number;
  /** Staff: since when the officer asked for the daily digest mail (absent or null: not asked, the default). */
  dailyDigestFrom?: Date | null;
}

export interface OrganisationRecord extends StoredDocument {
  name: string;
  kind: OrganisationKind;
  /** A public buyer's SIRET (its DECP `acheteur.id`); absent on other organisations. */
  siret?: string | null;
}

/** Both values as the structure would have them once confirmed. */
export interface PendingSupplierChanges {
  inclusionKind: InclusionKind | null;
  labels: string[];
  requestedBy: string; // user id
  requestedAt: Date;
}

/** An officer's decision on what a structure declared (its inclusion kind and labels), told to the structure. */
export interface DeclarationReview {
  approved: boolean;
  /** Why it was refused (required then), or a word on the confirmation. */
  reason: string | null;
  /** What the structure had declared. */
  inclusionKind: InclusionKind | null;
  labels: string[];
  reviewedBy: string; // user id
  reviewedAt: Date;
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
  /** '' for a profile imported without one (SIRENE has none): listed, never introduced until one is added. */
  contactEmail: string;
  website: string | null;
  /**
   * Who wrote each profile field and when (absent on profiles written before imports existed:
   * their filled fields count as edited). Keyed by SupplierInput field name.
   */
  provenance?: Record<string, FieldProvenance>;
  /**
   * What the structure's own user declared about its inclusion kind and labels, waiting for an
   * officer: the stored inclusionKind and labels (what the matcher and the directory use) are the
   * confirmed ones. Null: nothing pending.
   */
  pendingChanges: PendingSupplierChanges | null;
  /** The last decision on a declaration; null until an officer decides one. */
  declarationReview: DeclarationReview | null;
  /** The public files the profile was imported from (empty: created through the API only). */
  sources: SourceRecord[];
  searchText: string; // folded name + description + services, for the directory's text filter
  sortKey: string; // folded name, for the directory's order
  /**
   * Set when the structure deleted its account while introductions named it: the record is then an
   * anonymous stub (legal form, inclusion kind, commune kept for the statistics), hidden everywhere else.
   */
  retiredAt: Date | null;
  /** When the structure's contact first signed in (null: never, or before this was recorded). */
  firstSignInAt: Date | null;
  /** When the profile became complete after an invitation to complete it (api/campaign). */
  completedAt: Date | null;
  /**
   * Bumped when the structure's contact changes or a person is detached from it: the answer links
   * mailed before carry the old value and stop working (at 0 the links carry none).
   */
  linkVersion: number;
  /** Since when the structure refused every follow-up of its introductions (from its space); absent or null: it receives them. */
  followUpsOffAt?: Date | null;
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
  /** Hard constraint (empty: none). */
  requiredInclusionKinds: InclusionKind[];
  deadline: Date | null;
  /** When its first shortlist was approved. */
  introducedAt: Date | null;
  /**
   * When the need was confirmed: at creation for a logged-in firm or an officer; null while a need
   * posted without an account waits for its mailed link.
   */
  confirmedAt: Date | null;
  /** Withdrawn by its firm or by staff before any introduction. */
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  /** Closed by staff: the need is dealt with; it leaves the officers' queue but stays in the figures. */
  closedAt: Date | null;
  closingNote: string | null;
  /** Who withdrew or closed it (user id). */
  endedBy: string | null;
  /** Staff only, never mailed: what the officer heard (who called, their phone). */
  internalNote: string | null;
  /** The structure the firm asked for, from its public page (« Contacter via la Métropole »); null otherwise. */
  addressedTo: string | null;
  /** The officer who took the need in hand (« pris en charge par », user id), and when; absent or null: nobody. */
  assignedTo?: string | null;
  assignedAt?: Date | null;
}

export type ShortlistStatus = 'DRAFT' | 'APPROVED' | 'SENT';

export interface ShortlistItemRecord {
  supplierId: string;
  note: string | null; // the officer's word about this structure, shown to the firm
  reasons: string[]; // the matcher's French reasons, kept as they were when the item was chosen
  score: number | null; // null when the matcher did not rank this structure for the need
  proposed: boolean; // true when the matcher proposed it, false when an officer added it
  /** A hard constraint of the need excludes it: the officer's derogation (absent or null when none was needed). */
  override?: ShortlistOverrideRecord | null;
  /** When an earlier list of the same need already introduced it (absent or null otherwise). */
  introducedBefore?: Date | null;
}

export interface ShortlistOverrideRecord {
  constraint: string; // the matcher's French reason for the exclusion, when the officer overrode it
  reason: string; // the officer's reason
  by: string; // user id
  at: Date;
}

export interface ShortlistRecord extends StoredDocument {
  needId: string;
  status: ShortlistStatus;
  items: ShortlistItemRecord[]; // in the curated order: rank = position + 1
  /** Bumped on every edit: an approval commits only the revision it rendered. */
  revision: number;
  /** The need's id while DRAFT, null after: its unique index allows one open draft per need. */
  openDraftOf: string | null;
  draftedBy: string; // user id
  message: string | null; // the approving officer's message to the firm
  approvedBy: string | null; // user id
  replyTo: string | null; // the approving officer's email
  approvedAt: Date | null;
  sentAt: Date | null; // when the last mail was delivered
  /** The officer presents the structures as one possible groupement (co-traitance). */
  groupement: boolean;
  /** Why the matcher's draft holds fewer structures than asked (French); null otherwise. */
  notice: string | null;
}

/**
 * HELD: written ahead of the approval; only PENDING rows are ever sent. DROPPED: never to be sent,
 * on purpose (its recipient erased their data); it does not hold a list back from SENT.
 */
export type OutboxState = 'HELD' | 'PENDING' | 'SENDING' | 'SENT' | 'FAILED' | 'DROPPED';
/** OFFICER: a mail to one of the Métropole's officers (the daily digest). */
export type RecipientKind = 'FIRM' | 'SUPPLIER' | 'OFFICER';
/**
 * What a mail is: an introduction, the confirmation link of a need posted without an account, a
 * follow-up and its one reminder, or the acknowledgement of a need recorded (confirmed), to its firm;
 * OFFICER_DIGEST: an officer's daily digest (api/accounts/digest.ts).
 */
export type MailKind = 'INTRODUCTION' | 'NEED_CONFIRMATION' | 'FOLLOW_UP' | 'REMINDER' | 'NEED_RECEIVED' | 'DECLARATION_REVIEWED' | CampaignMailKind | 'OFFICER_DIGEST';
/** An officer's invitation to a structure to claim and complete its profile, and its one reminder (api/campaign). */
export type CampaignMailKind = 'INVITATION' | 'INVITATION_REMINDER';

/** One mail to deliver. Its content is rendered from the shortlist (or the need) when it is sent. */
export interface OutboxRecord extends StoredDocument {
  /** Null only for a need's confirmation mail, which belongs to no shortlist. */
  shortlistId: string | null;
  kind: MailKind;
  /** The need a NEED_CONFIRMATION mail confirms, or a NEED_RECEIVED one acknowledges. */
  needId: string | null;
  recipientKind: RecipientKind;
  supplierId: string | null; // the structure written to, for SUPPLIER mails
  to: string;
  messageId: string; // stable per (shortlist, recipient): a resend is recognisably the same mail
  state: OutboxState;
  attempts: number;
  firstAttemptAt: Date | null;
  nextAttemptAt: Date;
  leaseOwner: string | null;
  leaseUntil: Date | null;
  lastError: string | null;
  sentAt: Date | null;
}

export type OutcomeStatus = 'CONTACTED' | 'QUOTE_REQUESTED' | 'WON' | 'LOST' | 'NO_FOLLOW_UP';

/** What one introduction produced: one per (shortlist, structure), the latest word wins. */
export interface OutcomeRecord extends StoredDocument {
  shortlistId: string;
  needId: string;
  supplierId: string;
  status: OutcomeStatus;
  amount: number | null; // euros, WON only
  /** Hours of insertion work under a WON contract of an INSERTION_CLAUSE need. */
  insertionHours: number | null;
  recordedBy: string; // user id
}

export type SupplierAnswer = 'INTERESTED' | 'NOT_AVAILABLE';

/** A structure's answer to its introduction, from the link in its mail: one per (shortlist, structure), the latest wins. */
export interface ResponseRecord extends StoredDocument {
  shortlistId: string;
  supplierId: string;
  answer: SupplierAnswer;
  comment: string | null;
  answeredAt: Date;
}

/** A one-time sign-in link: only the SHA-256 of its token is kept (the id is that hash). */
export interface AccessLinkRecord extends StoredDocument {
  email: string; // lower-cased: a user's address or a structure's contact address
  expiresAt: Date;
  usedAt: Date | null;
}

/** Who asked for a structure to leave the directory: an officer (deleteSupplier), or the structure itself (deleteMyAccount). */
export type RetiredBy = 'OFFICER' | 'STRUCTURE';

/**
 * A SIRET taken out of the directory on purpose (the id is the SIRET): imports leave it alone until
 * someone creates a profile with it again. Only the number, the date and who asked are kept.
 */
export interface RetiredSiretRecord extends StoredDocument {
  retiredBy: RetiredBy;
  retiredAt: Date;
}

/** A co-contractor of a public contract, as the DECP names it (`typeIdentifiant`, `id`). */
export interface ContractHolder {
  idType: string; // SIRET, TVA, TAHITI, RIDET, FRWF, IREP, HORS-UE
  id: string;
}

/**
 * A public contract awarded, from the DECP (`npm run import -- --format decp`). The id is the
 * buyer's SIRET and its own contract number (a DECP `id` is unique per buyer only).
 */
export interface PublicContractRecord extends StoredDocument {
  contractId: string;
  buyerSiret: string;
  buyerSiren: string; // the buyer's first 9 digits: a public buyer sees the contracts of all its establishments
  object: string;
  cpvCode: string;
  amount: number; // euros excluding VAT, as notified (later modifications not applied)
  /** Paris midnight of `dateNotification`. */
  notifiedAt: Date;
  placeCode: string;
  placeType: string;
  socialClause: boolean;
  socialCriterion: boolean;
  reserved: boolean;
  holders: ContractHolder[];
}

/** Which family of the directory a spend line's supplier belongs to (null: not in the directory). */
export type SpendFamily = 'SIAE' | 'PROTECTED' | 'OTHER_ESS';

/** One line of a buyer's spend file as it was counted (duplicates and unreadable lines left out). */
export interface SpendEntryRecord {
  line: number;
  identifier: string; // SIRET (14 digits) or SIREN (9)
  name: string;
  amount: number;
  category: string | null; // the file's category, else the NAF code's label
  supplierId: string | null; // the directory's structure it matched, by SIRET then SIREN
  family: SpendFamily | null;
}

/** A spend category where the ESS is absent, with the structures the matcher proposed for it then. */
export interface SpendGapRecord {
  category: string;
  amount: number;
  supplierIds: string[];
}

/** A buyer's analysed spend file: private to its organisation and staff; deleted with it. */
export interface SpendAnalysisRecord extends StoredDocument {
  organisationId: string;
  createdBy: string; // user id
  entries: SpendEntryRecord[];
  refusals: { line: number; reason: string }[];
  gaps: SpendGapRecord[];
}

export type AccountAction = 'ATTACHED' | 'DETACHED';

/** Who began or stopped acting for a structure, and who did it: the accounts' log, read by staff. */
export interface AccountEventRecord extends StoredDocument {
  action: AccountAction;
  /** The structure's organisation: the log is read by it, and it outlives a contact change. */
  organisationId: string;
  supplierId: string | null;
  userId: string;
  userEmail: string;
  /** The officer who did it; null when the contact attached itself with its sign-in link. */
  byUserId: string | null;
  byEmail: string | null;
}

/** A MongoDB-style filter. Built only by api/store/filters.ts, from typed values, never from raw input. */
export type Filter = Record<string, unknown>;

export interface FindOptions {
  sort?: Record<string, 1 | -1>;
  limit?: number;
  skip?: number;
}

export interface Collection<T extends StoredDocument> {
  /**
   * Inserts a new document; rejects with DuplicateKeyError on a unique index violation. Resolves
   * with the document as stored: in a collection polled by updatedAt (suppliers, see
   * POLLED_BY_UPDATED_AT) on MongoDB its updatedAt is the server's clock at the write (Store.now()),
   * whatever the writer's clock said; elsewhere, and on the embedded engine, the given one is kept.
   */
  insert(doc: T): Promise<T>;
  /**
   * Inserts several new documents, each whole (an import's batch): on the embedded engine in one
   * append, all or none in memory (a DuplicateKeyError leaves none); on MongoDB one after another,
   * the ones before a DuplicateKeyError kept. Resolves with the documents as stored. The documents
   * are handed over: the embedded engine keeps them as its own instead of copying them, so neither
   * they nor what it resolves with may be modified in place afterwards (as with all()).
   */
  insertMany(docs: T[]): Promise<T[]>;
  findById(id: string): Promise<T | null>;
  findOne(filter: Filter): Promise<T | null>;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  /**
   * Every document, to read only (the start's indexing pass): on the embedded engine they share
   * their nested values (arrays, dates) with its cache instead of being copied, so they must never
   * be modified in place (no code does: a change goes through update()).
   */
  all(): Promise<T[]>;
  count(filter: Filter): Promise<number>;
  /** The ids of the matching documents only (cheap on large collections: no document is read whole on MongoDB). */
  ids(filter: Filter): Promise<string[]>;
  /** Sets the given fields (and updatedAt, from Store.now()'s clock) on the document with this id; null when there is none. */
  update(id: string, patch: Partial<Omit<T, 'id' | 'createdAt'>>): Promise<T | null>;
  /** Atomically sets fields on ONE document matching the filter (claims, leases); null when none matches. */
  findOneAndUpdate(filter: Filter, patch: Partial<Omit<T, 'id' | 'createdAt'>>): Promise<T | null>;
  remove(id: string): Promise<boolean>;
  /** Atomically removes ONE document matching the filter (e.g. a row only while still HELD); false when none matches. */
  removeOne(filter: Filter): Promise<boolean>;
}

export interface Store {
  readonly engine: 'embedded' | 'mongo';
  readonly users: Collection<UserRecord>;
  readonly organisations: Collection<OrganisationRecord>;
  readonly suppliers: Collection<SupplierRecord>;
  readonly needs: Collection<NeedRecord>;
  readonly shortlists: Collection<ShortlistRecord>;
  readonly outbox: Collection<OutboxRecord>;
  readonly outcomes: Collection<OutcomeRecord>;
  readonly responses: Collection<ResponseRecord>;
  readonly accessLinks: Collection<AccessLinkRecord>;
  readonly retiredSirets: Collection<RetiredSiretRecord>;
  readonly publicContracts: Collection<PublicContractRecord>;
  readonly spendAnalyses: Collection<SpendAnalysisRecord>;
  readonly accountEvents: Collection<AccountEventRecord>;
  /**
   * Rewrites the storage so that removed or overwritten data no longer lies on disk (the embedded
   * files are append-only until compacted); used after an erasure. A no-op on MongoDB.
   */
  compact(): Promise<void>;
  /**
   * Where counters shared by every instance are kept (the login throttle's): on MongoDB its
   * connection, for rate-limiter-flexible's Mongo store; null on the embedded engine, whose one
   * process counts in memory.
   */
  readonly sharedCounters: { readonly storeClient: unknown } | null;
  /**
   * The store's clock, the one updatedAt is stamped with: the server's on MongoDB (every instance
   * reads the same one), this process's on the embedded engine (one process writes).
   */
  now(): Promise<Date>;
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

/** A write to the store failed and changed nothing (neither memory nor file): `diskFull` when for lack of space. */
export class StoreWriteError extends Error {
  readonly diskFull: boolean;
  constructor(readonly file: string, diskFull: boolean, cause: unknown) {
    super(
      diskFull
        ? "Espace disque insuffisant : l'enregistrement n'a pas été fait. Réessayez plus tard ; l'administrateur doit libérer de la place."
        : "Écriture impossible dans la base : l'enregistrement n'a pas été fait. Réessayez plus tard.",
      { cause },
    );
    this.name = 'StoreWriteError';
    this.diskFull = diskFull;
  }
}

/** The DATA_DIR is held by another live process. */
export class StoreLockedError extends Error {
  constructor(readonly dataDir: string, readonly pid: number) {
    super(`Le dossier de données ${dataDir} est déjà utilisé par le processus ${pid}. Arrêtez-le avant de relancer.`);
    this.name = 'StoreLockedError';
  }
}

/**
 * An index could not be built on the existing data (values that a unique index forbids twice, or
 * an index of that name defined otherwise): the start stops with one French line naming it and why.
 */
export class StoreIndexError extends Error {
  constructor(readonly collection: string, readonly index: string, readonly reason: string) {
    super(`Démarrage impossible : l'index « ${index} » de la collection « ${collection} » n'a pas pu être créé : ${reason}`);
    this.name = 'StoreIndexError';
  }
}
