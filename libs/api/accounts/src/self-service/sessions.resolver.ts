import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  APP_CONFIG,
  CurrentUser,
  SignedIn,
  type AppConfig,
  type GraphqlContext,
  type Principal,
} from '@crossroads/api-platform';
import { clearRefreshCookie } from '../auth/session-cookie.js';
import { SessionModel } from './session.model.js';
import { SessionsService } from './sessions.service.js';

/** The viewer's sessions. Ending one stops its access tokens on their next request (the principal lookup). */
@Resolver(() => SessionModel)
export class SessionsResolver {
  constructor(
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => [SessionModel], { description: "The viewer's live sessions, most recently used first." })
  @SignedIn()
  mySessions(@CurrentUser() viewer: Principal): Promise<SessionModel[]> {
    return this.sessions.list(viewer);
  }

  @Mutation(() => Boolean, {
    description: "Ends one of the viewer's sessions (this one too, if it is its id); its access tokens stop at once.",
  })
  @SignedIn()
  async revokeSession(@Args('id', { type: () => ID }) id: string, @CurrentUser() viewer: Principal): Promise<boolean> {
    await this.sessions.revoke(viewer, id);
    return true;
  }

  @Mutation(() => Boolean, {
    description: 'Ends every session of the viewer, this one included; every access token stops at once.',
  })
  @SignedIn()
  async signOutEverywhere(@CurrentUser() viewer: Principal, @Context() ctx: GraphqlContext): Promise<boolean> {
    await this.sessions.revokeAll(viewer);
    clearRefreshCookie(ctx.res, this.config.isProduction);
    return true;
  }
}
