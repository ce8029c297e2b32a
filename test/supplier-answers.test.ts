// A structure answers its introduction from the two links of its mail, without signing in: the real
// server, a real SMTP peer, the links as the mail carries them.
import jwt from 'jsonwebtoken';
import { resolveJwtSecret } from '../api/auth/secret';
import { APPROVE, buildScene, DRAFT, GET_MAILS, UPDATE, type Scene } from './helpers/introductions';
import { startMailedServer } from './helpers/mailed-server';
import type { TestServer } from './helpers/server';
import { addresses, type TestSmtp } from './helpers/smtp';
import { waitFor } from './helpers/wait';

const RESPONSES = `query($id: ID!) { shortlist(id: $id) { items { supplier { id } response { answer comment answeredAt } } } }`;
const INTRODUCTIONS = `{ introductions(first: 50) { edges { node { id items { supplier { id } response { answer comment } } } } } }`;

describe('answers from the structure’s mail', () => {
  let smtp: TestSmtp;
  let t: TestServer;
  let s: Scene;
  let listId: string;
  let otherListId: string;
  /** The href of the link with this text in the structure's HTML mail. */
  let linkOf: (to: string, label: string) => string;

  beforeAll(async () => {
    ({ t, smtp } = await startMailedServer());
    s = await buildScene(t);
    const approve = async (scene: Scene, ids: string[]) => {
      const id = (await t.gql(DRAFT, { needId: scene.needId }, scene.officer.token)).data.draftShortlist.id;
      await t.gql(UPDATE, { id, supplierIds: ids }, scene.officer.token);
      expect((await t.gql(APPROVE, { id }, scene.officer.token)).errors).toBeUndefined();
      await waitFor('SENT', async () => (await t.gql(GET_MAILS, { id }, scene.officer.token)).data.shortlist.status === 'SENT');
      return id;
    };
    listId = await approve(s, [s.suppliers.jardins.id, s.suppliers.esat.id]);
    const other = await buildScene(t);
    otherListId = await approve(other, [other.suppliers.jardins.id]);
    linkOf = (to, label) => {
      const mail = smtp.messages.find((m) => addresses(m.to).includes(to) && (m.messageId ?? '').startsWith(`<${listId}.`));
      if (!mail) throw new Error(`no mail to ${to}`);
      const match = new RegExp(`<a href="([^"]+)">${label}</a>`).exec(String(mail.html));
      if (!match) throw new Error(`no link « ${label} » in the mail to ${to}`);
      return match[1]!.replace(/&amp;/g, '&');
    };
  });
  afterAll(async () => {
    await t.destroy();
    await smtp.close();
  });

  const responses = async () => (await t.gql(RESPONSES, { id: listId }, s.officer.token)).data.shortlist.items.map((i: any) => i.response);
  const post = (url: string, form: Record<string, string>) =>
    fetch(url.split('?')[0]!, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });

  it('the structure’s mail carries both links, under PUBLIC_URL (here the bound address), each in the text part too', () => {
    const interested = linkOf(s.suppliers.jardins.contactEmail, 'Nous sommes intéressés');
    const unavailable = linkOf(s.suppliers.jardins.contactEmail, 'Pas disponible');
    expect(interested).toMatch(new RegExp(`^${t.server.url}/reponse/[\\w.-]+\\?choix=interesse$`));
    expect(unavailable).toMatch(/\?choix=indisponible$/);
    const mail = smtp.messages.find((m) => addresses(m.to).includes(s.suppliers.jardins.contactEmail))!;
    expect(mail.text).toContain(`Nous sommes intéressés : ${interested}`);
    // The firm's mail carries none.
    const firm = smtp.messages.find((m) => addresses(m.to).includes(s.company.email) && !(m.messageId ?? '').startsWith('<need.'))!;
    expect(String(firm.html)).not.toContain('/reponse/');
  });

  it('a GET shows a French, accessible form and changes nothing, however often it is opened', async () => {
    const url = linkOf(s.suppliers.jardins.contactEmail, 'Nous sommes intéressés');
    for (let i = 0; i < 3; i += 1) {
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await res.text();
      expect(html).toContain('<html lang="fr">');
      expect(html).toMatch(/<input type="radio" name="choix" value="interesse" checked/);
      expect(html).toContain('<label for="commentaire">Commentaire (facultatif)</label>');
      expect(html).toContain('<textarea id="commentaire" name="commentaire"');
      expect(html).toContain('<form method="post" action="/reponse/');
      expect(html).toContain('<button type="submit">');
      expect(html).toContain(s.needTitle);
    }
    expect(await responses()).toEqual([null, null]);
  });

  it('the POST records the answer, the latest wins, and officers read it in shortlist and introductions', async () => {
    const jardins = linkOf(s.suppliers.jardins.contactEmail, 'Nous sommes intéressés');
    const first = await post(jardins, { choix: 'interesse', commentaire: 'Disponibles dès <mars> & motivés' });
    expect(first.status).toBe(200);
    const html = await first.text();
    expect(html).toContain('Réponse enregistrée');
    expect(html).toContain('votre intérêt est enregistré');
    let read = await responses();
    expect(read[0]).toMatchObject({ answer: 'INTERESTED', comment: 'Disponibles dès <mars> & motivés' });
    expect(Date.parse(read[0].answeredAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(read[1]).toBeNull();

    const esat = linkOf(s.suppliers.esat.contactEmail, 'Pas disponible');
    expect((await post(esat, { choix: 'indisponible' })).status).toBe(200);
    expect((await post(jardins, { choix: 'indisponible', commentaire: '' })).status).toBe(200); // changed its mind
    read = await responses();
    expect(read).toEqual([
      expect.objectContaining({ answer: 'NOT_AVAILABLE', comment: null }),
      expect.objectContaining({ answer: 'NOT_AVAILABLE', comment: null }),
    ]);
    const intro = await t.gql(INTRODUCTIONS, {}, s.officer.token);
    const node = intro.data.introductions.edges.find((e: any) => e.node.id === listId).node;
    expect(node.items.map((i: any) => i.response.answer)).toEqual(['NOT_AVAILABLE', 'NOT_AVAILABLE']);
    // The firm reads its list, not the structures' answers to the Métropole.
    const firm = await t.gql(RESPONSES, { id: listId }, s.company.token);
    expect(firm.data.shortlist.items.map((i: any) => i.response)).toEqual([null, null]);
  });

  it('a form without a valid choice is answered in French and records nothing', async () => {
    const url = linkOf(s.suppliers.esat.contactEmail, 'Nous sommes intéressés');
    const before = await responses();
    const res = await post(url, { choix: 'peut-etre' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Réponse : choisissez « Nous sommes intéressés » ou « Pas disponible »');
    expect(await responses()).toEqual(before);
  });

  it('an altered, expired or other-purpose token is refused with a French page and changes nothing', async () => {
    const url = linkOf(s.suppliers.esat.contactEmail, 'Nous sommes intéressés');
    const token = decodeURIComponent(/\/reponse\/([^?]+)/.exec(url)![1]!);
    const secret = resolveJwtSecret(t.server.services.config);
    const claims = jwt.decode(token) as Record<string, unknown>;
    const base = `${t.server.url}/reponse/`;
    // Pointed at another list's structure, re-signed with a wrong key.
    const [head, , sig] = token.split('.');
    const forgedBody = Buffer.from(JSON.stringify({ ...claims, shortlistId: otherListId })).toString('base64url');
    const altered = `${head}.${forgedBody}.${sig}`;
    const expired = jwt.sign({ shortlistId: listId, supplierId: s.suppliers.esat.id, exp: Math.floor(Date.now() / 1000) - 10 }, secret, {
      algorithm: 'HS256',
      issuer: 'passerelle-ess',
      audience: 'passerelle-ess-link:answer',
    });
    const session = s.officer.token;
    const before = await responses();
    for (const [bad, status, words] of [
      [altered, 403, 'Ce lien n&#39;est pas valide'],
      [expired, 400, 'Ce lien a expiré'],
      [session, 403, 'Ce lien n&#39;est pas valide'], // a sign-in token is not an answer link
    ] as const) {
      for (const res of [await fetch(`${base}${bad}?choix=interesse`), await post(`${base}${bad}`, { choix: 'interesse' })]) {
        expect(res.status).toBe(status);
        const html = await res.text();
        expect(html).toContain('<html lang="fr">');
        expect(html).toContain(words);
      }
    }
    expect(await responses()).toEqual(before);
  });
  it('an officer records the answer a structure gave by phone; nobody else can, and bad input names its field', async () => {
    const RECORD = 'mutation($sl: ID!, $s: ID!, $a: SupplierAnswer!, $c: String) { recordSupplierAnswer(shortlistId: $sl, supplierId: $s, answer: $a, comment: $c) { supplier { id } response { answer comment } } }';
    const vars = { sl: listId, s: s.suppliers.esat.id, a: 'NOT_AVAILABLE', c: 'Au téléphone : atelier complet jusqu’en juin.' };
    const firm = await t.gql(RECORD, vars, s.company.token);
    expect(firm.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const long = await t.gql(RECORD, { ...vars, c: 'x'.repeat(1001) }, s.officer.token);
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'comment' });
    const stranger = await t.gql(RECORD, { ...vars, s: s.suppliers.print.id }, s.officer.token);
    expect(stranger.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'supplierId' });
    const before = await responses();
    const ok = await t.gql(RECORD, vars, s.officer.token);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.recordSupplierAnswer.response).toEqual({ answer: 'NOT_AVAILABLE', comment: 'Au téléphone : atelier complet jusqu’en juin.' });
    const after = await responses();
    expect(after.filter((r: any) => r?.comment === 'Au téléphone : atelier complet jusqu’en juin.')).toHaveLength(1);
    expect(after.filter((r: any, i: number) => JSON.stringify(r) !== JSON.stringify(before[i]))).toHaveLength(1);
  });
});
