import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { UserModel } from '../users/user.model.js';

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field({ description: 'Send as `Authorization: Bearer <token>`. Short-lived; renew with refreshSession.' })
  accessToken!: string;

  @Field(() => GraphQLISODateTime)
  accessTokenExpiresAt!: Date;

  @Field(() => UserModel)
  user!: UserModel;
}
