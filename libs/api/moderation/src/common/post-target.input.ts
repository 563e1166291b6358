import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsUUID } from 'class-validator';
import { POST_TYPES, PostTypeEnum, type PostType } from '@crossroads/api-qa';

/** The question, answer or comment a moderation input acts on. */
@InputType({ isAbstract: true })
export class PostTargetInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'targetId must be a question, answer or comment id.' })
  targetId!: string;

  @Field(() => PostTypeEnum)
  @IsIn(POST_TYPES as unknown as string[], { message: 'targetType must be QUESTION, ANSWER or COMMENT.' })
  targetType!: PostType;
}
