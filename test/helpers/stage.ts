// What a browser test stands on: the web front end built, the real server on an ephemeral port (with
// a real SMTP peer when mail is part of the test), Debian's Chromium and a watched page on the
// service's origin. close() stops them all, whichever were started.
import type { Browser } from 'puppeteer-core';
import { buildWeb } from '../../scripts/build-web';
import { launchBrowser, watchedPage, type Watched } from './browser';
import { startMailedServer } from './mailed-server';
import { startTestServer, tempDataDir, type TestServer } from './server';
import type { SmtpOptions, TestSmtp } from './smtp';

export interface StageOptions {
  /** The server's settings; with `smtp`, its address and a mail poll of 50 ms come first. */
  env?: Record<string, string>;
  /** An SMTP peer for the server's mail: true, or the peer's options. */
  smtp?: boolean | SmtpOptions;
  /** The server's data directory (one prepared by the test, e.g. imported profiles). */
  dataDir?: string;
}

export interface Stage<Mail extends TestSmtp | null = TestSmtp | null> {
  t: TestServer;
  /** The service's origin (http://127.0.0.1:port), where pages are. */
  origin: string;
  smtp: Mail;
  browser: Browser;
  /** A page that may only speak to the origin (see watchedPage). */
  w: Watched;
  close(): Promise<void>;
}

export function startStage(options: StageOptions & { smtp: true | SmtpOptions }): Promise<Stage<TestSmtp>>;
export function startStage(options?: StageOptions): Promise<Stage<null>>;
export async function startStage(options: StageOptions = {}): Promise<Stage> {
  buildWeb();
  const started: { close(): Promise<void> }[] = [];
  const close = async () => {
    for (const part of started.splice(0).reverse()) await part.close();
  };
  try {
    const { dataDir = tempDataDir() } = options;
    const mailed = options.smtp ? await startMailedServer(options.env, { dataDir, smtp: options.smtp === true ? {} : options.smtp }) : null;
    const t = mailed?.t ?? (await startTestServer(options.env, dataDir));
    started.push(mailed ?? { close: () => t.destroy() });
    const smtp = mailed?.smtp ?? null;
    const browser = await launchBrowser();
    started.push(browser);
    const origin = t.url.replace(/\/graphql$/, '');
    return { t, origin, smtp, browser, w: await watchedPage(browser, origin), close };
  } catch (err) {
    await close();
    throw err;
  }
}
