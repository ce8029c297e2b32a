// Follow-ups through the real server and a real SMTP peer, with FOLLOW_UP_AFTER=1h on the server's
// clock, which the test moves ahead (then runs what is due) instead of waiting: the firm and each
// structure that has not answered get one follow-up, one reminder, then nothing; opt-out; erasure;
// officers see them with the other mails; a crash between claiming and sending sends once; a GET on
// every link of every mail changes nothing.
import jwt from 'jsonwebtoken';
import type { ParsedMail } from 'mailparser';
import { resolveJwtSecret } from '../api/auth/secret';
import { ERASED_EMAIL } from '../api/kernel';
import { APPROVE, buildScene, DRAFT, UPDATE, type Scene } from './helpers/introductions';
import { openProjectStore } from './helpers/project-engine';
import { startMailedServer } from './helpers/mailed-server';
import { startTestServer, tempDataDir, type TestServer } from './helpers/server';
import { addresses, startSmtp, type TestSmtp } from './helpers/smtp';
import { expectStoredNowhere } from './helpers/stored';
import { eraseStructure, eraseWhenWritten } from './helpers/erasure-race';
import { waitFor } from './helpers/wait';

const MAILS = `query($id: ID!) { shortlist(id: $id) { status sentAt mails(kinds: [INTRODUCTION, FOLLOW_UP, REMINDER]) { id kind recipient to state lastError sentAt nextAttemptAt supplier { id } } } }`;

const approve = async (t: TestServer, scene: Scene, ids: string[]) => {
  const id = (await t.gql(DRAFT, { needId: scene.needId }, scene.officer.token)).data.draftShortlist.id as string;
  await t.gql(UPDATE, { id, supplierIds: ids }, scene.officer.token);
  expect((await t.gql(APPROVE, { id }, scene.officer.token)).errors).toBeUndefined();
  return id;
};
const hrefs = (mail: ParsedMail): string[] => [...String(mail.html).matchAll(/<a href="([^"]+)">/g)].map((m) => m[1]!.replace(/&amp;/g, '&')).filter((h) => h.startsWith('http'));
const hrefOf = (mail: ParsedMail, label: string) => new RegExp(`<a href="([^"]+)">${label}</a>`).exec(String(mail.html))![1]!.replace(/&amp;/g, '&');
const post = (url: string, form: Record<string, string> = {}) =>
  fetch(url.split('?')[0]!, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });

const AFTER = 3600_000; // FOLLOW_UP_AFTER=1h

describe('follow-ups with FOLLOW_UP_AFTER=1h', () => {
  let smtp: TestSmtp;
  let t: TestServer;

  beforeAll(async () => {
    ({ t, smtp } = await startMailedServer({ FOLLOW_UP_AFTER: '1h' }));
  });
  afterAll(async () => {
    await t.destroy();
    await smtp.close();
  });

  it('one follow-up, one reminder, then nothing; answered, opted out and erased recipients are skipped; officers see every mail', async () => {
    const s = await buildScene(t);
    const { jardins, esat, print, hostile } = s.suppliers;
    const id = await approve(t, s, [jardins.id, esat.id, print.id, hostile.id]);
    const sent = await waitFor('SENT', async () => {
      const list = (await t.gql(MAILS, { id }, s.officer.token)).data.shortlist;
      return list.status === 'SENT' && list;
    });
    const sentAt = Date.parse(sent.sentAt);
    const mine = () => smtp.messages.filter((m) => (m.messageId ?? '').startsWith(`<${id}.`));
    const to = (address: string, kind: 'followup' | 'reminder') => mine().filter((m) => addresses(m.to).includes(address) && (m.messageId ?? '').includes(`.${kind}.`));

    // Before the follow-ups are due: Jardins answers, the firm records an outcome for Jardins, the
    // officer deletes the hostile structure (its data erased).
    const jardinsMail = mine().find((m) => addresses(m.to).includes(jardins.contactEmail))!;
    expect((await post(hrefOf(jardinsMail, 'Nous sommes intéressés'), { choix: 'interesse' })).status).toBe(200);
    const firmMail = mine().find((m) => addresses(m.to).includes(s.company.email))!;
    expect((await post(hrefOf(firmMail, 'Indiquer les suites'), { structure: jardins.id, suite: 'CONTACTED' })).status).toBe(200);
    expect((await t.gql(`mutation($id: ID!) { deleteSupplier(id: $id) }`, { id: hostile.id }, s.officer.token)).errors).toBeUndefined();

    // The follow-ups, no sooner than FOLLOW_UP_AFTER after the list was sent: a minute short of it, none is due.
    const followUps = () => mine().filter((m) => (m.messageId ?? '').includes('.followup.'));
    t.clock.advanceTo(sentAt + AFTER - 60_000);
    await t.runDue();
    expect(followUps()).toEqual([]);
    t.clock.advanceTo(sentAt + AFTER);
    await t.runDue();
    const firmFollowUp = to(s.company.email, 'followup')[0]!;
    expect(firmFollowUp).toBeDefined();
    expect(firmFollowUp.subject).toBe(`Passerelle ESS : qu'ont donné vos mises en relation pour « ${s.needTitle} » ?`);
    expect(firmFollowUp.text).toContain(`- ${esat.name}`);
    expect(firmFollowUp.text).toContain(`- ${print.name}`);
    expect(firmFollowUp.text).not.toContain(jardins.name); // its outcome is known
    // the day the structures were presented, whatever FOLLOW_UP_AFTER is
    const day = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(new Date(sentAt)).replace(/^1 /, '1er ');
    expect(firmFollowUp.text).toContain(`Le ${day}, la Métropole Rouen Normandie vous a présenté des structures`);
    expect(hrefOf(firmFollowUp, 'Indiquer les suites')).toBe(hrefOf(firmMail, 'Indiquer les suites'));
    const printFollowUp = to(print.contactEmail, 'followup')[0]!;
    expect(printFollowUp.text).toContain('Nous sommes intéressés : ');
    expect(to(esat.contactEmail, 'followup')).toHaveLength(1);

    // Print opts out: the GET changes nothing, the POST stops its reminder.
    const optOut = hrefOf(printFollowUp, 'Ne plus recevoir de relance');
    expect(optOut).toMatch(new RegExp(`^${t.server.url}/relances/`));
    const page = await fetch(optOut);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<button type="submit">Ne plus recevoir de relance</button>');
    const reminderRow = async () => (await t.gql(MAILS, { id }, s.officer.token)).data.shortlist.mails.find((m: any) => m.kind === 'REMINDER' && m.supplier?.id === print.id);
    expect((await reminderRow()).state).toBe('PENDING');
    const stopped = await post(optOut);
    expect(stopped.status).toBe(200);
    const said = await stopped.text();
    expect(said).toContain('vous ne recevrez plus de relance');
    expect(said).toContain('« Ma structure »'); // a structure may also stop all of them from its space
    expect(await reminderRow()).toMatchObject({ state: 'DROPPED', lastError: expect.stringContaining('Relances refusées') });

    // The reminders, FOLLOW_UP_AFTER later, and not a minute sooner.
    const reminders = () => mine().filter((m) => (m.messageId ?? '').includes('.reminder.'));
    t.clock.advanceTo(sentAt + 2 * AFTER - 60_000);
    await t.runDue();
    expect(reminders()).toEqual([]);
    t.clock.advanceTo(sentAt + 2 * AFTER);
    await t.runDue();
    const firmReminder = to(s.company.email, 'reminder')[0]!;
    expect(firmReminder.subject).toMatch(/^Rappel — /);
    expect(to(esat.contactEmail, 'reminder')).toHaveLength(1);
    // Then nothing more: every row settled, none left to send, even a month later.
    const settled = (await t.gql(MAILS, { id }, s.officer.token)).data.shortlist;
    expect(settled.mails.filter((m: any) => m.state !== 'SENT' && m.state !== 'DROPPED')).toEqual([]);
    t.clock.advance(30 * 86_400_000);
    await t.runDue();
    const count = (address: string) => mine().filter((m) => addresses(m.to).includes(address)).length;
    expect([count(s.company.email), count(esat.contactEmail), count(print.contactEmail), count(jardins.contactEmail), count(hostile.contactEmail)]).toEqual([3, 3, 2, 1, 1]);
    expect(new Set(mine().map((m) => m.messageId)).size).toBe(mine().length);

    // Officers see the follow-ups with the introduction mails, each with its kind and state.
    const kinds = settled.mails.map((m: any) => m.kind).sort();
    expect(kinds).toEqual([...Array(5).fill('INTRODUCTION'), ...Array(5).fill('FOLLOW_UP'), ...Array(5).fill('REMINDER')].sort());
    const byKey = new Map(settled.mails.map((m: any) => [`${m.kind}:${m.supplier?.id ?? (m.recipient === 'FIRM' ? 'firm' : 'erased')}`, m]));
    expect(byKey.get('FOLLOW_UP:firm')).toMatchObject({ state: 'SENT' });
    expect(byKey.get(`FOLLOW_UP:${jardins.id}`)).toMatchObject({ state: 'DROPPED', lastError: 'La structure a déjà répondu.' });
    expect(byKey.get(`REMINDER:${print.id}`)).toMatchObject({ state: 'DROPPED' });
    // The deleted structure's follow-ups were dropped with its data, and lost its address.
    const erased = settled.mails.filter((m: any) => m.kind !== 'INTRODUCTION' && m.recipient === 'SUPPLIER' && ![jardins, esat, print].some((x) => x.contactEmail === m.to));
    expect(erased).toHaveLength(2);
    for (const m of erased) expect(m).toMatchObject({ state: 'DROPPED', to: expect.not.stringContaining(hostile.contactEmail) });
    expect(count(hostile.contactEmail)).toBe(1);
    for (const m of settled.mails.filter((m: any) => m.kind === 'FOLLOW_UP' && m.state === 'SENT')) expect(Date.parse(m.sentAt)).toBeGreaterThanOrEqual(sentAt + AFTER);

    // A GET on every link of every mail of this list changes nothing.
    const { store } = t.server.services;
    const snapshot = async () =>
      JSON.stringify(await Promise.all([store.outbox.find({}), store.responses.find({}), store.outcomes.find({}), store.needs.find({}), store.shortlists.find({})]));
    const before = await snapshot();
    const links = [...new Set(mine().flatMap(hrefs))].filter((h) => h.startsWith(t.server.url));
    expect(links.length).toBeGreaterThanOrEqual(8);
    for (const link of links) expect([200, 404, 410]).toContain((await fetch(link)).status); // 404: the deleted structure's answer links
    expect(await snapshot()).toBe(before);
  });

  it('once the Métropole closes the need, its structures are no longer asked; the firm still is, for the yearly review', async () => {
    const s = await buildScene(t);
    const { jardins, esat } = s.suppliers;
    const id = await approve(t, s, [jardins.id, esat.id]);
    const sent = await waitFor('SENT', async () => {
      const list = (await t.gql(MAILS, { id }, s.officer.token)).data.shortlist;
      return list.status === 'SENT' && list;
    });
    expect((await t.gql('mutation($id: ID!) { closeNeed(id: $id, note: "Traité par téléphone") { id } }', { id: s.needId }, s.officer.token)).errors).toBeUndefined();
    t.clock.advanceTo(Date.parse(sent.sentAt) + AFTER);
    await t.runDue();
    // The firm stops its reminder: what it is told is for a firm (nothing of a structure's space).
    const firmFollowUp = smtp.messages.find((m) => (m.messageId ?? '').startsWith(`<${id}.`) && (m.messageId ?? '').includes('.followup.') && addresses(m.to).includes(s.company.email))!;
    const stopped = await (await post(hrefOf(firmFollowUp, 'Ne plus recevoir de relance'))).text();
    expect(stopped).toContain('vous ne recevrez plus de relance');
    expect(stopped).not.toContain('Ma structure');
    t.clock.advanceTo(Date.parse(sent.sentAt) + 2 * AFTER);
    await t.runDue();
    const mails = (await t.gql(MAILS, { id }, s.officer.token)).data.shortlist.mails.filter((m: any) => m.kind !== 'INTRODUCTION');
    expect(mails.filter((m: any) => m.recipient === 'FIRM').map((m: any) => [m.kind, m.state]).sort()).toEqual([['FOLLOW_UP', 'SENT'], ['REMINDER', 'DROPPED']]);
    const toStructures = mails.filter((m: any) => m.recipient === 'SUPPLIER');
    expect(toStructures).toHaveLength(4);
    for (const m of toStructures) expect(m).toMatchObject({ state: 'DROPPED', lastError: 'Le besoin a été clos par la Métropole : la structure n’est plus relancée.' });
    const followedUp = smtp.messages.filter((m) => (m.messageId ?? '').startsWith(`<${id}.`) && /\.(followup|reminder)\./.test(m.messageId ?? ''));
    expect(followedUp.flatMap((m) => addresses(m.to))).toEqual([s.company.email]);
    // A structure opening its answer link after the closing is told.
    const introduction = smtp.messages.find((m) => (m.messageId ?? '').startsWith(`<${id}.`) && addresses(m.to).includes(jardins.contactEmail))!;
    expect(await (await fetch(hrefOf(introduction, 'Nous sommes intéressés'))).text()).toMatch(/La Métropole a clos ce besoin le \d+(er)? \S+ \d{4}/);
  });

  it('a structure erased while its follow-ups are being written loses them at once, and its address leaves the store', async () => {
    const s = await buildScene(t);
    const { esat } = s.suppliers;
    // The officer erases the structure when its first follow-up is about to be written: its profile
    // was read as active, and the erasure looks for its mails before that row exists.
    const { result: rows, erased } = await eraseWhenWritten(t, (row) => row.kind === 'FOLLOW_UP' && row.supplierId === esat.id, eraseStructure(t, esat.id, s.officer.token), async () => {
      const id = await approve(t, s, [esat.id]);
      return waitFor('the structure’s follow-ups dropped', async () => {
        const mails = (await t.gql(MAILS, { id }, s.officer.token)).data.shortlist.mails.filter((m: any) => m.kind !== 'INTRODUCTION' && m.recipient === 'SUPPLIER');
        return mails.length === 2 && mails.every((m: any) => m.state === 'DROPPED') && mails;
      });
    });
    expect(erased).toBe(true);
    expect(rows.map((m: any) => [m.kind, m.to, m.lastError]).sort()).toEqual([
      ['FOLLOW_UP', ERASED_EMAIL, 'La structure a effacé ses données.'],
      ['REMINDER', ERASED_EMAIL, 'La structure a effacé ses données.'],
    ]);
    await expectStoredNowhere(t, esat.contactEmail);
  });

  it('an altered, expired or other-purpose opt-out link is refused with a French page', async () => {
    const secret = resolveJwtSecret(t.server.services.config);
    const sign = (audience: string, exp: number) =>
      jwt.sign({ shortlistId: 'liste', recipient: 'firm', exp: Math.floor(Date.now() / 1000) + exp }, secret, { algorithm: 'HS256', issuer: 'passerelle-ess', audience });
    const valid = sign('passerelle-ess-link:optOut', 600);
    for (const [bad, status, words] of [
      ['abc.def.ghi', 403, 'Ce lien n&#39;est pas valide'],
      [`${valid.slice(0, -3)}abc`, 403, 'Ce lien n&#39;est pas valide'],
      [sign('passerelle-ess-link:outcomes', 600), 403, 'Ce lien n&#39;est pas valide'],
      [sign('passerelle-ess-link:optOut', -10), 400, 'Ce lien a expiré'],
    ] as const) {
      for (const res of [await fetch(`${t.server.url}/relances/${bad}`), await post(`${t.server.url}/relances/${bad}`)]) {
        expect(res.status).toBe(status);
        const html = await res.text();
        expect(html).toContain('<html lang="fr">');
        expect(html).toContain(words);
      }
    }
  });
});

describe('follow-ups and crashes', () => {
  it('a follow-up claimed by a process that died before sending it is sent once after the restart', async () => {
    const dir = tempDataDir();
    const smtp = await startSmtp();
    // Follow-ups an hour away: none becomes due by itself during the test.
    const first = await startTestServer({ SMTP_URL: smtp.url, MAIL_POLL_INTERVAL: '50ms', FOLLOW_UP_AFTER: '1h' }, dir);
    const s = await buildScene(first);
    const id = await approve(first, s, [s.suppliers.jardins.id]);
    const rowId = `${id}:followup:firm`;
    await waitFor('the follow-up rows written once SENT', async () => (await first.server.services.store.outbox.findById(rowId))?.state === 'PENDING');
    await first.stop();
    // The claim as the worker makes it, by a worker whose process then died: SENDING, a lease run out.
    const store = await openProjectStore(dir); // this jest project's engine
    await store.outbox.update(rowId, { state: 'SENDING', leaseOwner: 'dead-host:1:abcd', leaseUntil: new Date(Date.now() - 1000), nextAttemptAt: new Date(Date.now() - 60_000) });
    await store.close();
    expect(smtp.messages.filter((m) => m.messageId?.includes('.followup.'))).toHaveLength(0);

    const second = await startTestServer({ SMTP_URL: smtp.url, MAIL_POLL_INTERVAL: '50ms', FOLLOW_UP_AFTER: '1h' }, dir);
    try {
      await second.runDue(); // the first pass, then one more: a row claimed twice would be sent twice by now
      expect((await second.server.services.store.outbox.findById(rowId))?.state).toBe('SENT');
      const followUps = smtp.messages.filter((m) => m.messageId?.includes('.followup.'));
      expect(followUps).toHaveLength(1);
      expect(addresses(followUps[0]!.to)).toEqual([s.company.email]);
      // The rest stays due at its date.
      expect((await second.server.services.store.outbox.findById(`${id}:reminder:firm`))!.state).toBe('PENDING');
    } finally {
      await second.destroy();
      await smtp.close();
    }
  });

  it('a list that became SENT just before a crash gets its follow-ups from the recovery pass', async () => {
    const dir = tempDataDir();
    const smtp = await startSmtp();
    const first = await startTestServer({ SMTP_URL: smtp.url, MAIL_POLL_INTERVAL: '50ms', FOLLOW_UP_AFTER: '1h' }, dir);
    const s = await buildScene(first);
    const id = await approve(first, s, [s.suppliers.esat.id]);
    await waitFor('follow-ups written', async () => (await first.server.services.store.outbox.findById(`${id}:reminder:supplier:${s.suppliers.esat.id}`)) !== null);
    // The crash: the list marked SENT, its follow-up rows never written.
    for (const row of await first.server.services.store.outbox.find({ shortlistId: id })) if (row.kind !== 'INTRODUCTION') await first.server.services.store.outbox.remove(row.id);
    await first.stop();
    const second = await startTestServer({ SMTP_URL: smtp.url, MAIL_POLL_INTERVAL: '50ms', FOLLOW_UP_AFTER: '1h' }, dir);
    try {
      await second.runDue(); // after the first pass, which recovers
      const rows = (await second.server.services.store.outbox.find({ shortlistId: id })).filter((r) => r.kind !== 'INTRODUCTION');
      expect(rows).toHaveLength(4);
      const list = (await second.server.services.store.shortlists.findById(id))!;
      for (const r of rows) expect(r.nextAttemptAt.getTime()).toBe(list.sentAt!.getTime() + (r.kind === 'FOLLOW_UP' ? 1 : 2) * 3600_000);
    } finally {
      await second.destroy();
      await smtp.close();
    }
  });
});
