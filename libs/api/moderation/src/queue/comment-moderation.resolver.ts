import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { roleHasPermission } from '@crossroads/shared-domain';
import {
  CurrentUser,
  RequirePermission,
  type GraphqlContext,
  type Principal,
  PageArgs,
  connectionOf,
} from '@crossroads/api-platform';
import {
  CommentConnectionModel,
  CommentModel,
  QuestionModel,
  QuestionsService,
  toCommentModel,
  toQuestionModel,
} from '@crossroads/api-qa';
import { AuthorHistoryModel } from './author-history.model.js';
import { CommentModerationService, queueCursor } from './comment-moderation.service.js';
import { ModerateCommentInput } from './dto/moderate-comment.input.js';

const isModerator = (viewer: Principal | null): boolean =>
  Boolean(viewer && roleHasPermission(viewer.role, 'comment.moderate'));

/** The held-comments queue, decisions, and the moderator-only facts about a comment. */
@Resolver(() => CommentModel)
export class CommentModerationResolver {
  constructor(
    private readonly moderation: CommentModerationService,
    private readonly questionsService: QuestionsService,
  ) {}

  @Query(() => CommentConnectionModel, {
    description: 'MODERATOR+: held (PENDING) comments, oldest first, with their post and author history.',
  })
  @RequirePermission('comment.moderate')
  async moderationQueue(@Args() args: PageArgs): Promise<CommentConnectionModel> {
    const page = await this.moderation.queue(args);
    return { ...connectionOf(page.items, queueCursor, toCommentModel, page.hasNextPage), totalCount: page.totalCount };
  }

  @Mutation(() => CommentModel, {
    description:
      'MODERATOR+: approves, rejects or marks a held comment as spam. CONFLICT when already decided. Logged.',
  })
  @RequirePermission('comment.moderate')
  async moderateComment(
    @Args('input') input: ModerateCommentInput,
    @CurrentUser() viewer: Principal,
  ): Promise<CommentModel> {
    return toCommentModel(await this.moderation.decide(viewer, input));
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Moderators only: why the hold policy held it (GUEST, FIRST_COMMENT, LINKS, WORD_LIST, SPAM_MARKED).',
  })
  holdReason(@Parent() c: CommentModel, @CurrentUser() viewer: Principal | null): string | null {
    return isModerator(viewer) ? c.privateHoldReason : null;
  }

  @ResolveField(() => AuthorHistoryModel, {
    nullable: true,
    description: "Moderators only: the member author's history (null for guests).",
  })
  async authorHistory(
    @Parent() c: CommentModel,
    @CurrentUser() viewer: Principal | null,
    @Context() ctx: GraphqlContext,
  ): Promise<AuthorHistoryModel | null> {
    if (!c.authorId || !isModerator(viewer)) return null;
    const history = await this.moderation.historyLoader(ctx.loaders).load(c.authorId);
    return history ? Object.assign(new AuthorHistoryModel(), history) : null;
  }

  @ResolveField(() => QuestionModel, {
    nullable: true,
    description: 'The question the comment belongs to (directly or through its answer): its context.',
  })
  async question(@Parent() c: CommentModel, @Context() ctx: GraphqlContext): Promise<QuestionModel | null> {
    const question = await this.questionsService.byIdLoader(ctx.loaders).load(c.questionId);
    return question ? toQuestionModel(question) : null;
  }
}
