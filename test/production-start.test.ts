// A production start as the Métropole's operator runs it: it never publishes the fictional sample
// unless told to, never loses mails to a missing SMTP_URL, and says where it listens and where it is reached.
import { spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { exitOf, freePort, gqlAt, readyUrl, ROOT, spawnService } from './helpers/process';
import { tempDataDir } from './helpers/server';
import { startSmtp } from './helpers/smtp';
import { waitFor } from './helpers/wait';

const PROD = { NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40) };

/** Everything the process printed so far, both streams. */
function output(child: ChildProcessWithoutNullStreams): () => string {
  let all = '';
  child.stdout.on('data', (chunk) => (all += chunk));
  child.stderr.on('data', (chunk) => (all += chunk));
  return () => all;
}

async function stopped(child: ChildProcessWithoutNullStreams): Promise<void> {
  const exited = exitOf(child);
  child.kill('SIGTERM');
  expect(await exited).toEqual({ code: 0, signal: null });
}

describe('a production start', () => {
  it('is refused without SMTP_URL, with one French line naming the way out', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, PORT: '0', DATA_DIR: tempDataDir(), ...PROD },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Démarrage refusé : SMTP_URL n’est pas défini en production/);
    expect(run.stderr).toContain('MAIL_TRANSPORT=files');
    expect(run.stdout).not.toContain('prête');
  });

  it('on an empty store loads no sample, and prints the listening and the public address', async () => {
    const child = spawnService({ ...PROD, DATA_DIR: tempDataDir(), MAIL_TRANSPORT: 'files', SAMPLE_DATA: '', PUBLIC_URL: 'https://passerelle.exemple.fr' });
    const printed = output(child);
    const url = await readyUrl(child);
    try {
      expect((await gqlAt(url, '{ suppliers { totalCount } }')).data.suppliers.totalCount).toBe(0);
      expect(printed()).toMatch(/prête sur http:\/\/localhost:\d+\/graphql, adresse publique https:\/\/passerelle\.exemple\.fr/);
      await waitFor('the mail transport named', () => printed().includes('MAIL_TRANSPORT=files'));
      expect(printed()).not.toMatch(/Données d'exemple|SAMPLE_DATA=on/);
      expect(printed()).not.toContain('ATTENTION');
    } finally {
      await stopped(child);
    }
  });

  it('with SAMPLE_DATA=on set explicitly loads the sample and says so loudly', async () => {
    const child = spawnService({ ...PROD, DATA_DIR: tempDataDir(), MAIL_TRANSPORT: 'files', SAMPLE_DATA: 'on' });
    const printed = output(child);
    const url = await readyUrl(child);
    try {
      expect((await gqlAt(url, '{ suppliers { totalCount } }')).data.suppliers.totalCount).toBe(40);
      expect(printed()).toContain('ATTENTION : SAMPLE_DATA=on en production');
      // Left to its default, the public address is this machine: mailed links would open for nobody.
      expect(printed()).toContain('ATTENTION : PUBLIC_URL n’est pas défini en production : les liens des courriels ne s’ouvriront chez personne.');
    } finally {
      await stopped(child);
    }
  });

  it('checks the mail server: one that answers is named, one that does not is reported and the service runs on', async () => {
    const smtp = await startSmtp();
    const good = spawnService({ ...PROD, DATA_DIR: tempDataDir(), SMTP_URL: smtp.url });
    const goodOut = output(good);
    try {
      await readyUrl(good);
      await waitFor('the mail server checked', () => goodOut().includes(`Serveur de courriel joignable : smtp://127.0.0.1:${smtp.port}`));
      expect(goodOut()).toContain('ATTENTION : les courriels partent de « Passerelle ESS <no-reply@localhost> » (MAIL_FROM)');
    } finally {
      await stopped(good);
      await smtp.close();
    }

    const port = await freePort(); // nobody answers there: a mail server that is down
    const bad = spawnService({ ...PROD, DATA_DIR: tempDataDir(), SMTP_URL: `smtp://exploitant:motdepasse-secret@127.0.0.1:${port}` });
    const badOut = output(bad);
    const url = await readyUrl(bad);
    try {
      await waitFor('the failure reported', () => badOut().includes(`ATTENTION : le serveur de courriel smtp://127.0.0.1:${port} (SMTP_URL) ne répond pas`));
      expect(badOut()).not.toContain('motdepasse-secret');
      expect((await fetch(url.replace('/graphql', '/healthz'))).status).toBe(200); // still serving
    } finally {
      await stopped(bad);
    }
  });
});
