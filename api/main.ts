// Process entry: config → server (store, matcher index, HTTP) → signals.
import { loadConfig } from './config';
import { ConfigError } from './errors';
import { consoleLogger, startServer } from './server';
import { StoreLockedError } from './store/types';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const server = await startServer(config, consoleLogger);
  consoleLogger.info(
    `Passerelle ESS prête sur ${server.url}/graphql (stockage : ${server.services.store.engine}, ${server.services.matching.size} structures indexées)`,
  );
  const shutdown = (signal: string) => {
    consoleLogger.info(`${signal} reçu : arrêt en cours (requêtes en cours terminées, données enregistrées)…`);
    server.stop().then(
      () => process.exit(0),
      (err) => {
        consoleLogger.error("Échec de l'arrêt propre", err);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof StoreLockedError) {
    console.error(err.message);
  } else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`Le port est déjà utilisé : ${(err as Error).message}`);
  } else {
    console.error('Démarrage impossible :', err);
  }
  process.exit(1);
});
