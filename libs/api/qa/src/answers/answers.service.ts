import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { roleHasPermission } from '@crossroads/shared-domain';
import {
  ConflictError,
  EventBus,
  ForbiddenError,
  NotFoundError,
  PostingLimits,
  byKeys,
  type LoaderRegistry,
  type Principal,
  decodeCursor,
  encodeCursor,
  isUuid,
  pageSize,
  toPage,
  type Page,
  inTransaction,
} from '@crossroads/api-platform';
import { UsersService } from '@crossroads/api-accounts';
import { commentFromRow } from '../common/sql.js';
import {
  lockAcceptance,
  lockForAnswering,
  releaseAcceptedAnswer,
  setAcceptedAnswer,
  touchActivity,
} from '../questions/questions.repository.js';
import {
  answerPages,
  insertAnswer,
  liveAnswersByIds,
  lockLiveAnswer,
  questionOfLiveAnswer,
  setAnswerAccepted,
  updateAnswerBody,
} from './answers.repository.js';
import { CommentsService } from '../comments/comments.service.js';
import { ReputationService } from '../reputation/reputation.service.js';
import { RevisionsService } from '../revisions/revisions.service.js';
import { VotesService } from '../votes/votes.service.js';
import type { AnswerEntity } from './answer.entity.js';
import type { EditAnswerInput, PostAnswerInput } from './dto/answer.inputs.js';
import {
  QA_EVENTS,
  type AnswerAcceptedPayload,
  type AnswerPostedPayload,
  type PostEditedPayload,
} from '../events/qa-events.js';

export const answerCursor = (a: AnswerEntity) => encodeCursor('answers', [a.isAccepted, a.score, a.createdAt, a.id]);

@Injectable()
export class AnswersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly votes: VotesService,
    private readonly comments: CommentsService,
    private readonly reputation: ReputationService,
    private readonly revisions: RevisionsService,
    private readonly events: EventBus,
    /** New-account limits (provided by the moderation context). */
    @Optional() private readonly limits?: PostingLimits,
  ) {}

  async post(viewer: Principal, input: PostAnswerInput): Promise<AnswerEntity> {
    return inTransaction(this.dataSource, async (m) => {
      const question = await lockForAnswering(m, input.questionId);
      if (!question) throw new NotFoundError('Question', 'questionId');
      if (question.closedAt) throw new ConflictError('This question is closed: it takes no new answers.', 'questionId');
      await this.limits?.check(m, viewer, 'ANSWER');
      const answer = await insertAnswer(m, input.questionId, viewer.id, input.body);
      await touchActivity(m, input.questionId);
      await this.events.emit(m, {
        type: QA_EVENTS.answerPosted,
        actorId: viewer.id,
        payload: {
          answerId: answer.id,
          questionId: answer.questionId,
          authorId: viewer.id,
          questionAuthorId: question.authorId,
        } satisfies AnswerPostedPayload,
      });
      return answer;
    });
  }

  async edit(viewer: Principal, input: EditAnswerInput): Promise<AnswerEntity> {
    return inTransaction(this.dataSource, async (m) => {
      const answer = await this.lockLive(m, input.id, 'id');
      if (answer.authorId !== viewer.id && !roleHasPermission(viewer.role, 'post.edit.any')) {
        throw new ForbiddenError('Only the author or a moderator can edit this answer.');
      }
      if (answer.body === input.body) return answer;
      await this.revisions.record(m, {
        postType: 'ANSWER',
        postId: answer.id,
        editorId: viewer.id,
        title: null,
        body: answer.body,
        tags: null,
      });
      const edited = await updateAnswerBody(m, answer.id, input.body);
      await touchActivity(m, answer.questionId);
      await this.events.emit(m, {
        type: QA_EVENTS.postEdited,
        actorId: viewer.id,
        payload: {
          postType: 'ANSWER',
          postId: answer.id,
          questionId: answer.questionId,
          editorId: viewer.id,
        } satisfies PostEditedPayload,
      });
      return edited;
    });
  }

  /**
   * Marks the answer as the accepted one (question author only), replacing any earlier choice;
   * accepting the accepted answer again changes nothing. Returns the question's id.
   */
  async accept(viewer: Principal, answerId: string): Promise<string> {
    if (!isUuid(answerId)) throw new NotFoundError('Answer', 'answerId');
    return inTransaction(this.dataSource, async (m) => {
      const questionId = await questionOfLiveAnswer(m, answerId);
      if (!questionId) throw new NotFoundError('Answer', 'answerId');
      const question = await this.lockQuestionForAcceptance(m, viewer, questionId, 'answerId');
      if (question.acceptedAnswerId === answerId) return question.id;
      const answer = await this.lockLive(m, answerId, 'answerId');
      if (question.acceptedAnswerId) await this.clearAcceptance(m, question.acceptedAnswerId, question.authorId);
      await setAnswerAccepted(m, answerId, true);
      await setAcceptedAnswer(m, question.id, answerId);
      if (answer.authorId !== viewer.id) {
        await this.reputation.award(m, {
          userId: answer.authorId,
          kind: 'ANSWER_ACCEPTED',
          postId: answerId,
          actorId: viewer.id,
        });
        await this.reputation.award(m, {
          userId: viewer.id,
          kind: 'ACCEPTED_AN_ANSWER',
          postId: answerId,
          actorId: viewer.id,
        });
      }
      await this.events.emit(m, {
        type: QA_EVENTS.answerAccepted,
        actorId: viewer.id,
        payload: {
          answerId,
          questionId: question.id,
          answerAuthorId: answer.authorId,
          accepterId: viewer.id,
        } satisfies AnswerAcceptedPayload,
      });
      return question.id;
    });
  }

  /** Withdraws the question's accepted answer (question author only); its reputation events are cancelled. */
  async unaccept(viewer: Principal, questionId: string): Promise<string> {
    if (!isUuid(questionId)) throw new NotFoundError('Question', 'questionId');
    return inTransaction(this.dataSource, async (m) => {
      const question = await this.lockQuestionForAcceptance(m, viewer, questionId, 'questionId');
      if (question.acceptedAnswerId) {
        await this.clearAcceptance(m, question.acceptedAnswerId, question.authorId);
        await setAcceptedAnswer(m, question.id, null);
        await this.events.emit(m, {
          type: QA_EVENTS.acceptanceWithdrawn,
          actorId: viewer.id,
          payload: { answerId: question.acceptedAnswerId, questionId: question.id },
        });
      }
      return question.id;
    });
  }

  /**
   * Called in the transaction that deletes or hides an answer: if it was accepted, the question is
   * OPEN again and the acceptance's reputation is cancelled. Restoring the answer later does not
   * re-accept it (the question's author decides again).
   */
  async releaseAcceptance(m: EntityManager, answerId: string): Promise<void> {
    const questionAuthorId = await releaseAcceptedAnswer(m, answerId);
    if (questionAuthorId) await this.clearAcceptance(m, answerId, questionAuthorId);
  }

  private async lockQuestionForAcceptance(m: EntityManager, viewer: Principal, questionId: string, field: string) {
    const question = await lockAcceptance(m, questionId);
    if (!question) throw new NotFoundError('Question', field);
    if (question.authorId !== viewer.id)
      throw new ForbiddenError("Only the question's author can accept or withdraw an answer.");
    return question;
  }

  /** Un-marks the answer and cancels the acceptance events (their actor is the question's author). */
  private async clearAcceptance(m: EntityManager, answerId: string, accepterId: string): Promise<void> {
    await setAnswerAccepted(m, answerId, false);
    await this.reputation.revoke(m, 'ANSWER_ACCEPTED', answerId, accepterId);
    await this.reputation.revoke(m, 'ACCEPTED_AN_ANSWER', answerId, accepterId);
  }

  private async lockLive(m: EntityManager, id: string, field: string): Promise<AnswerEntity> {
    const answer = await lockLiveAnswer(m, id);
    if (!answer) throw new NotFoundError('Answer', field);
    return answer;
  }

  byIdLoader(loaders: LoaderRegistry) {
    return loaders.get<string, AnswerEntity | null>('qa.answers.byId', async (ids) => {
      return byKeys(ids, await liveAnswersByIds(this.dataSource, ids), (a) => a.id, null);
    });
  }

  /**
   * Pages of answers for many questions, batched per (size, cursor): accepted first, then score,
   * then oldest. The same statement brings the viewer's votes and each answer's first comments, and
   * the authors of both are requested at once, so a question page costs the same for 1 or 30 answers.
   */
  pageLoader(loaders: LoaderRegistry, viewerId: string | null) {
    return loaders.get<string, AnswerEntity[]>('qa.answers.page', async (keys) => {
      const groups = new Map<string, string[]>();
      for (const key of keys) groups.set(key.slice(37), [...(groups.get(key.slice(37)) ?? []), key.slice(0, 36)]);
      const found = new Map<string, AnswerEntity[]>();
      const authorIds = new Set<string>();
      for (const [rest, questionIds] of groups) {
        const [limit, after] = rest.split('|');
        const cursor = after ? decodeCursor(after, 'answers', ['bool', 'number', 'date', 'id']) : null;
        const paged = await answerPages(this.dataSource, questionIds, viewerId, Number(limit), cursor);
        const answers = paged.map(({ answer, viewerVote, commentPreview }) => {
          if (viewerId) this.votes.viewerVoteLoader(loaders, viewerId).prime(answer.id, viewerVote);
          const preview = commentPreview.map(commentFromRow);
          this.comments.previewLoader(loaders).prime(answer.id, preview);
          authorIds.add(answer.authorId);
          for (const c of preview) if (c.authorId) authorIds.add(c.authorId);
          return answer;
        });
        const byQuestion = new Map<string, AnswerEntity[]>();
        for (const a of answers) byQuestion.set(a.questionId, [...(byQuestion.get(a.questionId) ?? []), a]);
        for (const id of questionIds) found.set(`${id}|${rest}`, byQuestion.get(id) ?? []);
      }
      if (authorIds.size) void this.users.loader(loaders).loadMany([...authorIds]);
      return keys.map((k) => found.get(k) ?? []);
    });
  }

  async page(
    loaders: LoaderRegistry,
    viewerId: string | null,
    questionId: string,
    args: { first?: number | null; after?: string | null },
  ): Promise<Page<AnswerEntity>> {
    const size = pageSize(args.first);
    if (args.after) decodeCursor(args.after, 'answers', ['bool', 'number', 'date', 'id']);
    // Tracked: the page brings the ids of its authors and commenters, which the users loader waits for.
    return toPage(
      await loaders.track(this.pageLoader(loaders, viewerId).load(`${questionId}|${size + 1}|${args.after ?? ''}`)),
      size,
    );
  }
}
