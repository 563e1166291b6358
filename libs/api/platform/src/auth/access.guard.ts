import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { roleHasPermission } from '@crossroads/shared-domain';
import { ForbiddenError, UnauthenticatedError } from '../errors/domain-error.js';
import { ACCESS_RULE, type AccessRule } from './access.decorators.js';
import type { Principal } from './principal.js';
import { requestOf } from './request-of.js';

/**
 * The global guard. Authenticates a bearer token when one is sent (a bad one is always refused),
 * then applies the handler's access rule. A handler without a rule is denied: deny by default.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override getRequest(ctx: ExecutionContext) {
    return requestOf(ctx);
  }

  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [ctx.getHandler(), ctx.getClass()]);
    const req = requestOf(ctx);
    if (req.user === undefined) {
      req.user = null;
      if (req.headers.authorization) await super.canActivate(ctx);
    }
    if (!rule) throw new ForbiddenError('This operation is not available.');
    if (rule.kind === 'public') return true;
    const user = req.user;
    if (!user) throw new UnauthenticatedError();
    if (rule.kind === 'permission' && !roleHasPermission(user.role, rule.permission)) {
      throw new ForbiddenError(`Your role (${user.role}) does not allow this.`);
    }
    return true;
  }

  override handleRequest<T = Principal>(err: unknown, user: T | false): T {
    if (err || !user) throw new UnauthenticatedError('Your session is invalid or has expired. Sign in again.');
    return user;
  }
}
