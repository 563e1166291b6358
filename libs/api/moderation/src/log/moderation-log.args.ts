import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { MODERATION_ACTIONS, type ModerationAction } from './moderation-log.entity.js';
import { ModerationActionEnum } from './moderation-log.model.js';
import { PageArgs } from '@crossroads/api-platform';

@ArgsType()
export class ModerationLogArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only actions by this moderator or admin.' })
  @IsOptional()
  @IsString()
  @MaxLength(24, { message: 'actorHandle is at most 24 characters.' })
  actorHandle?: string;

  @Field(() => ID, { nullable: true, description: 'Only actions on this user, question, answer or comment.' })
  @IsOptional()
  @IsUUID('all', { message: 'targetId must be an id.' })
  targetId?: string;

  @Field(() => ModerationActionEnum, { nullable: true })
  @IsOptional()
  @IsIn(MODERATION_ACTIONS as unknown as string[], { message: 'action is not a moderation action.' })
  action?: ModerationAction;
}
