// Observability: the structured log (pino), the request log, /readyz and /metrics (prom-client).
// This file is the context's public surface: other modules import the context, never its files.
export { createLogger, messageLog, silentLogger, type Logger, type LoggerOptions, type MessageLog } from './logger';
export { createMetrics, type Metrics, type Observed } from './metrics';
export { graphqlObservability } from './graphql';
export { probeRoutes, type ReadinessState } from './probes';
export { requestLog } from './request-log';
