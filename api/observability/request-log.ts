// One log line per HTTP request (pino-http), carrying a request id the client also gets back.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
import { scrub, type Logger } from './logger';

export const REQUEST_ID_HEADER = 'X-Request-Id';
/** An id a proxy in front of us chose is kept, when it looks like one (no room for a forged log line). */
const SANE_ID = /^[\w.:-]{1,128}$/;
/** Probed every few seconds by the orchestrator and Prometheus: their lines would drown the others. */
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

const pathOf = (req: IncomingMessage): string => scrub((req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '');

export function requestLog(logger: Logger) {
  return pinoHttp({
    logger,
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'duration' },
    genReqId(req: IncomingMessage, res: ServerResponse) {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && SANE_ID.test(incoming) ? incoming : randomUUID();
      // Read again by the GraphQL plugin (api/observability/graphql.ts), which sees headers only.
      req.headers['x-request-id'] = id;
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    autoLogging: { ignore: (req) => PROBES.has((req.url ?? '').split('?')[0]!) },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    // Flat fields, and nothing of the headers (authorization, cookies) nor of the body.
    customSuccessObject: (req, res, val: { requestId?: unknown; duration?: number }) => ({ requestId: val.requestId, method: req.method, path: pathOf(req), status: res.statusCode, duration: val.duration }),
    // A 5xx's cause is logged where it is caught (http.ts, graphql/errors.ts); here, the request only.
    customErrorObject: (req, res, _err, val: { requestId?: unknown; duration?: number }) => ({ requestId: val.requestId, method: req.method, path: pathOf(req), status: res.statusCode, duration: val.duration }),
    // pino-http's own req/res objects would carry the raw URL, the query and the headers.
    serializers: { req: () => undefined, res: () => undefined },
    wrapSerializers: false,
  });
}
