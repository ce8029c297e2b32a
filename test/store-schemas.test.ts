// MongoDB's schemas mirror the domain's rules: what the domain accepts, they accept (on every
// engine, through the API), and a refusal of theirs that slips through reaches the client as a
// French BAD_USER_INPUT naming the field. The schema checks need no server: model.validate().
import mongoose from 'mongoose';
import { GraphQLError } from 'graphql';
import { createUser } from '../api/accounts';
import { fold } from '../matching/text/fold';
import { toRow, type CollectionName } from '../api/store/collections';
import { fromValidationError } from '../api/store/mongo/errors';
import { schemaFor } from '../api/store/mongo/schemas';
import { availableServerEngines } from './helpers/engines';
import { needInput, supplierInput } from './helpers/fixtures';
import { startTestServer, TEST_PASSWORD } from './helpers/server';

/** An address of exactly 254 characters, the longest the domain accepts. */
const LONGEST_EMAIL = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.fr`;
/** A name of combining accents only: accepted by the domain, folded to an empty sort key. */
const ACCENTS_ONLY = '\u0301\u0300\u0302';

const connection = mongoose.createConnection(); // never opened: validation runs in the process
const modelOf = (name: CollectionName) => connection.models[name] ?? connection.model(name, schemaFor(name));
const validate = (name: CollectionName, doc: Record<string, unknown>) => new (modelOf(name))(toRow(doc as never)).validate();
const now = new Date();

describe('MongoDB schemas', () => {
  afterAll(() => connection.close());

  it('accept an organisation named after a 254-character email, and a need carrying that name', async () => {
    expect(LONGEST_EMAIL).toHaveLength(254);
    await expect(validate('organisations', { id: 'o1', name: LONGEST_EMAIL, kind: 'COMPANY', createdAt: now, updatedAt: now })).resolves.toBeUndefined();
    const need = {
      id: 'n1', organisationId: 'o1', createdBy: 'u1', title: 'Besoin', description: 'Un besoin.', kind: 'PURCHASE', companyName: LONGEST_EMAIL,
      contactEmail: 'achats@exemple.fr', nafCodes: [], communeCode: '76540', latitude: null, longitude: null, budgetMin: null, budgetMax: null,
      requiredLabels: [], preferredInclusionKinds: [], deadline: null, createdAt: now, updatedAt: now,
    };
    await expect(validate('needs', need)).resolves.toBeUndefined();
  });

  it('accept a structure whose name folds to an empty sort key, and still require the key', async () => {
    expect(fold(ACCENTS_ONLY)).toBe('');
    const supplier = {
      id: 's1', organisationId: null, name: ACCENTS_ONLY, siret: null, legalForm: 'ASSOCIATION', inclusionKind: null, description: ACCENTS_ONLY,
      services: [], nafCodes: [], communeCode: '76540', latitude: null, longitude: null, interventionRadiusKm: null, employees: null,
      maxContractValue: null, labels: [], labelKeys: [], contactEmail: 'contact@exemple.fr', website: null, searchText: '', sortKey: '',
      createdAt: now, updatedAt: now,
    };
    await expect(validate('suppliers', supplier)).resolves.toBeUndefined();
    const { sortKey: _absent, ...withoutKey } = supplier;
    await expect(validate('suppliers', withoutKey)).rejects.toBeInstanceOf(mongoose.Error.ValidationError);
  });

  it('keep of a retired SIRET the number, the date and who asked, and nothing else', async () => {
    const retired = { id: '73282932000074', retiredBy: 'OFFICER', retiredAt: now, createdAt: now, updatedAt: now };
    await expect(validate('retiredSirets', retired)).resolves.toBeUndefined();
    await expect(validate('retiredSirets', { ...retired, retiredBy: 'STRUCTURE' })).resolves.toBeUndefined();
    await expect(validate('retiredSirets', { ...retired, retiredBy: 'VOISIN' })).rejects.toBeInstanceOf(mongoose.Error.ValidationError);
    const { retiredAt: _absent, ...undated } = retired;
    await expect(validate('retiredSirets', undated)).rejects.toBeInstanceOf(mongoose.Error.ValidationError);
    expect(() => new (modelOf('retiredSirets'))(toRow({ ...retired, name: 'Les Jardins du Robec' } as never))).toThrow(/not in schema/);
  });

  it('keep a public buyer organisation’s SIRET, and a DECP contract as the importer writes it', async () => {
    const buyer = { id: 'o4', name: 'Ville de Rouen', kind: 'PUBLIC_BUYER', siret: '21760540100017', createdAt: now, updatedAt: now };
    await expect(validate('organisations', buyer)).resolves.toBeUndefined();
    await expect(validate('organisations', { ...buyer, siret: '217605401000170' })).rejects.toBeInstanceOf(mongoose.Error.ValidationError);
    const contract = {
      id: '21760540100017-2026-001', contractId: '2026-001', buyerSiret: '21760540100017', buyerSiren: '217605401', object: '', cpvCode: '',
      amount: 100000, notifiedAt: now, placeCode: '76540', placeType: '', socialClause: true, socialCriterion: false, reserved: false,
      holders: [{ idType: 'SIRET', id: '73000000000010' }], createdAt: now, updatedAt: now,
    };
    await expect(validate('publicContracts', contract)).resolves.toBeUndefined();
    await expect(validate('publicContracts', { ...contract, amount: -1 })).rejects.toBeInstanceOf(mongoose.Error.ValidationError);
    const { reserved: _absent, ...unflagged } = contract;
    await expect(validate('publicContracts', unflagged)).rejects.toBeInstanceOf(mongoose.Error.ValidationError);
  });

  it('keep a spend analysis as the domain writes it: lines at the file\'s limits, families of the directory only', async () => {
    const entry = { line: 2, identifier: '123456789', name: 'n'.repeat(200), amount: 1234.56, category: 'c'.repeat(200), supplierId: null, family: null };
    const analysis = {
      id: 'a1', organisationId: 'o1', createdBy: 'u1', entries: [entry, { ...entry, line: 3, supplierId: 's1', family: 'PROTECTED' }],
      refusals: [{ line: 4, reason: 'montant manquant' }], gaps: [{ category: 'Nettoyage', amount: 20000, supplierIds: ['s2'] }], createdAt: now, updatedAt: now,
    };
    await expect(validate('spendAnalyses', analysis)).resolves.toBeUndefined();
    await expect(validate('spendAnalyses', { ...analysis, entries: [{ ...entry, family: 'AUTRE' }] })).rejects.toBeInstanceOf(mongoose.Error.ValidationError);
    await expect(validate('spendAnalyses', { ...analysis, entries: [{ ...entry, name: 'n'.repeat(201) }] })).rejects.toBeInstanceOf(mongoose.Error.ValidationError);
  });

  it("map a ValidationError to a French BAD_USER_INPUT on the refused field", async () => {
    const refusal = await validate('organisations', { id: 'o2', name: 'x'.repeat(255), kind: 'COMPANY', createdAt: now, updatedAt: now }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(mongoose.Error.ValidationError);
    const mapped = fromValidationError(refusal) as GraphQLError;
    expect(mapped).toBeInstanceOf(GraphQLError);
    expect(mapped.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(mapped.message).toBe('« name » : ne doit pas dépasser 254 caractères');

    const unknownKind = await validate('organisations', { id: 'o3', name: 'Nom', kind: 'AUTRE', createdAt: now, updatedAt: now }).catch((e: unknown) => e);
    expect((fromValidationError(unknownKind) as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
    const item = { supplierId: 's1', note: 'n'.repeat(501), reasons: [], score: null, proposed: false };
    const shortlist = {
      id: 'l1', needId: 'n1', status: 'DRAFT', items: [item], revision: 0, openDraftOf: 'n1', draftedBy: 'u1', message: null, approvedBy: null,
      replyTo: null, approvedAt: null, sentAt: null, createdAt: now, updatedAt: now,
    };
    const noteTooLong = fromValidationError(await validate('shortlists', shortlist).catch((e: unknown) => e)) as GraphQLError;
    expect(noteTooLong.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    const other = new Error('autre');
    expect(fromValidationError(other)).toBe(other);
  });
});

describe.each(availableServerEngines().map((e) => [e.name, e] as const))('domain limits stored on the %s engine', (_name, engine) => {
  afterAll(() => engine.cleanup());

  it('stores what the domain accepts at its limits: a 254-character email as organisation name, a name of accents only', async () => {
    const t = await startTestServer(await engine.env());
    try {
      await createUser(t.server.services.store, { email: LONGEST_EMAIL, password: TEST_PASSWORD, role: 'COMPANY' });
      const login = await t.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: LONGEST_EMAIL, p: TEST_PASSWORD });
      const firm = login.data.login.token as string;
      const need = await t.gql(`mutation($input: NeedInput!) { postNeed(input: $input) { id companyName } }`, { input: needInput() }, firm);
      expect(need.errors).toBeUndefined();
      expect(need.data.postNeed.companyName).toBe(LONGEST_EMAIL);

      const { token } = await t.userWithToken('OFFICER');
      const created = await t.gql(`mutation($input: SupplierInput!) { createSupplier(input: $input) { id name } }`, { input: supplierInput({ name: ACCENTS_ONLY }) }, token);
      expect(created.errors).toBeUndefined();
      expect(created.data.createSupplier.name).toBe(ACCENTS_ONLY);
    } finally {
      await t.destroy();
    }
  });
});
