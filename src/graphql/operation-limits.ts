/** GraphQL Armor's document-shape limits, the upstream-call budget, and the optional introspection and CSRF guards. */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { useUpstreamCallBudget } from './upstream-call-budget.js';

/**
 * Armor's rejections carry no code, and say "Syntax Error: Aliases limit of 20 exceeded, found 21."
 * of a document whose syntax is fine: they get GraphQL's validation code, a 400 like other
 * validation errors, and a message that names the limit and its setting. `found` is what armor
 * counted (the token limit stops counting at the limit, so it has none).
 */
function rejected(found: (count: string) => string, unfound: string, limit: number, setting: string) {
  return (_context: unknown, error: GraphQLError): void => {
    const count = /found (\d+)/.exec(error.message)?.[1];
    error.message = count === undefined ? `${unfound}: the limit is ${limit} (${setting}).` : `${found(count)}; the limit is ${limit} (${setting}).`;
    Object.assign(error.extensions, { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } });
  };
}

export interface OperationLimits {
  /** Selection depth (introspection excepted). The deepest useful query is 4: inbox.edges.node.field. */
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxTokens: number;
  readonly maxDirectives: number;
  /** Upstream calls an operation may cause at most, counted from its shape (see schema complexity). */
  readonly maxUpstreamCalls: number;
  readonly introspection: boolean;
  /** The service key is an ambient credential: with it, browsers' "simple" requests are refused. */
  readonly csrfPrevention: boolean;
}

/**
 * The document-shape limits, checked at validation before anything runs: depth, aliases, tokens
 * and directives (GraphQL Armor); then, before execution, the upstream-call budget.
 */
export function useOperationLimits(limits: OperationLimits): Plugin[] {
  const { maxDepth, maxAliases, maxTokens, maxDirectives } = limits;
  const plugins: Plugin[] = [
    EnvelopArmorPlugin({
      maxDepth: {
        n: maxDepth,
        ignoreIntrospection: true,
        flattenFragments: true,
        onReject: [rejected((n) => `Too deep: depth ${n}`, 'Too deep', maxDepth, 'MAX_DEPTH')],
      },
      maxAliases: { n: maxAliases, onReject: [rejected((n) => `Too many aliases: ${n}`, 'Too many aliases', maxAliases, 'MAX_ALIASES')] },
      maxTokens: { n: maxTokens, onReject: [rejected((n) => `Too many tokens: ${n}`, 'Too many tokens', maxTokens, 'MAX_TOKENS')] },
      maxDirectives: {
        n: maxDirectives,
        onReject: [rejected((n) => `Too many directives: ${n}`, 'Too many directives', maxDirectives, 'MAX_DIRECTIVES')],
      },
      // Armor's generic cost counts objects and scalars; ours counts upstream calls (schema complexity).
      costLimit: { enabled: false },
      // "Did you mean ...?" would reveal the schema that disabled introspection hides.
      blockFieldSuggestion: { enabled: !limits.introspection },
    }) as Plugin,
    useUpstreamCallBudget(limits.maxUpstreamCalls),
  ];
  if (!limits.introspection) plugins.push(useDisableIntrospection() as Plugin);
  if (limits.csrfPrevention) plugins.push(useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf', 'x-requested-with'] }) as Plugin);
  return plugins;
}
