import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  DirectFields,
  viewerOf,
  CurrentUser,
  NotFoundError,
  RequirePermission,
  SignedIn,
  type GraphqlContext,
  type Principal,
  connectionOf,
  PageArgs,
} from '@crossroads/api-platform';
import { UserModel, UsersService, toUserModel } from '@crossroads/api-accounts';
import { CommentConnectionModel } from '../comments/comment.model.js';
import { toCommentModel } from '../comments/comment.mapper.js';
import { CommentsService, commentCursor } from '../comments/comments.service.js';
import { QuestionModel } from '../questions/question.model.js';
import { toQuestionModel } from '../questions/question.mapper.js';
import { QuestionsService } from '../questions/questions.service.js';
import { RevisionModel } from '../revisions/revision.model.js';
import { toRevisionModel } from '../revisions/revision.mapper.js';
import { RevisionsService } from '../revisions/revisions.service.js';
import { VotesService } from '../votes/votes.service.js';
import { AnswerModel } from './answer.model.js';
import { toAnswerModel } from './answer.mapper.js';
import { AnswersService } from './answers.service.js';
import { EditAnswerInput, PostAnswerInput } from './dto/answer.inputs.js';

@Resolver(() => AnswerModel)
export class AnswersResolver {
  constructor(
    private readonly answersService: AnswersService,
    private readonly questionsService: QuestionsService,
    private readonly commentsService: CommentsService,
    private readonly votesService: VotesService,
    private readonly revisionsService: RevisionsService,
    private readonly usersService: UsersService,
    direct: DirectFields,
  ) {
    // Each of a question page's answers: resolved without Nest's per-field context (platform's DirectFields).
    direct.register<AnswerModel>('Answer', 'author', (a, _args, ctx) => this.author(a, ctx));
    direct.register<AnswerModel>('Answer', 'viewerVote', (a, _args, ctx) => this.viewerVote(a, viewerOf(ctx), ctx));
  }

  @Mutation(() => AnswerModel)
  @RequirePermission('answer.post')
  async postAnswer(@Args('input') input: PostAnswerInput, @CurrentUser() viewer: Principal): Promise<AnswerModel> {
    return toAnswerModel(await this.answersService.post(viewer, input));
  }

  @Mutation(() => AnswerModel, { description: 'The author edits their own answer; moderators and admins any.' })
  @SignedIn()
  async editAnswer(@Args('input') input: EditAnswerInput, @CurrentUser() viewer: Principal): Promise<AnswerModel> {
    return toAnswerModel(await this.answersService.edit(viewer, input));
  }

  @Mutation(() => QuestionModel, {
    description:
      "The question's author accepts this answer, replacing an earlier choice. Withdraw with unacceptAnswer.",
  })
  @RequirePermission('answer.accept')
  async acceptAnswer(
    @Args('answerId', { type: () => ID }) answerId: string,
    @CurrentUser() viewer: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<QuestionModel> {
    return this.questionModel(ctx, await this.answersService.accept(viewer, answerId));
  }

  @Mutation(() => QuestionModel, { description: "The question's author withdraws the accepted answer." })
  @RequirePermission('answer.accept')
  async unacceptAnswer(
    @Args('questionId', { type: () => ID }) questionId: string,
    @CurrentUser() viewer: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<QuestionModel> {
    return this.questionModel(ctx, await this.answersService.unaccept(viewer, questionId));
  }

  private async questionModel(ctx: GraphqlContext, id: string): Promise<QuestionModel> {
    const question = await this.questionsService.byIdLoader(ctx.loaders).load(id);
    if (!question) throw new NotFoundError('Question', 'questionId');
    return toQuestionModel(question);
  }

  @ResolveField(() => UserModel)
  async author(@Parent() a: AnswerModel, @Context() ctx: GraphqlContext): Promise<UserModel> {
    const user = await this.usersService.loader(ctx.loaders).load(a.authorId);
    if (!user) throw new Error(`author ${a.authorId} of answer ${a.id} is missing`);
    return toUserModel(user);
  }

  @ResolveField(() => QuestionModel)
  async question(@Parent() a: AnswerModel, @Context() ctx: GraphqlContext): Promise<QuestionModel> {
    return this.questionModel(ctx, a.questionId);
  }

  @ResolveField(() => Int, { nullable: true, description: "The viewer's vote: 1, -1, 0 (none); null for guests." })
  async viewerVote(
    @Parent() a: AnswerModel,
    @CurrentUser() viewer: Principal | null,
    @Context() ctx: GraphqlContext,
  ): Promise<number | null> {
    return viewer ? this.votesService.viewerVoteLoader(ctx.loaders, viewer.id).load(a.id) : null;
  }

  @ResolveField(() => CommentConnectionModel, { description: 'Published comments, oldest first.' })
  async comments(
    @Parent() a: AnswerModel,
    @Args() args: PageArgs,
    @Context() ctx: GraphqlContext,
  ): Promise<CommentConnectionModel> {
    const page = await this.commentsService.page(ctx.loaders, a.id, args);
    const { edges, pageInfo } = connectionOf(page.items, commentCursor, toCommentModel, page.hasNextPage);
    return Object.assign(new CommentConnectionModel(), { edges, pageInfo, totalCount: a.commentCount });
  }

  @ResolveField(() => [RevisionModel], { description: 'Earlier versions, newest first.' })
  async revisions(@Parent() a: AnswerModel, @Context() ctx: GraphqlContext): Promise<RevisionModel[]> {
    return (await this.revisionsService.loader(ctx.loaders).load(a.id)).map(toRevisionModel);
  }
}
