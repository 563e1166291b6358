import { createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import {
  JWT_ALGORITHM,
  JWT_AUDIENCE,
  JWT_ISSUER,
  hasValidAccessClaims,
  type AccessTokenClaims,
  type Principal,
} from './principal.js';
import { PrincipalResolver } from './principal-resolver.js';

export type VerifiedClaims = AccessTokenClaims & { iat: number; exp: number };

export type TokenVerification =
  | { ok: true; claims: VerifiedClaims; principal: Principal }
  | { ok: false; reason: 'expired' | 'invalid' | 'signed-out' };

/**
 * Verifies an access token outside an HTTP request (the live transport's `connection_init`) with
 * the same pinned algorithm, issuer, audience, expiry and claim rules as the HTTP JwtStrategy, then
 * resolves the principal through the same PrincipalResolver.
 */
@Injectable()
export class AccessTokenVerifier {
  private readonly jwt = new JwtService();
  private readonly key: KeyObject;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly principals: PrincipalResolver,
  ) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret));
  }

  async verify(token: string): Promise<TokenVerification> {
    let claims: unknown;
    try {
      claims = this.jwt.verify(token, {
        // jsonwebtoken takes the KeyObject as is (the types only list string | Buffer).
        secret: this.key as unknown as Buffer,
        algorithms: [JWT_ALGORITHM],
        issuer: JWT_ISSUER,
        audience: JWT_AUDIENCE,
        ignoreExpiration: false,
      });
    } catch (e) {
      return { ok: false, reason: (e as { name?: string }).name === 'TokenExpiredError' ? 'expired' : 'invalid' };
    }
    if (!hasValidAccessClaims(claims as Partial<AccessTokenClaims>)) return { ok: false, reason: 'invalid' };
    const verified = claims as VerifiedClaims;
    const principal = await this.principals.resolve(verified);
    return principal ? { ok: true, claims: verified, principal } : { ok: false, reason: 'signed-out' };
  }

  /** The principal as the database knows it now, for claims verified earlier; null: signed out or gone. */
  resolve(claims: VerifiedClaims): Promise<Principal | null> {
    return this.principals.resolve(claims);
  }
}
