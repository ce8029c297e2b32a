// A firm without an account: its need posted through the API from a client address of its own, and
// confirmed by the link mailed to it, as a person would (a POST on the link's page).
import { needInput } from './fixtures';
import { postGraphQL } from './http';
import type { TestServer } from './server';
import { addresses, type TestSmtp } from './smtp';
import { waitFor } from './wait';

let clients = 0;

export async function postAnonymously(t: TestServer, fields: Record<string, unknown>): Promise<string> {
  clients += 1;
  const res = (await postGraphQL(t.url, { query: `mutation($input: NeedInput!) { postNeed(input: $input) { id } }`, variables: { input: needInput(fields) } }, { 'x-forwarded-for': `198.51.100.${clients}` })).json;
  if (!res.data) throw new Error(`postNeed failed: ${JSON.stringify(res.errors)}`);
  return res.data.postNeed.id;
}

/** Follows the confirmation link mailed to `to` for the need titled `title`; the link is mailed under PUBLIC_URL, followed on this server. */
export async function confirmByLink(t: TestServer, smtp: TestSmtp, to: string, title: string): Promise<{ url: string; status: number; page: string }> {
  const mail = await waitFor(`the confirmation of « ${title} »`, () => smtp.messages.find((m) => addresses(m.to).includes(to) && /confirmez votre besoin/.test(m.subject ?? '') && (m.text ?? '').includes(title)));
  const mailed = /<a href="([^"]+)">Confirmer mon besoin<\/a>/.exec(String(mail.html))![1]!;
  const url = `${t.url.replace(/\/graphql$/, '')}${new URL(mailed).pathname}`;
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
  return { url, status: res.status, page: await res.text() };
}
