import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  APP_CONFIG,
  CurrentUser,
  Public,
  SignedIn,
  type AppConfig,
  type GraphqlContext,
  type Principal,
} from '@crossroads/api-platform';
import { AuthPayloadModel } from '../auth/auth-payload.model.js';
import { signedInPayload } from '../auth/auth.resolver.js';
import { clientInfo } from '../auth/client-info.js';
import { OidcClientService } from './oidc-client.service.js';
import { ConfirmOidcLinkInput, OidcProviderModel, SignInMethodsModel } from './oidc.models.js';
import { LinkedIdentitiesService } from './linked-identities.service.js';
import { OidcSignInService } from './oidc-sign-in.service.js';

@Resolver()
export class OidcResolver {
  constructor(
    private readonly clients: OidcClientService,
    private readonly signIn: OidcSignInService,
    private readonly identities: LinkedIdentitiesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => [OidcProviderModel], {
    description: 'The OpenID Connect providers configured on this server (buttons on the sign-in page).',
  })
  @Public()
  oidcProviders(): OidcProviderModel[] {
    return this.clients
      .providers()
      .map((p) => Object.assign(new OidcProviderModel(), { id: p.id, displayName: p.displayName }));
  }

  @Query(() => SignInMethodsModel, {
    description: "The viewer's password (whether there is one) and linked provider sign-ins.",
  })
  @SignedIn()
  mySignInMethods(@CurrentUser() viewer: Principal): Promise<SignInMethodsModel> {
    return this.identities.methods(viewer.id);
  }

  @Mutation(() => AuthPayloadModel, {
    description:
      "Links a provider sign-in to the existing account with the same email, once that account's password is given, and signs in. Limited like login.",
  })
  @Public()
  async confirmOidcLink(
    @Args('input') input: ConfirmOidcLinkInput,
    @Context() ctx: GraphqlContext,
  ): Promise<AuthPayloadModel> {
    const session = await this.signIn.confirmLink(
      input.token,
      input.password,
      ctx.req.ip ?? 'unknown',
      clientInfo(ctx.req),
    );
    return signedInPayload(session, ctx, this.config.isProduction);
  }

  @Mutation(() => String, {
    description: 'The address to send the browser to for linking a provider to the viewer (valid 2 minutes).',
  })
  @SignedIn()
  startOidcLink(@Args('provider') provider: string, @CurrentUser() viewer: Principal): string {
    this.clients.provider(provider);
    return `/auth/oidc/${provider}?link=${encodeURIComponent(this.signIn.linkIntent(viewer.id, provider))}`;
  }

  @Mutation(() => Boolean, {
    description: "Unlinks one of the viewer's provider sign-ins. The last way to sign in cannot be unlinked.",
  })
  @SignedIn()
  async unlinkIdentity(@Args('id', { type: () => ID }) id: string, @CurrentUser() viewer: Principal): Promise<boolean> {
    await this.identities.unlink(viewer.id, id);
    return true;
  }
}
