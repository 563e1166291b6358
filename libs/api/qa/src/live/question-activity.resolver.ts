import { Args, Context, ID, Resolver, Subscription } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  LIVE_TOPICS,
  LiveBus,
  NotFoundError,
  Public,
  useMessageLoaders,
  type GraphqlContext,
  isUuid,
} from '@crossroads/api-platform';
import { toAnswerModel } from '../answers/answer.mapper.js';
import { AnswersService } from '../answers/answers.service.js';
import { toCommentModel } from '../comments/comment.mapper.js';
import type { CommentEntity } from '../comments/comment.entity.js';
import { publishedById } from '../comments/comments.repository.js';
import { toQuestionModel } from '../questions/question.mapper.js';
import { QuestionsService } from '../questions/questions.service.js';
import { QuestionActivityModel, type QuestionActivityMessage } from './question-activity.model.js';

/** Live activity on one question: public, like the question page itself. */
@Resolver(() => QuestionActivityModel)
export class QuestionActivityResolver {
  constructor(
    private readonly live: LiveBus,
    private readonly questions: QuestionsService,
    private readonly answers: AnswersService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Subscription(() => QuestionActivityModel, {
    description:
      'New answers, published comments, votes, acceptance and edits on one question, as they happen. NOT_FOUND when it does not exist or is hidden.',
    resolve(this: QuestionActivityResolver, message: QuestionActivityMessage, _args: unknown, ctx: GraphqlContext) {
      return this.deliver(message, ctx);
    },
  })
  @Public()
  async questionActivity(
    @Args('questionId', { type: () => ID }) questionId: string,
    @Context() ctx: GraphqlContext,
  ): Promise<AsyncIterableIterator<QuestionActivityMessage>> {
    if (!isUuid(questionId) || !(await this.questions.byIdLoader(ctx.loaders).load(questionId)))
      throw new NotFoundError('Question', 'questionId');
    return this.live.stream<QuestionActivityMessage>(LIVE_TOPICS.question(questionId));
  }

  private async deliver(message: QuestionActivityMessage, ctx: GraphqlContext): Promise<QuestionActivityModel> {
    const loaders = useMessageLoaders(ctx, message);
    const [question, answer, comment] = await Promise.all([
      this.questions.byIdLoader(loaders).load(message.questionId),
      message.answerId ? this.answers.byIdLoader(loaders).load(message.answerId) : null,
      message.commentId ? this.publishedComment(loaders, message.commentId) : null,
    ]);
    // Hidden since the subscription started: nothing more to show.
    if (!question) throw new NotFoundError('Question', 'questionId');
    return {
      kind: message.kind,
      question: toQuestionModel(question),
      answer: answer ? toAnswerModel(answer) : null,
      comment: comment ? toCommentModel(comment) : null,
    };
  }

  /** Only published comments: a held one never reaches an activity stream. */
  private publishedComment(loaders: GraphqlContext['loaders'], id: string) {
    return loaders
      .get<string, CommentEntity | null>('qa.live.publishedComment', async (ids) => {
        const byId = new Map((await publishedById(this.dataSource, ids)).map((c) => [c.id, c]));
        return ids.map((i) => byId.get(i) ?? null);
      })
      .load(id);
  }
}
