import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { trim } from '@crossroads/api-platform';

export const MODERATION_DECISIONS = ['APPROVE', 'REJECT', 'SPAM'] as const;
export type ModerationDecision = (typeof MODERATION_DECISIONS)[number];

export const ModerationDecisionEnum = Object.fromEntries(MODERATION_DECISIONS.map((d) => [d, d])) as {
  [K in ModerationDecision]: K;
};
registerEnumType(ModerationDecisionEnum, {
  name: 'ModerationDecision',
  description: 'SPAM also holds the author’s later comments.',
});

@InputType()
export class ModerateCommentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'commentId must be a comment id.' })
  commentId!: string;

  @Field(() => ModerationDecisionEnum)
  @IsIn(MODERATION_DECISIONS as unknown as string[], { message: 'decision must be APPROVE, REJECT or SPAM.' })
  decision!: ModerationDecision;

  @Field(() => String, { nullable: true, description: 'Why (kept in the moderation log), up to 500 characters.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 500, { message: 'reason must be 1 to 500 characters long.' })
  reason?: string;
}
