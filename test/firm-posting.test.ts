// A signed-in firm posts as anyone can become a firm (a need, then a sign-in link): to its own accounts' addresses
// only, and counted like the posts without an account, so an account is no way around their limits.
import { needInput } from './helpers/fixtures';
import { codeOf, fieldOf, startTestServer, type TestServer } from './helpers/server';

const POST = `mutation($i: NeedInput!) { postNeed(input: $i) { id contactEmail } }`;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.destroy());

test('a firm’s need goes to one of its own addresses, never a stranger’s', async () => {
  const firm = await t.userWithToken('COMPANY');
  const stranger = await t.gql(POST, { i: needInput({ contactEmail: 'quelqu-un@ailleurs.example' }) }, firm.token);
  expect([codeOf(stranger), fieldOf(stranger)]).toEqual(['BAD_USER_INPUT', 'contactEmail']);
  expect(stranger.errors?.[0]?.message).toContain("l'adresse de l'un de ses comptes");
  expect(await t.server.services.store.needs.count({})).toBe(0);
  const own = await t.gql(POST, { i: needInput({ contactEmail: firm.email.toUpperCase() }) }, firm.token);
  expect(own.errors).toBeUndefined();
});

test('a firm’s posts are counted per client like those without an account; an officer’s are not', async () => {
  const firm = await t.userWithToken('COMPANY');
  const codes: (string | undefined)[] = [];
  for (let i = 0; i < 11; i++) codes.push(codeOf(await t.gql(POST, { i: needInput({ title: `Besoin ${i}` }) }, firm.token)));
  // ten an hour from one client, and the first test's two posts count too (the refused one as well)
  expect(codes.slice(0, 8)).toEqual(Array(8).fill(undefined));
  expect(codes.slice(8)).toEqual(Array(3).fill('TOO_MANY_REQUESTS'));
  const officer = await t.userWithToken('OFFICER');
  expect(codeOf(await t.gql(POST, { i: needInput({ companyName: 'Boulangerie Martin', contactEmail: 'achats@martin.example' }) }, officer.token))).toBeUndefined();
});
