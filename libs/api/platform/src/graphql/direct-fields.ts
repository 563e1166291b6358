import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLObjectType } from 'graphql';
import type { Principal } from '../auth/principal.js';
import type { GraphqlContext } from './graphql-context.js';

/** What graphql-js calls for a field: the parent object, the field's arguments, the request's context. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DirectResolver<P = any> = (parent: P, args: Record<string, unknown>, ctx: GraphqlContext) => unknown;

/** The viewer as `@CurrentUser()` gives it: the signed-in principal, or null for a guest. */
export const viewerOf = (ctx: GraphqlContext): Principal | null => ctx.req?.user ?? null;

/**
 * Hot fields that graphql-js resolves by calling the resolver's method directly. Nest runs every
 * `@ResolveField` call through its context creator (a param factory and the pipe chain per argument):
 * over a hundred times for a question page of 30 answers. Measured through the bench's `--lever`
 * harness on a throwaway build: 1.04–1.42× less API CPU per feed and question page (apps/bench/README.md,
 * "Lean field resolution").
 *
 * A resolver registers a field in its constructor with the arguments its decorators would give
 * (`@Parent()` → parent, `@Context()` → ctx, `@CurrentUser()` → `viewerOf(ctx)`), so the call is
 * type-checked against the method. Only for fields without `@Args`, guards or pipes of their own
 * (field resolvers run no guards or interceptors here: `fieldResolverEnhancers` is not set).
 */
@Injectable()
export class DirectFields implements OnApplicationBootstrap {
  private readonly fields = new Map<string, { type: string; field: string; resolve: DirectResolver }>();

  constructor(private readonly schemaHost: GraphQLSchemaHost) {}

  register<P>(type: string, field: string, resolve: DirectResolver<P>): void {
    this.fields.set(`${type}.${field}`, { type, field, resolve: resolve as DirectResolver });
  }

  /** The registered resolvers by `Type.field`. */
  registered(): ReadonlyMap<string, DirectResolver> {
    return new Map([...this.fields].map(([key, f]) => [key, f.resolve]));
  }

  onApplicationBootstrap(): void {
    // The schema Apollo executes: built by GraphQLModule in its onModuleInit, before any bootstrap hook.
    const schema = this.schemaHost.schema;
    for (const { type, field, resolve } of this.fields.values()) {
      const objectType = schema.getType(type);
      const def = objectType instanceof GraphQLObjectType ? objectType.getFields()[field] : undefined;
      if (!def) throw new Error(`DirectFields: ${type}.${field} is not a field of the schema`);
      def.resolve = resolve;
    }
  }
}
