import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

export const CLOSE_REASONS = ['DUPLICATE', 'OFF_TOPIC', 'UNCLEAR'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const CloseReasonEnum = Object.fromEntries(CLOSE_REASONS.map((r) => [r, r])) as { [K in CloseReason]: K };
registerEnumType(CloseReasonEnum, { name: 'CloseReason', description: 'DUPLICATE needs duplicateOfId.' });

@InputType()
export class CloseQuestionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a question id.' })
  id!: string;

  @Field(() => CloseReasonEnum)
  @IsIn(CLOSE_REASONS as unknown as string[], { message: 'reason must be DUPLICATE, OFF_TOPIC or UNCLEAR.' })
  reason!: CloseReason;

  @Field(() => ID, {
    nullable: true,
    description: 'Required for DUPLICATE: the question this one duplicates (another, existing one).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'duplicateOfId must be a question id.' })
  duplicateOfId?: string;
}
