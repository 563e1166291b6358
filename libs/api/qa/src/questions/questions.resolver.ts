import { Optional } from '@nestjs/common';
import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  DirectFields,
  viewerOf,
  FullTextSearch,
  CurrentUser,
  Public,
  RequirePermission,
  SearchLog,
  SignedIn,
  type GraphqlContext,
  type Principal,
  connectionOf,
  PageArgs,
} from '@crossroads/api-platform';
import { UserModel, UsersService, toUserModel } from '@crossroads/api-accounts';
import { AnswerConnectionModel, AnswerModel } from '../answers/answer.model.js';
import { toAnswerModel } from '../answers/answer.mapper.js';
import { AnswersService, answerCursor } from '../answers/answers.service.js';
import { CommentConnectionModel } from '../comments/comment.model.js';
import { toCommentModel } from '../comments/comment.mapper.js';
import { CommentsService, commentCursor } from '../comments/comments.service.js';
import { RevisionModel } from '../revisions/revision.model.js';
import { toRevisionModel } from '../revisions/revision.mapper.js';
import { RevisionsService } from '../revisions/revisions.service.js';
import { TagModel } from '../tags/tag.model.js';
import { toTagModel } from '../tags/tag.mapper.js';
import { TagsService } from '../tags/tags.service.js';
import { VotesService } from '../votes/votes.service.js';
import { AskQuestionInput } from './dto/ask-question.input.js';
import { EditQuestionInput } from './dto/edit-question.input.js';
import { QuestionArgs, QuestionsArgs, SimilarQuestionsArgs } from './dto/questions.args.js';
import { toQuestionModel } from './question.mapper.js';
import { QuestionConnectionModel, QuestionModel } from './question.model.js';
import { QuestionsService } from './questions.service.js';
import { QUESTION_VIEW, ViewCounterService } from './view-counter.service.js';

@Resolver(() => QuestionModel)
export class QuestionsResolver {
  constructor(
    private readonly questionsService: QuestionsService,
    private readonly answersService: AnswersService,
    private readonly commentsService: CommentsService,
    private readonly tagsService: TagsService,
    private readonly votesService: VotesService,
    private readonly revisionsService: RevisionsService,
    private readonly usersService: UsersService,
    private readonly viewsService: ViewCounterService,
    direct: DirectFields,
    @Optional() private readonly searchLog?: SearchLog,
  ) {
    // The feed's per-question fields, resolved without Nest's per-field context (platform's DirectFields).
    direct.register<QuestionModel>('Question', 'author', (q, _a, ctx) => this.author(q, ctx));
    direct.register<QuestionModel>('Question', 'tags', (q, _a, ctx) => this.tags(q, ctx));
    direct.register<QuestionModel>('Question', 'viewerVote', (q, _a, ctx) => this.viewerVote(q, viewerOf(ctx), ctx));
    direct.register<QuestionModel>('Question', 'viewCount', (q) => this.viewCount(q));
    direct.register<QuestionModel>('Question', 'acceptedAnswer', (q, _a, ctx) => this.acceptedAnswer(q, ctx));
  }

  @Query(() => QuestionModel, {
    nullable: true,
    description: 'One question (counts a view). NOT_FOUND when it does not exist or is hidden.',
  })
  @Public()
  async question(
    @Args() args: QuestionArgs,
    @CurrentUser() viewer: Principal | null,
    @Context() ctx: GraphqlContext,
  ): Promise<QuestionModel> {
    const question = await this.questionsService.findOne(ctx.loaders, viewer?.id ?? null, args.id);
    this.viewsService.record(question.id);
    ctx.replayOnHit.push([QUESTION_VIEW, question.id]);
    return toQuestionModel(question);
  }

  @Query(() => QuestionConnectionModel, { description: 'The question feed: sorted, filtered by tag, or searched.' })
  @Public()
  @FullTextSearch('search')
  async questions(
    @Args() args: QuestionsArgs,
    @CurrentUser() viewer: Principal | null,
    @Context() ctx: GraphqlContext,
  ): Promise<QuestionConnectionModel> {
    const feed = await this.questionsService.feed(ctx.loaders, viewer?.id ?? null, args);
    // A search's first page is one search; later pages and the help centre's own call are not.
    // Results as typed: a search answered only through "did you mean" found nothing itself.
    if (args.search && !args.after)
      this.searchLog?.record('QUESTIONS', args.search, feed.didYouMean ? 0 : feed.totalCount);
    const { edges, pageInfo } = connectionOf(
      feed.questions,
      (_q, i) => feed.cursors[i],
      toQuestionModel,
      feed.hasNextPage,
    );
    return Object.assign(new QuestionConnectionModel(), {
      edges,
      pageInfo,
      totalCount: feed.totalCount,
      didYouMean: feed.didYouMean,
    });
  }

  @Query(() => [QuestionModel], { description: 'Existing questions like a title being typed on the ask form.' })
  @Public()
  @FullTextSearch('title')
  async similarQuestions(@Args() args: SimilarQuestionsArgs): Promise<QuestionModel[]> {
    return (await this.questionsService.similar(args.title, args.first)).map(toQuestionModel);
  }

  @Mutation(() => QuestionModel)
  @RequirePermission('question.ask')
  async askQuestion(@Args('input') input: AskQuestionInput, @CurrentUser() viewer: Principal): Promise<QuestionModel> {
    return toQuestionModel(await this.questionsService.ask(viewer, input));
  }

  @Mutation(() => QuestionModel, { description: 'The author edits their own question; moderators and admins any.' })
  @SignedIn()
  async editQuestion(
    @Args('input') input: EditQuestionInput,
    @CurrentUser() viewer: Principal,
  ): Promise<QuestionModel> {
    return toQuestionModel(await this.questionsService.edit(viewer, input));
  }

  @ResolveField(() => UserModel)
  async author(@Parent() q: QuestionModel, @Context() ctx: GraphqlContext): Promise<UserModel> {
    const user = await this.usersService.loader(ctx.loaders).load(q.authorId);
    if (!user) throw new Error(`author ${q.authorId} of question ${q.id} is missing`);
    return toUserModel(user);
  }

  @ResolveField(() => [TagModel])
  async tags(@Parent() q: QuestionModel, @Context() ctx: GraphqlContext): Promise<TagModel[]> {
    const tags = await this.tagsService.loader(ctx.loaders).loadMany(q.tagNames);
    return tags.flatMap((t) => (t && !(t instanceof Error) ? [toTagModel(t)] : []));
  }

  @ResolveField(() => Int, { nullable: true, description: "The viewer's vote: 1, -1, 0 (none); null for guests." })
  async viewerVote(
    @Parent() q: QuestionModel,
    @CurrentUser() viewer: Principal | null,
    @Context() ctx: GraphqlContext,
  ): Promise<number | null> {
    return viewer ? this.votesService.viewerVoteLoader(ctx.loaders, viewer.id).load(q.id) : null;
  }

  @ResolveField(() => Int, {
    description: 'Page views (written in batches, so other readers may see it a few seconds late).',
  })
  viewCount(@Parent() q: QuestionModel): number {
    return q.storedViewCount + this.viewsService.pendingFor(q.id);
  }

  @ResolveField(() => AnswerModel, { nullable: true })
  async acceptedAnswer(@Parent() q: QuestionModel, @Context() ctx: GraphqlContext): Promise<AnswerModel | null> {
    if (!q.acceptedAnswerId) return null;
    const answer = await this.answersService.byIdLoader(ctx.loaders).load(q.acceptedAnswerId);
    return answer ? toAnswerModel(answer) : null;
  }

  @ResolveField(() => AnswerConnectionModel, { description: 'Accepted answer first, then by score, then oldest.' })
  async answers(
    @Parent() q: QuestionModel,
    @Args() args: PageArgs,
    @CurrentUser() viewer: Principal | null,
    @Context() ctx: GraphqlContext,
  ): Promise<AnswerConnectionModel> {
    const page = await this.answersService.page(ctx.loaders, viewer?.id ?? null, q.id, args);
    const { edges, pageInfo } = connectionOf(page.items, answerCursor, toAnswerModel, page.hasNextPage);
    return Object.assign(new AnswerConnectionModel(), { edges, pageInfo, totalCount: q.answerCount });
  }

  @ResolveField(() => CommentConnectionModel, { description: 'Published comments, oldest first.' })
  async comments(
    @Parent() q: QuestionModel,
    @Args() args: PageArgs,
    @Context() ctx: GraphqlContext,
  ): Promise<CommentConnectionModel> {
    const page = await this.commentsService.page(ctx.loaders, q.id, args);
    const { edges, pageInfo } = connectionOf(page.items, commentCursor, toCommentModel, page.hasNextPage);
    return Object.assign(new CommentConnectionModel(), { edges, pageInfo, totalCount: q.commentCount });
  }

  @ResolveField(() => [RevisionModel], { description: 'Earlier versions, newest first.' })
  async revisions(@Parent() q: QuestionModel, @Context() ctx: GraphqlContext): Promise<RevisionModel[]> {
    return (await this.revisionsService.loader(ctx.loaders).load(q.id)).map(toRevisionModel);
  }
}
