// Sign-in links for occasional users, through HTTP and a real SMTP peer: mailed to a structure's
// contact address, signing in once as that structure's SUPPLIER user, refused when reused, altered
// or asked for an unknown address (which still answers true and mails nothing). Requests naming one
// address are answered alike past its limit, silently unmailed, and never lock its owner out. A link
// lives 30 minutes on the server's clock, which the test moves ahead. What was not mailed is checked
// once every mail asked for is settled (mailsSettled), not after a sleep.
import { mailsSettled } from '../api/accounts';
import { ACCESS_LINK_TTL_MS } from '../api/links';
import { needInput, supplierInput } from './helpers/fixtures';
import { postGraphQL } from './helpers/http';
import { startMailedServer } from './helpers/mailed-server';
import { codeOf, fieldOf, type TestServer } from './helpers/server';
import { addresses, type TestSmtp } from './helpers/smtp';

const REQUEST = `mutation($email: String!) { requestAccessLink(email: $email) }`;
const SIGN_IN = `mutation($token: String!) { signInWithLink(token: $token) { token user { email role } } }`;
const ME = `query { me { email role } }`;

describe('sign-in links', () => {
  let smtp: TestSmtp;
  let t: TestServer;
  const contact = 'contact@recyclerie-links.example';
  beforeAll(async () => {
    ({ t, smtp } = await startMailedServer({ PUBLIC_URL: 'https://passerelle.example' }));
    const officer = await t.userWithToken('OFFICER');
    const created = await t.gql(`mutation($input: SupplierInput!) { createSupplier(input: $input) { id } }`, { input: supplierInput({ name: 'Recyclerie des Liens', contactEmail: contact }) }, officer.token);
    expect(created.errors).toBeUndefined();
  });
  afterAll(async () => {
    await t.destroy();
    await smtp.close();
  });

  const settled = () => mailsSettled(t.server.services.accessLinks);
  const linkMailedTo = async (email: string) => {
    await settled();
    const mail = smtp.messages.filter((m) => addresses(m.to).includes(email)).pop()!;
    const url = /https:\/\/passerelle\.example\/acces\?jeton=([A-Za-z0-9_-]+)/.exec(mail.text ?? '');
    expect(url).not.toBeNull();
    return url![1]!;
  };

  it("signs a structure's contact in once, as that structure's user", async () => {
    const res = await t.gql(REQUEST, { email: 'Contact@Recyclerie-Links.example' });
    expect(res.data.requestAccessLink).toBe(true);
    const token = await linkMailedTo(contact);
    const signedIn = await t.gql(SIGN_IN, { token });
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data.signInWithLink.user).toEqual({ email: contact, role: 'SUPPLIER' });
    expect((await t.gql(ME, {}, signedIn.data.signInWithLink.token)).data.me).toEqual({ email: contact, role: 'SUPPLIER' });
    // Single use.
    expect(codeOf(await t.gql(SIGN_IN, { token }))).toBe('UNAUTHENTICATED');
    // A second link signs the same user in (no second account).
    await t.gql(REQUEST, { email: contact });
    const second = await linkMailedTo(contact);
    expect(second).not.toBe(token);
    const again = await t.gql(SIGN_IN, { token: second });
    expect(again.data.signInWithLink.user.role).toBe('SUPPLIER');
  });

  it('answers true for an unknown address and mails nothing; an altered token is refused', async () => {
    const before = smtp.messages.length;
    expect((await t.gql(REQUEST, { email: 'personne@inconnu.example' })).data.requestAccessLink).toBe(true);
    await settled();
    expect(smtp.messages.length).toBe(before);
    expect(codeOf(await t.gql(SIGN_IN, { token: 'x'.repeat(43) }))).toBe('UNAUTHENTICATED');
    expect(fieldOf(await t.gql(REQUEST, { email: 'pas-une-adresse' }))).toBe('email');
  });

  it("an address asked for again and again: answered alike, 3 links mailed, and its owner still signs in", async () => {
    const victim = 'contact@ressourcerie-flood.example';
    const officer = await t.userWithToken('OFFICER');
    await t.gql(`mutation($input: SupplierInput!) { createSupplier(input: $input) { id } }`, { input: supplierInput({ name: 'Ressourcerie Inondée', contactEmail: victim }) }, officer.token);
    const mailsTo = (email: string) => smtp.messages.filter((m) => addresses(m.to).includes(email));
    const answers = [];
    for (let i = 0; i < 6; i += 1) answers.push(await postGraphQL(t.url, { query: REQUEST, variables: { email: victim } }, { 'x-forwarded-for': `203.0.113.${i + 1}` }));
    expect(answers.map((a) => a.json)).toEqual(Array(6).fill({ data: { requestAccessLink: true } }));
    await settled();
    expect(mailsTo(victim)).toHaveLength(3);
    // A link already mailed still signs its owner in.
    const first = /jeton=([A-Za-z0-9_-]+)/.exec(mailsTo(victim)[0]!.text ?? '')![1]!;
    expect((await t.gql(SIGN_IN, { token: first })).data.signInWithLink.user).toEqual({ email: victim, role: 'SUPPLIER' });

    // A browser holding this address's sender cookie (a need posted and confirmed from it) is not counted.
    await postGraphQL(t.url, { query: `mutation($input: NeedInput!) { postNeed(input: $input) { id } }`, variables: { input: needInput({ companyName: 'Ressourcerie Inondée', contactEmail: victim }) } });
    await t.runDue();
    const confirmation = mailsTo(victim).find((m) => m.subject === 'Passerelle ESS : confirmez votre besoin')!;
    const confirmUrl = /<a href="([^"]+)">Confirmer mon besoin<\/a>/.exec(String(confirmation.html))![1]!.replace('https://passerelle.example', t.server.url);
    const confirmed = await fetch(confirmUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    const cookie = confirmed.headers.get('set-cookie')!.split(';')[0]!;
    const before = mailsTo(victim).filter((m) => m.subject === 'Votre lien de connexion à Passerelle ESS').length;
    for (let i = 0; i < 2; i += 1) expect((await postGraphQL(t.url, { query: REQUEST, variables: { email: victim } }, { cookie })).json.data.requestAccessLink).toBe(true);
    await settled();
    expect(mailsTo(victim).filter((m) => m.subject === 'Votre lien de connexion à Passerelle ESS')).toHaveLength(before + 2);
  });

  it('a link signs in until 30 minutes after it was asked for, not after', async () => {
    const email = 'contact@atelier-horloge.example';
    const officer = await t.userWithToken('OFFICER');
    await t.gql(`mutation($input: SupplierInput!) { createSupplier(input: $input) { id } }`, { input: supplierInput({ name: 'Atelier Horloge', contactEmail: email }) }, officer.token);
    await t.gql(REQUEST, { email });
    const late = await linkMailedTo(email);
    await t.gql(REQUEST, { email });
    const onTime = await linkMailedTo(email);
    t.clock.advance(ACCESS_LINK_TTL_MS - 60_000);
    expect((await t.gql(SIGN_IN, { token: onTime })).data.signInWithLink.user).toEqual({ email, role: 'SUPPLIER' });
    t.clock.advance(60_000);
    expect(codeOf(await t.gql(SIGN_IN, { token: late }))).toBe('UNAUTHENTICATED');
  });
});
