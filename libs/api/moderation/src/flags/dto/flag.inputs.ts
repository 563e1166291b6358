import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PostTargetInput } from '../../common/post-target.input.js';
import { FLAG_REASONS, type FlagReason } from '../flag.entity.js';
import { REASON_LENGTH_TEXT, ReasonText } from '../../common/reason.validators.js';

export const FlagReasonEnum = Object.fromEntries(FLAG_REASONS.map((r) => [r, r])) as { [K in FlagReason]: K };
registerEnumType(FlagReasonEnum, { name: 'FlagReason', description: 'OTHER needs a text.' });

export const FLAG_DECISIONS = ['DISMISS', 'HIDE'] as const;
export type FlagDecision = (typeof FLAG_DECISIONS)[number];
export const FlagDecisionEnum = Object.fromEntries(FLAG_DECISIONS.map((r) => [r, r])) as { [K in FlagDecision]: K };
registerEnumType(FlagDecisionEnum, {
  name: 'FlagDecision',
  description: 'DISMISS restores a post the flags hid; HIDE keeps (or makes) it hidden.',
});

@InputType({
  description:
    'One flag per member and post. Flags weigh by trust (3-day-old accounts with 15 reputation weigh 1, 1,000 reputation 2, others 0 and are only queued); a weight of 3, or a moderator, hides the post until a moderator decides. Trusted authors are never hidden by members.',
})
export class FlagInput extends PostTargetInput {
  @Field(() => FlagReasonEnum)
  @IsIn(FLAG_REASONS as unknown as string[], {
    message: 'reason must be SPAM, RUDE, OFF_TOPIC, NEEDS_IMPROVEMENT or OTHER.',
  })
  reason!: FlagReason;

  @Field(() => String, { nullable: true, description: `Required for OTHER: ${REASON_LENGTH_TEXT}.` })
  @IsOptional()
  @ReasonText('text')
  text?: string;
}

@InputType()
export class ResolveFlagsInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'postId must be a question, answer or comment id.' })
  postId!: string;

  @Field(() => FlagDecisionEnum)
  @IsIn(FLAG_DECISIONS as unknown as string[], { message: 'decision must be DISMISS or HIDE.' })
  decision!: FlagDecision;

  @Field(() => String, { nullable: true, description: `For the moderation log: ${REASON_LENGTH_TEXT}.` })
  @IsOptional()
  @ReasonText()
  reason?: string;
}
