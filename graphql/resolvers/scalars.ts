import { GraphQLScalarType, Kind } from 'graphql';

/**
 * ISO-8601 dates. Input strings are passed on as given: the domain reads them (readIsoDate in
 * api/domain/validation.ts, the one notion of a valid date) and names the field.
 */
export const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  description: 'ISO-8601 string',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: (value) => {
    if (typeof value !== 'string') throw new TypeError('DateTime attend une chaîne ISO 8601.');
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new TypeError('DateTime attend une chaîne ISO 8601.');
    return ast.value;
  },
});
