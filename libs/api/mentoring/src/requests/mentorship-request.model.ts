import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MENTORSHIP_STATUSES, type MentorshipStatus } from './mentorship-status.js';
import { PageInfoModel } from '@crossroads/api-platform';

export const MentorshipStatusEnum = Object.fromEntries(MENTORSHIP_STATUSES.map((s) => [s, s])) as {
  [K in MentorshipStatus]: K;
};
registerEnumType(MentorshipStatusEnum, {
  name: 'MentorshipStatus',
  description:
    'PENDING until the mentor answers (EXPIRED after 7 days); ACCEPTED or DECLINED; COMPLETED by either side; CANCELLED by the mentee, or ended after a "no" to the fit question (endReason NOT_A_GOOD_FIT).',
});

export const MENTORSHIP_END_REASONS = ['NOT_A_GOOD_FIT'] as const;
export type MentorshipEndReason = (typeof MENTORSHIP_END_REASONS)[number];
export const MentorshipEndReasonEnum = Object.fromEntries(MENTORSHIP_END_REASONS.map((s) => [s, s])) as {
  [K in MentorshipEndReason]: K;
};
registerEnumType(MentorshipEndReasonEnum, {
  name: 'MentorshipEndReason',
  description:
    'Why an accepted mentorship ended early: NOT_A_GOOD_FIT when either side answered "no" to the fit question (status CANCELLED).',
});

@ObjectType('MentorshipRequest', { description: 'A member asking a mentor for help. Visible to the two of them only.' })
export class MentorshipRequestModel {
  @Field(() => ID)
  id!: string;

  @Field()
  message!: string;

  @Field(() => MentorshipStatusEnum)
  status!: MentorshipStatus;

  @Field(() => String, { nullable: true, description: "The mentor's message when accepting or declining." })
  responseMessage!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  respondedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was completed, cancelled or expired.' })
  closedAt!: Date | null;

  @Field(() => MentorshipEndReasonEnum, { nullable: true, description: 'Why it ended early, when it did.' })
  endReason!: MentorshipEndReason | null;

  @Field(() => GraphQLISODateTime, { description: 'When a pending request expires.' })
  expiresAt!: Date;

  // Internal, read by field resolvers; not in the schema.
  menteeId!: string;
  mentorId!: string;
  questionId!: string | null;
}

@ObjectType('MentorshipRequestEdge')
export class MentorshipRequestEdgeModel {
  @Field()
  cursor!: string;

  @Field(() => MentorshipRequestModel)
  node!: MentorshipRequestModel;
}

@ObjectType('MentorshipRequestConnection', { description: 'Newest first.' })
export class MentorshipRequestConnectionModel {
  @Field(() => [MentorshipRequestEdgeModel])
  edges!: MentorshipRequestEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;

  @Field(() => Int)
  totalCount!: number;
}
