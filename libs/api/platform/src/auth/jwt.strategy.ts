import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
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

/**
 * Verifies bearer access tokens (one pinned algorithm, issuer and audience, expiry enforced, at
 * most 15 minutes of life), then resolves the principal from the database: the role, suspension
 * and session in force now, not when the token was signed.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly principals: PrincipalResolver,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject made once: given the string, jsonwebtoken tries createPublicKey on it (and
      // throws) before making a secret key, on every request. HS256 still requires a secret key.
      // passport-jwt hands it to jsonwebtoken.verify as is (its types only list string | Buffer).
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as Buffer,
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<Principal | false> {
    if (!hasValidAccessClaims(claims)) return false;
    return (await this.principals.resolve(claims)) ?? false;
  }
}
