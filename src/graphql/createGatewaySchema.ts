import { makeExecutableSchema } from '@graphql-tools/schema';
import { type DocumentNode, type GraphQLFieldResolver, type GraphQLSchema, Kind, parse } from 'graphql';
import type { CompiledComposition } from '../xdm';
import { createResolvers } from './createResolvers';
import { printGatewaySchema } from './printGatewaySchema';

/**
 * The executable gateway schema, compiled from the compositions at start-up
 * (the same SDL as `schema.graphql`, which a test keeps in step).
 */
export function createGatewaySchema(compositions: readonly CompiledComposition[]): GraphQLSchema {
  const typeDefs = parse(printGatewaySchema(compositions));
  const resolvers = createResolvers();
  return makeExecutableSchema({ typeDefs, resolvers: [...resolvers, xdmKeyResolvers(typeDefs)] });
}

/**
 * Fields marked `@xdm(key: "repo:createDate")` read that key of the record,
 * since their GraphQL name cannot spell it; every other XDM field is read by
 * the default resolver under its own name.
 */
function xdmKeyResolvers(typeDefs: DocumentNode): Record<string, Record<string, GraphQLFieldResolver<Record<string, unknown>, unknown>>> {
  const resolvers: Record<string, Record<string, GraphQLFieldResolver<Record<string, unknown>, unknown>>> = {};
  for (const definition of typeDefs.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    for (const field of definition.fields ?? []) {
      const directive = field.directives?.find((candidate) => candidate.name.value === 'xdm');
      const argument = directive?.arguments?.find((candidate) => candidate.name.value === 'key');
      if (argument?.value.kind !== Kind.STRING) continue;
      const key = argument.value.value;
      (resolvers[definition.name.value] ??= {})[field.name.value] = (parent) => parent[key];
    }
  }
  return resolvers;
}
