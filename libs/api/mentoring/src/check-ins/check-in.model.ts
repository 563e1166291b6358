import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CHECK_IN_KINDS, type CheckInKind } from '../events/mentoring-care-events.js';

export const CheckInKindEnum = Object.fromEntries(CHECK_IN_KINDS.map((k) => [k, k])) as { [K in CheckInKind]: K };
registerEnumType(CheckInKindEnum, {
  name: 'MentorshipCheckInKind',
  description:
    'FIT: "is this a good fit?" after the first session (both); DAY_30/60/90 after acceptance and AFTER_END (90 days after completion): "did you make the move?" (the mentee).',
});

@ObjectType('MentorshipCheckIn', {
  description: "One of the viewer's own check-ins on a mentorship; each is answered once.",
})
export class MentorshipCheckInModel {
  @Field(() => ID)
  id!: string;

  @Field(() => CheckInKindEnum)
  kind!: CheckInKind;

  @Field(() => GraphQLISODateTime)
  dueAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Null while it waits for an answer.' })
  answeredAt!: Date | null;

  @Field(() => Boolean, { nullable: true })
  goodFit!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  madeMove!: boolean | null;

  @Field(() => String, { nullable: true })
  roleReached!: string | null;
}

@ObjectType('MentorOutcomes', {
  description: 'What the mentor\'s mentees answered to "did you make the move?", in aggregate only.',
})
export class MentorOutcomesModel {
  @Field(() => Int, { description: 'Outcome answers (at least 5, or the profile shows none).' })
  answerCount!: number;

  @Field(() => Int, { description: 'Answers saying the move was made.' })
  madeMoveCount!: number;
}
