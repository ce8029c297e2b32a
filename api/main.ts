// Process entry: config → server (store, matcher index, HTTP) → signals.
import { loadConfig } from './config';
import { ConfigError } from './errors';
import { loggerFor, startServer, type RunningServer } from './server';
import { StoreIndexError, StoreLockedError } from './store/types';

/** One French line for the failures an operator can fix; anything else is a bug and keeps its stack. */
function startupFailure(err: unknown): string | null {
  if (err instanceof ConfigError || err instanceof StoreLockedError || err instanceof StoreIndexError) return err.message;
  const { code, path, message } = err as NodeJS.ErrnoException;
  if (code === 'EADDRINUSE') return `Démarrage impossible : le port est déjà utilisé (${message}).`;
  if (code === 'EACCES' || code === 'EPERM') return `Démarrage impossible : accès refusé à ${path ?? 'un fichier du dossier de données'} (vérifiez DATA_DIR et les droits).`;
  if (code === 'ENOTDIR' || code === 'EEXIST') return `Démarrage impossible : DATA_DIR doit être un dossier (${path ?? message}).`;
  if (code === 'ENOSPC') return 'Démarrage impossible : plus de place sur le disque du dossier de données.';
  if ((err as Error).name?.startsWith('MongooseServerSelectionError') || (err as Error).name === 'MongoServerSelectionError') {
    return `Démarrage impossible : MongoDB ne répond pas à l'adresse de MONGODB_URI (${message.split('\n')[0]}).`;
  }
  return null;
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = loggerFor(config);
  // Signals are handled from the first moment: one received while starting stops the service as
  // soon as the start has finished its current step, never in the middle of a write.
  let server: RunningServer | null = null;
  let stopping = false;
  const stop = (running: RunningServer) =>
    running.stop().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, "Échec de l'arrêt propre");
        logger.flush();
        process.exit(1);
      },
    );
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} reçu : arrêt en cours (requêtes en cours terminées, données enregistrées)…`);
    if (server) void stop(server);
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));

  server = await startServer(config, logger);
  if (stopping) return void stop(server);
  logger.info(
    `Passerelle ESS prête sur ${server.url}/graphql (stockage : ${server.services.store.engine}, ${server.services.matching.size} structures indexées)`,
  );
}

main().catch((err: unknown) => {
  const line = startupFailure(err);
  if (line) console.error(line);
  else console.error('Démarrage impossible :', err);
  process.exit(1);
});
