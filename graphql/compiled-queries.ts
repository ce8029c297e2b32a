// The public directory's documents executed by compiled code (graphql-jit) instead of graphql-js's
// interpreter. A directory page is hundreds of fields (twenty structures, four facets); graphql-js
// walks the document for each of them at every request (argument coercion, type checks, a path
// object per field), which made up most of a fresh search's cost in a CPU profile at 20,000
// structures. graphql-jit turns each document into a function once, with the same resolvers.
//
// Documents that differ only by the values written in their arguments (`first: 10` and `first: 15`,
// a search typed into the document rather than passed as a variable) share one function: the
// values are taken out as variables before compiling, as if the client had sent them so. A compiled
// function weighs about 190 KB of code and generated text: one per written value let 400 searches
// grow the process by 75 MB (a heap snapshot), and any client could have grown it further with
// documents of its own. The functions kept are bounded (least recently used dropped); a document
// that shares nobody's shape costs one compilation, kept while it is used.
//
// Only successful answers are taken from it: any error, and any document it cannot compile, goes
// through graphql-js as every other request does, so that error messages, their French wording
// and their formatting stay the ones clients know (graphql/errors.ts).
import {
  BREAK,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isSpecifiedScalarType,
  Kind,
  parseType,
  print,
  TypeInfo,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
  type VariableDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

/** Compiled functions kept: the website has a handful of document shapes. */
export const MAX_COMPILED_SHAPES = 64;
const HOISTED = '__literal';
const MAX_OPERATION_KEYS = 4;

/** A document with the values written in its arguments taken out as variables. */
interface Shape {
  /** The printed document with variables in place of values: documents alike share it. */
  key: string;
  document: DocumentNode;
  /** The values taken out, by variable name. */
  values: Record<string, unknown>;
  /**
   * The compiled functions' keys by operation name, made once: a key built at each request is
   * hashed at each (a thirtieth of a fresh search). A few names only: a client may send any.
   */
  keys: Map<string, string>;
}

/**
 * Whether a value of this type reads the same written in the document or sent as a variable:
 * built-in scalars, enums, and input objects and lists made of them (a custom scalar such as
 * DateTime may parse a written value differently).
 */
function readsAlike(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (isEnumType(named)) return true;
  if (!isInputObjectType(named)) return isSpecifiedScalarType(named);
  if (seen.has(named.name)) return true;
  seen.add(named.name);
  return Object.values(named.getFields()).every((field) => readsAlike(field.type, seen));
}

const holdsVariable = (value: ValueNode): boolean => {
  let found = false;
  visit(value, {
    Variable() {
      found = true;
      return BREAK;
    },
  });
  return found;
};

/** The document's shape; the document as it is when it has several operations or variables named like ours. */
function shapeOf(schema: GraphQLSchema, document: DocumentNode): Shape {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || operations[0]!.variableDefinitions?.some((d) => d.variable.name.value.startsWith(HOISTED))) return { key: print(document), document, values: {}, keys: new Map() };
  const typeInfo = new TypeInfo(schema);
  const values: Record<string, unknown> = {};
  const definitions: VariableDefinitionNode[] = [];
  const hoisted = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node): ArgumentNode | undefined {
        const argument = typeInfo.getArgument();
        // Directives' arguments (@include(if: true)) decide what is executed: left as written.
        if (!argument || typeInfo.getDirective() || node.value.kind === Kind.VARIABLE || holdsVariable(node.value) || !readsAlike(argument.type)) return undefined;
        const name = `${HOISTED}${definitions.length}`;
        const variable = { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } } as const;
        values[name] = valueFromASTUntyped(node.value);
        definitions.push({ kind: Kind.VARIABLE_DEFINITION, variable, type: parseType(String(argument.type)) });
        return { ...node, value: variable };
      },
    }),
  );
  const shaped: DocumentNode = {
    ...hoisted,
    definitions: hoisted.definitions.map((d) => (d.kind === Kind.OPERATION_DEFINITION ? { ...d, variableDefinitions: [...(d.variableDefinitions ?? []), ...definitions] } : d)),
  };
  return { key: print(shaped), document: shaped, values, keys: new Map() };
}

export class CompiledQueries {
  /** Apollo parses a query text once and hands the same document to every request carrying it: its shape is worked out once. */
  private readonly shapes = new WeakMap<DocumentNode, Shape>();
  /** Compiled functions by shape and operation name; null when graphql-jit cannot compile it. */
  private readonly compiled = new LRUCache<string, { query: CompiledQuery | null }>({ max: MAX_COMPILED_SHAPES });

  /** Shapes compiled and kept. */
  get size(): number {
    return this.compiled.size;
  }

  private compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): { query: CompiledQuery; values: Record<string, unknown> } | null {
    let shape = this.shapes.get(document);
    if (!shape) this.shapes.set(document, (shape = shapeOf(schema, document)));
    const operation = operationName ?? '';
    let key = shape.keys.get(operation);
    if (key === undefined) {
      key = `${operation}\u0000${shape.key}`;
      if (shape.keys.size < MAX_OPERATION_KEYS) shape.keys.set(operation, key);
    }
    let kept = this.compiled.get(key);
    if (!kept) {
      const made = compileQuery(schema, shape.document, operationName, { disablingCapturingStackErrors: true });
      this.compiled.set(key, (kept = { query: isCompiledQuery(made) ? made : null }));
    }
    return kept.query && { query: kept.query, values: shape.values };
  }

  /** The answer computed by the document's compiled code; null when it has errors or cannot be compiled (then execute it as usual). */
  async run(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, context: unknown, variables: Record<string, unknown> | undefined): Promise<ExecutionResult | null> {
    const compiled = this.compile(schema, document, operationName);
    if (!compiled) return null;
    const result = await compiled.query.query(undefined, context, { ...variables, ...compiled.values });
    return result.errors?.length ? null : result;
  }
}
