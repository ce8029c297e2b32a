// The web edge: express with its limits, /healthz and /graphql. Knows no domain rule.
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import cors from 'cors';
import express from 'express';
import helmet from 'helmet';
import http from 'node:http';
import type { Socket } from 'node:net';
import { buildContext, type Context } from '../graphql/context';
import { DirectoryAnswers } from '../graphql/directory-cache';
import { createFormatError, firstErrorsOnly } from '../graphql/errors';
import { graphqlArmor } from '../graphql/limits';
import { resolvers } from '../graphql/resolvers';
import { loadTypeDefs } from '../graphql/schema';
import type { Config } from './config';
import { consoleRoutes } from './console';
import { graphqlEndpoint } from './graphql-endpoint';
import { mapLayerRoutes } from './map-layer';
import { createMetrics, graphqlObservability, messageLog, probeRoutes, requestLog, type Logger } from './observability';
import { publicPageRoutes } from './public-pages';
import { publicSiteRoutes } from './site';
import { SENDER_COOKIE } from './needs';
import { answerRoutes } from './pages/answer';
import { needConfirmationRoutes } from './pages/need-confirmation';
import { firmOutcomeRoutes } from './pages/firm-outcomes';
import { legalPageRoutes, notFoundPage } from './pages/legal';
import { invitationOptOutRoutes, optOutRoutes } from './pages/opt-out';
import { reportRoutes } from './pages/report';
import type { Services } from './services';

export const BODY_LIMIT = '1mb';

/** One cookie's value from a Cookie header (only our own signed values are ever read). */
function cookieOf(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

/**
 * Request and response types made express's own once `adopt` gets the app: express then finds
 * them on its prototypes, and does not move them (`Object.setPrototypeOf` in app.handle), which
 * made V8 keep every request's objects into the old generation (docs/benchmarks.md, load section).
 */
function expressMessageTypes() {
  // Node's own are functions, extended the way they extend each other (a class's prototype cannot be
  // replaced; Reflect.construct gave objects that V8 kept as long as before).
  function IncomingMessage(this: http.IncomingMessage, socket: Socket): void {
    (http.IncomingMessage as unknown as (this: http.IncomingMessage, socket: Socket) => void).call(this, socket);
  }
  function ServerResponse(this: http.ServerResponse, req: http.IncomingMessage, options?: object): void {
    (http.ServerResponse as unknown as (this: http.ServerResponse, req: http.IncomingMessage, options?: object) => void).call(this, req, options);
  }
  IncomingMessage.prototype = http.IncomingMessage.prototype;
  ServerResponse.prototype = http.ServerResponse.prototype;
  return {
    IncomingMessage: IncomingMessage as unknown as typeof http.IncomingMessage,
    ServerResponse: ServerResponse as unknown as typeof http.ServerResponse,
    /** From now on, requests and responses are created on the app's prototypes (which inherit node's). */
    adopt(app: express.Express): void {
      IncomingMessage.prototype = app.request;
      ServerResponse.prototype = app.response;
    },
  };
}

/** What the edge needs to know about the process: services appear once the store and index are ready. */
export interface Readiness {
  services: Services | null;
  /** Set once the stop has begun. */
  stopping: boolean;
}

async function createHttpApp(config: Config, httpServer: http.Server, readiness: Readiness, logger: Logger) {
  const log = messageLog(logger);
  const metrics = createMetrics(() => readiness.services, logger);
  const armor = graphqlArmor();
  const directoryAnswers = new DirectoryAnswers();
  const apollo = new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers,
    validationRules: armor.validationRules,
    parseOptions: armor.parseOptions,
    introspection: !config.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Automatic persisted queries would let a client make the server cache what it sends; no client of ours needs them.
    persistedQueries: false,
    // api/main.ts owns the signals: Apollo's own handler would re-raise them and exit non-zero.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    stringifyResult: directoryAnswers.stringify,
    formatError: createFormatError(config.production, log),
    plugins: [
      ...armor.plugins,
      firstErrorsOnly,
      graphqlObservability<Context>(logger, metrics),
      // Installed by default, it hooks every resolved field to work out HTTP cache hints that no
      // type of ours declares; a directory page resolves hundreds of fields.
      ApolloServerPluginCacheControlDisabled(),
      directoryAnswers.plugin(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      config.production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // One exact path serves GraphQL: not /graphql/x, /graphql/ nor /GRAPHQL.
  app.set('case sensitive routing', true);
  app.set('strict routing', true);
  app.set('trust proxy', config.trustProxy); // the client address counts for the login throttle
  app.use(requestLog(logger), metrics.http);
  // The landing page (development only) loads Apollo's sandbox from its CDN: no CSP there.
  app.use(helmet(config.production ? {} : { contentSecurityPolicy: false, crossOriginEmbedderPolicy: false }));
  if (config.corsOrigins.length > 0) app.use(cors({ origin: [...config.corsOrigins], methods: ['GET', 'POST'], maxAge: 600 }));

  // Liveness: 200 as long as the process answers, starting included (a start on a large directory
  // takes a while; a liveness probe must not kill it then). Readiness is /readyz.
  app.get('/healthz', (_req, res) => {
    const services = readiness.services;
    if (!services) {
      res.json({ status: 'starting' });
      return;
    }
    res.json({ status: 'ok', store: services.store.engine, suppliersIndexed: services.matching.size });
  });

  app.use(probeRoutes(() => readiness, metrics, config.metricsToken));
  app.use(mapLayerRoutes(() => readiness.services));
  // Before /graphql: it lets the public documents through GET.
  app.use(publicSiteRoutes(config, () => readiness.services));

  app.all(
    '/graphql',
    (_req, res, next) => {
      if (readiness.services) return next();
      res.status(503).json({ errors: [{ message: 'Service en cours de démarrage, réessayez dans un instant.', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    },
    express.json({ limit: BODY_LIMIT }),
    graphqlEndpoint(apollo, ({ req }) => buildContext(readiness.services!, req.headers.authorization, req.ip ?? 'unknown', cookieOf(req.headers.cookie, SENDER_COOKIE))),
  );

  // The console's files need no service: it loads while the store opens (its /graphql calls then say so).
  app.use(consoleRoutes());
  app.use(publicPageRoutes());
  app.use(answerRoutes(() => readiness.services));
  app.use(needConfirmationRoutes(() => readiness.services));
  app.use(firmOutcomeRoutes(() => readiness.services));
  app.use(optOutRoutes(() => readiness.services));
  app.use(invitationOptOutRoutes(() => readiness.services));
  app.use(reportRoutes(() => readiness.services));
  app.use(legalPageRoutes(config));

  app.use((req: express.Request, res: express.Response) => {
    // A person following a wrong link gets a page; an API client (no Accept, */*, JSON) keeps the JSON.
    if (req.accepts(['json', 'html']) === 'html') return void res.status(404).type('html').send(notFoundPage());
    res.status(404).json({ errors: [{ message: 'Ressource introuvable.', extensions: { code: 'NOT_FOUND' } }] });
  });
  // Body parser errors (too large, malformed JSON) arrive here: answer them without a stack.
  app.use((err: { status?: number; type?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    const message =
      status === 413 ? 'Requête trop volumineuse (1 Mo au plus).' : status === 400 ? 'Corps de requête JSON invalide.' : status < 500 ? 'Requête invalide.' : 'Erreur interne du serveur.';
    if (status >= 500) log.error('Erreur HTTP inattendue', err);
    res.status(status).json({ errors: [{ message, extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } }] });
  });

  return { app, apollo, directoryAnswers, metrics };
}

/** The HTTP server and its app, its requests and responses created as express's own (expressMessageTypes). */
export async function createHttpEdge(config: Config, readiness: Readiness, logger: Logger) {
  const messages = expressMessageTypes();
  const httpServer = http.createServer({ IncomingMessage: messages.IncomingMessage, ServerResponse: messages.ServerResponse });
  const edge = await createHttpApp(config, httpServer, readiness, logger);
  messages.adopt(edge.app);
  httpServer.on('request', edge.app);
  return { httpServer, ...edge };
}
