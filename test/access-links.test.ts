// Sign-in links for occasional users, through HTTP and a real SMTP peer: mailed to a structure's
// contact address, signing in once as that structure's SUPPLIER user, refused when reused, altered
// or asked for an unknown address (which still answers true and mails nothing).
import { supplierInput } from './helpers/fixtures';
import { codeOf, fieldOf, startTestServer, type TestServer } from './helpers/server';
import { addresses, startSmtp, type TestSmtp } from './helpers/smtp';
import { waitFor } from './helpers/wait';

const REQUEST = `mutation($email: String!) { requestAccessLink(email: $email) }`;
const SIGN_IN = `mutation($token: String!) { signInWithLink(token: $token) { token user { email role } } }`;
const ME = `query { me { email role } }`;

describe('sign-in links', () => {
  let smtp: TestSmtp;
  let t: TestServer;
  const contact = 'contact@recyclerie-links.example';
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestServer({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://passerelle.example' });
    const officer = await t.userWithToken('OFFICER');
    const created = await t.gql(`mutation($input: SupplierInput!) { createSupplier(input: $input) { id } }`, { input: supplierInput({ name: 'Recyclerie des Liens', contactEmail: contact }) }, officer.token);
    expect(created.errors).toBeUndefined();
  });
  afterAll(async () => {
    await t.destroy();
    await smtp.close();
  });

  const linkMailedTo = async (email: string) => {
    await waitFor(`link mailed to ${email}`, async () => smtp.messages.some((m) => addresses(m.to).includes(email)));
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
    const again = await t.gql(SIGN_IN, { token: await waitForNew(token) });
    expect(again.data.signInWithLink.user.role).toBe('SUPPLIER');
  });

  const waitForNew = async (old: string) => {
    let fresh = old;
    await waitFor('a second link', async () => (fresh = await linkMailedTo(contact)) !== old);
    return fresh;
  };

  it('answers true for an unknown address and mails nothing; an altered token is refused', async () => {
    const before = smtp.messages.length;
    expect((await t.gql(REQUEST, { email: 'personne@inconnu.example' })).data.requestAccessLink).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.messages.length).toBe(before);
    expect(codeOf(await t.gql(SIGN_IN, { token: 'x'.repeat(43) }))).toBe('UNAUTHENTICATED');
    expect(fieldOf(await t.gql(REQUEST, { email: 'pas-une-adresse' }))).toBe('email');
  });

  it('limits the requests for one address', async () => {
    const email = 'limite@inconnu.example';
    const codes = [];
    for (let i = 0; i < 5; i += 1) codes.push(codeOf(await t.gql(REQUEST, { email })));
    expect(codes).toContain('TOO_MANY_REQUESTS');
  });
});
