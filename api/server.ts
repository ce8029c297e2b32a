// Assembles the service: HTTP first (healthz answers 503), then store → matcher index → sample data (indexed as it
// is written) → ready → outbox worker.
import type { AddressInfo } from 'node:net';
import { decoyHash } from './auth/passwords';
import { resolveJwtSecret } from './auth/secret';
import { createAccessLinks, mailsSettled } from './accounts';
import { createLinkSigner } from './links';
import { createLoginThrottle } from './auth/throttle';
import { createTokenService } from './auth/tokens';
import type { Config } from './config';
import { createLogger, messageLog, type Logger } from './observability';
import { systemClock, type Clock } from './kernel';
import { createOutbox } from './outbox';
import { createAnonymousPosting, sweepUnconfirmedNeeds } from './needs';
import { buildMatchingService, createContactChanges } from './directory';
import type { DirectoryAnswers } from '../graphql/directory-cache';
import { createHttpEdge, type Readiness } from './http';
import { createImportJobs } from './import-jobs';
import { openOperatorChannel } from './operator';
import { createPotentialThrottle } from './purchasing';
import { loadSampleDataIfEmpty } from './sample/load';
import type { Services } from './services';
import { openStore } from './store';

export type { Logger } from './observability';

/** The process's log as LOG_LEVEL and NODE_ENV say: pretty for a developer at a terminal, JSON lines otherwise. */
export const loggerFor = (config: Config): Logger => createLogger({ level: config.logLevel, pretty: !config.production && process.stdout.isTTY === true });

const INDEX_REFRESH_MS = 5_000;
const SWEEP_EVERY_MS = 60 * 60_000;

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly services: Services;
  /** The public directory's answers kept between writes (graphql/directory-cache.ts). */
  readonly directoryAnswers: DirectoryAnswers;
  /** The hourly sweep of unconfirmed needs, now (at the clock's time); resolves with how many went. */
  sweepNow(): Promise<number>;
  /** Stops accepting requests, finishes those in flight, then flushes and closes the store. */
  stop(): Promise<void>;
}

/** `clock`: the time the scheduled work goes by (see api/kernel/clock.ts); its timers stay real. */
export async function startServer(config: Config, logger: Logger = loggerFor(config), clock: Clock = systemClock): Promise<RunningServer> {
  const log = messageLog(logger);
  const readiness: Readiness = { services: null, stopping: false };
  const { httpServer, apollo, directoryAnswers, metrics } = await createHttpEdge(config, readiness, logger);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;

  let store;
  let operatorChannel: { close(): Promise<void> } | null = null;
  try {
    store = await openStore(config);
  } catch (err) {
    await apollo.stop();
    throw err;
  }
  try {
    const secret = resolveJwtSecret(config);
    const tokens = createTokenService(secret, config.jwtTtlSeconds);
    const links = createLinkSigner(secret);
    const publicUrl = config.publicUrl ?? `http://localhost:${port}`;
    const matching = await buildMatchingService(store, config.matchWeights);
    if (store.engine === 'mongo') metrics.indexRefreshed(Date.now());
    await decoyHash(); // before ready: see passwords.ts
    const outbox = createOutbox(store, config, log, { links, publicUrl }, clock);
    const services: Services = {
      config,
      store,
      tokens,
      matching,
      outbox,
      loginThrottle: createLoginThrottle({ perAddress: config.loginAddressLimit }, store.sharedCounters),
      links,
      publicUrl,
      accessLinks: createAccessLinks(config, clock),
      anonymousPosting: createAnonymousPosting(),
      imports: createImportJobs({ store, dataDir: config.dataDir, written: (record) => matching.upsert(record), log }),
      potentialThrottle: createPotentialThrottle(),
      contactChanges: createContactChanges(),
    };
    if (config.sampleData && store.engine === 'embedded') {
      const loaded = await loadSampleDataIfEmpty(services);
      if (loaded) {
        const accounts = config.production ? 'aucun compte de démonstration en production' : `${loaded.users} comptes de démonstration`;
        log.info(`Données d'exemple chargées : ${loaded.suppliers} structures, ${accounts}.`);
      }
    }
    readiness.services = services;
    outbox.start(); // also finishes, first thing, the approvals a previous run left half-done
    // The embedded store is this process's alone: npm run create-user asks it through this channel.
    operatorChannel = store.engine === 'embedded' ? await openOperatorChannel(store, config.dataDir, log) : null;
  } catch (err) {
    await apollo.stop();
    await store.close();
    throw err;
  }

  // Several instances may share one MongoDB: each catches up with the others' writes by polling.
  const refreshTimer =
    store.engine === 'mongo'
      ? setInterval(
          () =>
            readiness.services?.matching.refresh().then(
              () => metrics.indexRefreshed(Date.now()),
              (err) => log.error("Échec du rafraîchissement de l'index", err),
            ),
          INDEX_REFRESH_MS,
        )
      : null;

  // Needs posted without an account and never confirmed go after 7 days: looked for at start, then hourly.
  const sweepNow = () => sweepUnconfirmedNeeds(store, clock.now());
  const sweep = () => sweepNow().catch((err) => log.error('Échec de la suppression des besoins non confirmés', err));
  void sweep();
  const sweepTimer = setInterval(sweep, SWEEP_EVERY_MS);
  sweepTimer.unref();

  let stopping: Promise<void> | null = null;
  return {
    url: `http://localhost:${port}`,
    port,
    services: readiness.services,
    directoryAnswers,
    sweepNow,
    stop() {
      stopping ??= (async () => {
        readiness.stopping = true; // /readyz answers 503 from now on
        if (refreshTimer) clearInterval(refreshTimer);
        clearInterval(sweepTimer);
        await apollo.stop(); // drains: stops accepting, waits for in-flight requests
        await operatorChannel?.close();
        if (readiness.services) await mailsSettled(readiness.services.accessLinks); // sign-in links asked for: written and mailed
        await readiness.services?.imports.stop(); // stops between two lines: whole profiles only
        await readiness.services?.outbox.stop(); // no new claim; the send in flight is awaited and marked
        await readiness.services?.matching.stop(); // a refresh in flight reads the store: let it finish first
        await store.close();
      })();
      return stopping;
    },
  };
}
