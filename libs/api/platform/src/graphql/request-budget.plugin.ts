import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { Inject } from '@nestjs/common';
import {
  GraphQLError,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type ValueNode,
} from 'graphql';
import { SEARCH_THROTTLE } from '@crossroads/shared-domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RateLimitService, type RateLimitRule } from '../rate-limit/rate-limit.service.js';
import type { GraphqlContext } from './graphql-context.js';
import { GRAPHQL_LIMITS } from './graphql-limits.js';

/** Field extension marking a full-text search; its value names the argument that makes it one. */
export const FULL_TEXT_SEARCH = 'fullTextSearch';

/**
 * One HTTP request (a batch of up to 5 operations shares its context) gets one cost budget, and
 * each full-text search it runs spends one of the client address's searches per minute. The
 * per-operation limits stay in the validation rules; this runs once the operation is known.
 */
@Plugin()
export class RequestBudgetPlugin implements ApolloServerPlugin<GraphqlContext> {
  private readonly searchRule: RateLimitRule;

  constructor(
    private readonly rateLimits: RateLimitService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.searchRule = {
      name: 'search',
      points: config.searchesPerMinute,
      windowSeconds: SEARCH_THROTTLE.windowSeconds,
      message: 'Too many searches from your address.',
    };
  }

  async requestDidStart(): Promise<GraphQLRequestListener<GraphqlContext>> {
    return {
      didResolveOperation: async ({ contextValue, schema, document, operation, request }) => {
        if (!operation) return;
        const { cost, searches } = measureOperation(schema, document, operation, request.variables ?? {});
        contextValue.requestCost.spent += cost;
        if (contextValue.requestCost.spent > GRAPHQL_LIMITS.maxCost) {
          throw new GraphQLError(
            `Request cost limit of ${GRAPHQL_LIMITS.maxCost} exceeded: the operations of this request cost ${Math.round(contextValue.requestCost.spent)} together.`,
            { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } },
          );
        }
        if (searches > 0) {
          contextValue.uncacheable = true;
          try {
            await this.rateLimits.consume(this.searchRule, [`ip:${contextValue.req.ip ?? 'unknown'}`], searches);
          } catch (e) {
            // a DomainError (RATE_LIMITED) for the formatter; 200 as when a resolver throws it
            throw new GraphQLError((e as Error).message, {
              originalError: e as Error,
              extensions: { http: { status: 200 } },
            });
          }
        }
      },
    };
  }
}

/**
 * The operation's cost as graphql-armor estimates it (objects 2, scalars 1, ×1.5 per level,
 * × `first` of lists, fragments flattened), plus GRAPHQL_LIMITS.searchCost for each full-text
 * search, and how many full-text searches it runs.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): { cost: number; searches: number } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  let searches = 0;
  const typeInfo = new TypeInfo(schema);
  const visiting = new Set<string>();
  const countSearches = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        Field(field) {
          const searchArg = typeInfo.getFieldDef()?.extensions?.[FULL_TEXT_SEARCH];
          if (typeof searchArg !== 'string') return;
          const arg = field.arguments?.find((a) => a.name.value === searchArg);
          const value = arg && valueOf(arg.value, variables);
          if (typeof value === 'string' && value.trim()) searches++;
        },
        FragmentSpread(spread) {
          const fragment = fragments.get(spread.name.value);
          if (!fragment || visiting.has(fragment.name.value)) return;
          visiting.add(fragment.name.value);
          countSearches(fragment);
          visiting.delete(fragment.name.value);
        },
      }),
    );
  countSearches(operation);

  const stack = new Set<string>();
  const selectionsCost = (selections: readonly SelectionNode[]) =>
    selections.reduce((n, child) => n + (child.kind === Kind.FIELD ? 1.5 * costOf(child) : costOf(child)), 2);
  const costOf = (node: SelectionNode): number => {
    if (node.kind === Kind.FIELD && node.name.value === '__schema') return 0;
    if (node.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments.get(node.name.value);
      if (!fragment || stack.has(node.name.value)) return 1;
      stack.add(node.name.value);
      const cost = 1 + selectionsCost(fragment.selectionSet.selections);
      stack.delete(node.name.value);
      return cost;
    }
    if (!node.selectionSet) return 1;
    let cost = selectionsCost(node.selectionSet.selections);
    if (node.kind === Kind.FIELD) {
      const first = node.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'last');
      if (first?.value.kind === Kind.INT) cost *= Math.max(parseInt(first.value.value, 10), 1);
    }
    return cost;
  };
  const fields = operation.selectionSet.selections.reduce((n, s) => n + costOf(s), 0);
  return { cost: fields + searches * GRAPHQL_LIMITS.searchCost, searches };
}

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.STRING) return node.value;
  return undefined;
}
