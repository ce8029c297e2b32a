// The GraphQL side of the log and the metrics: which operation ran, and the codes of its errors.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from './logger';
import type { Metrics } from './metrics';

export function graphqlObservability<C extends BaseContext>(logger: Logger, metrics: Metrics): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        // Errors are formatted by now (graphql/errors.ts): their codes are the ones the client reads.
        async willSendResponse({ request, operationName, operation, response }) {
          const name = operationName ?? request.operationName ?? null;
          const type = operation?.operation ?? 'unknown';
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const codes = errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          metrics.graphqlOperation(name, type);
          for (const code of codes) metrics.graphqlError(code);
          const requestId = request.http?.headers.get('x-request-id');
          logger.info({ requestId, operation: name, operationType: type, ...(codes.length ? { errorCodes: codes } : {}) }, `GraphQL ${type} ${name ?? '(sans nom)'}${codes.length ? ` : ${codes.join(', ')}` : ''}`);
        },
      };
    },
  };
}
