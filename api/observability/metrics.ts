// What /metrics tells Prometheus. One registry per running server (tests start several in one
// process). The store is read at scrape time only: nothing is counted twice or kept in step by hand.
import client, { Registry } from 'prom-client';
import type { Request, Response, NextFunction } from 'express';
import { dueFollowUps, dueUntried, outboxInState, retriedUnsent } from '../store/filters';
import type { OutboxState, Store } from '../store/types';
import type { Logger } from './logger';

/** What the scrape reads of the running service: set once the store is open and the index built. */
export interface Observed {
  readonly store: Store;
  readonly matching: { readonly size: number; readonly directory: { readonly size: number } };
}

const OUTBOX_STATES: readonly OutboxState[] = ['HELD', 'PENDING', 'SENDING', 'SENT', 'FAILED', 'DROPPED'];
/** Operation names come from clients: past this many distinct ones, the rest count as "other". */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export interface Metrics {
  readonly registry: Registry;
  /** Express middleware: counts each request under its route template once answered. */
  http(req: Request, res: Response, next: NextFunction): void;
  graphqlOperation(name: string | null, type: string): void;
  graphqlError(code: string): void;
  /** MongoDB deployments: the matcher index caught up with the other instances' writes at this moment. */
  indexRefreshed(at: number): void;
  ready(value: boolean): void;
}

/**
 * The route a request matched, as written in the code (`/reponse/:token`), never the raw path:
 * the tokens of mailed links stay out of the labels, and the labels stay few.
 */
function routeOf(req: Request, res: Response): string {
  if (req.route?.path && typeof req.route.path === 'string') return `${req.baseUrl}${req.route.path}`;
  return res.statusCode === 404 ? 'unmatched' : 'static';
}

interface StoreSnapshot {
  outbox: Map<OutboxState, number>;
  oldestPendingSeconds: number;
  followUpsDue: number;
}

/** Since when the longest-waiting mail has been due: its first attempt, or its due date if never tried. */
async function oldestDueUnsent(store: Store, now: Date): Promise<Date | null> {
  const [untried] = await store.outbox.find(dueUntried(now), { sort: { nextAttemptAt: 1 }, limit: 1 });
  const [retried] = await store.outbox.find(retriedUnsent(), { sort: { firstAttemptAt: 1 }, limit: 1 });
  const since = [untried?.nextAttemptAt, retried?.firstAttemptAt].filter((d): d is Date => d instanceof Date);
  return since.length === 0 ? null : new Date(Math.min(...since.map((d) => d.getTime())));
}

export function createMetrics(observed: () => Observed | null, log: Logger): Metrics {
  const registry = new Registry();
  client.collectDefaultMetrics({ register: registry }); // event-loop lag, memory, GC, handles

  const requests = new client.Counter({ name: 'http_requests_total', help: 'HTTP requests answered, by route template and status.', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const durations = new client.Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route template and status.',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const operations = new client.Counter({ name: 'graphql_operations_total', help: 'GraphQL operations run, by operation name and type.', labelNames: ['operation', 'type'], registers: [registry] });
  const errors = new client.Counter({ name: 'graphql_errors_total', help: 'GraphQL errors answered, by code.', labelNames: ['code'], registers: [registry] });
  const ready = new client.Gauge({ name: 'passerelle_ready', help: '1 when /readyz answers 200, else 0.', registers: [registry] });

  let refreshedAt: number | null = null;

  // One read of the store per scrape, shared by the gauges below (prom-client collects them together).
  let reading: Promise<StoreSnapshot | null> | null = null;
  const snapshot = () =>
    (reading ??= readStore(observed()).finally(() => {
      reading = null;
    }));
  const readStore = async (now: Observed | null): Promise<StoreSnapshot | null> => {
    if (!now) return null;
    try {
      const at = new Date();
      const counts = await Promise.all(OUTBOX_STATES.map((state) => now.store.outbox.count(outboxInState(state))));
      const oldest = await oldestDueUnsent(now.store, at);
      return {
        outbox: new Map(OUTBOX_STATES.map((state, i) => [state, counts[i]!])),
        oldestPendingSeconds: oldest ? Math.max(0, (at.getTime() - oldest.getTime()) / 1000) : 0,
        followUpsDue: await now.store.outbox.count(dueFollowUps(at)),
      };
    } catch (err) {
      log.error({ err }, 'Métriques : lecture du stockage impossible');
      return null;
    }
  };

  new client.Gauge({
    name: 'passerelle_outbox_mails',
    help: 'Rows of the outbox, by state.',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const read = await snapshot();
      for (const [state, count] of read?.outbox ?? []) this.set({ state }, count);
    },
  });
  /** A gauge read at scrape time; null keeps its last value (a store read that failed). */
  const gauge = (name: string, help: string, value: () => Promise<number | null> | number | null) =>
    new client.Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        const v = await value();
        if (v !== null) this.set(v);
      },
    });
  gauge(
    'passerelle_outbox_oldest_pending_age_seconds',
    'How long the oldest mail due and not sent yet has been waiting, since its due date or first attempt (0 when none).',
    async () => (await snapshot())?.oldestPendingSeconds ?? null,
  );
  gauge('passerelle_follow_ups_due', 'Follow-ups and reminders due and not sent yet.', async () => (await snapshot())?.followUpsDue ?? null);
  gauge('passerelle_directory_structures', 'Structures in the public directory index.', () => observed()?.matching.directory.size ?? 0);
  gauge('passerelle_matcher_structures', "Structures in the matcher's index.", () => observed()?.matching.size ?? 0);
  gauge(
    'passerelle_index_refresh_lag_seconds',
    "MongoDB only: time since the matcher index last caught up with the other instances' writes (0 on the embedded store).",
    () => (refreshedAt === null ? 0 : (Date.now() - refreshedAt) / 1000),
  );

  const names = new Set<string>();
  return {
    registry,
    http(req, res, next) {
      const end = durations.startTimer();
      res.once('finish', () => {
        const labels = { method: req.method, route: routeOf(req, res), status: String(res.statusCode) };
        requests.inc(labels);
        end(labels);
      });
      next();
    },
    graphqlOperation(name, type) {
      let operation = name && OPERATION_NAME.test(name) ? name : name ? 'other' : 'anonymous';
      if (operation !== 'anonymous' && !names.has(operation)) {
        if (names.size < MAX_OPERATION_NAMES) names.add(operation);
        else operation = 'other';
      }
      operations.inc({ operation, type });
    },
    graphqlError(code) {
      errors.inc({ code });
    },
    indexRefreshed(at) {
      refreshedAt = at;
    },
    ready(value) {
      ready.set(value ? 1 : 0);
    },
  };
}
