// The yearly review counts the structures' answers: how many introductions the structure said it was
// interested in, and their share; in impactStats and in `npm run report`. Needs still waiting for
// their confirmation link are not counted as posted.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { needInput } from './helpers/fixtures';
import { postGraphQL } from './helpers/http';
import { APPROVE, buildScene, DRAFT, GET_MAILS, UPDATE } from './helpers/introductions';
import { startMailedServer } from './helpers/mailed-server';
import type { TestServer } from './helpers/server';
import { addresses, type TestSmtp } from './helpers/smtp';
import { waitFor } from './helpers/wait';

const ROOT = path.join(__dirname, '..');
const parisDay = (offset: number): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + offset * 86_400_000));
const STATS = `query($from: DateTime!, $to: DateTime!) { impactStats(from: $from, to: $to) { needsPosted introductions interestedAnswers interestedRate } }`;

describe('answers in the yearly review', () => {
  let smtp: TestSmtp;
  let t: TestServer;

  beforeAll(async () => {
    ({ t, smtp } = await startMailedServer());
  });
  afterAll(async () => {
    await t.destroy();
    await smtp.close();
  });

  it('impactStats and npm run report give the INTERESTED answers and their share; unconfirmed needs are not counted', async () => {
    const s = await buildScene(t);
    const { jardins, esat, print } = s.suppliers;
    const id = (await t.gql(DRAFT, { needId: s.needId }, s.officer.token)).data.draftShortlist.id;
    await t.gql(UPDATE, { id, supplierIds: [jardins.id, esat.id, print.id] }, s.officer.token);
    await t.gql(APPROVE, { id }, s.officer.token);
    await waitFor('SENT', async () => (await t.gql(GET_MAILS, { id }, s.officer.token)).data.shortlist.status === 'SENT');
    const answer = async (to: string, label: string, choix: string) => {
      const mail = smtp.messages.find((m) => addresses(m.to).includes(to))!;
      const href = new RegExp(`<a href="([^"]+)">${label}</a>`).exec(String(mail.html))![1]!.replace(/&amp;/g, '&');
      const res = await fetch(href.split('?')[0]!, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `choix=${choix}` });
      expect(res.status).toBe(200);
    };
    await answer(jardins.contactEmail, 'Nous sommes intéressés', 'interesse');
    await answer(esat.contactEmail, 'Pas disponible', 'indisponible');
    // A need posted without an account and not confirmed.
    const anonymous = await postGraphQL(t.url, { query: `mutation($i: NeedInput!) { postNeed(input: $i) { confirmedAt } }`, variables: { i: needInput({ companyName: 'Sans Compte SA', contactEmail: 'achats@sans-compte.example' }) } });
    expect(anonymous.json.data.postNeed.confirmedAt).toBeNull();

    const period = { from: parisDay(-1), to: parisDay(1) };
    const stats = (await t.gql(STATS, period, s.officer.token)).data.impactStats;
    expect(stats).toEqual({ needsPosted: 1, introductions: 3, interestedAnswers: 1, interestedRate: 1 / 3 });

    await t.stop(); // the embedded store belongs to one process at a time
    const run = spawnSync('npm', ['run', 'report', '--', '--from', period.from, '--to', period.to], {
      cwd: ROOT,
      env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? ROOT, npm_config_update_notifier: 'false', ...t.storeEnv },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toContain('besoins_publies,,Besoins publiés,1');
    expect(lines).toContain('reponses_interessees,,Mises en relation auxquelles la structure a répondu « Nous sommes intéressés »,1');
    expect(lines).toContain('part_interessees,,Part des structures présentées qui se sont dites intéressées (réponses / mises en relation),0.3333');
  });
});
