// Observability: the structured log (pino), the request log, /readyz and /metrics (prom-client).
// This file is the context's public surface: other modules import the context, never its files.
export { createLogger, messageLog, scrub, silentLogger, MASK, type Logger, type LoggerOptions, type MessageLog } from './logger';
export { createMetrics, type Metrics, type Observed } from './metrics';
export { graphqlObservability } from './graphql';
export { notReadyReason, probeRoutes, type ReadinessState } from './probes';
export { requestLog, REQUEST_ID_HEADER } from './request-log';
