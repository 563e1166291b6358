import { Inject, Injectable } from '@nestjs/common';
import * as oidc from 'openid-client';
import { APP_CONFIG, NotFoundError, type AppConfig, type OidcProviderConfig } from '@crossroads/api-platform';

/** What a provider says about the person once the code is exchanged (ID token and userinfo merged). */
export interface ProviderClaims {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  preferredUsername: string | null;
}

/** The browser's half of an authorization request, kept in a signed cookie until the callback. */
export interface PendingAuthorization {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** openid-client per configured provider; discovery runs on first use and is cached (retried after a failure). */
@Injectable()
export class OidcClientService {
  private readonly configurations = new Map<string, Promise<oidc.Configuration>>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  providers(): OidcProviderConfig[] {
    return this.config.oidcProviders;
  }

  provider(id: string): OidcProviderConfig {
    const found = this.config.oidcProviders.find((p) => p.id === id);
    if (!found) throw new NotFoundError('That sign-in provider', 'provider');
    return found;
  }

  callbackUrl(id: string): string {
    return `${this.config.mail.publicUrl}/auth/oidc/${id}/callback`;
  }

  /** The provider's authorization URL (code flow, PKCE S256, state and nonce) and the values to check at the callback. */
  async authorizationUrl(id: string): Promise<{ url: URL; pending: PendingAuthorization }> {
    const configuration = await this.configuration(id);
    const pending = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.callbackUrl(id),
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url, pending };
  }

  /** Exchanges the code (checking state, nonce and PKCE) and reads the claims. Throws on any failure. */
  async exchange(id: string, callbackUrl: URL, pending: PendingAuthorization): Promise<ProviderClaims> {
    const configuration = await this.configuration(id);
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error('The provider answered without an ID token.');
    // Providers often keep email and profile claims out of the ID token: userinfo has them.
    const info = await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
    const all: Record<string, unknown> = { ...idClaims, ...info };
    const text = (key: string) =>
      typeof all[key] === 'string' && (all[key] as string).trim() ? (all[key] as string).trim() : null;
    return {
      subject: idClaims.sub,
      email: text('email')?.toLowerCase() ?? null,
      emailVerified: all.email_verified === true,
      name: text('name'),
      preferredUsername: text('preferred_username'),
    };
  }

  private configuration(id: string): Promise<oidc.Configuration> {
    let found = this.configurations.get(id);
    if (!found) {
      const p = this.provider(id);
      const issuer = new URL(p.issuer);
      // Plain http is refused by config in production; outside it, a local provider is fine.
      const execute = issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [];
      found = oidc.discovery(issuer, p.clientId, undefined, oidc.ClientSecretBasic(p.clientSecret), { execute });
      found.catch(() => this.configurations.delete(id));
      this.configurations.set(id, found);
    }
    return found;
  }
}
