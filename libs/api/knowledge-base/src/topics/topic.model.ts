import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Topic', { description: 'A knowledge-base topic: an ordered shelf of guide articles.' })
export class TopicModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Unique, used in links.' })
  slug!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Int, { description: 'Order among topics, ascending.' })
  position!: number;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}
