// npm run create-user -- --email E --role ROLE [--password-stdin] [--organisation NAME] [--public-buyer SIRET]
// The password is asked at a prompt (not echoed), or read from standard input with --password-stdin:
// never on the command line, where shell history and the process list keep it (--password P stays
// for scripts that already use it). Works whether the server runs or not: when it runs, the embedded
// store is its own (store.lock) and the account is created by the server through its operator channel.
// Prints the new user's id; refuses a duplicate email or a weak password with a clear message.
import { parseArgs } from 'node:util';
import { GraphQLError } from 'graphql';
import { loadConfig } from '../api/config';
import { ROLES } from '../api/accounts';
import { createAccountThroughServer, createOperatorAccount, publicBuyerRefusal } from '../api/operator';
import { openStore } from '../api/store';
import { lockHolder } from '../api/store/embedded/lock';

const USAGE = `Usage : npm run create-user -- --email E --role ${ROLES.join('|')} [--password-stdin] [--organisation NOM] [--public-buyer SIRET]`;

/** All of standard input, without the line break that ends it (echo, a file, a secret manager). */
async function readStdin(): Promise<string> {
  let text = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) text += chunk;
  return text.replace(/\r?\n$/, '');
}

/** Asks for the password on the terminal without echoing it. */
function prompt(question: string): Promise<string> {
  const input = process.stdin;
  input.setRawMode(true); // before the question: nothing typed after it is ever echoed
  process.stderr.write(question);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (result: string | null) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      if (result === null) reject(new Error('Saisie interrompue.'));
      else resolve(result);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return done(typed);
        if (char === '\u0003' || char === '\u0004') return done(null); // Ctrl-C, Ctrl-D
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    input.on('data', onData);
  });
}

async function passwordOf(values: { password?: string; 'password-stdin'?: boolean }): Promise<string | null> {
  if (values.password !== undefined) return values.password;
  if (values['password-stdin']) return readStdin();
  if (!process.stdin.isTTY) return null;
  const first = await prompt('Mot de passe : ');
  const again = await prompt('Mot de passe (encore) : ');
  if (first !== again) throw new Error('Les deux saisies du mot de passe diffèrent : aucun compte créé.');
  return first;
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        email: { type: 'string' },
        password: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        role: { type: 'string' },
        organisation: { type: 'string' },
        'public-buyer': { type: 'string' },
      },
      strict: true,
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { email, role, organisation } = values;
  if (!email || !role || (values.password === undefined && !values['password-stdin'] && !process.stdin.isTTY)) {
    console.error(`--email, --role et un mot de passe (saisi à l'invite, ou --password-stdin) sont obligatoires.\n${USAGE}`);
    return 2;
  }
  const publicBuyer = values['public-buyer']?.replace(/\s/g, '');
  const refusal = publicBuyerRefusal({ role, publicBuyer });
  if (refusal) {
    console.error(refusal);
    return 2;
  }
  const password = (await passwordOf(values)) ?? '';
  const account = { email, password, role, organisation, publicBuyer };
  // Creating an account signs no token: JWT_SECRET is not needed here, even in production.
  const config = loadConfig(process.env, { tool: true });
  if (!config.mongodbUri && lockHolder(config.dataDir) !== null) {
    console.log(await createAccountThroughServer(config.dataDir, account));
    return 0;
  }
  const store = await openStore(config);
  try {
    console.log(await createOperatorAccount(store, account));
    return 0;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof GraphQLError || err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
