import { Field, GraphQLISODateTime, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsString, Length, MaxLength } from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';

@ObjectType('OidcProvider', {
  description: 'An OpenID Connect provider people may sign in with; sign-in starts at `GET /auth/oidc/<id>`.',
})
export class OidcProviderModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Shown on the button: "Sign in with <displayName>".' })
  displayName!: string;
}

@ObjectType('LinkedIdentity', { description: "A provider sign-in linked to the viewer's account." })
export class LinkedIdentityModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The provider id (OidcProvider.id).' })
  provider!: string;

  @Field({ description: "The provider's display name; its id when it is no longer configured." })
  providerName!: string;

  @Field(() => String, { nullable: true, description: "The provider's verified email when it was linked." })
  email!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  lastUsedAt!: Date | null;
}

@ObjectType('SignInMethods', {
  description: 'How the viewer can sign in: needed to tell whether a sign-in may be unlinked.',
})
export class SignInMethodsModel {
  @Field({ description: 'Whether the account has a password.' })
  hasPassword!: boolean;

  @Field(() => [LinkedIdentityModel])
  identities!: LinkedIdentityModel[];
}

@InputType()
export class ConfirmOidcLinkInput {
  @Field({ description: 'The `token` the provider sign-in sent to `/sign-in/link`.' })
  @IsString()
  @MaxLength(4096, { message: 'token is too long.' })
  token!: string;

  @Field({ description: "The existing account's password, proving it is yours." })
  @IsString()
  @Length(1, LIMITS.password.max, { message: `password must be 1 to ${LIMITS.password.max} characters long.` })
  password!: string;
}
