import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, Public, type AppConfig, type GraphqlContext } from '@crossroads/api-platform';
import { toUserModel } from '../users/user.mapper.js';
import { AuthPayloadModel } from './auth-payload.model.js';
import { AuthService, type SignedIn } from './auth.service.js';
import { LoginInput } from './dto/login.input.js';
import { RegisterInput } from './dto/register.input.js';
import { clientInfo } from './client-info.js';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './session-cookie.js';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Mutation(() => AuthPayloadModel, {
    description:
      'Creates a MEMBER account and signs it in. Limited per IP (5 an hour by default); the password must pass the strength check.',
  })
  @Public()
  async register(@Args('input') input: RegisterInput, @Context() ctx: GraphqlContext): Promise<AuthPayloadModel> {
    return this.payload(await this.auth.register(input, ctx.req.ip ?? 'unknown', clientInfo(ctx.req)), ctx);
  }

  @Mutation(() => AuthPayloadModel, { description: 'Signs in. Limited to 5 attempts a minute per IP and per account.' })
  @Public()
  async login(@Args('input') input: LoginInput, @Context() ctx: GraphqlContext): Promise<AuthPayloadModel> {
    return this.payload(await this.auth.login(input, ctx.req.ip ?? 'unknown', clientInfo(ctx.req)), ctx);
  }

  @Mutation(() => AuthPayloadModel, {
    description:
      'Renews the access token from the refresh cookie, rotating it. A reused refresh token signs its session out.',
  })
  @Public()
  async refreshSession(@Context() ctx: GraphqlContext): Promise<AuthPayloadModel> {
    try {
      return this.payload(await this.auth.refresh(readRefreshCookie(ctx.req), clientInfo(ctx.req)), ctx);
    } catch (e) {
      clearRefreshCookie(ctx.res, this.config.isProduction);
      throw e;
    }
  }

  @Mutation(() => Boolean, { description: 'Ends this browser session: its refresh token family is revoked.' })
  @Public()
  async logout(@Context() ctx: GraphqlContext): Promise<boolean> {
    await this.auth.logout(readRefreshCookie(ctx.req));
    clearRefreshCookie(ctx.res, this.config.isProduction);
    return true;
  }

  private payload(session: SignedIn, ctx: GraphqlContext): AuthPayloadModel {
    return signedInPayload(session, ctx, this.config.isProduction);
  }
}

/** The answer to a sign-in of any kind: the access token in the body, the refresh token in its cookie. */
export function signedInPayload(session: SignedIn, ctx: GraphqlContext, secureCookie: boolean): AuthPayloadModel {
  setRefreshCookie(ctx.res, session.refreshToken, secureCookie);
  return Object.assign(new AuthPayloadModel(), {
    accessToken: session.accessToken,
    accessTokenExpiresAt: session.accessTokenExpiresAt,
    user: toUserModel(session.user),
  });
}
