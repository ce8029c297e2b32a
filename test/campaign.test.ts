// The campaign to claim and complete imported profiles, through the real server, a real SMTP peer
// and profiles imported by `npm run import` (thin, as the territory's are: a name, a line, an
// address at most): completeness and its
// staff filter, the invitation, sign-in from the mail's link, the profile completed, one reminder
// only to those who did nothing, opt-out, an erased structure, the yearly review's figures, and a
// crash between the invitation's claim and its sending. The reminder is due FOLLOW_UP_AFTER=1h on
// the server's clock, which the test moves ahead.
import type { ParsedMail } from 'mailparser';
import { openProjectStore } from './helpers/project-engine';
import { startMailedServer } from './helpers/mailed-server';
import { startTestServer, tempDataDir, type TestServer } from './helpers/server';
import { addresses, deadPort, startSmtp, type TestSmtp } from './helpers/smtp';
import { importProfiles as importInto, thinProfile as thin } from './helpers/thin-profiles';
import { waitFor } from './helpers/wait';
import { expectStoredNowhere, storedText } from './helpers/stored';
import { eraseStructure, eraseWhenWritten } from './helpers/erasure-race';
import type { OutboxRecord } from '../api/store/types';
import { supplierInput } from './helpers/fixtures';
import { invitationRowId, recoverInvitationReminders } from '../api/campaign';
import { ERASED_EMAIL, STRUCTURE_ERASED } from '../api/kernel';
import { outboxRow } from '../api/mail';

const LIST = `query($filter: SupplierFilter) { suppliers(filter: $filter, first: 50) { totalCount edges { node { id name completeness { percent missing missingLabels } } } } }`;
const INVITE = `mutation($ids: [ID!]!) { inviteSuppliers(supplierIds: $ids) { invited alreadyInvited withoutAddress { id name } } }`;
const CAMPAIGN = `{ invitationCampaign { invited { id name invitation { invitedAt sentAt remindedAt signedInAt completedAt optedOut notSent } } withoutAddress { id name } } }`;
const SIGN_IN = `mutation($token: String!) { signInWithLink(token: $token) { token user { role } } }`;
const ME = `{ me { supplier { id completeness { percent missing } } } }`;
const UPDATE = `mutation($id: ID!, $input: SupplierUpdateInput!) { updateSupplier(id: $id, input: $input) { id completeness { percent missing } } }`;
const IMPACT = `query($from: DateTime!, $to: DateTime!) { impactStats(from: $from, to: $to) { profilesClaimed profilesCompleted csv } }`;

const hrefOf = (mail: ParsedMail, label: string) => new RegExp(`<a href="([^"]+)">${label}</a>`).exec(String(mail.html))![1]!.replace(/&amp;/g, '&');
const invitations = (smtp: TestSmtp, kind: 'invitation' | 'reminder') =>
  smtp.messages.filter((m) => (m.messageId ?? '').startsWith('<invitation.') && (kind === 'reminder') === (m.messageId ?? '').includes('.reminder@'));
const to = (mails: ParsedMail[], address: string) => mails.filter((m) => addresses(m.to).includes(address));

const AFTER = 3600_000; // FOLLOW_UP_AFTER=1h

describe('the invitation campaign (FOLLOW_UP_AFTER=1h)', () => {
  let smtp: TestSmtp;
  let t: TestServer;
  const dir = tempDataDir();

  beforeAll(async () => {
    await importInto(dir, [
      thin('Atelier Alpha', 'alpha@structures.example'),
      thin('Brico Beta', 'beta@structures.example'),
      thin('Cuisine Gamma', 'gamma@structures.example'),
      thin('Delta sans adresse', ''),
      thin('Epsilon Services', 'epsilon@structures.example'),
      thin('Fermée Zeta', 'zeta@structures.example'),
      {
        ...thin('Jardins complets', 'jardins@structures.example'),
        description: "Chantier d'insertion : espaces verts.",
        services: 'Tonte',
        nafCodes: '81.30Z',
        interventionRadiusKm: '30',
        maxContractValue: '60000',
        labels: 'ecocert',
      },
    ]);
    ({ t, smtp } = await startMailedServer({ FOLLOW_UP_AFTER: '1h' }, { dataDir: dir }));
  });
  afterAll(async () => {
    await t.destroy();
    await smtp.close();
  });

  it('invites, signs in from the mail, completes, reminds only those who did nothing, honours opt-out and erasure, and counts claims', async () => {
    const officer = await t.userWithToken('OFFICER');

    // Completeness: public, computed from the profile; « fiches à compléter » only for staff.
    const all = (await t.gql(LIST, {})).data.suppliers.edges.map((e: any) => e.node);
    const byName = Object.fromEntries(all.map((s: any) => [s.name, s]));
    expect(byName['Atelier Alpha'].completeness).toEqual({
      percent: 29,
      missing: ['services', 'nafCodes', 'maxContractValue', 'interventionRadiusKm', 'labels'],
      missingLabels: ['vos prestations', 'votre métier (code NAF)', 'le plus gros marché que vous pouvez prendre', "votre rayon d'intervention", 'vos labels'],
    });
    expect(byName['Delta sans adresse'].completeness.percent).toBe(14);
    expect(byName['Jardins complets'].completeness).toEqual({ percent: 100, missing: [], missingLabels: [] });
    const refused = await t.gql(LIST, { filter: { completenessBelow: 100 } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const toComplete = (await t.gql(LIST, { filter: { completenessBelow: 100 } }, officer.token)).data.suppliers;
    expect(toComplete.edges.map((e: any) => e.node.name).sort()).toEqual(['Atelier Alpha', 'Brico Beta', 'Cuisine Gamma', 'Delta sans adresse', 'Epsilon Services', 'Fermée Zeta']);
    expect((await t.gql(LIST, { filter: { completenessBelow: 20 } }, officer.token)).data.suppliers.edges.map((e: any) => e.node.name)).toEqual(['Delta sans adresse']);
    expect((await t.gql(LIST, { filter: { completenessBelow: 101 } }, officer.token)).errors?.[0]?.extensions?.field).toBe('completenessBelow');

    // The campaign: those without an address are set apart; inviting twice mails once.
    const ids = toComplete.edges.map((e: any) => e.node.id);
    const id = (name: string) => byName[name].id as string;
    expect((await t.gql(INVITE, { ids }, (await t.userWithToken('COMPANY')).token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const invitedFrom = Date.now();
    const batch = (await t.gql(INVITE, { ids }, officer.token)).data.inviteSuppliers;
    const invitedBy = Date.now();
    expect(batch).toEqual({ invited: 5, alreadyInvited: 0, withoutAddress: [{ id: id('Delta sans adresse'), name: 'Delta sans adresse' }] });
    expect((await t.gql(INVITE, { ids: [id('Atelier Alpha')] }, officer.token)).data.inviteSuppliers).toEqual({ invited: 0, alreadyInvited: 1, withoutAddress: [] });
    await waitFor('five invitations', () => invitations(smtp, 'invitation').length >= 5);
    const invitationTo = (address: string) => to(invitations(smtp, 'invitation'), address)[0]!;
    const alpha = invitationTo('alpha@structures.example');
    expect(alpha.subject).toBe('Passerelle ESS : complétez la fiche de votre structure');
    expect(alpha.text).toContain("sa fiche n'est complète qu'à 29 %");
    expect(alpha.text).toContain('Il y manque : vos prestations, votre métier (code NAF)');

    // Before the reminders are due: Beta only signs in; Gamma opts out (the GET changes nothing); Zeta is deleted; Epsilon does nothing.
    const beta = hrefOf(invitationTo('beta@structures.example'), 'Compléter ma fiche');
    expect((await t.gql(SIGN_IN, { token: new URL(beta).searchParams.get('jeton') })).errors).toBeUndefined();
    const optOut = hrefOf(invitationTo('gamma@structures.example'), 'Ne plus recevoir de rappel');
    expect(optOut).toMatch(new RegExp(`^${t.server.url}/invitation/`));
    const page = await fetch(optOut);
    expect(await page.text()).toContain('<button type="submit">Ne plus recevoir de rappel</button>');
    const stopped = await fetch(optOut, { method: 'POST' });
    expect(await stopped.text()).toContain('C&#39;est noté : vous ne recevrez pas de rappel.');
    expect((await t.gql(`mutation($id: ID!) { deleteSupplier(id: $id) }`, { id: id('Fermée Zeta') }, officer.token)).errors).toBeUndefined();

    // Alpha signs in from its mail's link (to its page) and completes its profile.
    const link = hrefOf(alpha, 'Compléter ma fiche');
    expect(link).toMatch(new RegExp(`^${t.server.url}/acces\\?jeton=`));
    const signedIn = (await t.gql(SIGN_IN, { token: new URL(link).searchParams.get('jeton') })).data.signInWithLink;
    expect(signedIn.user.role).toBe('SUPPLIER');
    expect((await t.gql(ME, {}, signedIn.token)).data.me.supplier).toEqual({ id: id('Atelier Alpha'), completeness: { percent: 29, missing: expect.any(Array) } });
    const completed = await t.gql(
      UPDATE,
      { id: id('Atelier Alpha'), input: { services: ['Menuiserie'], nafCodes: ['16.23Z'], maxContractValue: 20000, interventionRadiusKm: 25, labels: ['RGE'] } },
      signedIn.token,
    );
    expect(completed.data.updateSupplier.completeness).toEqual({ percent: 100, missing: [] });

    // No reminder a minute before FOLLOW_UP_AFTER; then one, to Epsilon alone, and every reminder decided.
    t.clock.advanceTo(invitedFrom + AFTER - 60_000);
    await t.runDue();
    expect(invitations(smtp, 'reminder')).toEqual([]);
    t.clock.advanceTo(invitedBy + AFTER);
    await t.runDue();
    const reminder = to(invitations(smtp, 'reminder'), 'epsilon@structures.example')[0]!;
    expect(reminder.subject).toBe('Rappel — Passerelle ESS : complétez la fiche de votre structure');
    const campaign = (await t.gql(CAMPAIGN, {}, officer.token)).data.invitationCampaign;
    expect(campaign.invited.filter((s: any) => !(s.invitation.remindedAt || s.invitation.notSent))).toEqual([]);
    expect(invitations(smtp, 'reminder').flatMap((m) => addresses(m.to))).toEqual(['epsilon@structures.example']);
    const status = Object.fromEntries(campaign.invited.map((s: any) => [s.name, s.invitation]));
    expect(Object.keys(status).sort()).toEqual(['Atelier Alpha', 'Brico Beta', 'Cuisine Gamma', 'Epsilon Services']); // Zeta is gone
    expect(status['Atelier Alpha']).toMatchObject({ signedInAt: expect.any(String), completedAt: expect.any(String), notSent: "La structure s'est connectée depuis l'invitation." });
    expect(status['Brico Beta']).toMatchObject({ signedInAt: expect.any(String), completedAt: null });
    expect(status['Cuisine Gamma']).toMatchObject({ optedOut: true, signedInAt: null });
    expect(status['Epsilon Services']).toMatchObject({ sentAt: expect.any(String), remindedAt: expect.any(String), signedInAt: null, optedOut: false });
    expect(smtp.messages.filter((m) => addresses(m.to).includes('zeta@structures.example'))).toHaveLength(1);

    // Delta is to be called; the address found by phone takes it off that list.
    expect(campaign.withoutAddress.map((s: any) => s.name)).toEqual(['Delta sans adresse']);
    expect((await t.gql(UPDATE, { id: id('Delta sans adresse'), input: { contactEmail: 'delta@structures.example' } }, officer.token)).errors).toBeUndefined();
    expect((await t.gql(CAMPAIGN, {}, officer.token)).data.invitationCampaign.withoutAddress).toEqual([]);

    // The next round's selection: incomplete, never signed in, with an address.
    const next = await t.gql(LIST, { filter: { completenessBelow: 100, neverSignedIn: true, hasContactEmail: true } }, officer.token);
    expect(next.data.suppliers.edges.map((e: any) => e.node.name).sort()).toEqual(['Cuisine Gamma', 'Delta sans adresse', 'Epsilon Services']);
    expect((await t.gql(LIST, { filter: { neverSignedIn: false } }, officer.token)).data.suppliers.edges.map((e: any) => e.node.name).sort()).toEqual(['Atelier Alpha', 'Brico Beta']);
    expect((await t.gql(LIST, { filter: { hasContactEmail: true } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // The yearly review: two profiles claimed (Alpha, Beta), one completed (Alpha).
    const year = { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() };
    const review = (await t.gql(IMPACT, year, officer.token)).data.impactStats;
    expect(review).toMatchObject({ profilesClaimed: 2, profilesCompleted: 1 });
    // The same figures in the report's CSV (npm run report, GET /report.csv).
    expect(review.csv).toMatch(/^fiches_revendiquees,,[^\n]*,2$/m);
    expect(review.csv).toMatch(/^fiches_completees,,[^\n]*,1$/m);
  });
});

describe('the invitation campaign and crashes', () => {
  it('an invitation claimed by a process that died before sending it is sent once; a reminder a crash kept from being written is written', async () => {
    const dir = tempDataDir();
    await importInto(dir, [thin('Atelier Omega', 'omega@structures.example')]);
    // No mail server at first: the invitation stays unsent.
    const first = await startTestServer({ SMTP_URL: `smtp://127.0.0.1:${await deadPort()}`, MAIL_POLL_INTERVAL: '50ms', FOLLOW_UP_AFTER: '1h' }, dir);
    const officer = await first.userWithToken('OFFICER');
    const omega = (await first.gql(LIST, {})).data.suppliers.edges[0].node.id as string;
    expect((await first.gql(INVITE, { ids: [omega] }, officer.token)).data.inviteSuppliers.invited).toBe(1);
    const rowId = `invitation:${omega}`;
    await waitFor('a failed attempt', async () => ((await first.server.services.store.outbox.findById(rowId))?.attempts ?? 0) > 0);
    await first.stop();
    // The claim as the worker makes it, by a worker whose process then died; and the reminder's write lost.
    const store = await openProjectStore(dir);
    await store.outbox.update(rowId, { state: 'SENDING', leaseOwner: 'dead-host:1:abcd', leaseUntil: new Date(Date.now() - 1000), nextAttemptAt: new Date(Date.now() - 60_000) });
    expect(await store.outbox.remove(`${rowId}:reminder`)).toBe(true);
    await store.close();

    const smtp = await startSmtp();
    const second = await startTestServer({ SMTP_URL: smtp.url, MAIL_POLL_INTERVAL: '50ms', FOLLOW_UP_AFTER: '1h' }, dir);
    try {
      await second.runDue(); // after the first pass, which recovers
      expect((await second.server.services.store.outbox.findById(rowId))?.state).toBe('SENT');
      expect(invitations(smtp, 'invitation').flatMap((m) => addresses(m.to))).toEqual(['omega@structures.example']);
      const reminder = await second.server.services.store.outbox.findById(`${rowId}:reminder`);
      expect(reminder?.state).toBe('PENDING');
      expect((await second.gql(INVITE, { ids: [omega] }, officer.token)).data.inviteSuppliers).toEqual({ invited: 0, alreadyInvited: 1, withoutAddress: [] });
      expect(invitations(smtp, 'invitation')).toHaveLength(1);
    } finally {
      await second.destroy();
      await smtp.close();
    }
  });
});

describe('the invitation campaign and erasure', () => {
  let smtp: TestSmtp;
  let t: TestServer;
  let officer: { token: string };
  beforeAll(async () => {
    ({ t, smtp } = await startMailedServer({ FOLLOW_UP_AFTER: '1h' }));
    officer = await t.userWithToken('OFFICER');
  });
  afterAll(async () => {
    await t.destroy();
    await smtp.close();
  });
  const structure = async (name: string, contactEmail: string) =>
    (await t.gql('mutation($i: SupplierInput!) { createSupplier(input: $i) { id } }', { i: supplierInput({ name, contactEmail }) }, officer.token)).data.createSupplier.id as string;

  it('a structure erased while its invitation is written, or its row sent after, keeps no address in the store', async () => {
    const id = await structure('Atelier Omega', 'omega@structures.example');
    const { store } = t.server.services;
    // Another officer erases the structure when its invitation is about to be written: the batch
    // read its profile before, and the erasure looks for its mails before the rows exist.
    const written = (row: OutboxRecord) => row.kind === 'INVITATION' && row.supplierId === id;
    const { result: batch, erased } = await eraseWhenWritten(t, written, eraseStructure(t, id, officer.token), () => t.gql(INVITE, { ids: [id] }, officer.token));
    expect(batch.data.inviteSuppliers.invited).toBe(1);
    expect(erased).toBe(true);
    for (const reminder of [false, true]) expect(await store.outbox.findById(invitationRowId(id, reminder))).toMatchObject({ state: 'DROPPED', to: ERASED_EMAIL, lastError: STRUCTURE_ERASED });
    expect(await storedText(t)).not.toContain('omega@structures.example');

    // A row that a writer made from the profile before the erasure and nobody dropped (written
    // here straight into the store): the outbox takes the address off at sending, and off the files.
    await store.outbox.insert(outboxRow({ id: 'stray-invitation', kind: 'INVITATION', supplierId: id, to: 'omega@structures.example', domain: 'localhost', now: new Date() }));
    t.server.services.outbox.kick();
    await waitFor('the stray row dropped', async () => (await store.outbox.findById('stray-invitation'))?.state === 'DROPPED');
    expect(await store.outbox.findById('stray-invitation')).toMatchObject({ to: ERASED_EMAIL, lastError: STRUCTURE_ERASED });
    await expectStoredNowhere(t, 'omega@structures.example');
    expect(smtp.messages.filter((m) => addresses(m.to).includes('omega@structures.example'))).toEqual([]);
  });

  it('a reminder the recovery pass writes while its structure is erased keeps no address', async () => {
    const id = await structure('Atelier Sigma', 'sigma@structures.example');
    expect((await t.gql(INVITE, { ids: [id] }, officer.token)).data.inviteSuppliers.invited).toBe(1);
    const { store } = t.server.services;
    // A crash kept the reminder from being written; the recovery pass reads the invitation, then
    // the structure is erased just before the reminder is written.
    await store.outbox.remove(invitationRowId(id, true));
    expect(await store.outbox.findById(invitationRowId(id, true))).toBeNull();
    const written = (row: OutboxRecord) => row.kind === 'INVITATION_REMINDER' && row.supplierId === id;
    const { erased } = await eraseWhenWritten(t, written, eraseStructure(t, id, officer.token), () => recoverInvitationReminders(store, AFTER, 'localhost'));
    expect(erased).toBe(true);
    expect(await store.outbox.findById(invitationRowId(id, true))).toMatchObject({ state: 'DROPPED', to: ERASED_EMAIL, lastError: STRUCTURE_ERASED });
    expect(await storedText(t)).not.toContain('sigma@structures.example');
  });
});
