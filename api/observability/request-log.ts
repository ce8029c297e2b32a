// One log line per HTTP request, carrying a request id the client also gets back.
//
// Written here rather than with pino-http, whose every option we had replaced (id, level, message,
// fields, serializers): it makes two child loggers and a dozen properties for each request, and
// those outlived the young generation under load. Without it, a search-as-you-type request sent a
// quarter less to the old generation (the load script's typing target, V8's GC trace), whose
// collections are what delays an answer.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { scrub, type Logger } from './logger';

export const REQUEST_ID_HEADER = 'X-Request-Id';
/** An id a proxy in front of us chose is kept, when it looks like one (no room for a forged log line). */
const SANE_ID = /^[\w.:-]{1,128}$/;
/** Probed every few seconds by the orchestrator and Prometheus: their lines would drown the others. */
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

const pathOf = (req: IncomingMessage): string => scrub((req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '');

export function requestLog(logger: Logger) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && SANE_ID.test(incoming) ? incoming : randomUUID();
    // Read again by the GraphQL plugin (api/observability/graphql.ts), which sees headers only.
    req.headers['x-request-id'] = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    if (!PROBES.has((req.url ?? '').split('?')[0]!)) {
      const started = Date.now();
      // Finished, or closed before (the client went away): logged once, with the status it had then.
      const done = () => {
        res.off('finish', done);
        res.off('close', done);
        // A 5xx's cause is logged where it is caught (http.ts, graphql/errors.ts); here, the request only.
        const level = res.statusCode >= 500 ? 'error' : 'info';
        if (!logger.isLevelEnabled(level)) return;
        // Flat fields, and nothing of the headers (authorization, cookies) nor of the body.
        const path = pathOf(req);
        logger[level]({ requestId, method: req.method, path, status: res.statusCode, duration: Date.now() - started }, `${req.method} ${path} ${res.statusCode}`);
      };
      res.on('finish', done);
      res.on('close', done);
    }
    next();
  };
}
