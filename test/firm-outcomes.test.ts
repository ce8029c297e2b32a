// The firm records what came of its introductions from the link in its mail, without an account: the
// real server, a real SMTP peer, the link as the mail carries it.
import jwt from 'jsonwebtoken';
import { resolveJwtSecret } from '../api/auth/secret';
import { APPROVE, buildScene, DRAFT, GET_MAILS, UPDATE, type Scene } from './helpers/introductions';
import { startMailedServer } from './helpers/mailed-server';
import type { TestServer } from './helpers/server';
import { addresses, type TestSmtp } from './helpers/smtp';
import { waitFor } from './helpers/wait';

const OUTCOMES = `query($id: ID!) { shortlist(id: $id) { items { supplier { id } outcome { status amount insertionHours } } } }`;

describe('the firm’s outcome page', () => {
  let smtp: TestSmtp;
  let t: TestServer;
  let s: Scene;
  let other: Scene;
  let listId: string;
  let otherListId: string;
  let url: string;
  let otherUrl: string;

  const approve = async (scene: Scene, ids: string[]) => {
    const id = (await t.gql(DRAFT, { needId: scene.needId }, scene.officer.token)).data.draftShortlist.id;
    await t.gql(UPDATE, { id, supplierIds: ids }, scene.officer.token);
    expect((await t.gql(APPROVE, { id }, scene.officer.token)).errors).toBeUndefined();
    await waitFor('SENT', async () => (await t.gql(GET_MAILS, { id }, scene.officer.token)).data.shortlist.status === 'SENT');
    return id as string;
  };
  const linkTo = (to: string, list: string) => {
    const mail = smtp.messages.find((m) => addresses(m.to).includes(to) && (m.messageId ?? '').startsWith(`<${list}.`))!;
    const href = /<a href="([^"]+)">Indiquer les suites<\/a>/.exec(String(mail.html))![1]!;
    expect(mail.text).toContain(`Indiquer les suites : ${href}`);
    return href;
  };

  beforeAll(async () => {
    ({ t, smtp } = await startMailedServer());
    s = await buildScene(t, { kind: 'INSERTION_CLAUSE' });
    listId = await approve(s, [s.suppliers.jardins.id, s.suppliers.esat.id]);
    other = await buildScene(t);
    otherListId = await approve(other, [other.suppliers.print.id]);
    url = linkTo(s.company.email, listId);
    otherUrl = linkTo(other.company.email, otherListId);
  });
  afterAll(async () => {
    await t.destroy();
    await smtp.close();
  });

  const outcomes = async (id = listId, scene = s) => (await t.gql(OUTCOMES, { id }, scene.officer.token)).data.shortlist.items.map((i: any) => i.outcome);
  const post = (to: string, form: Record<string, string>) =>
    fetch(to, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });

  it('the firm’s mail links to a page under PUBLIC_URL; a GET lists the structures and changes nothing', async () => {
    expect(url).toMatch(new RegExp(`^${t.server.url}/suites/[\\w.-]+$`));
    for (let i = 0; i < 3; i += 1) {
      const res = await fetch(url);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<html lang="fr">');
      expect(html).toContain(s.suppliers.jardins.name);
      expect(html).toContain(s.suppliers.esat.name);
      expect(html).toContain('<label for="heures-1">');
      expect(html).toContain('<label for="montant-2">');
      expect(html).not.toContain(s.suppliers.jardins.contactEmail);
    }
    expect(await outcomes()).toEqual([null, null]);
    // A purchase asks no insertion hours.
    expect(await (await fetch(otherUrl)).text()).not.toContain('heures');
  });

  it('records an amount and insertion hours with the rules of recordOutcome; a refusal is French and records nothing', async () => {
    const noAmount = await post(url, { structure: s.suppliers.jardins.id, suite: 'WON', montant: '', heures: '1200' });
    expect(noAmount.status).toBe(400);
    expect(await noAmount.text()).toContain('Montant : obligatoire pour un marché remporté');
    const notNumber = await post(url, { structure: s.suppliers.jardins.id, suite: 'WON', montant: 'vingt-cinq mille' });
    expect(notNumber.status).toBe(400);
    expect(await notNumber.text()).toContain('Montant : saisissez un montant en euros');
    const foreign = await post(url, { structure: other.suppliers.print.id, suite: 'CONTACTED' });
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain('Structure : cette structure ne fait pas partie de vos mises en relation.');
    const hoursOnPurchase = await post(otherUrl, { structure: other.suppliers.print.id, suite: 'WON', montant: '1000', heures: '10' });
    expect(hoursOnPurchase.status).toBe(400);
    expect(await hoursOnPurchase.text()).toContain("Heures d&#39;insertion : seulement pour un besoin de type clause d&#39;insertion");
    expect(await outcomes()).toEqual([null, null]);
    expect(await outcomes(otherListId, other)).toEqual([null]);

    const won = await post(url, { structure: s.suppliers.jardins.id, suite: 'WON', montant: '25000', heures: '1200' });
    expect(won.status).toBe(200);
    expect(await won.text()).toContain('la suite « Marché remporté » est enregistrée');
    const contacted = await post(url, { structure: s.suppliers.esat.id, suite: 'CONTACTED' });
    expect(contacted.status).toBe(200);
    expect(await outcomes()).toEqual([
      { status: 'WON', amount: 25000, insertionHours: 1200 },
      { status: 'CONTACTED', amount: null, insertionHours: null },
    ]);
    expect(await (await fetch(url)).text()).toContain('Suite actuelle : Marché remporté — 25');
  });

  it('an altered, expired, other-purpose or other list’s link is refused in French and changes nothing', async () => {
    const token = decodeURIComponent(url.split('/').pop()!);
    const secret = resolveJwtSecret(t.server.services.config);
    const [head, body, sig] = token.split('.');
    const forged = `${head}.${Buffer.from(JSON.stringify({ ...(jwt.decode(token) as object), shortlistId: otherListId })).toString('base64url')}.${sig}`;
    const expired = jwt.sign({ shortlistId: listId, exp: Math.floor(Date.now() / 1000) - 10 }, secret, { algorithm: 'HS256', issuer: 'passerelle-ess', audience: 'passerelle-ess-link:outcomes' });
    const answerLink = jwt.sign({ shortlistId: listId, supplierId: s.suppliers.esat.id, exp: Math.floor(Date.now() / 1000) + 600 }, secret, { algorithm: 'HS256', issuer: 'passerelle-ess', audience: 'passerelle-ess-link:answer' });
    const before = await outcomes();
    for (const [bad, status, words] of [
      [forged, 403, 'Ce lien n&#39;est pas valide'],
      [`${body}`, 403, 'Ce lien n&#39;est pas valide'],
      [answerLink, 403, 'Ce lien n&#39;est pas valide'],
      [expired, 400, 'Ce lien a expiré'],
    ] as const) {
      for (const res of [await fetch(`${t.server.url}/suites/${bad}`), await post(`${t.server.url}/suites/${bad}`, { structure: s.suppliers.esat.id, suite: 'LOST' })]) {
        expect(res.status).toBe(status);
        const html = await res.text();
        expect(html).toContain('<html lang="fr">');
        expect(html).toContain(words);
      }
    }
    // The other list's own link cannot touch this list's structures.
    expect((await post(otherUrl, { structure: s.suppliers.esat.id, suite: 'LOST' })).status).toBe(400);
    expect(await outcomes()).toEqual(before);
  });

  it('once every outcome is final the link has done its work: refused, nothing changes', async () => {
    expect((await post(url, { structure: s.suppliers.esat.id, suite: 'NO_FOLLOW_UP' })).status).toBe(200);
    const final = await outcomes();
    for (const res of [await fetch(url), await post(url, { structure: s.suppliers.esat.id, suite: 'CONTACTED' })]) {
      expect(res.status).toBe(410);
      expect(await res.text()).toContain('Toutes les suites sont renseignées');
    }
    expect(await outcomes()).toEqual(final);
  });
});
