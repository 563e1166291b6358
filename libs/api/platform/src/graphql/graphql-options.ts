import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { AppConfig } from '../config/app-config.js';
import type { LiveServer } from '../live/live-server.js';
import type { AnonymousCache } from '../cache/anonymous-cache.js';
import type { ReadReplicas } from '../database/read-replicas.js';
import { anonymousCachePlugin } from '../cache/anonymous-cache.plugin.js';
import { createGraphqlContext } from './graphql-context.js';
import { createErrorFormatter } from './format-error.js';
import { GRAPHQL_LIMITS } from './graphql-limits.js';
import { inputStringsPlugin } from './input-strings-plugin.js';
import { maxOperationsRule } from './operation-count-rule.js';

export function graphqlOptions(
  config: AppConfig,
  logUnexpected: (error: unknown) => void,
  live?: LiveServer,
  cache?: AnonymousCache,
  replicas?: ReadReplicas,
): ApolloDriverConfig {
  const armor = new ApolloArmor({
    // A fragment counts as the fields it holds, not as extra levels: clients may use fragments freely.
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, flattenFragments: true },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost, flattenFragments: true },
    // Token counting is left to the parser (parseOptions) so syntax errors keep GRAPHQL_PARSE_FAILED.
    maxTokens: { enabled: false },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives },
    // "Did you mean …?" hints are stripped from every message by the error formatter instead:
    // armor's plugin only covers validation errors, and only the "Did you mean "x"?" form.
    blockFieldSuggestion: { enabled: false },
  });
  const protection = armor.protect();
  const validationRules = [...protection.validationRules, maxOperationsRule(GRAPHQL_LIMITS.maxOperationsPerDocument)];
  const parseOptions = { maxTokens: GRAPHQL_LIMITS.maxTokens };
  const formatError = createErrorFormatter(logUnexpected, { hideSuggestions: config.isProduction });
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    introspection: !config.isProduction,
    playground: false,
    csrfPrevention: true,
    parseOptions,
    allowBatchedHttpRequests: true, // batch size is capped by limitBatchSize()
    includeStacktraceInErrorResponses: false,
    // armor's types come from Apollo's CommonJS build, Nest's from its ESM build: same objects.
    // Cache-control hints are unused (the anonymous cache keys on whole operations and drops by tag) and
    // its plugin wraps every field's resolution; inline traces are only for federated subgraphs.
    plugins: [
      ...protection.plugins,
      inputStringsPlugin(),
      ...(cache ? [anonymousCachePlugin(cache)] : []),
      ...(replicas?.enabled ? [replicas.plugin()] : []),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
    ] as ApolloDriverConfig['plugins'],
    validationRules,
    formatError,
    context: createGraphqlContext,
    // graphql-ws on the same path and port; the same document limits apply (Apollo's plugins do not run there).
    // Nest's type lists a few graphql-ws hooks, but it passes every option on to graphql-ws's useServer.
    ...(live
      ? {
          subscriptions: {
            'graphql-ws': live.options({
              validationRules,
              parseOptions,
              formatError,
            }) as unknown as GraphQLWsSubscriptionsConfig,
          },
        }
      : {}),
  };
}
