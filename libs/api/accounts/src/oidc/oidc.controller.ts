import { Controller, Get, Inject, Logger, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { CookieOptions, Request, Response } from 'express';
import { APP_CONFIG, Public, type AppConfig } from '@crossroads/api-platform';
import { clientInfo } from '../auth/client-info.js';
import { setRefreshCookie } from '../auth/session-cookie.js';
import { DomainErrorAsHttp } from '../http/domain-error-as-http.js';
import { OidcClientService, type PendingAuthorization } from './oidc-client.service.js';
import { OidcSignInService, type OidcFailure } from './oidc-sign-in.service.js';
import { OIDC_TTL_SECONDS, readOidcToken, signOidcToken } from './oidc-tokens.js';

export const OIDC_COOKIE = 'crossroads_oidc';

type PendingCookie = PendingAuthorization & { provider: string; linkTo?: string };

/**
 * `GET /auth/oidc/<provider>` sends the browser to the provider; the provider sends it back to
 * `/auth/oidc/<provider>/callback`, which signs in (the refresh cookie; the web app renews from it)
 * and sends the browser to the web app. State, nonce and the PKCE verifier wait in a signed,
 * short-lived cookie (SameSite=Lax: it has to come back with the provider's redirect).
 */
@Controller('auth/oidc')
@UseFilters(DomainErrorAsHttp)
export class OidcController {
  private readonly logger = new Logger('Accounts');

  constructor(
    private readonly clients: OidcClientService,
    private readonly signIn: OidcSignInService,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':provider')
  @Public()
  async start(
    @Param('provider') provider: string,
    @Query('link') link: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    this.clients.provider(provider);
    const linkTo = link ? this.signIn.readLinkIntent(link, provider) : null;
    if (link && !linkTo) return this.toWeb(res, '/settings/sign-ins', { oidcError: 'state' });
    let authorization;
    try {
      authorization = await this.clients.authorizationUrl(provider);
    } catch (e) {
      // The provider is down or misconfigured (discovery failed): say so on the page the person came from.
      this.logger.warn(`OIDC discovery for ${provider} failed: ${(e as Error).message}`);
      return this.toWeb(res, linkTo ? '/settings/sign-ins' : '/sign-in', { oidcError: 'failed' });
    }
    const { url, pending } = authorization;
    const value = signOidcToken(this.jwt, 'authorization', {
      ...pending,
      provider,
      ...(linkTo ? { linkTo } : {}),
    } satisfies PendingCookie);
    res.cookie(OIDC_COOKIE, value, { ...this.cookieOptions(), maxAge: OIDC_TTL_SECONDS.authorization * 1000 });
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(303, url.href);
  }

  @Get(':provider/callback')
  @Public()
  async callback(@Param('provider') provider: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    this.clients.provider(provider);
    const pending = readOidcToken<PendingCookie>(
      this.jwt,
      'authorization',
      (req.cookies as Record<string, string | undefined>)[OIDC_COOKIE],
    );
    res.clearCookie(OIDC_COOKIE, this.cookieOptions());
    res.setHeader('Cache-Control', 'no-store');
    const back = pending?.linkTo ? '/settings/sign-ins' : '/sign-in';
    const fail = (reason: OidcFailure) => this.toWeb(res, back, { oidcError: reason });
    const query = req.query as Record<string, unknown>;
    if (typeof query.error === 'string') return fail(query.error === 'access_denied' ? 'denied' : 'failed');
    if (!pending || pending.provider !== provider || typeof query.state !== 'string' || query.state !== pending.state)
      return fail('state');

    let outcome;
    try {
      const search = req.originalUrl.slice(req.originalUrl.indexOf('?'));
      const claims = await this.clients.exchange(
        provider,
        new URL(this.clients.callbackUrl(provider) + search),
        pending,
      );
      outcome = await this.signIn.complete(provider, claims, clientInfo(req), pending.linkTo);
    } catch (e) {
      this.logger.warn(`OIDC sign-in with ${provider} failed: ${(e as Error).message}`);
      return fail('failed');
    }
    switch (outcome.kind) {
      case 'refused':
        return fail(outcome.reason);
      case 'link-needed':
        return this.toWeb(res, '/sign-in/link', { token: outcome.token, provider });
      case 'linked':
        return this.toWeb(res, '/settings/sign-ins', { linked: provider });
      case 'signed-in':
        setRefreshCookie(res, outcome.session.refreshToken, this.config.isProduction);
        return this.toWeb(res, '/', {});
    }
  }

  private cookieOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: this.config.isProduction, path: '/auth/oidc' };
  }

  private toWeb(res: Response, path: string, params: Record<string, string>): void {
    const url = new URL(this.config.mail.publicUrl + path);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    res.redirect(303, url.href);
  }
}
