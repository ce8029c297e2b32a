// A firm posts a need without an account: the confirmation mail and its link, the 90-day cookie, the
// honeypot, the rate limits and the 7-day sweep. The real server, a real SMTP peer, the real store.
import jwt from 'jsonwebtoken';
import { resolveJwtSecret } from '../api/auth/secret';
import { needInput, supplierInput } from './helpers/fixtures';
import { postGraphQL } from './helpers/http';
import { startMailedServer } from './helpers/mailed-server';
import { startTestServer, type TestServer } from './helpers/server';
import { addresses, startSmtp, type TestSmtp } from './helpers/smtp';
import { waitFor } from './helpers/wait';

const POST = `mutation($input: NeedInput!) { postNeed(input: $input) { id title confirmedAt companyName } }`;
const NEED = `query($id: ID!) { need(id: $id) { id confirmedAt addressedTo { id name } } }`;
const AWAITING = `{ needsAwaitingShortlist(first: 100) { edges { node { id } } } }`;

let clients = 0;
/** A client address of its own for each call site, so the per-client limit is the test's choice. */
const newClient = () => `198.51.100.${(clients += 1)}`;

describe('a need posted without an account', () => {
  let smtp: TestSmtp;
  let t: TestServer;
  let officer: string;

  beforeAll(async () => {
    ({ t, smtp } = await startMailedServer());
    officer = (await t.userWithToken('OFFICER')).token;
  });
  afterAll(async () => {
    await t.destroy();
    await smtp.close();
  });

  const post = async (input: Record<string, unknown>, headers: Record<string, string> = {}) =>
    (await postGraphQL(t.url, { query: POST, variables: { input } }, { 'x-forwarded-for': newClient(), ...headers })).json;
  const firm = (n: string, extra: Record<string, unknown> = {}) =>
    needInput({ title: `Nettoyage des bureaux ${n}`, companyName: `Bureaux ${n} SARL`, contactEmail: `achats-${n}@bureaux.example`, ...extra });
  const mailTo = (to: string) => waitFor(`a mail to ${to}`, () => smtp.messages.find((m) => addresses(m.to).includes(to)));
  const linkIn = (mail: { html?: string | false }) => /<a href="([^"]+)">Confirmer mon besoin<\/a>/.exec(String(mail.html))![1]!;
  const awaiting = async () => (await t.gql(AWAITING, {}, officer)).data.needsAwaitingShortlist.edges.map((e: any) => e.node.id);
  const needOf = async (id: string) => (await t.gql(NEED, { id }, officer)).data.need;
  const form = (url: string, headers: Record<string, string> = {}) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: '' });

  it('requires the firm’s name and address, in French, naming the field, and writes nothing', async () => {
    const before = await t.server.services.store.needs.count({});
    const noName = await post({ ...firm('a'), companyName: null });
    expect(noName.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'companyName' });
    expect(noName.errors[0].message).toMatch(/obligatoire pour déposer un besoin sans compte/);
    const noMail = await post({ ...firm('a'), contactEmail: undefined });
    expect(noMail.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contactEmail' });
    const tooLong = await post(firm('a', { description: 'x'.repeat(200_000) }));
    expect(tooLong.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'description' });
    expect(await t.server.services.store.needs.count({})).toBe(before);
  });

  it('the whole path: stored unconfirmed, a mail with a link, GET changes nothing, POST confirms and sets the cookie', async () => {
    const posted = await post(firm('b'));
    expect(posted.errors).toBeUndefined();
    const need = posted.data.postNeed;
    expect(need).toMatchObject({ confirmedAt: null, companyName: 'Bureaux b SARL' });
    expect(await awaiting()).not.toContain(need.id);
    const draft = await t.gql(`mutation($id: ID!) { draftShortlist(needId: $id) { id } }`, { id: need.id }, officer);
    expect(draft.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const mail = await mailTo('achats-b@bureaux.example');
    // Whoever posts names any address: the subject quotes nothing they wrote, the body says what to confirm.
    expect(mail.subject).toBe('Passerelle ESS : confirmez votre besoin');
    expect(mail.text).toContain('le besoin « Nettoyage des bureaux b »');
    const url = linkIn(mail);
    expect(url).toMatch(new RegExp(`^${t.server.url}/besoin/confirmer/[\\w.-]+$`));
    expect(mail.text).toContain(url);
    for (let i = 0; i < 3; i += 1) {
      const res = await fetch(url);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<html lang="fr">');
      expect(html).toContain('<button type="submit">Confirmer mon besoin</button>');
      expect(html).not.toContain('achats-b@bureaux.example');
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    expect((await needOf(need.id)).confirmedAt).toBeNull();

    const confirmed = await form(url);
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('est confirmé et transmis');
    const cookie = confirmed.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^passerelle_expediteur=[\w.-]+; Max-Age=7776000; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
    expect(Date.parse((await needOf(need.id)).confirmedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await awaiting()).toContain(need.id);

    // Reused: refused in French, nothing changes.
    const at = (await needOf(need.id)).confirmedAt;
    for (const res of [await fetch(url), await form(url)]) {
      expect(res.status).toBe(409);
      expect(await res.text()).toContain('Ce lien a déjà servi');
    }
    expect((await needOf(need.id)).confirmedAt).toBe(at);

    // The cookie: the same address posts again, confirmed at once, no link to follow (only the
    // acknowledgement a need recorded confirmed gets); another address still gets a link.
    const value = cookie.split(';')[0]!;
    await t.runDue(); // the first need's summary, queued by its confirmation, has gone
    const sent = smtp.messages.length;
    const again = await post(firm('b', { title: 'Second besoin' }), { cookie: value });
    expect(again.data.postNeed.confirmedAt).not.toBeNull();
    expect(await awaiting()).toContain(again.data.postNeed.id);
    const other = await post(firm('c'), { cookie: value });
    expect(other.data.postNeed.confirmedAt).toBeNull();
    await t.runDue(); // every mail due has gone
    expect(smtp.messages.filter((m) => addresses(m.to).includes('achats-c@bureaux.example'))).toHaveLength(1);
    const acknowledged = smtp.messages.find((m) => (m.messageId ?? '') === `<need.${again.data.postNeed.id}.received@localhost>`)!;
    expect(acknowledged.subject).toBe('Passerelle ESS : votre besoin « Second besoin » est enregistré');
    // besides it: the first need's link, and its summary once confirmed by that link
    expect(smtp.messages.filter((m) => addresses(m.to).includes('achats-b@bureaux.example') && m !== acknowledged).map((m) => m.subject)).toEqual([
      'Passerelle ESS : confirmez votre besoin',
      'Passerelle ESS : votre besoin « Nettoyage des bureaux b » est enregistré',
    ]);
    expect(smtp.messages.length).toBe(sent + 2);
    // A forged cookie is only ignored.
    const forged = await post(firm('b', { title: 'Troisième' }), { cookie: `passerelle_expediteur=${value.split('=')[1]!.slice(0, -3)}abc` });
    expect(forged.data.postNeed.confirmedAt).toBeNull();
  });

  it('an altered, expired or other-purpose link is refused with a French page and confirms nothing', async () => {
    const need = (await post(firm('d'))).data.postNeed;
    const url = linkIn(await mailTo('achats-d@bureaux.example'));
    const token = url.split('/').pop()!;
    const secret = resolveJwtSecret(t.server.services.config);
    const expired = jwt.sign({ needId: need.id, exp: Math.floor(Date.now() / 1000) - 10 }, secret, { algorithm: 'HS256', issuer: 'passerelle-ess', audience: 'passerelle-ess-link:confirmNeed' });
    const otherPurpose = jwt.sign({ needId: need.id, exp: Math.floor(Date.now() / 1000) + 600 }, secret, { algorithm: 'HS256', issuer: 'passerelle-ess', audience: 'passerelle-ess-link:answer' });
    const [head, body, sig] = token.split('.');
    const altered = `${head}.${body}.${sig!.slice(0, -2)}xx`;
    for (const [bad, status, words] of [
      [altered, 403, 'Ce lien n&#39;est pas valide'],
      [otherPurpose, 403, 'Ce lien n&#39;est pas valide'],
      [expired, 400, 'Ce lien a expiré'],
    ] as const) {
      for (const res of [await fetch(`${t.server.url}/besoin/confirmer/${bad}`), await form(`${t.server.url}/besoin/confirmer/${bad}`)]) {
        expect(res.status).toBe(status);
        const html = await res.text();
        expect(html).toContain('<html lang="fr">');
        expect(html).toContain(words);
        expect(res.headers.get('set-cookie')).toBeNull();
      }
    }
    expect((await needOf(need.id)).confirmedAt).toBeNull();
  });

  it('a filled honeypot is answered as posted, and nothing is stored or mailed', async () => {
    const before = smtp.messages.length;
    const trapped = await post(firm('e', { honeypot: 'http://spam.example' }));
    expect(trapped.errors).toBeUndefined();
    expect(await needOf(trapped.data.postNeed.id)).toBeNull();
    await post(firm('f')); // a real one, mailed
    await t.runDue(); // every mail due has gone
    expect(smtp.messages.filter((m) => addresses(m.to).includes('achats-f@bureaux.example'))).toHaveLength(1);
    expect(smtp.messages.length).toBe(before + 1);
    expect(smtp.messages.some((m) => addresses(m.to).includes('achats-e@bureaux.example'))).toBe(false);
  });

  it('a form sent twice (a double click) is one need and one link, even at the same instant; so is the same title again minutes later', async () => {
    const { store } = t.server.services;
    const clientKey = 'formulaire-4f3a9c1e';
    const twice = await Promise.all([post(firm('k', { clientKey })), post(firm('k', { clientKey }))]);
    expect(twice.map((a) => a.errors)).toEqual([undefined, undefined]);
    const [first, second] = twice.map((a) => a.data.postNeed.id);
    expect(second).toBe(first);
    expect(await store.needs.find({ contactEmail: 'achats-k@bureaux.example' })).toHaveLength(1);
    await mailTo('achats-k@bureaux.example');
    // Sent again without the form's key (a reload), the same title from the same address is the same need.
    const again = await post(firm('k'));
    expect(again.data.postNeed.id).toBe(first);
    // A bad key is refused, named, in French; another title is another need.
    const bad = await post(firm('k', { clientKey: 'x' }));
    expect(bad.errors[0].extensions.field).toBe('clientKey');
    expect(bad.errors[0].message).toMatch(/^« clientKey » : /);
    const other = await post(firm('k', { title: 'Entretien des vitres', clientKey: 'formulaire-77777777' }));
    expect(other.data.postNeed.id).not.toBe(first);
    // A new form (a new key) is a new need even with the same title: its words are not thrown away.
    const sameTitle = await post(firm('k', { clientKey: 'formulaire-88888888', description: 'Un second site cette fois, à Sotteville : 400 m² de bureaux, le soir.' }));
    expect(sameTitle.data.postNeed.id).not.toBe(first);
    expect((await store.needs.findById(sameTitle.data.postNeed.id))!.description).toBe('Un second site cette fois, à Sotteville : 400 m² de bureaux, le soir.');
    await waitFor('the three links mailed', () => (smtp.messages.filter((m) => addresses(m.to).includes('achats-k@bureaux.example')).length === 3 ? true : null));
    expect(await store.needs.find({ contactEmail: 'achats-k@bureaux.example' })).toHaveLength(3);
    // Signed in, the form's key makes two sends one need too (and one acknowledgement).
    const company = await t.userWithToken('COMPANY', { organisationName: 'Bureaux K SARL' });
    const logged = await Promise.all([1, 2].map(() => t.gql(POST, { input: needInput({ clientKey: 'console-form-1234' }) }, company.token)));
    expect(logged[0].errors).toBeUndefined();
    expect(logged[1].data.postNeed.id).toBe(logged[0].data.postNeed.id);
  });

  it('a need addressed to a structure of the directory records it; an unknown one is refused, named, and nothing is written', async () => {
    const created = await t.gql('mutation($i: SupplierInput!) { createSupplier(input: $i) { id name } }', { i: supplierInput({ name: 'Reliure du Cailly' }) }, officer);
    const structure = created.data.createSupplier;
    const unknown = await post(firm('m', { addressedTo: 'structure-inconnue' }));
    expect(unknown.errors[0].extensions.field).toBe('addressedTo');
    expect(unknown.errors[0].message).toMatch(/^« addressedTo » : /);
    expect(await t.server.services.store.needs.find({ contactEmail: 'achats-m@bureaux.example' })).toHaveLength(0);
    const posted = await post(firm('m', { addressedTo: structure.id }));
    expect((await needOf(posted.data.postNeed.id)).addressedTo).toEqual({ id: structure.id, name: 'Reliure du Cailly' });
  });

  it('50 posts from one client are cut', async () => {
    const client = newClient();
    const answers = [];
    for (let i = 0; i < 50; i += 1) answers.push(await post(firm(`g${i}`), { 'x-forwarded-for': client }));
    const cut = answers.filter((a) => a.errors?.[0]?.extensions?.code === 'TOO_MANY_REQUESTS');
    expect(answers.filter((a) => a.data?.postNeed)).toHaveLength(10);
    expect(cut).toHaveLength(40);
    expect(cut[0].errors[0].message).toMatch(/^Trop de tentatives/);
    // Refused posts do not count: a person correcting a form's errors is not locked out.
    const correcting = newClient();
    for (let i = 0; i < 12; i += 1) expect((await post(firm(`j${i}`, { title: '' }), { 'x-forwarded-for': correcting })).errors[0].extensions.field).toBe('title');
    expect((await post(firm('j'), { 'x-forwarded-for': correcting })).data.postNeed.id).toBeTruthy();
    // Another client still posts.
    expect((await post(firm('h'))).data.postNeed.id).toBeTruthy();
  });

  it('posts naming one address, from any client: answered as usual, 5 links mailed, and its owner is never locked out', async () => {
    const victim = 'achats-i@bureaux.example';
    const same = [];
    for (let i = 0; i < 7; i += 1) same.push(await post(firm('i', { title: `Besoin ${i}` })));
    expect(same.map((a) => a.errors)).toEqual(Array(7).fill(undefined));
    expect(same.map((a) => a.data.postNeed.confirmedAt)).toEqual(Array(7).fill(null));
    const { store } = t.server.services;
    // Past the limit the need is kept pending, without a confirmation mail to send.
    const rows = await Promise.all(same.map((a) => store.outbox.findById(`need:${a.data.postNeed.id}:confirmation`)));
    expect(rows.map((r) => r !== null)).toEqual([true, true, true, true, true, false, false]);
    const first = await mailTo(victim);
    await t.runDue();
    expect(smtp.messages.filter((m) => addresses(m.to).includes(victim))).toHaveLength(5);

    // The owner confirms one; its cookie then posts for that address, neither counted nor refused.
    const cookie = (await form(linkIn(first))).headers.get('set-cookie')!.split(';')[0]!;
    for (let i = 0; i < 6; i += 1) {
      const own = await post(firm('i', { title: `Le vrai besoin ${i}` }), { cookie });
      expect(own.errors).toBeUndefined();
      expect(own.data.postNeed.confirmedAt).not.toBeNull();
    }
    // Nothing more went to that address than the 5 links and the 6 acknowledgements of its own posts.
    await t.runDue(); // every mail due has gone
    expect(smtp.messages.filter((m) => addresses(m.to).includes(victim)).length).toBeGreaterThanOrEqual(11);
    expect(smtp.messages.filter((m) => addresses(m.to).includes(victim) && m.subject === 'Passerelle ESS : confirmez votre besoin')).toHaveLength(5);
  });

  it('the sweep deletes needs unconfirmed for 7 days, with their mails, and nothing else', async () => {
    const { store } = t.server.services;
    const stale = (await post(firm('j'))).data.postNeed.id;
    await mailTo('achats-j@bureaux.example');
    const company = await t.userWithToken('COMPANY', { organisationName: 'Firme connectée' });
    const logged = (await t.gql(POST, { input: needInput() }, company.token)).data.postNeed;
    expect(logged.confirmedAt).not.toBeNull();
    // The server's hourly sweep, run at once on its clock moved ahead.
    t.clock.advance(6 * 86_400_000);
    expect(await t.server.sweepNow()).toBe(0);
    expect(await store.needs.findById(stale)).not.toBeNull();
    t.clock.advance(2 * 86_400_000);
    const removed = await t.server.sweepNow();
    expect(removed).toBeGreaterThanOrEqual(1);
    expect(await store.needs.findById(stale)).toBeNull();
    expect(await store.outbox.findById(`need:${stale}:confirmation`)).toBeNull();
    expect(await store.needs.findById(logged.id)).not.toBeNull();
    // Confirmed ones stay, whatever their age.
    expect((await store.needs.find({})).every((n) => n.confirmedAt !== null)).toBe(true);
  });
});

describe('behind https', () => {
  it('the cookie is Secure when PUBLIC_URL is https', async () => {
    const smtp = await startSmtp();
    const t = await startTestServer({ SMTP_URL: smtp.url, MAIL_POLL_INTERVAL: '50ms', PUBLIC_URL: 'https://passerelle.example' });
    try {
      const res = await postGraphQL(t.url, { query: POST, variables: { input: needInput({ companyName: 'Sûre SA', contactEmail: 'achats@sure.example' }) } });
      expect(res.json.data.postNeed.confirmedAt).toBeNull();
      const mail = await waitFor('the mail', () => smtp.messages[0]);
      const url = /<a href="([^"]+)">Confirmer mon besoin<\/a>/.exec(String(mail.html))![1]!;
      expect(url).toMatch(/^https:\/\/passerelle\.example\/besoin\/confirmer\//);
      const local = url.replace('https://passerelle.example', t.server.url);
      const confirmed = await fetch(local, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
      expect(confirmed.status).toBe(200);
      expect(confirmed.headers.get('set-cookie')).toMatch(/; HttpOnly; Secure; SameSite=Lax$/);
    } finally {
      await t.destroy();
      await smtp.close();
    }
  });
});
