import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('MentorshipReview', {
  description: "A mentee's rating of a completed mentorship, with the mentor's reply.",
})
export class MentorshipReviewModel {
  @Field(() => ID, { description: 'The mentorship request reviewed.' })
  requestId!: string;

  @Field(() => Int, { description: '1–5 stars.' })
  rating!: number;

  @Field(() => String, { nullable: true })
  review!: string | null;

  @Field(() => String, { nullable: true, description: "The mentor's one reply." })
  reply!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  repliedAt!: Date | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  // Internal, read by field resolvers; not in the schema.
  /** Shown through the moderators-only field resolver `metExpectations`. */
  privateMetExpectations!: number | null;
  menteeId!: string;
  mentorId!: string;
}
