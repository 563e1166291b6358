import { Field, Float, GraphQLISODateTime, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsDate, IsOptional, IsString, Length } from 'class-validator';
import { trimLower } from '@crossroads/api-platform';
import { SEARCH_SCOPES } from '../searches/insights-search.entity.js';

export const SearchScopeEnum = Object.fromEntries(SEARCH_SCOPES.map((s) => [s, s])) as {
  [K in (typeof SEARCH_SCOPES)[number]]: K;
};
registerEnumType(SearchScopeEnum, {
  name: 'SearchScope',
  description: 'QUESTIONS: the question feed; HELP: the help centre (articles and questions).',
});

@InputType({ description: 'Whole UTC days from `from` to `to` (both included), at most 2 years; optionally one tag.' })
export class InsightsPeriodInput {
  @Field(() => GraphQLISODateTime)
  @IsDate({ message: 'from must be a date.' })
  from!: Date;

  @Field(() => GraphQLISODateTime)
  @IsDate({ message: 'to must be a date.' })
  to!: Date;

  @Field({ nullable: true, description: 'Only questions with this tag (and the posts on them).' })
  @IsOptional()
  @Transform(trimLower)
  @IsString({ message: 'tag must be text.' })
  @Length(1, 64, { message: 'tag must be 1 to 64 characters long.' })
  tag?: string;
}

@ObjectType('InsightsDay', { description: 'Posts on one UTC day.' })
export class InsightsDayModel {
  @Field({ description: 'YYYY-MM-DD' })
  day!: string;

  @Field(() => Int)
  questions!: number;

  @Field(() => Int)
  answers!: number;

  @Field(() => Int)
  comments!: number;
}

@ObjectType('TagAnswerRate')
export class TagAnswerRateModel {
  @Field()
  tag!: string;

  @Field(() => Int, { description: 'Questions asked in the period with this tag.' })
  questions!: number;

  @Field(() => Int, { description: 'Of those, how many have no answer yet.' })
  unanswered!: number;

  @Field(() => Float, { description: 'unanswered ÷ questions, 0 to 1.' })
  unansweredRate!: number;
}

@ObjectType('UnmetSearch', {
  description: 'A search that found nothing, as typed (lower-cased), with how often it was made.',
})
export class UnmetSearchModel {
  @Field(() => SearchScopeEnum)
  scope!: (typeof SEARCH_SCOPES)[number];

  @Field()
  query!: string;

  @Field(() => Int)
  searches!: number;

  @Field(() => GraphQLISODateTime)
  lastSearchedAt!: Date;
}

@ObjectType('MentorshipInsights', { description: 'Mentorship requests made in the period (the tag does not apply).' })
export class MentorshipInsightsModel {
  @Field(() => Int, { description: 'Requests made in the period.' })
  requests!: number;

  @Field(() => Int, { description: 'Of those, how many the mentor accepted or declined.' })
  answered!: number;

  @Field(() => Int)
  accepted!: number;

  @Field(() => Float, { nullable: true, description: 'accepted ÷ answered, 0 to 1; null when none was answered.' })
  acceptanceRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Median hours from the request to the mentor accepting or declining; null when none was answered.',
  })
  medianResponseHours!: number | null;
}

@ObjectType('ModeratorDecisionTime', { description: "One moderator's decisions on held comments in the period." })
export class ModeratorDecisionTimeModel {
  moderatorId!: string;

  @Field(() => Int)
  decisions!: number;

  @Field(() => Float, { description: 'Median hours from the comment being held to the decision.' })
  medianHours!: number;
}

@ObjectType('ModerationInsights', {
  description: 'Held comments: the backlog now, and decisions made in the period (the tag does not apply).',
})
export class ModerationInsightsModel {
  @Field(() => Int, { description: 'Comments waiting for a decision right now.' })
  heldNow!: number;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the oldest waiting comment was held; null when none waits.',
  })
  oldestHeldAt!: Date | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Hours the oldest waiting comment has waited; null when none waits.',
  })
  oldestHeldHours!: number | null;

  @Field(() => Int, { description: 'Decisions (approve, reject, spam) made in the period.' })
  decisions!: number;

  @Field(() => [ModeratorDecisionTimeModel], {
    description: 'The 20 busiest moderators of the period with their median decision time.',
  })
  decisionsByModerator!: ModeratorDecisionTimeModel[];
}

@ObjectType('FlagReasonInsights', { description: 'Flags of one reason raised in the period.' })
export class FlagReasonInsightsModel {
  @Field({ description: 'SPAM, RUDE, OFF_TOPIC, NEEDS_IMPROVEMENT or OTHER.' })
  reason!: string;

  @Field(() => Int)
  flags!: number;

  @Field(() => Int, { description: 'Of those, how many a moderator has resolved.' })
  resolved!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Median hours from the flag to its resolution; null when none was resolved.',
  })
  medianHoursToResolve!: number | null;
}

@ObjectType('FlagInsights', { description: 'Flags raised in the period (the tag does not apply).' })
export class FlagInsightsModel {
  @Field(() => Int)
  flags!: number;

  @Field(() => Int)
  resolved!: number;

  @Field(() => Float, { nullable: true, description: 'Over every reason; null when none was resolved.' })
  medianHoursToResolve!: number | null;

  @Field(() => [FlagReasonInsightsModel], { description: 'Per reason, most flagged first.' })
  byReason!: FlagReasonInsightsModel[];
}

@ObjectType('JoinDay', { description: 'Members who joined on one UTC day.' })
export class JoinDayModel {
  @Field({ description: 'YYYY-MM-DD' })
  day!: string;

  @Field(() => Int)
  joined!: number;

  @Field(() => Int, { description: 'Of those, how many came back on a later day within 7 days.' })
  returned!: number;
}

@ObjectType('NewMemberInsights', {
  description:
    'Members who joined in the period and how many came back in their first week: a sign-in, a session renewal, a question, an answer or a comment on a later UTC day, at most 7 days after joining (the tag does not apply).',
})
export class NewMemberInsightsModel {
  @Field(() => Int)
  joined!: number;

  @Field(() => Int)
  returned!: number;

  @Field(() => Float, { nullable: true, description: 'returned ÷ joined, 0 to 1; null when nobody joined.' })
  returnRate!: number | null;

  @Field(() => [JoinDayModel], {
    description: 'One entry per day of joining, days without new members included. The last 7 days are still open.',
  })
  days!: JoinDayModel[];
}

@ObjectType('ArticleDay', { description: 'Help-centre ratings and feedback on one UTC day.' })
export class ArticleDayModel {
  @Field({ description: 'YYYY-MM-DD' })
  day!: string;

  @Field(() => Int, { description: 'Ratings given (a changed rating counts again on its day).' })
  ratings!: number;

  @Field(() => Float, { nullable: true, description: 'Average stars (1–5); null without ratings.' })
  averageStars!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of ratings with 4 or 5 stars; null without ratings.' })
  helpfulRate!: number | null;

  @Field(() => Int, { description: '"How can we improve this article?" messages sent.' })
  feedback!: number;
}

@ObjectType('ArticleInsights', {
  description:
    'Knowledge-base helpfulness: ratings and feedback in the period, every article (the tag does not apply).',
})
export class ArticleInsightsModel {
  @Field(() => Int)
  ratings!: number;

  @Field(() => Float, { nullable: true })
  averageStars!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of ratings with 4 or 5 stars.' })
  helpfulRate!: number | null;

  @Field(() => Int)
  feedback!: number;

  @Field(() => [ArticleDayModel], { description: 'One entry per day, days without ratings included.' })
  days!: ArticleDayModel[];
}

@ObjectType('CommunityInsights', { description: "The community's health over a period: for moderators and admins." })
export class CommunityInsightsModel {
  @Field(() => GraphQLISODateTime, { description: 'Start of the first day (UTC).' })
  from!: Date;

  @Field(() => GraphQLISODateTime, { description: 'End of the last day (UTC), exclusive.' })
  to!: Date;

  @Field(() => String, { nullable: true })
  tag!: string | null;

  @Field(() => [InsightsDayModel], { description: 'One entry per day, days without posts included.' })
  activity!: InsightsDayModel[];

  @Field(() => Int, { description: 'Questions asked in the period.' })
  questionsAsked!: number;

  @Field(() => Int, { description: 'Of those, how many have at least one answer.' })
  questionsAnswered!: number;

  @Field(() => Int, { description: 'Of those, how many have an accepted answer.' })
  questionsAccepted!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Median hours from asking to the first answer; null when none was answered.',
  })
  medianHoursToFirstAnswer!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Median hours from asking to the accepted answer; null when none was accepted.',
  })
  medianHoursToAcceptedAnswer!: number | null;

  @Field(() => Int, {
    description:
      'How many questions the two medians were computed from: every question of the period up to 20,000, a uniform sample of about 20,000 beyond (exact counts either way).',
  })
  medianBasis!: number;

  @Field(() => [TagAnswerRateModel], {
    description: 'The 10 busiest tags of the period (or the chosen tag) with their unanswered rate.',
  })
  unansweredByTag!: TagAnswerRateModel[];

  @Field(() => [UnmetSearchModel], {
    description: 'The 20 most frequent searches that found nothing (questions and help centre); ignores the tag.',
  })
  unmetSearches!: UnmetSearchModel[];

  @Field(() => MentorshipInsightsModel)
  mentorship!: MentorshipInsightsModel;

  @Field(() => ModerationInsightsModel)
  moderation!: ModerationInsightsModel;

  @Field(() => FlagInsightsModel)
  flags!: FlagInsightsModel;

  @Field(() => NewMemberInsightsModel)
  newMembers!: NewMemberInsightsModel;

  @Field(() => ArticleInsightsModel)
  articles!: ArticleInsightsModel;
}

@ObjectType('TagAnswers', { description: "A member's answers on questions with one tag (all time)." })
export class TagAnswersModel {
  @Field()
  tag!: string;

  @Field(() => Int)
  answers!: number;

  @Field(() => Int, { description: 'Of those, how many are the accepted answer now.' })
  accepted!: number;
}

@ObjectType('MentorReviewDay', { description: "A mentor's reviews on one UTC day." })
export class MentorReviewDayModel {
  @Field({ description: 'YYYY-MM-DD' })
  day!: string;

  @Field(() => Int)
  reviews!: number;

  @Field(() => Float, { nullable: true, description: 'Average rating (1–5); null on a day without reviews.' })
  averageRating!: number | null;
}

@ObjectType('MentorInsights', { description: "A mentor's own figures over a period: only ever the viewer's." })
export class MentorInsightsModel {
  @Field(() => GraphQLISODateTime)
  from!: Date;

  @Field(() => GraphQLISODateTime, { description: 'Exclusive.' })
  to!: Date;

  @Field(() => MentorshipInsightsModel, { description: 'Requests to this mentor made in the period.' })
  requests!: MentorshipInsightsModel;

  @Field(() => Int, { description: 'Reviews received in the period.' })
  reviewCount!: number;

  @Field(() => Float, { nullable: true, description: 'Their average rating; null without reviews.' })
  averageRating!: number | null;

  @Field(() => [MentorReviewDayModel], { description: 'One entry per day, days without reviews included.' })
  reviews!: MentorReviewDayModel[];

  @Field(() => [TagAnswersModel], {
    description: 'Answers and accepted answers by tag (all time), the 10 busiest tags.',
  })
  answersByTag!: TagAnswersModel[];
}
