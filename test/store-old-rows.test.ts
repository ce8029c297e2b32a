// Rows written by earlier versions lack the fields added since: the store reads each one completed
// with what the field has always meant for it (api/store/normalise.ts), on every read path, without
// rewriting anything on disk; and the service works on such a DATA_DIR as on a new one.
import fs from 'node:fs';
import path from 'node:path';
import { hashPassword } from '../api/auth/passwords';
import { openEmbeddedStore } from '../api/store/embedded';
import { supplierDirectoryFilter } from '../api/store/filters';
import type { Store } from '../api/store/types';
import { startTestServer, tempDataDir, TEST_PASSWORD, type TestServer } from './helpers/server';

const created = new Date('2023-05-04T08:00:00.000Z');
const sent = new Date('2023-05-06T09:30:00.000Z');

/** As nedb writes a row: the primary key in `_id` too, dates as { $$date: ms }. */
function line(doc: Record<string, unknown>): string {
  return JSON.stringify({ _id: doc.id, ...doc, createdAt: created, updatedAt: created }, (_key, value: unknown) =>
    typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value) ? { $$date: Date.parse(value) } : value,
  );
}

/** A DATA_DIR as the versions before these fields left it: each row without them. */
async function oldDataDir(): Promise<string> {
  const dir = tempDataDir();
  fs.mkdirSync(path.join(dir, 'db'));
  const write = (collection: string, rows: Record<string, unknown>[]) =>
    fs.writeFileSync(path.join(dir, 'db', `${collection}.db`), rows.map((row) => `${line(row)}\n`).join(''));
  write('users', [{ id: 'agent-ancien', email: 'agent-ancien@exemple.fr', passwordHash: await hashPassword(TEST_PASSWORD), role: 'OFFICER', organisationId: null }]);
  const need = {
    createdBy: 'agent-ancien', title: 'Entretien des espaces verts', description: 'Tonte et taille des haies du siège.', kind: 'PURCHASE',
    companyName: 'Transports Seine', contactEmail: 'achats@transports-seine.example', nafCodes: ['81.30Z'], communeCode: '76540', latitude: null,
    longitude: null, budgetMin: 5000, budgetMax: 12000, requiredLabels: [], preferredInclusionKinds: ['ESAT'], deadline: null, organisationId: null,
  };
  write('needs', [
    { id: 'besoin-ancien', ...need },
    // Written once confirmation existed: waits for its link (a stored null is not an absent field).
    { id: 'besoin-en-attente', ...need, confirmedAt: null },
  ]);
  write('suppliers', [{
    id: 'structure-ancienne', organisationId: null, name: 'Jardins de la Seine', siret: null, legalForm: 'ASSOCIATION', inclusionKind: 'ACI',
    description: 'Chantier d’insertion : espaces verts.', services: ['espaces verts'], nafCodes: ['81.30Z'], communeCode: '76540', latitude: null,
    longitude: null, interventionRadiusKm: 30, employees: 12, maxContractValue: null, labels: [], labelKeys: [], contactEmail: 'contact@jardins.example',
    website: null, searchText: 'jardins de la seine', sortKey: 'jardins de la seine',
  }]);
  write('shortlists', [{
    id: 'liste-ancienne', needId: 'besoin-ancien', status: 'SENT', items: [{ supplierId: 'structure-ancienne', note: null, reasons: [], score: 0.8, proposed: true }],
    revision: 2, draftedBy: 'agent-ancien', message: null, approvedBy: 'agent-ancien', replyTo: 'agent-ancien@exemple.fr',
    approvedAt: sent.toISOString(), sentAt: sent.toISOString(),
  }]);
  const mail = {
    shortlistId: 'liste-ancienne', recipientKind: 'FIRM', supplierId: null, to: 'achats@transports-seine.example', state: 'SENT', attempts: 1,
    firstAttemptAt: sent.toISOString(), nextAttemptAt: sent.toISOString(), leaseOwner: null, leaseUntil: null, lastError: null, sentAt: sent.toISOString(),
  };
  write('outbox', [
    { id: 'liste-ancienne:firm', ...mail, messageId: '<liste-ancienne.firm@localhost>' },
    { id: 'liste-ancienne:follow-up', ...mail, kind: 'FOLLOW_UP', messageId: '<liste-ancienne.follow-up@localhost>' },
  ]);
  write('outcomes', [{ id: 'resultat-ancien', shortlistId: 'liste-ancienne', needId: 'besoin-ancien', supplierId: 'structure-ancienne', status: 'WON', amount: 9000, recordedBy: 'agent-ancien' }]);
  return dir;
}

async function expectNormalised(store: Store): Promise<void> {
  expect(await store.users.findById('agent-ancien')).toMatchObject({ detachedAt: null, tokenVersion: 0 });
  const supplierDefaults = { pendingChanges: null, sources: [], retiredAt: null, firstSignInAt: null, completedAt: null, linkVersion: 0 };
  expect(await store.suppliers.findById('structure-ancienne')).toMatchObject(supplierDefaults);
  // Every read path: the start's whole pass and a filtered query.
  expect(await store.suppliers.all()).toEqual([expect.objectContaining(supplierDefaults)]);
  expect(await store.suppliers.find(supplierDirectoryFilter({}))).toEqual([expect.objectContaining(supplierDefaults)]);
  expect((await store.suppliers.findById('structure-ancienne'))!.provenance).toBeUndefined(); // absent means "all edited": kept absent
  const open = { requiredInclusionKinds: [], introducedAt: null, withdrawnAt: null, withdrawalReason: null, closedAt: null, closingNote: null, endedBy: null, internalNote: null, addressedTo: null };
  // Needs written before confirmation existed were posted signed in: confirmed at creation.
  expect(await store.needs.findById('besoin-ancien')).toMatchObject({ ...open, confirmedAt: created });
  expect(await store.needs.findById('besoin-en-attente')).toMatchObject({ ...open, confirmedAt: null });
  expect(await store.shortlists.findById('liste-ancienne')).toMatchObject({ groupement: false, notice: null, openDraftOf: null });
  expect(await store.outbox.findById('liste-ancienne:firm')).toMatchObject({ kind: 'INTRODUCTION', needId: null });
  expect(await store.outbox.findById('liste-ancienne:follow-up')).toMatchObject({ kind: 'FOLLOW_UP', needId: null });
  expect(await store.outcomes.findById('resultat-ancien')).toMatchObject({ insertionHours: null, amount: 9000 });
}

describe('rows written before their fields existed', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await oldDataDir();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('read back whole on every read path, after a restart too, and stay as they were on disk', async () => {
    const store = await openEmbeddedStore(dir);
    await expectNormalised(store);
    // An update answers the whole document, the defaults included, and writes only what it was given.
    expect(await store.users.update('agent-ancien', { email: 'agent-ancien@exemple.fr' })).toMatchObject({ tokenVersion: 0, detachedAt: null });
    await store.close(); // compacts: every file rewritten from what is held in memory

    const users = fs.readFileSync(path.join(dir, 'db', 'users.db'), 'utf8');
    const needs = fs.readFileSync(path.join(dir, 'db', 'needs.db'), 'utf8');
    expect(users).toContain('agent-ancien@exemple.fr');
    expect(users).not.toContain('tokenVersion');
    expect(needs).not.toContain('introducedAt');
    expect(needs.match(/"confirmedAt":null/g)).toHaveLength(1); // the waiting need's own null, kept

    const reopened = await openEmbeddedStore(dir);
    try {
      await expectNormalised(reopened);
    } finally {
      await reopened.close();
    }
  });

  describe('the service on such a DATA_DIR', () => {
    let t: TestServer;
    beforeEach(async () => {
      t = await startTestServer({}, dir);
    });
    afterEach(() => t.stop());

    it('signs in their users and shows their needs, lists and mails as it shows new ones', async () => {
      const login = await t.gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: 'agent-ancien@exemple.fr', p: TEST_PASSWORD });
      expect(login.errors).toBeUndefined();
      const token = login.data.login.token as string;
      const me = await t.gql('{ me { email } }', {}, token);
      expect(me.data.me).toEqual({ email: 'agent-ancien@exemple.fr' });

      const NEED = 'query($id: ID!) { need(id: $id) { createdAt confirmedAt requiredInclusionKinds status withdrawnAt closedAt } }';
      const old = await t.gql(NEED, { id: 'besoin-ancien' }, token);
      expect(old.errors).toBeUndefined();
      expect(old.data.need).toEqual({ createdAt: created.toISOString(), confirmedAt: created.toISOString(), requiredInclusionKinds: [], status: 'OPEN', withdrawnAt: null, closedAt: null });

      const list = await t.gql('{ shortlist(id: "liste-ancienne") { groupement notice mails(kinds: [INTRODUCTION, FOLLOW_UP]) { id kind } } }', {}, token);
      expect(list.errors).toBeUndefined();
      expect(list.data.shortlist).toEqual({
        groupement: false,
        notice: null,
        mails: [
          { id: 'liste-ancienne:firm', kind: 'INTRODUCTION' },
          { id: 'liste-ancienne:follow-up', kind: 'FOLLOW_UP' },
        ],
      });
    });
  });
});
