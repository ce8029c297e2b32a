// Express to Apollo Server: @as-integrations/express5's work, with one difference. That
// integration sends every answer through express's res.send, which copies it into a Buffer and
// hashes it with SHA-1 for an ETag, POST included, where no client can revalidate: about a
// twentieth of a fresh directory search (docs/benchmarks.md, load section). A POST's answer is written as the
// string it is; a GET's still goes through res.send (express's ETag and 304).
import { HeaderMap, type ApolloServer, type BaseContext, type ContextFunction } from '@apollo/server';
import type express from 'express';

export function graphqlEndpoint<C extends BaseContext>(server: ApolloServer<C>, context: ContextFunction<[{ req: express.Request; res: express.Response }], C>): express.RequestHandler {
  server.assertStarted('graphqlEndpoint()');
  return async (req, res) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    const query = req.url.indexOf('?');
    const answer = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method.toUpperCase(), headers, search: query < 0 ? '' : req.url.slice(query), body: req.body },
      context: () => context({ req, res }),
    });
    for (const [key, value] of answer.headers) res.setHeader(key, value);
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') {
      // Node sets the Content-Length of a body given whole to end().
      return void (req.method === 'POST' ? res.end(answer.body.string) : res.send(answer.body.string));
    }
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
