import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { roleHasPermission } from '@crossroads/shared-domain';
import { ConflictError, EventBus, ForbiddenError, NotFoundError, PostingLimits, byKeys, type LoaderRegistry, type Principal, decodeCursor, encodeCursor, isUuid, pageSize, toPage, type Page, inTransaction, returning } from '@crossroads/api-platform';
import { UsersService } from '@crossroads/api-accounts';
import { ANSWER_COLUMNS, answerFromRow, commentFromRow, commentPreviewJson } from '../common/sql.js';
import { CommentsService } from '../comments/comments.service.js';
import { ReputationService } from '../reputation/reputation.service.js';
import { RevisionsService } from '../revisions/revisions.service.js';
import { VotesService } from '../votes/votes.service.js';
import type { AnswerEntity } from './answer.entity.js';
import type { EditAnswerInput, PostAnswerInput } from './dto/answer.inputs.js';
import { QA_EVENTS, type AnswerAcceptedPayload, type AnswerPostedPayload, type PostEditedPayload } from '../events/qa-events.js';

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
      const [question] = (await m.query(`SELECT closed_at AS "closedAt", author_id AS "authorId" FROM questions WHERE id = $1 AND deleted_at IS NULL FOR NO KEY UPDATE`, [
        input.questionId,
      ])) as { closedAt: Date | null; authorId: string }[];
      if (!question) throw new NotFoundError('Question', 'questionId');
      if (question.closedAt) throw new ConflictError('This question is closed: it takes no new answers.', 'questionId');
      await this.limits?.check(m, viewer, 'ANSWER');
      const [row] = (await m.query(`INSERT INTO answers AS a (question_id, author_id, body) VALUES ($1, $2, $3) RETURNING ${ANSWER_COLUMNS}`, [
        input.questionId,
        viewer.id,
        input.body,
      ])) as Record<string, unknown>[];
      await m.query(`UPDATE questions SET last_activity_at = now() WHERE id = $1`, [input.questionId]);
      const answer = answerFromRow(row);
      await this.events.emit(m, {
        type: QA_EVENTS.answerPosted,
        actorId: viewer.id,
        payload: { answerId: answer.id, questionId: answer.questionId, authorId: viewer.id, questionAuthorId: question.authorId } satisfies AnswerPostedPayload,
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
      await this.revisions.record(m, { postType: 'ANSWER', postId: answer.id, editorId: viewer.id, title: null, body: answer.body, tags: null });
      const [row] = await returning<Record<string, unknown>>(m, `UPDATE answers AS a SET body = $2, updated_at = now() WHERE a.id = $1 RETURNING ${ANSWER_COLUMNS}`, [
        answer.id,
        input.body,
      ]);
      await m.query(`UPDATE questions SET last_activity_at = now() WHERE id = $1`, [answer.questionId]);
      await this.events.emit(m, {
        type: QA_EVENTS.postEdited,
        actorId: viewer.id,
        payload: { postType: 'ANSWER', postId: answer.id, questionId: answer.questionId, editorId: viewer.id } satisfies PostEditedPayload,
      });
      return answerFromRow(row);
    });
  }

  /**
   * Marks the answer as the accepted one (question author only), replacing any earlier choice;
   * accepting the accepted answer again changes nothing. Returns the question's id.
   */
  async accept(viewer: Principal, answerId: string): Promise<string> {
    if (!isUuid(answerId)) throw new NotFoundError('Answer', 'answerId');
    return inTransaction(this.dataSource, async (m) => {
      const [found] = (await m.query(`SELECT question_id AS "questionId" FROM answers WHERE id = $1 AND deleted_at IS NULL`, [answerId])) as {
        questionId: string;
      }[];
      if (!found) throw new NotFoundError('Answer', 'answerId');
      const question = await this.lockQuestionForAcceptance(m, viewer, found.questionId, 'answerId');
      if (question.acceptedAnswerId === answerId) return question.id;
      const answer = await this.lockLive(m, answerId, 'answerId');
      if (question.acceptedAnswerId) await this.clearAcceptance(m, question.acceptedAnswerId, question.authorId);
      await m.query(`UPDATE answers SET is_accepted = true WHERE id = $1`, [answerId]);
      await m.query(`UPDATE questions SET accepted_answer_id = $2 WHERE id = $1`, [question.id, answerId]);
      if (answer.authorId !== viewer.id) {
        await this.reputation.award(m, { userId: answer.authorId, kind: 'ANSWER_ACCEPTED', postId: answerId, actorId: viewer.id });
        await this.reputation.award(m, { userId: viewer.id, kind: 'ACCEPTED_AN_ANSWER', postId: answerId, actorId: viewer.id });
      }
      await this.events.emit(m, {
        type: QA_EVENTS.answerAccepted,
        actorId: viewer.id,
        payload: { answerId, questionId: question.id, answerAuthorId: answer.authorId, accepterId: viewer.id } satisfies AnswerAcceptedPayload,
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
        await m.query(`UPDATE questions SET accepted_answer_id = NULL WHERE id = $1`, [question.id]);
        await this.events.emit(m, { type: QA_EVENTS.acceptanceWithdrawn, actorId: viewer.id, payload: { answerId: question.acceptedAnswerId, questionId: question.id } });
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
    const [question] = await returning<{ authorId: string }>(
      m,
      `UPDATE questions SET accepted_answer_id = NULL WHERE accepted_answer_id = $1 RETURNING author_id AS "authorId"`,
      [answerId],
    );
    if (question) await this.clearAcceptance(m, answerId, question.authorId);
  }

  private async lockQuestionForAcceptance(m: EntityManager, viewer: Principal, questionId: string, field: string) {
    const [question] = (await m.query(
      `SELECT id, author_id AS "authorId", accepted_answer_id AS "acceptedAnswerId" FROM questions WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
      [questionId],
    )) as { id: string; authorId: string; acceptedAnswerId: string | null }[];
    if (!question) throw new NotFoundError('Question', field);
    if (question.authorId !== viewer.id) throw new ForbiddenError("Only the question's author can accept or withdraw an answer.");
    return question;
  }

  /** Un-marks the answer and cancels the acceptance events (their actor is the question's author). */
  private async clearAcceptance(m: EntityManager, answerId: string, accepterId: string): Promise<void> {
    await m.query(`UPDATE answers SET is_accepted = false WHERE id = $1`, [answerId]);
    await this.reputation.revoke(m, 'ANSWER_ACCEPTED', answerId, accepterId);
    await this.reputation.revoke(m, 'ACCEPTED_AN_ANSWER', answerId, accepterId);
  }

  private async lockLive(m: EntityManager, id: string, field: string): Promise<AnswerEntity> {
    const [row] = (await m.query(`SELECT ${ANSWER_COLUMNS} FROM answers a WHERE a.id = $1 AND a.deleted_at IS NULL FOR UPDATE`, [id])) as Record<string, unknown>[];
    if (!row) throw new NotFoundError('Answer', field);
    return answerFromRow(row);
  }

  byIdLoader(loaders: LoaderRegistry) {
    return loaders.get<string, AnswerEntity | null>('qa.answers.byId', async (ids) => {
      const rows = (await this.dataSource.query(`SELECT ${ANSWER_COLUMNS} FROM answers a WHERE a.id = ANY($1::uuid[]) AND a.deleted_at IS NULL`, [
        [...ids],
      ])) as Record<string, unknown>[];
      return byKeys(ids, rows.map(answerFromRow), (a) => a.id, null);
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
        const params: unknown[] = [questionIds, viewerId];
        let keyset = '';
        if (after) {
          const [acc, score, createdAt, id] = decodeCursor(after, 'answers', ['bool', 'number', 'date', 'id']);
          params.push(acc, score, createdAt, id);
          keyset = `AND (a.is_accepted < $3 OR (a.is_accepted = $3 AND (a.score < $4 OR (a.score = $4 AND (a.created_at, a.id) > ($5, $6)))))`;
        }
        const rows = (await this.dataSource.query(
          `SELECT a.*, v.value AS "viewerVote", ${commentPreviewJson('a.id')} AS "commentPreview"
           FROM (SELECT ${ANSWER_COLUMNS}, row_number() OVER (PARTITION BY a.question_id ORDER BY a.is_accepted DESC, a.score DESC, a.created_at, a.id) AS rn
                 FROM answers a WHERE a.question_id = ANY($1::uuid[]) AND a.deleted_at IS NULL ${keyset}) a
           LEFT JOIN votes v ON v.post_id = a.id AND v.user_id = $2::uuid
           WHERE a.rn <= ${Number(limit)} ORDER BY a."questionId", a.rn`,
          params,
        )) as Record<string, unknown>[];
        const answers = rows.map((r) => {
          const answer = answerFromRow(r);
          if (viewerId) this.votes.viewerVoteLoader(loaders, viewerId).prime(answer.id, Number(r.viewerVote ?? 0));
          const preview = (r.commentPreview as Record<string, unknown>[]).map(commentFromRow);
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

  async page(loaders: LoaderRegistry, viewerId: string | null, questionId: string, args: { first?: number | null; after?: string | null }): Promise<Page<AnswerEntity>> {
    const size = pageSize(args.first);
    if (args.after) decodeCursor(args.after, 'answers', ['bool', 'number', 'date', 'id']);
    // Tracked: the page brings the ids of its authors and commenters, which the users loader waits for.
    return toPage(await loaders.track(this.pageLoader(loaders, viewerId).load(`${questionId}|${size + 1}|${args.after ?? ''}`)), size);
  }
}
