import type { Resolvers } from '../generated/schema-types';

/**
 * One module's share of the resolver map: some fields of some types, each typed by the generator.
 * graphql/resolvers/index.ts assembles the shares into the whole map, where every field of Query and
 * Mutation must have its resolver.
 */
export type ResolverPart = { [Type in keyof Resolvers]?: Partial<NonNullable<Resolvers[Type]>> };
