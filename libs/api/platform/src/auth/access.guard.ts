import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import passport from 'passport';
import { roleHasPermission } from '@crossroads/shared-domain';
import { DomainError, ForbiddenError, UnauthenticatedError } from '../errors/domain-error.js';
import { ACCESS_RULE, type AccessRule } from './access.decorators.js';
import { JwtStrategy } from './jwt.strategy.js';
import { suspensionEndText } from './moderation-facts.js';
import type { Principal } from './principal.js';
import { requestOf, type AuthedRequest } from './request-of.js';
import { isLiveRequest } from '../live/live-server.js';

/**
 * The authentication of each HTTP request, made once. Every top-level field of a document, and every
 * operation of a batch, runs this guard concurrently on the same request object: they all await
 * the one promise (the principal lookup is one statement per request, and no field sees a half-done
 * authentication as "signed out").
 */
const authentications = new WeakMap<AuthedRequest, Promise<Principal | null>>();

/**
 * The global guard. Authenticates a bearer token when one is sent (a bad one is always refused),
 * then applies the handler's access rule. A handler without a rule is denied: deny by default.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  /**
   * This application's own authenticator: passport's default one is process-wide, and its 'jwt'
   * strategy would be the last application's (its secret and database), wherever two run in one
   * process (tests, or a second instance started in-process).
   */
  private readonly authenticator = new passport.Passport();

  constructor(
    private readonly reflector: Reflector,
    strategy: JwtStrategy,
  ) {
    this.authenticator.use('jwt', strategy as unknown as passport.Strategy);
  }

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    const req = requestOf(ctx);
    // A live (graphql-ws) operation was authenticated in connection_init; its rules are kept so
    // the connection can re-check them when the principal changes.
    if (isLiveRequest(req) && rule) req.live.rules.push(rule);
    let authentication = authentications.get(req);
    if (!authentication) {
      authentication = isLiveRequest(req) ? Promise.resolve(req.user ?? null) : this.authenticate(req);
      authentications.set(req, authentication);
    }
    const user = await authentication;
    if (!rule) throw new ForbiddenError('This operation is not available.');
    if (rule.kind === 'public') return true;
    if (!user) throw new UnauthenticatedError();
    if (rule.kind === 'permission' && !roleHasPermission(user.role, rule.permission)) {
      if (user.suspension) {
        throw new ForbiddenError(
          `Your account is suspended ${suspensionEndText(user.suspension.endsAt)}: you can read but not moderate or write.`,
          {
            suspendedUntil: user.suspension.endsAt ? user.suspension.endsAt.toISOString() : null,
          },
        );
      }
      throw new ForbiddenError(`Your role (${user.role}) does not allow this.`);
    }
    return true;
  }

  private async authenticate(req: AuthedRequest): Promise<Principal | null> {
    req.user = null;
    if (!req.headers.authorization) return null;
    const user = await new Promise<Principal>((resolve, reject) => {
      const done = (err: unknown, found: Principal | false) => {
        try {
          resolve(this.handleRequest(err, found));
        } catch (e) {
          reject(e);
        }
      };
      this.authenticator.authenticate('jwt', { session: false }, done)(req, {}, reject);
    });
    req.user = user;
    return user;
  }

  /** A refused token is UNAUTHENTICATED; a failure while resolving it (database down) stays an error. */
  private handleRequest(err: unknown, user: Principal | false): Principal {
    if (err instanceof DomainError) throw err;
    if (err) throw err instanceof Error ? err : new Error(String(err));
    if (!user) throw new UnauthenticatedError('Your session is invalid or has expired. Sign in again.');
    return user;
  }
}
