import { GraphQLScalarType, Kind } from 'graphql';

/** The one wording of a DateTime refusal, whether the value came in a variable or in the query text. */
export const DATE_TIME_EXPECTED = 'doit être une date ISO 8601 écrite en texte (par exemple 2025-12-31)';

/**
 * ISO-8601 dates. Input strings are passed on as given: the domain reads them (readIsoDate in
 * api/kernel/validation.ts, the one notion of a valid date) and names the field.
 */
export const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  description: 'ISO-8601 string',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: (value) => {
    if (typeof value !== 'string') throw new TypeError(DATE_TIME_EXPECTED);
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new TypeError(DATE_TIME_EXPECTED);
    return ast.value;
  },
});
