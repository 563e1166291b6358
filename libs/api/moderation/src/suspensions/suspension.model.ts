import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Suspension', {
  description: 'A member suspended by a moderator: they can read, but every write is FORBIDDEN until endsAt.',
})
export class SuspensionModel {
  @Field(() => ID)
  id!: string;

  @Field()
  reason!: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Null: forever (until lifted).' })
  endsAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  liftedAt!: Date | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  userId!: string;
}
