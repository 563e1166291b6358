import { Field, Float, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '@crossroads/api-platform';

@ObjectType('TagCount', { description: 'A count per tag.' })
export class TagCountModel {
  @Field()
  tag!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('MentorStats', { description: "A mentor's track record, computed from live Q&A and mentorship data." })
export class MentorStatsModel {
  @Field(() => Int, { description: 'Live answers written.' })
  answerCount!: number;

  @Field(() => Int, { description: 'Live answers accepted by the asker.' })
  acceptedAnswerCount!: number;

  @Field(() => [TagCountModel], { description: 'Accepted answers per expertise tag, most first.' })
  acceptedByTag!: TagCountModel[];

  @Field(() => Float, {
    nullable: true,
    description:
      'Median seconds from a question matched to the mentor (a tag in their expertise) being asked to their first answer on it; null without such answers.',
  })
  medianSecondsToFirstAnswer!: number | null;

  @Field(() => Int, { description: 'Mentorships completed as the mentor.' })
  completedMentorships!: number;

  @Field(() => Int)
  reviewCount!: number;

  @Field(() => Float, { nullable: true, description: 'Average review rating (1–5); null without reviews.' })
  averageRating!: number | null;
}

@ObjectType('MentorProfile', {
  description: "A member's mentor profile: who they are, what they know, and whether they take requests.",
})
export class MentorProfileModel {
  @Field({ description: '10–120 characters.' })
  headline!: string;

  @Field({ description: 'Markdown, up to 5,000 characters.' })
  bio!: string;

  @Field(() => Int)
  yearsExperience!: number;

  @Field(() => [String])
  industries!: string[];

  @Field(() => [String], {
    description: 'Known names (see `mentorCertifications`) in their canonical spelling, or free text.',
  })
  certifications!: string[];

  @Field(() => [String], { description: 'https links, at most 5.' })
  links!: string[];

  @Field()
  acceptingRequests!: boolean;

  @Field(() => Int, { description: 'How many open (pending or accepted) mentorships the mentor takes at once, 1–20.' })
  maxOpenRequests!: number;

  @Field({ description: "True when a moderator checked the mentor's experience claims (the verified badge)." })
  verified!: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true })
  verifiedAt!: Date | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;

  // Internal, read by field resolvers; not in the schema.
  userId!: string;
  expertiseNames!: string[];
}

@ObjectType('MentorProfileEdge')
export class MentorProfileEdgeModel {
  @Field()
  cursor!: string;

  @Field(() => MentorProfileModel)
  node!: MentorProfileModel;
}

@ObjectType('MentorProfileConnection', {
  description: 'Mentors: by relevance when filtered (expertise, search), else by accepted answers.',
})
export class MentorProfileConnectionModel {
  @Field(() => [MentorProfileEdgeModel])
  edges!: MentorProfileEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;

  @Field(() => Int)
  totalCount!: number;
}
