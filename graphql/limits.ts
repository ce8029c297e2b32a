// Limits on what one GraphQL request may ask for, so a single request cannot exhaust the server.
// Depth 8 leaves room for the deepest useful query (introductions → edges → node → items →
// supplier → commune → name is 7) and stops the Shortlist.need ↔ Need.shortlists cycle.
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, Kind, TypeInfo, validate, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../api/kernel';

export const LIMITS = {
  aliases: 15,
  depth: 8,
  // graphql-armor multiplies a list's cost by a literal `first`: the heaviest legitimate queries
  // (a 100-row page of introductions with items and mails, about 28,000) must pass; a fragment
  // spread hundreds of times (millions) must not. test/security-limits.test.ts checks both.
  cost: 50_000,
  tokens: 2000,
  directives: 20,
} as const;

/** Refusal messages, in French; graphql-armor uses them only with exposeLimits off. */
export const LIMIT_MESSAGES = {
  aliases: `Requête trop complexe : ${LIMITS.aliases} alias au plus.`,
  depth: `Requête trop profonde : ${LIMITS.depth} niveaux au plus.`,
  cost: 'Requête trop coûteuse : réduisez les champs demandés.',
  tokens: `Requête trop longue : ${LIMITS.tokens} éléments au plus.`,
  directives: `Requête trop complexe : ${LIMITS.directives} directives au plus.`,
} as const;

export function graphqlArmor() {
  const off = { enabled: false } as const;
  const armor = new ApolloArmor({
    // __typename aliases cost little each, but two hundred of them are still a request inflated for nothing.
    maxAliases: { n: LIMITS.aliases, allowList: [], exposeLimits: false, errorMessage: LIMIT_MESSAGES.aliases },
    maxDepth: { n: LIMITS.depth, ignoreIntrospection: true, exposeLimits: false, errorMessage: LIMIT_MESSAGES.depth },
    costLimit: off, // priced below, on the pages the domain can serve
    // armor's token plugin throws from a parsing hook, which Apollo answers as a 500: graphql-js
    // counts tokens itself while parsing (parseOptions below), answered as GRAPHQL_PARSE_FAILED.
    maxTokens: off,
    maxDirectives: { n: LIMITS.directives, exposeLimits: false, errorMessage: LIMIT_MESSAGES.directives },
    // "Did you mean …?" reveals the schema. armor's masking sees validation errors only (not
    // variable coercion) and leaves a stray "?": graphql/errors.ts drops every suggestion instead.
    blockFieldSuggestion: off,
  }).protect();
  const cost = new ApolloArmor({
    costLimit: { maxCost: LIMITS.cost, ignoreIntrospection: true, exposeLimits: false, errorMessage: LIMIT_MESSAGES.cost },
    maxAliases: off,
    maxDepth: off,
    maxTokens: off,
    maxDirectives: off,
    blockFieldSuggestion: off,
  }).protect().validationRules;
  return { ...armor, validationRules: [...armor.validationRules, pricedOnServablePages(cost), noSubscriptions], parseOptions: { maxTokens: LIMITS.tokens } };
}

/**
 * armor multiplies a list's cost by its literal `first`, and prices a list with a variable or no
 * `first` as one row. Every page is priced as what the domain would serve at most: a literal capped
 * at MAX_PAGE_SIZE (`first: 1000000000` is then refused by the domain, naming `first` and its range,
 * not as too costly), a variable as MAX_PAGE_SIZE, an absent `first` as DEFAULT_PAGE_SIZE.
 */
function pricedOnServablePages(rules: ValidationRule[]): ValidationRule {
  return (context) => ({
    Document(document) {
      for (const error of validate(context.getSchema(), servablePages(context.getSchema(), document), rules)) context.reportError(error);
      return false; // the rest of the document is visited by the other rules
    },
  });
}

const PAGED = new Set(['first']);
const int = (n: number) => ({ kind: Kind.INT, value: String(n) }) as const;

function servablePages(schema: GraphQLSchema, document: DocumentNode): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const paged = typeInfo.getFieldDef()?.args.find((a) => PAGED.has(a.name));
        if (!paged || node.arguments?.some((a) => PAGED.has(a.name.value))) return undefined;
        return { ...node, arguments: [...(node.arguments ?? []), { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: paged.name }, value: int(DEFAULT_PAGE_SIZE) }] };
      },
      Argument(node) {
        const { name, value } = node;
        if (!PAGED.has(name.value)) return undefined;
        if (value.kind === Kind.VARIABLE || (value.kind === Kind.INT && Number(value.value) > MAX_PAGE_SIZE)) return { ...node, value: int(MAX_PAGE_SIZE) };
        return undefined;
      },
    }),
  );
}

/** The schema has no subscriptions: say so at validation, rather than fail at execution. */
const noSubscriptions: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation === 'subscription') {
      context.reportError(new GraphQLError('Requête GraphQL invalide : les abonnements (subscription) ne sont pas pris en charge.', { nodes: node }));
    }
  },
});
