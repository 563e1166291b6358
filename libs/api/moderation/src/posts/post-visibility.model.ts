import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { PostTypeEnum, type PostType } from '@crossroads/api-qa';

@ObjectType('PostVisibility', {
  description: 'Whether a question, answer or comment is hidden (soft-deleted) and why.',
})
export class PostVisibilityModel {
  @Field(() => ID)
  postId!: string;

  @Field(() => PostTypeEnum)
  postType!: PostType;

  @Field({ description: 'True while hidden from every public read.' })
  hidden!: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true })
  hiddenAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it is hidden (null when visible).' })
  reason!: string | null;
}
