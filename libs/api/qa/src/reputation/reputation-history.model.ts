import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { Max, Min, IsInt } from 'class-validator';

export const REPUTATION_HISTORY_MAX_DAYS = 365;

@ArgsType()
export class ReputationHistoryArgs {
  @Field(() => Int, { defaultValue: 90, description: 'How many UTC days, today included: 1 to 365.' })
  @IsInt({ message: 'days must be a whole number.' })
  @Min(1, { message: 'days must be between 1 and 365.' })
  @Max(REPUTATION_HISTORY_MAX_DAYS, { message: 'days must be between 1 and 365.' })
  days!: number;
}

@ObjectType('ReputationDay', { description: "One UTC day of a member's reputation." })
export class ReputationDayModel {
  @Field({ description: 'YYYY-MM-DD' })
  day!: string;

  @Field(() => Int, { description: 'Points gained (or lost) that day.' })
  points!: number;

  @Field(() => Int, { description: 'Reputation at the end of the day.' })
  reputation!: number;
}
