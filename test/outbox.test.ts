// The outbox's durability: SMTP down, restarts, give-up, crashes between steps, two workers, shutdown.
// Retries, give-up and the periodic recovery go by the server's clock, which the tests move ahead.
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { holdRows, plannedRows } from '../api/introductions';
import { OutboxWorker, retryDelayMs, createMailTransport, dropErasedRows, mailDomain } from '../api/mail';
import { ERASED_EMAIL } from '../api/kernel';
import { TestClock } from './helpers/clock';
import { openProjectStore } from './helpers/project-engine';
import { outboxOf, undelivered } from '../api/store/filters';
import type { OutboxRecord, Store } from '../api/store/types';
import { APPROVE, buildScene, DRAFT, GET, GET_MAILS, type Scene } from './helpers/introductions';
import { quietLogger, startTestServer, tempDataDir, type TestServer } from './helpers/server';
import { addresses, deadPort, startSmtp, type TestSmtp } from './helpers/smtp';
import { waitFor } from './helpers/wait';

const FAILED = `{ failedMails { id state lastError attempts shortlist { id status } } }`;

async function draftAndApprove(t: TestServer, s: Scene): Promise<string> {
  const id = (await t.gql(DRAFT, { needId: s.needId, size: 2 }, s.officer.token)).data.draftShortlist.id as string;
  const res = await t.gql(APPROVE, { id }, s.officer.token);
  expect(res.errors).toBeUndefined();
  expect(res.data.approveShortlist.status).toBe('APPROVED');
  return id;
}

/** Introduction mails only: each need posted is also acknowledged to its firm (need-lifecycle.test.ts). */
const introductions = (smtp: TestSmtp) => smtp.messages.filter((m) => !(m.messageId ?? '').startsWith('<need.'));

const mailsOf = async (t: TestServer, s: Scene, id: string) => (await t.gql(GET_MAILS, { id }, s.officer.token)).data.shortlist;

describe('outbox through the service', () => {
  it('SMTP down at approval: the approval stands; after a restart with SMTP back, every mail goes exactly once', async () => {
    const dir = tempDataDir();
    const port = await deadPort();
    const first = await startTestServer({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_POLL_INTERVAL: '50ms' }, dir);
    const s = await buildScene(first);
    const id = await draftAndApprove(first, s);
    const tried = await waitFor('a failed attempt', async () => {
      const list = await mailsOf(first, s, id);
      return list.mails.some((m: any) => m.attempts > 0 && m.lastError) && list;
    });
    expect(tried.status).toBe('APPROVED');
    expect(tried.mails.every((m: any) => m.state !== 'SENT')).toBe(true);
    await first.stop();

    const smtp = await startSmtp(port);
    const second = await startTestServer({ SMTP_URL: smtp.url, MAIL_POLL_INTERVAL: '50ms' }, dir);
    try {
      const done = await waitFor('SENT after restart', async () => {
        const list = await mailsOf(second, s, id);
        return list.status === 'SENT' && list;
      });
      expect(done.mails).toHaveLength(3);
      const recipients = introductions(smtp).flatMap((m) => addresses(m.to));
      expect(recipients.sort()).toEqual([s.company.email, ...done.mails.filter((m: any) => m.recipient === 'SUPPLIER').map((m: any) => m.to)].sort());
      expect(new Set(introductions(smtp).map((m) => m.messageId)).size).toBe(3);
    } finally {
      await second.destroy();
      await smtp.close();
    }
  });

  it('SMTP down at approval and back before the retry: the first retry is due within 5 s, and delivers', async () => {
    const port = await deadPort();
    const t = await startTestServer({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_POLL_INTERVAL: '50ms' });
    let smtp: TestSmtp | null = null;
    try {
      const s = await buildScene(t);
      const id = await draftAndApprove(t, s);
      await waitFor('every mail tried once', async () => (await mailsOf(t, s, id)).mails.every((m: any) => m.attempts === 1 && m.lastError));
      const rows = await t.server.services.store.outbox.find(outboxOf(id));
      // The schedule the worker wrote, not the test's clock: the retry is due 2 s after the attempt.
      for (const r of rows) expect(r.nextAttemptAt.getTime() - r.firstAttemptAt!.getTime()).toBeLessThan(5000);
      smtp = await startSmtp(port);
      t.clock.advanceTo(Math.max(...rows.map((r) => r.nextAttemptAt.getTime())));
      await t.runDue();
      const done = await mailsOf(t, s, id);
      expect(done.status).toBe('SENT');
      expect(introductions(smtp)).toHaveLength(3);
      for (const m of done.mails) expect(m.attempts).toBe(2);
    } finally {
      await t.destroy();
      await smtp?.close();
    }
  });

  it("the periodic recovery pass settles a list whose mails all went out but which stayed APPROVED", async () => {
    const smtp = await startSmtp();
    const t = await startTestServer({ SMTP_URL: smtp.url, MAIL_POLL_INTERVAL: '50ms', MAIL_RECOVER_INTERVAL: '1h' });
    try {
      const s = await buildScene(t);
      const id = await draftAndApprove(t, s);
      const sent = await waitFor('SENT', async () => {
        const list = await mailsOf(t, s, id);
        return list.status === 'SENT' && list;
      });
      // As if the `delivered` hook had failed on its store write: every mail done, the list not.
      const { store } = t.server.services;
      await store.outbox.update(sent.mails[1].id, { state: 'DROPPED' });
      const reset = new Date();
      expect(await store.shortlists.update(id, { status: 'APPROVED', sentAt: null })).toMatchObject({ status: 'APPROVED', sentAt: null });
      // SENT again without a restart, by the pass an hour later.
      t.clock.advance(3600_000);
      await t.runDue();
      const settled = (await t.gql(GET, { id }, s.officer.token)).data.shortlist;
      expect(settled.status).toBe('SENT');
      expect(Date.parse(settled.sentAt)).toBeGreaterThanOrEqual(reset.getTime()); // settled anew, not the first SENT
      expect(introductions(smtp)).toHaveLength(3); // nothing sent twice
    } finally {
      await t.destroy();
      await smtp.close();
    }
  });

  it('a structure deleted before its mail went out: the mail is dropped, and the list still becomes SENT', async () => {
    const dir = tempDataDir();
    const port = await deadPort();
    const first = await startTestServer({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_POLL_INTERVAL: '50ms' }, dir);
    const s = await buildScene(first);
    const id = await draftAndApprove(first, s);
    const pending = await mailsOf(first, s, id);
    const gone = pending.mails.find((m: any) => m.recipient === 'SUPPLIER');
    const deleted = await first.gql('mutation($id: ID!) { deleteSupplier(id: $id) }', { id: gone.supplier.id }, s.officer.token);
    expect(deleted.errors).toBeUndefined();
    const dropped = (await mailsOf(first, s, id)).mails.find((m: any) => m.id === gone.id);
    expect(dropped).toMatchObject({ state: 'DROPPED', sentAt: null });
    await first.stop();

    const smtp = await startSmtp(port);
    const second = await startTestServer({ SMTP_URL: smtp.url, MAIL_POLL_INTERVAL: '50ms' }, dir);
    try {
      const done = await waitFor('SENT without the dropped mail', async () => {
        const list = await mailsOf(second, s, id);
        return list.status === 'SENT' && list;
      });
      expect(done.mails.filter((m: any) => m.state === 'SENT')).toHaveLength(2);
      expect(introductions(smtp).flatMap((m) => addresses(m.to))).not.toContain(gone.to);
      expect(introductions(smtp)).toHaveLength(2);
      expect((await second.gql(FAILED, {}, s.officer.token)).data.failedMails).toEqual([]); // dropped on purpose is no failure
    } finally {
      await second.destroy();
      await smtp.close();
    }
  });

  it('gives a mail up after MAIL_GIVE_UP_AFTER and shows it to officers with the SMTP error', async () => {
    const port = await deadPort();
    const t = await startTestServer({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_POLL_INTERVAL: '50ms', MAIL_GIVE_UP_AFTER: '1h' });
    try {
      const s = await buildScene(t);
      const id = await draftAndApprove(t, s);
      await waitFor('every mail tried', async () => (await mailsOf(t, s, id)).mails.every((m: any) => m.attempts > 0));
      t.clock.advance(3600_000);
      await t.runDue();
      const list = await mailsOf(t, s, id);
      expect(list.mails.map((m: any) => m.state)).toEqual(['FAILED', 'FAILED', 'FAILED']);
      expect(list.status).toBe('APPROVED');
      for (const m of list.mails) {
        expect(m.attempts).toBeGreaterThanOrEqual(2);
        expect(m.lastError).toMatch(/ECONNREFUSED/);
      }
      const failed = await t.gql(FAILED, {}, s.officer.token);
      expect(failed.data.failedMails.filter((m: any) => m.shortlist?.id === id)).toHaveLength(3);
      expect((await t.gql(FAILED, {}, s.company.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    } finally {
      await t.destroy();
    }
  });

  it('writes .eml files under DATA_DIR/mail/ when SMTP_URL is unset', async () => {
    const t = await startTestServer({ MAIL_POLL_INTERVAL: '50ms' });
    try {
      const s = await buildScene(t);
      const id = await draftAndApprove(t, s);
      await waitFor('SENT', async () => (await mailsOf(t, s, id)).status === 'SENT');
      const dir = path.join(t.dataDir, 'mail');
      const files = fs.readdirSync(dir).filter((f) => f.startsWith(id));
      expect(files).toHaveLength(3);
      expect(files.every((f) => f.endsWith('.eml'))).toBe(true);
      const firm = await simpleParser(fs.readFileSync(path.join(dir, `${id}.firm@localhost.eml`)));
      expect(addresses(firm.to)).toEqual([s.company.email]);
      expect(firm.subject).toBe(`Passerelle ESS : 2 structures de l'ESS pour « ${s.needTitle} »`);
      expect(firm.html).toContain('<!doctype html>');
    } finally {
      await t.destroy();
    }
  });

  it('finishes at restart an approval that crashed between its commit and the release of its mails', async () => {
    const dir = tempDataDir();
    const smtp = await startSmtp();
    const first = await startTestServer({ SMTP_URL: smtp.url }, dir);
    const s = await buildScene(first);
    const { store } = first.server.services;
    const id = (await first.gql(DRAFT, { needId: s.needId, size: 2 }, s.officer.token)).data.draftShortlist.id as string;
    // Steps 1 and 2 of an approval, as approveShortlist does them, then the "crash".
    const shortlist = (await store.shortlists.findById(id))!;
    const need = (await store.needs.findById(s.needId))!;
    const suppliers = new Map((await store.suppliers.find({})).map((x) => [x.id, x]));
    await holdRows(store, id, plannedRows(shortlist, need, suppliers, mailDomain('x@localhost'), new Date()));
    await store.shortlists.update(id, { status: 'APPROVED', openDraftOf: null, approvedAt: new Date(), replyTo: s.officer.email });
    // And an approval that died before its commit, long ago: its HELD rows must go.
    const other = await buildScene(first);
    const otherId = (await first.gql(DRAFT, { needId: other.needId, size: 1 }, other.officer.token)).data.draftShortlist.id as string;
    const old = new Date(Date.now() - 3600_000);
    const abandoned = plannedRows((await store.shortlists.findById(otherId))!, (await store.needs.findById(other.needId))!, suppliers, 'localhost', old);
    await holdRows(store, otherId, abandoned);
    await first.stop();
    expect(introductions(smtp)).toHaveLength(0);

    const second = await startTestServer({ SMTP_URL: smtp.url, MAIL_POLL_INTERVAL: '50ms' }, dir);
    try {
      await waitFor('SENT after recovery', async () => (await mailsOf(second, s, id)).status === 'SENT');
      expect(introductions(smtp).filter((m) => (m.messageId ?? '').startsWith(`<${id}.`))).toHaveLength(3);
      await waitFor('abandoned HELD rows dropped', async () => (await second.server.services.store.outbox.count({ shortlistId: otherId })) === 0);
      const waiting = await second.gql(`{ needsAwaitingShortlist(first: 100) { edges { node { id } } } }`, {}, s.officer.token);
      expect(waiting.data.needsAwaitingShortlist.edges.map((e: any) => e.node.id)).not.toContain(s.needId);
    } finally {
      await second.destroy();
      await smtp.close();
    }
  });
});

describe('retry backoff', () => {
  it('retries first after 2 s, doubling, and never waits more than 5 minutes', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([2000, 4000, 8000, 16_000]);
    expect(retryDelayMs(8)).toBe(256_000);
    for (const attempts of [9, 10, 50, 5000]) expect(retryDelayMs(attempts)).toBe(5 * 60_000);
  });
});

describe('outbox worker', () => {
  let store: Store;
  let dir: string;
  let smtp: TestSmtp;
  beforeEach(async () => {
    dir = tempDataDir();
    store = await openProjectStore(dir); // this jest project's engine
    smtp = await startSmtp();
  });
  afterEach(async () => {
    await store.close();
    await smtp.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const row = (n: number, patch: Partial<OutboxRecord> = {}): OutboxRecord => {
    const now = new Date();
    return {
      id: `list:supplier:${n}`,
      shortlistId: 'list',
      kind: 'INTRODUCTION',
      needId: null,
      recipientKind: 'SUPPLIER',
      supplierId: String(n),
      to: `structure-${n}@ess.example`,
      messageId: `<list.supplier.${n}@localhost>`,
      state: 'PENDING',
      attempts: 0,
      firstAttemptAt: null,
      nextAttemptAt: now,
      leaseOwner: null,
      leaseUntil: null,
      lastError: null,
      sentAt: null,
      createdAt: now,
      updatedAt: now,
      ...patch,
    };
  };

  it('dropErasedRows: an undelivered row is dropped, a delivered one kept, both without the address', async () => {
    await store.outbox.insert(row(1));
    await store.outbox.insert(row(2, { state: 'SENT', sentAt: new Date() }));
    await dropErasedRows(store, ['list:supplier:1', 'list:supplier:2', 'list:supplier:3'], 'La structure a effacé ses données.');
    expect(await store.outbox.findById('list:supplier:1')).toMatchObject({ state: 'DROPPED', to: ERASED_EMAIL, lastError: 'La structure a effacé ses données.' });
    expect(await store.outbox.findById('list:supplier:2')).toMatchObject({ state: 'SENT', to: ERASED_EMAIL, lastError: null });
    expect(await store.outbox.findById('list:supplier:3')).toBeNull();
  });

  const worker = (options: { before?: () => Promise<void>; clock?: TestClock } = {}) =>
    new OutboxWorker(
      store,
      createMailTransport({ smtpUrl: smtp.url, dataDir: dir, mailFrom: 'Passerelle ESS <no-reply@localhost>' }),
      {
        compose: async (r) => {
          await options.before?.();
          return { to: r.to, replyTo: null, subject: `Mail ${r.id}`, text: 'Bonjour', html: '<p>Bonjour</p>', messageId: r.messageId };
        },
        delivered: async () => {},
        recover: async () => {},
      },
      { pollIntervalMs: 20, giveUpAfterMs: 60_000, clock: options.clock },
      quietLogger,
    );

  const allSent = () => waitFor('every row SENT', async () => (await store.outbox.count(undelivered('list'))) === 0);

  it('two workers on one store send each mail once', async () => {
    for (let n = 0; n < 12; n += 1) await store.outbox.insert(row(n));
    const a = worker();
    const b = worker();
    a.start();
    b.start();
    try {
      await allSent();
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    const ids = introductions(smtp).map((m) => m.messageId);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
  });

  it('takes over a row whose worker died mid-send once its lease ran out, with the same Message-ID', async () => {
    await store.outbox.insert(row(1, { state: 'SENDING', leaseOwner: 'dead-worker', leaseUntil: new Date(Date.now() - 1000) }));
    await store.outbox.insert(row(2, { state: 'SENDING', leaseOwner: 'live-worker', leaseUntil: new Date(Date.now() + 3600_000) }));
    const w = worker();
    w.start();
    try {
      await waitFor('the expired lease taken over', async () => (await store.outbox.findById('list:supplier:1'))?.state === 'SENT');
    } finally {
      await w.stop();
    }
    expect(introductions(smtp).map((m) => m.messageId)).toEqual(['<list.supplier.1@localhost>']);
    expect((await store.outbox.findById('list:supplier:2'))!.state).toBe('SENDING'); // a live lease is left alone
  });

  it('runDue() sends what is due at its clock, and nothing due later', async () => {
    const clock = new TestClock();
    await store.outbox.insert(row(1));
    await store.outbox.insert(row(2, { nextAttemptAt: new Date(Date.now() + 3600_000) }));
    const w = worker({ clock });
    w.start();
    try {
      await w.runDue();
      expect(introductions(smtp).map((m) => m.messageId)).toEqual(['<list.supplier.1@localhost>']);
      expect((await store.outbox.findById('list:supplier:2'))!.state).toBe('PENDING');
      clock.advance(3600_000);
      await w.runDue();
      expect(introductions(smtp).map((m) => m.messageId)).toEqual(['<list.supplier.1@localhost>', '<list.supplier.2@localhost>']);
    } finally {
      await w.stop();
    }
    await expect(w.runDue()).rejects.toThrow(/arrêté/);
  });

  it('stop() waits for the send in flight and marks it', async () => {
    await store.outbox.insert(row(1));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inFlight = new Promise<void>((resolve) => (entered = resolve));
    const w = worker({
      before: async () => {
        entered();
        await gate;
      },
    });
    w.start();
    await inFlight;
    let stopped = false;
    const stopping = w.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect((await store.outbox.findById('list:supplier:1'))!.state).toBe('SENT');
    expect(introductions(smtp)).toHaveLength(1);
  });
});
