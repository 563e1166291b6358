import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { LIMITS, roleHasPermission } from '@crossroads/shared-domain';
import { EventBus, ForbiddenError, NotFoundError, PostingLimits, byKeys, type LoaderRegistry, type Principal, decodeCursor, encodeCursor, isUuid, pageSize, inTransaction, returning } from '@crossroads/api-platform';
import { UsersService } from '@crossroads/api-accounts';
import { AnswersService } from '../answers/answers.service.js';
import type { AnswerEntity } from '../answers/answer.entity.js';
import { CommentsService } from '../comments/comments.service.js';
import { ACCEPTED_ANSWER_JSON, QUESTION_COLUMNS, answerFromRow, commentFromRow, commentPreviewJson, questionFromRow } from '../common/sql.js';
import { RevisionsService } from '../revisions/revisions.service.js';
import { SpellingService } from '../search/spelling.service.js';
import { TagsService } from '../tags/tags.service.js';
import { VotesService } from '../votes/votes.service.js';
import type { AskQuestionInput } from './dto/ask-question.input.js';
import type { EditQuestionInput } from './dto/edit-question.input.js';
import type { QuestionsArgs } from './dto/questions.args.js';
import type { QuestionEntity } from './question.entity.js';
import type { QuestionSort } from './question.model.js';
import { QA_EVENTS, type PostEditedPayload, type QuestionAskedPayload } from '../events/qa-events.js';
import * as questions from './questions.repository.js';

export interface QuestionFeed {
  questions: QuestionEntity[];
  cursors: string[];
  hasNextPage: boolean;
  totalCount: number;
  didYouMean: string | null;
}

/** Sort key of each feed order: the keyset index is (key DESC, id DESC). */
const SORT_KEYS: Record<QuestionSort, { column: string; alias: string; part: 'date' | 'number' }> = {
  NEWEST: { column: 'q.created_at', alias: 'createdAt', part: 'date' },
  ACTIVE: { column: 'q.last_activity_at', alias: 'lastActivityAt', part: 'date' },
  VOTES: { column: 'q.score', alias: 'score', part: 'number' },
  UNANSWERED: { column: 'q.created_at', alias: 'createdAt', part: 'date' },
};

/** Same predicate as the partial index questions_unanswered_idx. */
const UNANSWERED = `q.accepted_answer_id IS NULL AND q.positive_answer_count = 0`;

@Injectable()
export class QuestionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly tags: TagsService,
    private readonly votes: VotesService,
    private readonly answers: AnswersService,
    private readonly comments: CommentsService,
    private readonly revisions: RevisionsService,
    private readonly spelling: SpellingService,
    private readonly events: EventBus,
    /** New-account limits (provided by the moderation context). */
    @Optional() private readonly limits?: PostingLimits,
  ) {}

  async ask(viewer: Principal, input: AskQuestionInput): Promise<QuestionEntity> {
    return inTransaction(this.dataSource, async (m) => {
      await this.limits?.check(m, viewer, 'QUESTION');
      await this.tags.ensure(m, input.tags);
      const [row] = (await m.query(`INSERT INTO questions AS q (author_id, title, body, tags) VALUES ($1, $2, $3, $4) RETURNING ${QUESTION_COLUMNS}`, [
        viewer.id,
        input.title,
        input.body,
        input.tags,
      ])) as Record<string, unknown>[];
      const question = questionFromRow(row);
      await this.events.emit(m, {
        type: QA_EVENTS.questionAsked,
        actorId: viewer.id,
        payload: { questionId: question.id, authorId: viewer.id, title: question.title, tags: question.tags } satisfies QuestionAskedPayload,
      });
      return question;
    });
  }

  /** Authors edit their own questions, moderators and admins any; the replaced version becomes a revision. */
  async edit(viewer: Principal, input: EditQuestionInput): Promise<QuestionEntity> {
    return inTransaction(this.dataSource, async (m) => {
      const [row] = (await m.query(`SELECT ${QUESTION_COLUMNS} FROM questions q WHERE q.id = $1 AND q.deleted_at IS NULL FOR UPDATE`, [input.id])) as Record<
        string,
        unknown
      >[];
      if (!row) throw new NotFoundError('Question', 'id');
      const question = questionFromRow(row);
      if (question.authorId !== viewer.id && !roleHasPermission(viewer.role, 'post.edit.any')) {
        throw new ForbiddenError('Only the author or a moderator can edit this question.');
      }
      const title = input.title ?? question.title;
      const body = input.body ?? question.body;
      const tags = input.tags ?? question.tags;
      if (title === question.title && body === question.body && tags.join(' ') === question.tags.join(' ')) return question;
      await this.revisions.record(m, { postType: 'QUESTION', postId: question.id, editorId: viewer.id, title: question.title, body: question.body, tags: question.tags });
      await this.tags.ensure(m, tags);
      const [updated] = await returning<Record<string, unknown>>(
        m,
        `UPDATE questions AS q SET title = $2, body = $3, tags = $4, updated_at = now(), last_activity_at = now() WHERE q.id = $1 RETURNING ${QUESTION_COLUMNS}`,
        [question.id, title, body, tags],
      );
      await this.events.emit(m, {
        type: QA_EVENTS.postEdited,
        actorId: viewer.id,
        payload: { postType: 'QUESTION', postId: question.id, questionId: question.id, editorId: viewer.id } satisfies PostEditedPayload,
      });
      return questionFromRow(updated);
    });
  }

  /**
   * One question for its page. The same statement brings the viewer's vote, the accepted answer and
   * the first comments; the loaders are primed with them and the authors are requested together.
   */
  async findOne(loaders: LoaderRegistry, viewerId: string | null, id: string): Promise<QuestionEntity> {
    if (!isUuid(id)) throw new NotFoundError('Question', 'id');
    const [row] = (await this.dataSource.query(
      `SELECT ${QUESTION_COLUMNS}, v.value AS "viewerVote", ${ACCEPTED_ANSWER_JSON} AS "acceptedAnswer", ${commentPreviewJson('q.id')} AS "commentPreview"
       FROM questions q
       LEFT JOIN votes v ON v.post_id = q.id AND v.user_id = $2::uuid
       LEFT JOIN answers aa ON aa.id = q.accepted_answer_id AND aa.deleted_at IS NULL
       WHERE q.id = $1 AND q.deleted_at IS NULL`,
      [id, viewerId],
    )) as Record<string, unknown>[];
    if (!row) throw new NotFoundError('Question', 'id');
    const [question] = this.absorb(loaders, viewerId, [row]);
    const preview = (row.commentPreview as Record<string, unknown>[]).map(commentFromRow);
    this.comments.previewLoader(loaders).prime(question.id, preview);
    void this.users.loader(loaders).loadMany([question.authorId, ...preview.flatMap((c) => (c.authorId ? [c.authorId] : []))]);
    return question;
  }

  /** The feed: keyset pages (no OFFSET), exact totals from counters, viewer votes and accepted answers in the same statement. */
  async feed(loaders: LoaderRegistry, viewerId: string | null, args: QuestionsArgs): Promise<QuestionFeed> {
    const size = pageSize(args.first);
    const search = args.search?.trim();
    if (search) return this.search(loaders, viewerId, args, size, search);

    const sort = args.sort ?? 'NEWEST';
    const key = SORT_KEYS[sort];
    const list = `questions:${sort}`;
    const params: unknown[] = [viewerId];
    const where: string[] = ['q.deleted_at IS NULL'];
    if (sort === 'UNANSWERED') where.push(UNANSWERED);
    if (args.tag) {
      params.push(args.tag);
      where.push(`q.tags @> ARRAY[$${params.length}]::varchar[]`);
    }
    const totalSql =
      args.tag && sort === 'UNANSWERED'
        ? `SELECT count(*) FROM questions q WHERE ${where.join(' AND ')}`
        : args.tag
          ? `SELECT coalesce((SELECT question_count FROM tags WHERE name = $2), 0)`
          : `SELECT value FROM qa_counters WHERE name = '${sort === 'UNANSWERED' ? 'unanswered' : 'questions'}'`;
    const pageWhere = [...where];
    if (args.after) {
      const [value, id] = decodeCursor(args.after, list, [key.part, 'id']);
      params.push(value, id);
      pageWhere.push(`(${key.column}, q.id) < ($${params.length - 1}, $${params.length})`);
    }
    const rows = (await this.dataSource.query(
      `SELECT t.total AS "totalCount", p.* FROM (SELECT (${totalSql})::int AS total) t
       LEFT JOIN LATERAL (
         SELECT ${QUESTION_COLUMNS}, v.value AS "viewerVote", ${ACCEPTED_ANSWER_JSON} AS "acceptedAnswer"
         FROM questions q
         LEFT JOIN votes v ON v.post_id = q.id AND v.user_id = $1::uuid
         LEFT JOIN answers aa ON aa.id = q.accepted_answer_id AND aa.deleted_at IS NULL
         WHERE ${pageWhere.join(' AND ')}
         ORDER BY ${key.column} DESC, q.id DESC
         LIMIT ${size + 1}
       ) p ON true
       ORDER BY p."${key.alias}" DESC, p.id DESC`,
      params,
    )) as Record<string, unknown>[];
    const totalCount = Number(rows[0]?.totalCount ?? 0);
    const questions = this.absorb(loaders, viewerId, rows.filter((r) => r.id !== null).slice(0, size));
    return {
      questions,
      cursors: questions.map((q) => encodeCursor(list, [q[key.alias as 'createdAt' | 'lastActivityAt' | 'score'], q.id])),
      hasNextPage: rows.filter((r) => r.id !== null).length > size,
      totalCount,
      didYouMean: null,
    };
  }

  /**
   * Full-text search: websearch syntax ("phrases", -exclusions, or) over the weighted tsvector.
   * Only the newest LIMITS.search.rankedCandidates matches are ranked, so a common word never ranks
   * the whole table; totalCount counts that candidate set. No match at all → spelling correction.
   */
  private async search(loaders: LoaderRegistry, viewerId: string | null, args: QuestionsArgs, size: number, search: string): Promise<QuestionFeed> {
    const first = await this.searchOnce(loaders, viewerId, args, size, search);
    if (first.totalCount > 0 || args.after) return first;
    const corrected = await this.spelling.suggest(search);
    if (!corrected) return first;
    const retried = await this.searchOnce(loaders, viewerId, args, size, corrected);
    return retried.totalCount > 0 ? { ...retried, didYouMean: corrected } : first;
  }

  private async searchOnce(loaders: LoaderRegistry, viewerId: string | null, args: QuestionsArgs, size: number, search: string): Promise<QuestionFeed> {
    const list = 'questions:search';
    // Candidates: qa_search_candidates (migration QaSearchCandidates), the newest matches with the
    // filters (tag, UNANSWERED: same predicate as UNANSWERED above) through an index, never a full scan.
    const params: unknown[] = [viewerId, search, args.tag ?? null, args.sort === 'UNANSWERED'];
    let keyset = '';
    if (args.after) {
      const [rank, id] = decodeCursor(args.after, list, ['number', 'id']);
      params.push(rank, id);
      keyset = `WHERE (r.rank, r.id) < ($${params.length - 1}::float8, $${params.length}::uuid)`;
    }
    const rows = (await this.dataSource.query(
      `WITH candidates AS (
         SELECT c.id, c.search_vector FROM qa_search_candidates(websearch_to_tsquery('english', $2), $3::varchar, $4::boolean, ${LIMITS.search.rankedCandidates}) c
       ), ranked AS (
         SELECT c.id, ts_rank(c.search_vector, websearch_to_tsquery('english', $2))::float8 AS rank FROM candidates c
       )
       SELECT t.total AS "totalCount", p.* FROM (SELECT count(*)::int AS total FROM ranked) t
       LEFT JOIN LATERAL (
         SELECT ${QUESTION_COLUMNS}, r.rank, v.value AS "viewerVote", ${ACCEPTED_ANSWER_JSON} AS "acceptedAnswer"
         FROM (SELECT * FROM ranked r ${keyset} ORDER BY r.rank DESC, r.id DESC LIMIT ${size + 1}) r
         JOIN questions q ON q.id = r.id
         LEFT JOIN votes v ON v.post_id = q.id AND v.user_id = $1::uuid
         LEFT JOIN answers aa ON aa.id = q.accepted_answer_id AND aa.deleted_at IS NULL
       ) p ON true
       ORDER BY p.rank DESC, p.id DESC`,
      params,
    )) as Record<string, unknown>[];
    const live = rows.filter((r) => r.id !== null);
    const questions = this.absorb(loaders, viewerId, live.slice(0, size));
    return {
      questions,
      cursors: live.slice(0, size).map((r) => encodeCursor(list, [Number(r.rank), String(r.id)])),
      hasNextPage: live.length > size,
      totalCount: Number(rows[0]?.totalCount ?? 0),
      didYouMean: null,
    };
  }

  /** Questions like a title being typed: any of its words, best ranked among the newest matches. */
  async similar(title: string, first: number | undefined): Promise<QuestionEntity[]> {
    const size = pageSize(first, 'first', LIMITS.similarQuestions.maxSize, LIMITS.similarQuestions.defaultSize);
    const words = [...new Set(title.toLowerCase().match(/[a-z0-9]+/g) ?? [])].slice(0, 16);
    if (!words.length) return [];
    const rows = (await this.dataSource.query(
      `WITH tsq AS (SELECT to_tsquery('english', $1) AS query),
       candidates AS (
         SELECT q.id, q.search_vector FROM questions q, tsq WHERE q.deleted_at IS NULL AND q.search_vector @@ tsq.query
         ORDER BY q.created_at DESC LIMIT ${LIMITS.search.rankedCandidates}
       )
       SELECT ${QUESTION_COLUMNS} FROM candidates c JOIN questions q ON q.id = c.id, tsq
       ORDER BY ts_rank(c.search_vector, tsq.query) DESC, q.id DESC LIMIT ${size}`,
      [words.join(' | ')],
    )) as Record<string, unknown>[];
    return rows.map(questionFromRow);
  }

  /** A live question's closed state, locked until the caller's transaction (`m`) ends; undefined when absent or deleted. */
  lockClosedState(m: EntityManager, id: string): Promise<questions.ClosedState | undefined> {
    return questions.lockClosedState(m, id);
  }

  isLive(m: EntityManager, id: string): Promise<boolean> {
    return questions.isLive(m, id);
  }

  /** Closes the question (no new answers) in the caller's transaction. */
  close(m: EntityManager, id: string, reason: string, duplicateOfId: string | null): Promise<QuestionEntity> {
    return questions.setClosed(m, id, reason, duplicateOfId);
  }

  reopen(m: EntityManager, id: string): Promise<QuestionEntity> {
    return questions.setClosed(m, id, null, null);
  }

  /** Read model for other contexts: live questions related to each key's tags, in one statement. */
  relatedToTags(keys: questions.RelatedTo[], size: number, candidates: number): Promise<Map<string, QuestionEntity[]>> {
    return questions.relatedToTags(this.dataSource.manager, keys, size, candidates);
  }

  /** Read model for mentoring: open questions a mentor with this expertise could answer (one statement). */
  matchingExpertise(userId: string, expertise: string[], after: [number, Date, string] | null, limit: number) {
    return questions.matchingExpertise(this.dataSource.manager, userId, expertise, after, limit);
  }

  byIdLoader(loaders: LoaderRegistry) {
    return loaders.get<string, QuestionEntity | null>('qa.questions.byId', async (ids) => {
      const rows = (await this.dataSource.query(`SELECT ${QUESTION_COLUMNS} FROM questions q WHERE q.id = ANY($1::uuid[]) AND q.deleted_at IS NULL`, [
        [...ids],
      ])) as Record<string, unknown>[];
      return byKeys(ids, rows.map(questionFromRow), (q) => q.id, null);
    });
  }

  /** Maps page rows and primes the per-request loaders with what the statement already brought. */
  private absorb(loaders: LoaderRegistry, viewerId: string | null, rows: Record<string, unknown>[]): QuestionEntity[] {
    const questions = rows.map(questionFromRow);
    const answerLoader = this.answers.byIdLoader(loaders);
    rows.forEach((row, i) => {
      if (viewerId) this.votes.viewerVoteLoader(loaders, viewerId).prime(questions[i].id, Number(row.viewerVote ?? 0));
      if (row.acceptedAnswer) {
        const accepted: AnswerEntity = answerFromRow(row.acceptedAnswer as Record<string, unknown>);
        answerLoader.prime(accepted.id, accepted);
      }
    });
    if (questions.length) void this.users.loader(loaders).loadMany(questions.map((q) => q.authorId));
    for (const q of questions) this.byIdLoader(loaders).prime(q.id, q);
    return questions;
  }
}
