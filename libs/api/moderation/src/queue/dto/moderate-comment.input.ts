import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { REASON_LENGTH_TEXT, ReasonText } from '../../common/reason.validators.js';

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

  @Field(() => String, { nullable: true, description: `Why (kept in the moderation log), ${REASON_LENGTH_TEXT}.` })
  @IsOptional()
  @ReasonText()
  reason?: string;
}
