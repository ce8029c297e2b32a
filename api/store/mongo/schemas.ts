// Mongoose schemas: the domain's rules again, as a last line of defence for data written to MongoDB.
// They mirror the domain's limits exactly, never stricter: the domain is the one place that refuses
// input (with its French messages); a refusal here is mapped by ./errors.ts all the same.
import { Schema, type SchemaDefinition } from 'mongoose';
import { INDEXES, KEYSET_INDEXES, type CollectionName } from '../collections';
import type { InclusionKind, LegalForm, MailKind, NeedKind, OrganisationKind, OutboxState, OutcomeStatus, RecipientKind, RetiredBy, Role, ShortlistStatus } from '../types';

/** A Record keyed by the union makes the compiler reject a missing or unknown value. */
const valuesOf = <K extends string>(all: Record<K, true>): K[] => Object.keys(all) as K[];

const ROLES = valuesOf<Role>({ COMPANY: true, SUPPLIER: true, OFFICER: true, ADMIN: true });
const ORGANISATION_KINDS = valuesOf<OrganisationKind>({ COMPANY: true, SUPPLIER: true, METROPOLE: true, PUBLIC_BUYER: true });
const LEGAL_FORMS = valuesOf<LegalForm>({
  ASSOCIATION: true, SCOP: true, SCIC: true, COOPERATIVE: true, MUTUELLE: true, FONDATION: true, ESUS_COMPANY: true, UNSPECIFIED: true,
});
const INCLUSION_KINDS = valuesOf<InclusionKind>({
  ESAT: true, EA: true, EATT: true, ACI: true, AI: true, EI: true, ETTI: true, EITI: true, GEIQ: true,
});
const NEED_KINDS = valuesOf<NeedKind>({
  PURCHASE: true, SUBCONTRACTING: true, RSE_PARTNERSHIP: true, INSERTION_CLAUSE: true, SPONSORSHIP: true,
});
const SHORTLIST_STATUSES = valuesOf<ShortlistStatus>({ DRAFT: true, APPROVED: true, SENT: true });
const OUTBOX_STATES = valuesOf<OutboxState>({ HELD: true, PENDING: true, SENDING: true, SENT: true, FAILED: true, DROPPED: true });
const MAIL_KINDS = valuesOf<MailKind>({
  INTRODUCTION: true, NEED_CONFIRMATION: true, FOLLOW_UP: true, REMINDER: true, NEED_RECEIVED: true, DECLARATION_REVIEWED: true, INVITATION: true, INVITATION_REMINDER: true, OFFICER_DIGEST: true,
});
const RECIPIENT_KINDS = valuesOf<RecipientKind>({ FIRM: true, SUPPLIER: true, OFFICER: true });
const OUTCOME_STATUSES = valuesOf<OutcomeStatus>({ CONTACTED: true, QUOTE_REQUESTED: true, WON: true, LOST: true, NO_FOLLOW_UP: true });
const RETIRED_BY = valuesOf<RetiredBy>({ OFFICER: true, STRUCTURE: true });

const text = (maxlength?: number) => ({ type: String, required: true, maxlength });
/** Derived text that may fold to nothing (a name of combining accents only): present, possibly empty. */
const derivedText = { type: String, required: true, emptyAllowed: true };
const nullableText = (maxlength?: number) => ({ type: String, default: null, maxlength });
const oneOf = (values: string[]) => ({ type: String, required: true, enum: values });
const nullableCount = { type: Number, default: null, min: 0 };
const nullableNumber = { type: Number, default: null };
const strings = { type: [String], default: [] };

const common: SchemaDefinition = {
  _id: { type: String, required: true },
  id: { type: String, required: true },
  createdAt: { type: Date, required: true },
  updatedAt: { type: Date, required: true },
};

const definitions: Record<CollectionName, SchemaDefinition> = {
  users: {
    email: text(254),
    passwordHash: text(),
    role: oneOf(ROLES),
    organisationId: nullableText(),
    detachedAt: { type: Date, default: null },
    tokenVersion: { type: Number, default: 0, min: 0 },
    dailyDigestFrom: { type: Date }, // absent until an officer asks for the digest, as on the embedded engine
  },
  organisations: {
    name: text(254), // a user's organisation without a name is named after its email (254 at most)
    kind: oneOf(ORGANISATION_KINDS),
    siret: { type: String, maxlength: 14 }, // absent on organisations that are not public buyers, as on the embedded engine
  },
  suppliers: {
    organisationId: nullableText(),
    name: text(200),
    siret: nullableText(14),
    legalForm: oneOf(LEGAL_FORMS),
    inclusionKind: { type: String, default: null, enum: [...INCLUSION_KINDS, null] },
    description: text(5000),
    services: strings,
    nafCodes: strings,
    communeCode: text(10),
    latitude: nullableNumber,
    longitude: nullableNumber,
    interventionRadiusKm: nullableCount,
    employees: nullableCount,
    maxContractValue: nullableCount,
    labels: strings,
    labelKeys: strings,
    contactEmail: { type: String, default: '', maxlength: 254 }, // '' for an imported profile with no address yet
    website: nullableText(),
    // No default: absent until set, as on the embedded engine.
    provenance: { type: Schema.Types.Mixed },
    pendingChanges: { type: Schema.Types.Mixed }, // absent until a structure declares a change
    declarationReview: { type: Schema.Types.Mixed },
    sources: { type: [new Schema({ source: oneOf(['csv', 'sirene', 'inclusion']), firstAt: { type: Date, required: true }, lastAt: { type: Date, required: true }, asOf: { type: Date, default: undefined } }, { _id: false })], default: undefined },
    searchText: derivedText,
    sortKey: derivedText,
    // No defaults here: the domain writes them, and a row written before they existed lacks them on
    // both engines, read back completed by api/store/normalise.ts.
    retiredAt: { type: Date },
    firstSignInAt: { type: Date },
    completedAt: { type: Date },
    linkVersion: { type: Number, min: 0 },
    followUpsOffAt: { type: Date },
  },
  needs: {
    organisationId: nullableText(),
    createdBy: text(),
    title: text(200),
    description: text(5000),
    kind: oneOf(NEED_KINDS),
    companyName: nullableText(254), // a firm's need carries its organisation's name (see organisations.name)
    contactEmail: text(254),
    nafCodes: strings,
    communeCode: text(10),
    latitude: nullableNumber,
    longitude: nullableNumber,
    budgetMin: nullableCount,
    budgetMax: nullableCount,
    requiredLabels: strings,
    preferredInclusionKinds: { type: [{ type: String, enum: INCLUSION_KINDS }], default: [] },
    requiredInclusionKinds: { type: [{ type: String, enum: INCLUSION_KINDS }], default: undefined }, // absent on needs posted before it existed, as on the embedded engine
    deadline: { type: Date, default: null },
    introducedAt: { type: Date },
    confirmedAt: { type: Date }, // no default: absent marks a need written before confirmation existed
    // No defaults: absent on needs written before the lifecycle, as on the embedded engine.
    withdrawnAt: { type: Date },
    withdrawalReason: { type: String, maxlength: 500 },
    closedAt: { type: Date },
    closingNote: { type: String, maxlength: 500 },
    endedBy: { type: String },
    internalNote: { type: String, maxlength: 2000 }, // absent on needs written before it existed, as on the embedded engine
    addressedTo: { type: String, maxlength: 100 },
    // No defaults: absent until an officer takes the need, as on the embedded engine.
    assignedTo: { type: String, maxlength: 100 },
    assignedAt: { type: Date },
  },
  shortlists: {
    needId: text(),
    status: oneOf(SHORTLIST_STATUSES),
    items: {
      type: [
        new Schema(
          {
            supplierId: text(),
            note: nullableText(500),
            reasons: strings,
            score: nullableNumber,
            proposed: { type: Boolean, required: true },
            override: {
              type: new Schema({ constraint: text(1000), reason: text(500), by: text(), at: { type: Date, required: true } }, { _id: false, strict: 'throw' }),
              default: undefined,
            },
            introducedBefore: { type: Date, default: undefined },
          },
          { _id: false, strict: 'throw' },
        ),
      ],
      default: [],
    },
    revision: { type: Number, required: true, min: 0 },
    openDraftOf: nullableText(),
    draftedBy: text(),
    message: nullableText(2000),
    approvedBy: nullableText(),
    replyTo: nullableText(254),
    notice: { type: String, maxlength: 1000 }, // absent on lists drafted before it existed, as on the embedded engine
    approvedAt: { type: Date, default: null },
    sentAt: { type: Date, default: null },
    groupement: { type: Boolean, default: false },
  },
  outbox: {
    shortlistId: nullableText(),
    kind: { type: String, enum: MAIL_KINDS }, // no default: absent on rows written before kinds existed (see api/store/normalise.ts)
    needId: { type: String },
    recipientKind: oneOf(RECIPIENT_KINDS),
    supplierId: nullableText(),
    to: text(254),
    messageId: text(),
    state: oneOf(OUTBOX_STATES),
    attempts: { type: Number, required: true, min: 0 },
    firstAttemptAt: { type: Date, default: null },
    nextAttemptAt: { type: Date, required: true },
    leaseOwner: nullableText(),
    leaseUntil: { type: Date, default: null },
    lastError: nullableText(1000),
    sentAt: { type: Date, default: null },
  },
  outcomes: {
    shortlistId: text(),
    needId: text(),
    supplierId: text(),
    status: oneOf(OUTCOME_STATUSES),
    amount: nullableCount,
    insertionHours: nullableCount,
    recordedBy: text(),
  },
  responses: {
    shortlistId: text(),
    supplierId: text(),
    answer: oneOf(['INTERESTED', 'NOT_AVAILABLE']),
    comment: nullableText(1000),
    answeredAt: { type: Date, required: true },
  },
  accessLinks: {
    email: text(254),
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
  },
  retiredSirets: {
    retiredBy: oneOf(RETIRED_BY),
    retiredAt: { type: Date, required: true },
  },
  publicContracts: {
    contractId: text(100),
    buyerSiret: text(14),
    buyerSiren: text(9),
    object: { type: String, required: true, emptyAllowed: true, maxlength: 1000 },
    cpvCode: { type: String, required: true, emptyAllowed: true, maxlength: 10 },
    amount: { type: Number, required: true, min: 0 },
    notifiedAt: { type: Date, required: true },
    placeCode: text(10),
    placeType: { type: String, required: true, emptyAllowed: true, maxlength: 30 },
    socialClause: { type: Boolean, required: true },
    socialCriterion: { type: Boolean, required: true },
    reserved: { type: Boolean, required: true },
    holders: { type: [new Schema({ idType: text(10), id: text(50) }, { _id: false, strict: 'throw' })], default: [] },
  },
  // Limits as api/spend/read.ts cuts the file's cells.
  spendAnalyses: {
    organisationId: text(),
    createdBy: text(),
    entries: {
      type: [
        new Schema(
          {
            line: { type: Number, required: true, min: 1 },
            identifier: text(14),
            name: { type: String, default: '', maxlength: 200 },
            amount: { type: Number, required: true, min: 0 },
            category: nullableText(200),
            supplierId: nullableText(),
            family: { type: String, default: null, enum: ['SIAE', 'PROTECTED', 'OTHER_ESS', null] },
          },
          { _id: false, strict: 'throw' },
        ),
      ],
      default: [],
    },
    refusals: { type: [new Schema({ line: { type: Number, required: true, min: 0 }, reason: text(500) }, { _id: false, strict: 'throw' })], default: [] },
    gaps: {
      type: [new Schema({ category: text(200), amount: { type: Number, required: true, min: 0 }, supplierIds: strings }, { _id: false, strict: 'throw' })],
      default: [],
    },
  },
  accountEvents: {
    action: oneOf(['ATTACHED', 'DETACHED']),
    organisationId: text(),
    supplierId: nullableText(),
    userId: text(),
    userEmail: text(254),
    byUserId: nullableText(),
    byEmail: nullableText(254),
  },
};

export function schemaFor(name: CollectionName): Schema {
  const schema = new Schema(
    { ...common, ...definitions[name] },
    {
      collection: name,
      versionKey: false,
      id: false, // `id` is a stored field here, not Mongoose's virtual
      // Unknown fields are programmer errors: refuse them rather than silently dropping them.
      // In filters this matters most: a dropped condition would widen the match (think findOneAndUpdate).
      strict: 'throw',
      strictQuery: 'throw',
      autoIndex: false, // built by ../mongo/index.ts one by one, so that a failure names its index
    },
  );
  // Mongoose's `required` refuses '' for a string; derived fields may be empty and only must be there.
  schema.eachPath((path, type) => {
    if ((type.options as { emptyAllowed?: boolean }).emptyAllowed) {
      (type as unknown as { checkRequired(value: unknown): boolean }).checkRequired = (value) => typeof value === 'string';
    }
  });
  for (const { field, unique = false, nullable = false } of INDEXES[name]) {
    // A partial index skips documents where the field is null, as a sparse index would not.
    schema.index({ [field]: 1 }, unique && nullable ? { unique, partialFilterExpression: { [field]: { $type: 'string' } } } : { unique });
  }
  for (const fields of KEYSET_INDEXES[name]) schema.index(Object.fromEntries(fields.map((f) => [f, 1])));
  return schema;
}
