// GET /report.csv?from=AAAA-MM-JJ&to=AAAA-MM-JJ[&excel-fr=1]: the yearly review as the very file
// `npm run report` writes, downloaded from the running service by staff (bearer token, as /graphql).
import express from 'express';
import { GraphQLError } from 'graphql';
import { buildContext } from '../../graphql/context';
import { impactReportFile, impactStats } from '../impact';
import type { Services } from '../services';

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400 };

const one = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export function reportRoutes(servicesOf: () => Services | null): express.Router {
  const router = express.Router();
  router.get('/report.csv', async (req, res, next) => {
    const services = servicesOf();
    if (!services) {
      res.status(503).json({ errors: [{ message: 'Service en cours de démarrage, réessayez dans un instant.', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
      return;
    }
    try {
      const { viewer } = await buildContext(services, req.headers.authorization, req.ip ?? 'unknown');
      // The same guard and the same reading of the period as the impactStats query.
      const stats = await impactStats(services, viewer, one(req.query.from), one(req.query.to));
      const excelFr = ['1', 'true', 'oui'].includes(one(req.query['excel-fr']) ?? '');
      const name = `bilan-${one(req.query.from)}-${one(req.query.to)}${excelFr ? '-excel' : ''}.csv`.replace(/[^\w.-]/g, '_');
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .set('Content-Disposition', `attachment; filename="${name}"`)
        .set('Cache-Control', 'no-store')
        .send(impactReportFile(stats, { excelFr }));
    } catch (err) {
      const code = err instanceof GraphQLError ? String(err.extensions.code ?? '') : '';
      if (!(code in STATUS)) return next(err);
      const field = err instanceof GraphQLError ? err.extensions.field : undefined;
      res.status(STATUS[code]!).json({ errors: [{ message: (err as Error).message, extensions: { code, ...(field ? { field } : {}) } }] });
    }
  });
  return router;
}
