import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import { GatewayError, type GatewayErrorCode } from '../../graphql';
import type { GraphQLLimits } from '../../app';

/** What {@link armorProtection} adds to the Apollo server. */
export interface ArmorProtection {
  readonly plugins: ApolloServerPlugin[];
  readonly validationRules: ValidationRule[];
  /** Apollo's `parseOptions`: the token limit, enforced by graphql's own parser. */
  readonly parseOptions: { readonly maxTokens: number };
}

/**
 * graphql-armor's protections for Apollo, held to `limits`: depth,
 * aliases and directives as validation rules (cost: `costLimitPlugin`). (Suggestions are masked by
 * `formatGatewayError`, which sees every error, enum values included.) An operation over one of these limits is refused
 * before it runs with HTTP 400 and its own code (`QUERY_TOO_DEEP`,
 * `TOO_MANY_ALIASES`, `TOO_MANY_DIRECTIVES`), a message
 * naming the variable that sets the limit, and `extensions.limit`.
 *
 * Tokens are counted by graphql's parser (`parseOptions.maxTokens`: 400
 * `GRAPHQL_PARSE_FAILED`, "Document contains more than N tokens"), not by
 * armor's token plugin: under Apollo Server 5 that plugin throws from
 * `parsingDidStart`, which Apollo answers with a 500.
 */
export function armorProtection(limits: GraphQLLimits): ArmorProtection {
  const reject = (code: GatewayErrorCode, variable: string, limit: number) => [
    (context: ValidationContext | null, error: GraphQLError) => {
      // armor words its messages as syntax errors; they are limits.
      const detail = error.message.replace(/^Syntax Error: /, '');
      context?.reportError(
        new GatewayError(code, `${detail} (${variable} sets the limit)`, { extensions: { limit, http: { status: 400 } } }),
      );
    },
  ];
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, propagateOnRejection: false, onReject: reject('QUERY_TOO_DEEP', 'GRAPHQL_MAX_DEPTH', limits.maxDepth) },
    // Priced by costLimitPlugin instead, with the request's variables: armor's rule sees literal arguments only.
    costLimit: { enabled: false },
    maxAliases: { n: limits.maxAliases, propagateOnRejection: false, onReject: reject('TOO_MANY_ALIASES', 'GRAPHQL_MAX_ALIASES', limits.maxAliases) },
    maxDirectives: {
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: reject('TOO_MANY_DIRECTIVES', 'GRAPHQL_MAX_DIRECTIVES', limits.maxDirectives),
    },
    maxTokens: { enabled: false },
    // Masked in formatGatewayError instead: armor's pattern misses enum values and inline-fragment hints.
    blockFieldSuggestion: { enabled: false },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins, validationRules, parseOptions: { maxTokens: limits.maxTokens } };
}
