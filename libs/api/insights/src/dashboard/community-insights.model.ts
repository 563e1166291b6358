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
}
