import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Session', { description: 'A signed-in browser or device of the viewer (a refresh-token family).' })
export class SessionModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The session this request comes from.' })
  current!: boolean;

  @Field(() => String, { nullable: true, description: 'The browser, as it said when the session last renewed.' })
  userAgent!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The network it last renewed from: an IPv4 /24 or an IPv6 /48, never the full address.',
  })
  ipPrefix!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, {
    description: 'When it last signed in or renewed its access token (every 15 minutes while in use).',
  })
  lastUsedAt!: Date;
}
