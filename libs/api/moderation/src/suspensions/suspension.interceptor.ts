import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { from, switchMap, type Observable } from 'rxjs';
import { ForbiddenError, ModerationFacts, suspensionEndText, type GraphqlContext } from '@crossroads/api-platform';

/** Session mutations stay open to suspended members (they may sign in and out to read). */
const SESSION_MUTATIONS = new Set(['login', 'logout', 'refreshSession', 'register']);

/**
 * "A suspended member can read but every write is FORBIDDEN with the end date": runs after the
 * access guard (which authenticated the viewer and read their suspension) on every GraphQL mutation field.
 */
@Injectable()
export class SuspensionInterceptor implements NestInterceptor {
  constructor(private readonly facts: ModerationFacts) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType<string>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(ctx);
    const info = gql.getInfo<GraphQLResolveInfo>();
    if (
      info.operation.operation !== 'mutation' ||
      info.parentType.name !== 'Mutation' ||
      SESSION_MUTATIONS.has(info.fieldName)
    )
      return next.handle();
    const user = gql.getContext<GraphqlContext>().req.user;
    if (!user) return next.handle();
    // The principal lookup already read the suspension for this request; principals made otherwise ask.
    const suspension =
      user.suspension !== undefined ? Promise.resolve(user.suspension) : this.facts.activeSuspension(user.id);
    return from(suspension).pipe(
      switchMap((suspension) => {
        if (suspension) {
          throw new ForbiddenError(
            `Your account is suspended ${suspensionEndText(suspension.endsAt)}: you can read but not write.`,
            {
              suspendedUntil: suspension.endsAt ? suspension.endsAt.toISOString() : null,
            },
          );
        }
        return next.handle();
      }),
    );
  }
}
