import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  byKeys,
  type LoaderRegistry,
  decodeCursor,
  encodeCursor,
  pageSize,
  toPage,
  type Page,
} from '@crossroads/api-platform';
import type { AnswerEntity } from '../answers/answer.entity.js';
import { groupBy } from '../comments/comments.service.js';
import { ANSWER_COLUMNS, QUESTION_COLUMNS, answerFromRow, questionFromRow } from '../common/sql.js';
import type { QuestionEntity } from '../questions/question.entity.js';

export const userQuestionCursor = (q: QuestionEntity) => encodeCursor('user-questions', [q.createdAt, q.id]);
export const userAnswerCursor = (a: AnswerEntity) => encodeCursor('user-answers', [a.createdAt, a.id]);

type Row = Record<string, unknown>;
interface PageKey {
  userId: string;
  limit: number;
  after: string;
}

/**
 * A user's live questions and answers (answers only on live questions), newest first, for the
 * profile page. One statement per (page size, cursor) serves every user of a request: a LATERAL
 * walk of the partial (author_id, created_at, id) indexes per user, so each page reads only its rows.
 */
@Injectable()
export class UserPostsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async questions(
    loaders: LoaderRegistry,
    userId: string,
    args: { first?: number | null; after?: string | null },
  ): Promise<Page<QuestionEntity>> {
    const size = pageSize(args.first);
    if (args.after) decodeCursor(args.after, 'user-questions', ['date', 'id']);
    const rows = await this.questionPageLoader(loaders).load(`${userId}|${size + 1}|${args.after ?? ''}`);
    return toPage(rows, size);
  }

  async answers(
    loaders: LoaderRegistry,
    userId: string,
    args: { first?: number | null; after?: string | null },
  ): Promise<Page<AnswerEntity>> {
    const size = pageSize(args.first);
    if (args.after) decodeCursor(args.after, 'user-answers', ['date', 'id']);
    const rows = await this.answerPageLoader(loaders).load(`${userId}|${size + 1}|${args.after ?? ''}`);
    return toPage(rows, size);
  }

  /** How many live questions each user has. */
  questionCountLoader(loaders: LoaderRegistry) {
    return loaders.get<string, number>('qa.userPosts.questionCount', async (userIds) => {
      const rows = (await this.dataSource.query(
        `SELECT q.author_id AS "userId", count(*)::int AS n FROM questions q
          WHERE q.author_id = ANY($1::uuid[]) AND q.deleted_at IS NULL GROUP BY q.author_id`,
        [[...userIds]],
      )) as { userId: string; n: number }[];
      return byKeys(userIds, rows, (r) => r.userId, { userId: '', n: 0 }).map((r) => Number(r.n));
    });
  }

  /** How many live answers on live questions each user has. */
  answerCountLoader(loaders: LoaderRegistry) {
    return loaders.get<string, number>('qa.userPosts.answerCount', async (userIds) => {
      const rows = (await this.dataSource.query(
        `SELECT a.author_id AS "userId", count(*)::int AS n FROM answers a JOIN questions q ON q.id = a.question_id AND q.deleted_at IS NULL
          WHERE a.author_id = ANY($1::uuid[]) AND a.deleted_at IS NULL GROUP BY a.author_id`,
        [[...userIds]],
      )) as { userId: string; n: number }[];
      return byKeys(userIds, rows, (r) => r.userId, { userId: '', n: 0 }).map((r) => Number(r.n));
    });
  }

  private questionPageLoader(loaders: LoaderRegistry) {
    return loaders.get<string, QuestionEntity[]>('qa.userPosts.questions', (keys) =>
      this.pages(
        keys,
        'user-questions',
        (keyset, limit) =>
          `SELECT x.* FROM unnest($1::uuid[]) AS u(id) CROSS JOIN LATERAL (
           SELECT ${QUESTION_COLUMNS} FROM questions q
            WHERE q.author_id = u.id AND q.deleted_at IS NULL ${keyset.replace(/\$T/g, 'q')}
            ORDER BY q.created_at DESC, q.id DESC LIMIT ${limit}) x`,
        questionFromRow,
      ),
    );
  }

  private answerPageLoader(loaders: LoaderRegistry) {
    return loaders.get<string, AnswerEntity[]>('qa.userPosts.answers', (keys) =>
      this.pages(
        keys,
        'user-answers',
        (keyset, limit) =>
          `SELECT x.* FROM unnest($1::uuid[]) AS u(id) CROSS JOIN LATERAL (
           SELECT ${ANSWER_COLUMNS} FROM answers a JOIN questions q ON q.id = a.question_id AND q.deleted_at IS NULL
            WHERE a.author_id = u.id AND a.deleted_at IS NULL ${keyset.replace(/\$T/g, 'a')}
            ORDER BY a.created_at DESC, a.id DESC LIMIT ${limit}) x`,
        answerFromRow,
      ),
    );
  }

  /** Groups the keys by (limit, cursor) and runs one statement per group. */
  private async pages<T extends { authorId: string }>(
    keys: readonly string[],
    list: string,
    sql: (keyset: string, limit: number) => string,
    fromRow: (r: Row) => T,
  ): Promise<T[][]> {
    const groups = new Map<string, PageKey[]>();
    for (const key of keys) {
      const [userId, limit, after] = key.split('|');
      const rest = `${limit}|${after}`;
      groups.set(rest, [...(groups.get(rest) ?? []), { userId, limit: Number(limit), after }]);
    }
    const found = new Map<string, T[]>();
    for (const [rest, members] of groups) {
      const { limit, after } = members[0];
      const userIds = members.map((m) => m.userId);
      const params: unknown[] = [userIds];
      let keyset = '';
      if (after) {
        const [createdAt, id] = decodeCursor(after, list, ['date', 'id']);
        params.push(createdAt, id);
        keyset = `AND ($T.created_at, $T.id) < ($2, $3)`;
      }
      const rows = (await this.dataSource.query(sql(keyset, limit), params)) as Row[];
      const grouped = groupBy(userIds, rows.map(fromRow), (p) => p.authorId);
      userIds.forEach((id, i) => found.set(`${id}|${rest}`, grouped[i]));
    }
    return keys.map((k) => found.get(k) ?? []);
  }
}
