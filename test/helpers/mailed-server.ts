// The real server with a real SMTP peer for its mail, as most tests of mail need them: the peer's
// address and a mail poll of 50 ms come first in the settings. close() stops both, server first.
import { startTestServer, tempDataDir, type TestServer } from './server';
import { startSmtp, type SmtpOptions, type TestSmtp } from './smtp';

export interface MailedServer {
  t: TestServer;
  smtp: TestSmtp;
  close(): Promise<void>;
}

export async function startMailedServer(env: Record<string, string> = {}, options: { dataDir?: string; smtp?: SmtpOptions } = {}): Promise<MailedServer> {
  const smtp = await startSmtp(0, options.smtp);
  try {
    const t = await startTestServer({ SMTP_URL: smtp.url, MAIL_POLL_INTERVAL: '50ms', ...env }, options.dataDir ?? tempDataDir());
    return {
      t,
      smtp,
      close: async () => {
        await t.destroy();
        await smtp.close();
      },
    };
  } catch (err) {
    await smtp.close();
    throw err;
  }
}
