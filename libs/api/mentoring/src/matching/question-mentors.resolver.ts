import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { LIMITS } from '@crossroads/shared-domain';
import {
  CurrentUser,
  SignedIn,
  type GraphqlContext,
  type Principal,
  PageArgs,
  PageInfoModel,
  pageSize,
} from '@crossroads/api-platform';
import { QuestionModel, toQuestionModel } from '@crossroads/api-qa';
import { toMentorProfileModel } from '../profiles/mentor-profile.mapper.js';
import { MentorProfileModel } from '../profiles/mentor-profile.model.js';
import { MentorProfilesService } from '../profiles/mentor-profiles.service.js';
import { MatchingService } from './matching.service.js';
import {
  MatchedQuestionConnectionModel,
  MatchedQuestionEdgeModel,
  MentorSuggestionModel,
} from './mentor-suggestion.model.js';

const { suggestions } = LIMITS.mentoring;

/**
 * Mentor matching on the qa Question type. `suggestedMentors` keeps the contract's shape
 * ([MentorProfile!]!); the score and reason live on `mentorSuggestions`, which shares the same
 * per-request loader (asking for both costs one statement).
 */
@Resolver(() => QuestionModel)
export class QuestionMentorsResolver {
  constructor(
    private readonly matching: MatchingService,
    private readonly profiles: MentorProfilesService,
  ) {}

  @ResolveField(() => [MentorProfileModel], {
    description: `Up to \`first\` mentors for this question (1–${suggestions.maxSize}), best first: tag overlap with their expertise, accepted answers in those tags, availability. Never the asker.`,
  })
  async suggestedMentors(
    @Parent() q: QuestionModel,
    @Args('first', { type: () => Int, nullable: true, defaultValue: suggestions.defaultSize }) first: number | null,
    @Context() ctx: GraphqlContext,
  ): Promise<MentorProfileModel[]> {
    const size = pageSize(first, 'first', suggestions.maxSize, suggestions.defaultSize);
    return (await ctx.loaders.track(this.matching.suggestionsLoader(ctx.loaders, size).load(q))).map((s) =>
      toMentorProfileModel(s.profile),
    );
  }

  @ResolveField(() => [MentorSuggestionModel], {
    description: 'The suggested mentors with their score and the reason for each.',
  })
  async mentorSuggestions(
    @Parent() q: QuestionModel,
    @Args('first', { type: () => Int, nullable: true, defaultValue: suggestions.defaultSize }) first: number | null,
    @Context() ctx: GraphqlContext,
  ): Promise<MentorSuggestionModel[]> {
    const size = pageSize(first, 'first', suggestions.maxSize, suggestions.defaultSize);
    return (await ctx.loaders.track(this.matching.suggestionsLoader(ctx.loaders, size).load(q))).map((s) =>
      Object.assign(new MentorSuggestionModel(), {
        mentor: toMentorProfileModel(s.profile),
        score: s.score,
        reason: s.reason,
      }),
    );
  }

  @Query(() => MatchedQuestionConnectionModel, {
    description: "Open questions matched to the signed-in mentor's expertise (empty without a mentor profile).",
  })
  @SignedIn()
  async matchedQuestions(
    @Args() args: PageArgs,
    @CurrentUser() viewer: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<MatchedQuestionConnectionModel> {
    const profile = await this.profiles.loader(ctx.loaders).load(viewer.id);
    const empty = Object.assign(new PageInfoModel(), { hasNextPage: false, endCursor: null });
    if (!profile)
      return Object.assign(new MatchedQuestionConnectionModel(), { edges: [], pageInfo: empty, totalCount: 0 });
    const page = await this.matching.matchedQuestions(viewer.id, profile.expertise, args);
    const edges = page.items.map((i) =>
      Object.assign(new MatchedQuestionEdgeModel(), {
        cursor: i.cursor,
        node: toQuestionModel(i.question),
        sharedTags: i.sharedTags,
        reason: i.reason,
      }),
    );
    const pageInfo = Object.assign(new PageInfoModel(), {
      hasNextPage: page.hasNextPage,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    });
    return Object.assign(new MatchedQuestionConnectionModel(), { edges, pageInfo, totalCount: page.totalCount });
  }
}
