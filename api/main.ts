// Process entry: config → server (store, matcher index, HTTP) → signals.
import { assertServiceStartable, loadConfig, productionWarnings, type Config } from './config';
import { ConfigError } from './errors';
import { createMailTransport, smtpServerName } from './mail';
import { loggerFor, startServer, type Logger, type RunningServer } from './server';
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

/** A mail server that does not answer at start is said at once; the service runs on (the outbox retries). */
async function checkMailServer(config: Config, log: Logger): Promise<void> {
  if (config.mailTransport === 'files' || !config.smtpUrl) {
    log.info(`Courriels écrits dans ${config.dataDir}/mail/ (MAIL_TRANSPORT=files) : aucun n'est envoyé.`);
    return;
  }
  const transport = createMailTransport(config);
  try {
    await transport.verify();
    log.info(`Serveur de courriel joignable : ${smtpServerName(config.smtpUrl)}.`);
  } catch (err) {
    log.error(
      `ATTENTION : le serveur de courriel ${smtpServerName(config.smtpUrl)} (SMTP_URL) ne répond pas ou refuse la connexion : ${(err as Error).message}. ` +
        'Le service continue ; les courriels attendent dans la file et seront réessayés.',
    );
  } finally {
    transport.close();
  }
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  assertServiceStartable(config);
  const logger = loggerFor(config);
  for (const warning of productionWarnings(config)) logger.error(warning);
  if (config.production && config.sampleData) {
    logger.error(
      'ATTENTION : SAMPLE_DATA=on en production : une base vide reçoit les 40 structures FICTIVES de démonstration, publiées dans l’annuaire public. Retirez SAMPLE_DATA (ou SAMPLE_DATA=off) pour un service réel.',
    );
  }
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
    `Passerelle ESS prête sur ${server.url}/graphql, adresse publique ${server.services.publicUrl} (stockage : ${server.services.store.engine}, ${server.services.matching.size} structures indexées)`,
  );
  await checkMailServer(config, logger);
}

main().catch((err: unknown) => {
  const line = startupFailure(err);
  if (line) console.error(line);
  else console.error('Démarrage impossible :', err);
  process.exit(1);
});
