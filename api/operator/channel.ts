// The operator channel: the embedded store belongs to the running server (store.lock), so a script
// that must write while it runs asks the server to. The server listens on a Unix socket inside
// DATA_DIR, readable and writable by its own user only: whoever may use it could read DATA_DIR's
// files anyway. Nothing of it is reachable over the network.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { GraphQLError } from 'graphql';
import type { Store } from '../store/types';
import { createOperatorAccount, publicBuyerRefusal, type OperatorAccount } from './accounts';

const SOCKET = 'operator.sock';
const BODY_LIMIT = 16 * 1024;

export const operatorSocketPath = (dataDir: string): string => path.join(dataDir, SOCKET);

export interface OperatorChannelLog {
  error(message: string, err?: unknown): void;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > BODY_LIMIT) reject(new Error('Requête trop volumineuse.'));
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Parses a request's account; a string for what is missing or wrong. */
function accountOf(body: string): OperatorAccount | string {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return 'Requête invalide.';
  }
  const [email, password, role] = [text(parsed.email), text(parsed.password), text(parsed.role)];
  if (email === undefined || password === undefined || role === undefined) return 'email, password et role sont obligatoires.';
  const account = { email, password, role, organisation: text(parsed.organisation), publicBuyer: text(parsed.publicBuyer) };
  return publicBuyerRefusal(account) ?? account;
}

/**
 * Listens on DATA_DIR/operator.sock (the lock is ours: a socket file left there is a previous run's).
 * A failure to listen is logged, never fatal: the service serves without the channel.
 */
export async function openOperatorChannel(store: Store, dataDir: string, log: OperatorChannelLog): Promise<{ close(): Promise<void> }> {
  const socket = operatorSocketPath(dataDir);
  const server = http.createServer((req, res) => {
    const answer = (status: number, body: object) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.method !== 'POST' || req.url !== '/users') return void answer(404, { error: 'Commande inconnue.' });
    readBody(req)
      .then(async (body) => {
        const account = accountOf(body);
        if (typeof account === 'string') return answer(400, { error: account });
        return answer(201, { id: await createOperatorAccount(store, account) });
      })
      .catch((err: unknown) => {
        if (err instanceof GraphQLError) return answer(400, { error: err.message });
        log.error('Canal opérateur : échec de la création du compte', err);
        answer(500, { error: 'Erreur interne du serveur (voir son journal).' });
      });
  });
  try {
    fs.rmSync(socket, { force: true });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socket, () => resolve());
    });
    fs.chmodSync(socket, 0o600);
  } catch (err) {
    log.error(`Canal opérateur indisponible (${socket}) : npm run create-user ne pourra pas passer par le service en marche`, err);
    return { close: async () => {} };
  }
  return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Asks the server running on dataDir to create the account; rejects with its French message. */
export function createAccountThroughServer(dataDir: string, account: OperatorAccount): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath: operatorSocketPath(dataDir), method: 'POST', path: '/users', headers: { 'content-type': 'application/json' } }, (res) => {
      readBody(res)
        .then((body) => {
          const answer = JSON.parse(body) as { id?: string; error?: string };
          if (res.statusCode === 201 && answer.id) resolve(answer.id);
          else reject(new Error(answer.error ?? `Réponse inattendue du service (${res.statusCode}).`));
        })
        .catch(reject);
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      const socket = operatorSocketPath(dataDir);
      if (err.code === 'EACCES') reject(new Error(`Accès refusé à ${socket} : lancez la commande sous l’utilisateur du service.`));
      else if (err.code === 'ENOENT' || err.code === 'ECONNREFUSED') reject(new Error(`Le service qui utilise ${dataDir} ne répond pas sur ${socket} (il démarre ou s’arrête ?) : réessayez dans un instant.`));
      else reject(err);
    });
    req.end(JSON.stringify(account));
  });
}
