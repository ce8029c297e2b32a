// /readyz (may this instance take traffic?) and /metrics (Prometheus, behind METRICS_TOKEN).
import { createHash, timingSafeEqual } from 'node:crypto';
import express from 'express';
import type { Metrics } from './metrics';

/** What readiness is made of: the services appear once the store is open and the index built. */
export interface ReadinessState {
  readonly services: { readonly outbox: { isRunning(): boolean } } | null;
  /** Set as the stop begins: the load balancer stops sending while requests in flight finish. */
  readonly stopping?: boolean;
}

/** Null when ready; else why not, in French for the operator. */
export function notReadyReason(state: ReadinessState): string | null {
  if (state.stopping) return 'Arrêt en cours.';
  if (!state.services) return "Démarrage en cours : ouverture du stockage et construction de l'index.";
  if (!state.services.outbox.isRunning()) return "La boîte d'envoi ne tourne pas : aucun courriel ne part.";
  return null;
}

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Compares digests: equal lengths whatever was sent, and no timing to learn the token from. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const sent = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  return sent !== undefined && timingSafeEqual(digest(sent), digest(token));
}

export function probeRoutes(readiness: () => ReadinessState, metrics: Metrics, metricsToken: string | null): express.Router {
  const router = express.Router();
  router.get('/readyz', (_req, res) => {
    const reason = notReadyReason(readiness());
    metrics.ready(reason === null);
    res.set('Cache-Control', 'no-store');
    if (reason) res.status(503).json({ status: 'unavailable', reason });
    else res.json({ status: 'ready' });
  });
  // Without METRICS_TOKEN there is no /metrics at all: the JSON 404 of any unknown path.
  if (metricsToken) {
    router.get('/metrics', async (req, res) => {
      res.set('Cache-Control', 'no-store');
      if (!bearerMatches(req.headers.authorization, metricsToken)) {
        res.status(401).set('WWW-Authenticate', 'Bearer realm="metrics"').json({ errors: [{ message: 'Jeton de métriques absent ou invalide (Authorization: Bearer METRICS_TOKEN).', extensions: { code: 'UNAUTHENTICATED' } }] });
        return;
      }
      metrics.ready(notReadyReason(readiness()) === null);
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    });
  }
  return router;
}
