// What an officer sees before approving (previewIntroduction) is what the recipients then get;
// a mail given up on can be sent again (retryMail). Real server, real SMTP peer, GraphQL over HTTP.
import { addresses, deadPort, startSmtp } from './helpers/smtp';
import { APPROVE, buildScene, DRAFT, GET_MAILS, HOSTILE_NAME, UPDATE } from './helpers/introductions';
import { codeOf, startTestServer } from './helpers/server';
import { waitFor } from './helpers/wait';

const PREVIEW = `query($id: ID!) { previewIntroduction(shortlistId: $id) { to subject text html } }`;
const RETRY = `mutation($id: ID!) { retryMail(id: $id) { id state attempts lastError } }`;

describe('introduction preview and retry', () => {
  it('previews a draft exactly as the outbox then delivers it, and refuses firms', async () => {
    const smtp = await startSmtp();
    const t = await startTestServer({ SMTP_URL: smtp.url, MAIL_POLL_INTERVAL: '50ms' });
    try {
      const s = await buildScene(t);
      const id = (await t.gql(DRAFT, { needId: s.needId, size: 2 }, s.officer.token)).data.draftShortlist.id as string;
      const chosen = [s.suppliers.hostile.id, s.suppliers.print.id];
      const note = { supplierId: s.suppliers.print.id, note: 'Pour vos affiches' };
      expect((await t.gql(UPDATE, { id, supplierIds: chosen, notes: [note] }, s.officer.token)).errors).toBeUndefined();

      const refused = await t.gql(PREVIEW, { id }, s.company.token);
      expect(codeOf(refused)).toBe('FORBIDDEN');
      expect(refused.data).toBeNull();

      const preview = await t.gql(PREVIEW, { id }, s.officer.token);
      expect(preview.errors).toBeUndefined();
      const previews: { to: string; subject: string; text: string; html: string }[] = preview.data.previewIntroduction;
      expect(previews.map((p) => p.to).sort()).toEqual([s.company.email, s.suppliers.hostile.contactEmail, s.suppliers.print.contactEmail].sort());
      const firm = previews.find((p) => p.to === s.company.email)!;
      expect(firm.text).toContain('Pour vos affiches');
      expect(firm.html).not.toContain('<script>');
      expect(firm.html).toContain('&lt;script&gt;');
      // A draft is still a draft, and nothing was sent or queued.
      const still = (await t.gql(GET_MAILS, { id }, s.officer.token)).data.shortlist;
      expect(still).toMatchObject({ status: 'DRAFT', mails: [] });

      expect((await t.gql(APPROVE, { id }, s.officer.token)).errors).toBeUndefined();
      await waitFor('SENT', async () => (await t.gql(GET_MAILS, { id }, s.officer.token)).data.shortlist.status === 'SENT');
      const delivered = smtp.messages.filter((m) => (m.messageId ?? '').startsWith(`<${id}.`));
      expect(delivered).toHaveLength(3);
      for (const p of previews) {
        const mail = delivered.find((m) => addresses(m.to).includes(p.to));
        expect(mail).toBeDefined();
        expect(mail!.subject).toBe(p.subject);
        expect(mail!.text?.trim()).toBe(p.text.trim());
      }
      expect(firm.text).toContain(HOSTILE_NAME);
      // Once sent, the preview shows what went.
      const after = (await t.gql(PREVIEW, { id }, s.officer.token)).data.previewIntroduction;
      expect(after.map((p: any) => p.subject).sort()).toEqual(previews.map((p) => p.subject).sort());
    } finally {
      await t.destroy();
      await smtp.close();
    }
  });

  it('refuses to preview an empty draft, as approval would', async () => {
    const t = await startTestServer();
    try {
      const s = await buildScene(t);
      const id = (await t.gql(DRAFT, { needId: s.needId, size: 2 }, s.officer.token)).data.draftShortlist.id as string;
      expect((await t.gql(UPDATE, { id, supplierIds: [] }, s.officer.token)).errors).toBeUndefined();
      const res = await t.gql(PREVIEW, { id }, s.officer.token);
      expect(codeOf(res)).toBe('CONFLICT');
      expect(res.errors![0]!.message).toMatch(/liste est vide/);
    } finally {
      await t.destroy();
    }
  });

  it('sends a failed mail again once an officer asks, with its attempts counted afresh', async () => {
    const port = await deadPort();
    const t = await startTestServer({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_POLL_INTERVAL: '50ms', MAIL_GIVE_UP_AFTER: '1h' });
    let smtp: Awaited<ReturnType<typeof startSmtp>> | null = null;
    try {
      const s = await buildScene(t);
      const id = (await t.gql(DRAFT, { needId: s.needId, size: 1 }, s.officer.token)).data.draftShortlist.id as string;
      expect((await t.gql(APPROVE, { id }, s.officer.token)).errors).toBeUndefined();
      await waitFor('every mail tried', async () => (await t.gql(GET_MAILS, { id }, s.officer.token)).data.shortlist.mails.every((m: any) => m.attempts > 0));
      t.clock.advance(3600_000); // MAIL_GIVE_UP_AFTER later
      await t.runDue();
      const failed = (await t.gql(GET_MAILS, { id }, s.officer.token)).data.shortlist.mails;
      expect(failed.map((m: any) => m.state)).toEqual(failed.map(() => 'FAILED'));
      const firmMail = failed.find((m: any) => m.recipient === 'FIRM');
      expect(firmMail.attempts).toBeGreaterThanOrEqual(1);

      expect(codeOf(await t.gql(RETRY, { id: firmMail.id }, s.company.token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(RETRY, { id: 'nope' }, s.officer.token))).toBe('NOT_FOUND');

      smtp = await startSmtp(port); // the mail server is back
      const retried = await t.gql(RETRY, { id: firmMail.id }, s.officer.token);
      expect(retried.errors).toBeUndefined();
      expect(retried.data.retryMail).toMatchObject({ id: firmMail.id, state: 'PENDING', attempts: 0, lastError: null });
      await t.runDue();
      const sent = (await t.gql(GET_MAILS, { id }, s.officer.token)).data.shortlist.mails.find((m: any) => m.id === firmMail.id);
      expect(sent.state).toBe('SENT');
      expect(sent.attempts).toBe(1);
      expect(smtp.messages.filter((m) => addresses(m.to).includes(s.company.email) && (m.messageId ?? '').startsWith(`<${id}.`))).toHaveLength(1);
      // Only a failed mail can be retried.
      expect(codeOf(await t.gql(RETRY, { id: firmMail.id }, s.officer.token))).toBe('CONFLICT');
    } finally {
      await t.destroy();
      if (smtp) await smtp.close();
    }
  });
});
