import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';
import { trimToNull } from '@crossroads/api-platform';

const { roleReached } = LIMITS.mentoring;

@InputType({ description: '"Did you make the move?", with the role reached.' })
export class CheckInOutcomeInput {
  @Field()
  @IsBoolean({ message: 'outcome.madeMove must be true or false.' })
  madeMove!: boolean;

  @Field(() => String, {
    nullable: true,
    description: `The role reached (up to ${roleReached.max} characters), e.g. "PMO analyst".`,
  })
  @IsOptional()
  @Transform(trimToNull)
  @IsString({ message: 'outcome.roleReached must be text.' })
  @MaxLength(roleReached.max, { message: `outcome.roleReached must be at most ${roleReached.max} characters long.` })
  roleReached?: string | null;
}

@InputType({
  description:
    'One answer: goodFit (after the first session) or outcome (the mentee, at 30/60/90 days and 90 days after completion).',
})
export class CheckInInput {
  @Field(() => ID)
  @IsString({ message: 'mentorshipId must be an id.' })
  @MaxLength(64, { message: 'mentorshipId must be an id.' })
  mentorshipId!: string;

  @Field(() => Boolean, { nullable: true, description: '"Is this a good fit?" A no ends the mentorship kindly.' })
  @IsOptional()
  @IsBoolean({ message: 'goodFit must be true or false.' })
  goodFit?: boolean | null;

  @Field(() => CheckInOutcomeInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CheckInOutcomeInput)
  outcome?: CheckInOutcomeInput | null;
}
