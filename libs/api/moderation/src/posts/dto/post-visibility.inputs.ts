import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { POST_TYPES, PostTypeEnum, trim, type PostType } from '@crossroads/api-qa';

@InputType({ description: 'Deletes (hides) one of your own questions, answers or comments. Only a moderator can restore it.' })
export class DeletePostInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'targetId must be a question, answer or comment id.' })
  targetId!: string;

  @Field(() => PostTypeEnum)
  @IsIn(POST_TYPES as unknown as string[], { message: 'targetType must be QUESTION, ANSWER or COMMENT.' })
  targetType!: PostType;

  @Field(() => String, { nullable: true, description: 'Why, 3–500 characters (shown to moderators).' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(3, 500, { message: 'reason must be 3 to 500 characters long.' })
  reason?: string;
}

@InputType({ description: 'MODERATOR+: hides any question, answer or comment, with a reason.' })
export class HidePostInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'targetId must be a question, answer or comment id.' })
  targetId!: string;

  @Field(() => PostTypeEnum)
  @IsIn(POST_TYPES as unknown as string[], { message: 'targetType must be QUESTION, ANSWER or COMMENT.' })
  targetType!: PostType;

  @Field({ description: 'Why: kept on the post and in the moderation log, 3–500 characters.' })
  @Transform(trim)
  @IsString()
  @Length(3, 500, { message: 'reason must be 3 to 500 characters long.' })
  reason!: string;
}

@InputType({ description: 'MODERATOR+: restores a hidden or deleted question, answer or comment.' })
export class RestorePostInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'targetId must be a question, answer or comment id.' })
  targetId!: string;

  @Field(() => PostTypeEnum)
  @IsIn(POST_TYPES as unknown as string[], { message: 'targetType must be QUESTION, ANSWER or COMMENT.' })
  targetType!: PostType;

  @Field({ description: 'Why: kept in the moderation log, 3–500 characters.' })
  @Transform(trim)
  @IsString()
  @Length(3, 500, { message: 'reason must be 3 to 500 characters long.' })
  reason!: string;
}
