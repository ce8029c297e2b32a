// A signed-in firm posts as anyone can become a firm (a need, then a sign-in link): to its own accounts' addresses
// only, and counted per account like the posts without an account per client, so an account is no way around their limits.
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

  // Nor by editing it afterwards: the need would leave the firm for whoever holds that address.
  const id = own.data.postNeed.id as string;
  const moved = await t.gql(`mutation($id: ID!, $i: NeedUpdateInput!) { updateNeed(id: $id, input: $i) { contactEmail } }`, { id, i: { contactEmail: 'perdu@ailleurs.example', title: 'Un titre qui ne doit pas être écrit' } }, firm.token);
  expect([codeOf(moved), fieldOf(moved)]).toEqual(['BAD_USER_INPUT', 'contactEmail']);
  expect(moved.errors?.[0]?.message).toContain("l'adresse de l'un de ses comptes");
  const stored = (await t.server.services.store.needs.findById(id))!;
  expect([stored.contactEmail, stored.title]).toEqual([firm.email, needInput().title]);
  const listed = await t.gql(`query { needs(first: 10) { edges { node { id } } } }`, {}, firm.token);
  expect(listed.data.needs.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(id);
});

test('a firm account’s posts are counted as a client’s posts without an account are; an officer’s are not', async () => {
  const firm = await t.userWithToken('COMPANY');
  const codes: (string | undefined)[] = [];
  for (let i = 0; i < 11; i++) codes.push(codeOf(await t.gql(POST, { i: needInput({ title: `Besoin ${i}` }) }, firm.token)));
  // ten an hour for each firm account (another firm's posts, in the test before, do not count)
  expect(codes.slice(0, 10)).toEqual(Array(10).fill(undefined));
  expect(codes.slice(10)).toEqual(['TOO_MANY_REQUESTS']);
  const officer = await t.userWithToken('OFFICER');
  expect(codeOf(await t.gql(POST, { i: needInput({ companyName: 'Boulangerie Martin', contactEmail: 'achats@martin.example' }) }, officer.token))).toBeUndefined();
});
