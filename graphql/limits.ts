// Limits on what one GraphQL request may ask for, so a single request cannot exhaust the server.
// Depth 8 leaves room for the deepest useful query (introductions → edges → node → items →
// supplier → commune → name is 7) and stops the Shortlist.need ↔ Need.shortlists cycle.
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationRule } from 'graphql';

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
  const armor = new ApolloArmor({
    maxAliases: { n: LIMITS.aliases, exposeLimits: false, errorMessage: LIMIT_MESSAGES.aliases },
    maxDepth: { n: LIMITS.depth, ignoreIntrospection: true, exposeLimits: false, errorMessage: LIMIT_MESSAGES.depth },
    costLimit: { maxCost: LIMITS.cost, ignoreIntrospection: true, exposeLimits: false, errorMessage: LIMIT_MESSAGES.cost },
    // armor's token plugin throws from a parsing hook, which Apollo answers as a 500: graphql-js
    // counts tokens itself while parsing (parseOptions below), answered as GRAPHQL_PARSE_FAILED.
    maxTokens: { enabled: false },
    maxDirectives: { n: LIMITS.directives, exposeLimits: false, errorMessage: LIMIT_MESSAGES.directives },
    // "Did you mean …?" reveals the schema. armor's masking sees validation errors only (not
    // variable coercion) and leaves a stray "?": graphql/errors.ts drops every suggestion instead.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return { ...armor, validationRules: [...armor.validationRules, noSubscriptions], parseOptions: { maxTokens: LIMITS.tokens } };
}

/** The schema has no subscriptions: say so at validation, rather than fail at execution. */
const noSubscriptions: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation === 'subscription') {
      context.reportError(new GraphQLError('Requête GraphQL invalide : les abonnements (subscription) ne sont pas pris en charge.', { nodes: node }));
    }
  },
});
