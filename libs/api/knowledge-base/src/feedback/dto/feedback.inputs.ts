import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';
import { trim, PageArgs } from '@crossroads/api-platform';
import { FEEDBACK_STATUSES, type FeedbackStatus } from '../article-feedback.entity.js';
import { FeedbackStatusEnum } from '../feedback.model.js';

const { feedback } = LIMITS.knowledgeBase;

@InputType()
export class ArticleFeedbackInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'articleId must be an article id.' })
  articleId!: string;

  @Field({
    description: `What could be better, ${feedback.min}–${feedback.max} characters. Seen by moderators and the author only.`,
  })
  @Transform(trim)
  @IsString({ message: 'message must be text.' })
  @Length(feedback.min, feedback.max, {
    message: `message must be ${feedback.min} to ${feedback.max} characters long.`,
  })
  message!: string;
}

@ArgsType()
export class ArticleFeedbackListArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only feedback on this article.' })
  @IsOptional()
  @IsUUID('all', { message: 'articleId must be an article id.' })
  articleId?: string;

  @Field(() => FeedbackStatusEnum, { nullable: true, description: 'Only NEW or only DONE feedback.' })
  @IsOptional()
  @IsIn(FEEDBACK_STATUSES as unknown as string[], { message: `status must be one of ${FEEDBACK_STATUSES.join(', ')}.` })
  status?: FeedbackStatus;
}

@ArgsType()
export class FeedbackIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a feedback id.' })
  id!: string;
}
