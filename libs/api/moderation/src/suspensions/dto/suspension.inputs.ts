import { Field, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';
import { trim } from '@crossroads/api-platform';
import { REASON_LENGTH_TEXT, ReasonText } from '../../common/reason.validators.js';

export const SUSPENSION_DAYS = LIMITS.moderation.suspensionDays;

@InputType({ description: 'Suspends a member for `days` days, or forever when days is omitted.' })
export class SuspendUserInput {
  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 24, { message: 'handle must be 1 to 24 characters long.' })
  handle!: string;

  @Field({ description: `Why: shown in the moderation log, ${REASON_LENGTH_TEXT}.` })
  @ReasonText()
  reason!: string;

  @Field(() => Int, {
    nullable: true,
    description: `${SUSPENSION_DAYS.min}–${SUSPENSION_DAYS.max}; omitted = forever (until lifted).`,
  })
  @IsOptional()
  @IsInt({ message: 'days must be a whole number.' })
  @Min(SUSPENSION_DAYS.min, { message: `days must be between ${SUSPENSION_DAYS.min} and ${SUSPENSION_DAYS.max}.` })
  @Max(SUSPENSION_DAYS.max, { message: `days must be between ${SUSPENSION_DAYS.min} and ${SUSPENSION_DAYS.max}.` })
  days?: number;
}

@InputType()
export class LiftSuspensionInput {
  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 24, { message: 'handle must be 1 to 24 characters long.' })
  handle!: string;

  @Field(() => String, { nullable: true, description: `For the moderation log: ${REASON_LENGTH_TEXT}.` })
  @IsOptional()
  @ReasonText()
  reason?: string;
}
