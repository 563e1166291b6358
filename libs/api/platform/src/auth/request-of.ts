import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import type { Principal } from './principal.js';

export type AuthedRequest = Omit<Request, 'user'> & { user?: Principal | null };

/** The HTTP request behind a GraphQL resolver or a REST handler. */
export function requestOf(ctx: ExecutionContext): AuthedRequest {
  if (ctx.getType<string>() === 'graphql')
    return GqlExecutionContext.create(ctx).getContext<{ req: AuthedRequest }>().req;
  return ctx.switchToHttp().getRequest<AuthedRequest>();
}
