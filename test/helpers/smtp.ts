// A real SMTP server in the test process: every mail it accepts is parsed with mailparser.
import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
  port: number;
  url: string;
  messages: ParsedMail[];
  close(): Promise<void>;
}

export interface SmtpOptions {
  /** Recipients answered "550 mailbox unavailable" while this says so (it is asked at every RCPT TO). */
  refuse?: (address: string) => boolean;
  /** The refusal's text (many servers name the address: "<x@y>: Recipient address rejected"). */
  refusal?: (address: string) => string;
}

/** Listens on 127.0.0.1 (port 0: any free port). Plain SMTP, no AUTH, no STARTTLS. */
export async function startSmtp(port = 0, options: SmtpOptions = {}): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refuse?.(address.address.toLowerCase())) {
        return callback(Object.assign(new Error(options.refusal?.(address.address) ?? 'Boîte aux lettres inconnue'), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          messages.push(mail);
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.server.address() as AddressInfo).port;
  return {
    port: actual,
    url: `smtp://127.0.0.1:${actual}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port where nothing listens (it was free a moment ago). */
export async function deadPort(): Promise<number> {
  const smtp = await startSmtp();
  await smtp.close();
  return smtp.port;
}

/** The addresses of a parsed address header, lower-cased. */
export function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
}
