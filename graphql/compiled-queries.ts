// The public directory's documents executed by compiled code (graphql-jit) instead of graphql-js's
// interpreter. A directory page is hundreds of fields (twenty structures, four facets); graphql-js
// walks the document for each of them at every request (argument coercion, type checks, a path
// object per field), which made up most of a fresh search's cost in a CPU profile at 20,000
// structures. graphql-jit turns each document into a function once, with the same resolvers.
//
// Only successful answers are taken from it: any error, and any document it cannot compile, goes
// through graphql-js as every other request does, so that error messages, their French wording
// and their formatting stay the ones clients know (graphql/errors.ts).
import type { DocumentNode, ExecutionResult, GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

export class CompiledQueries {
  /** Apollo parses a query text once and hands the same document to every request carrying it: compiled once per document and operation. */
  private readonly compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

  private compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): CompiledQuery | null {
    let byOperation = this.compiled.get(document);
    if (!byOperation) this.compiled.set(document, (byOperation = new Map()));
    const name = operationName ?? '';
    let query = byOperation.get(name);
    if (query === undefined) {
      const made = compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true });
      query = isCompiledQuery(made) ? made : null;
      byOperation.set(name, query);
    }
    return query;
  }

  /** The answer computed by the document's compiled code; null when it has errors or cannot be compiled (then execute it as usual). */
  async run(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, context: unknown, variables: Record<string, unknown> | undefined): Promise<ExecutionResult | null> {
    const query = this.compile(schema, document, operationName);
    if (!query) return null;
    const result = await query.query(undefined, context, variables ?? {});
    return result.errors?.length ? null : result;
  }
}
