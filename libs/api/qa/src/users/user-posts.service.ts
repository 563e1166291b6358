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
import { answerFromRow, questionFromRow } from '../common/sql.js';
import type { QuestionEntity } from '../questions/question.entity.js';
import {
  liveAnswerCounts,
  liveAnswerPages,
  liveQuestionCounts,
  liveQuestionPages,
  type UserCount,
  type UserPostsAfter,
} from './user-posts.repository.js';

export const userQuestionCursor = (q: QuestionEntity) => encodeCursor('user-questions', [q.createdAt, q.id]);
export const userAnswerCursor = (a: AnswerEntity) => encodeCursor('user-answers', [a.createdAt, a.id]);

const NONE: UserCount = { userId: '', n: 0 };
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
    return loaders.get<string, number>('qa.userPosts.questionCount', async (userIds) =>
      byKeys(userIds, await liveQuestionCounts(this.dataSource, userIds), (r) => r.userId, NONE).map((r) => r.n),
    );
  }

  /** How many live answers on live questions each user has. */
  answerCountLoader(loaders: LoaderRegistry) {
    return loaders.get<string, number>('qa.userPosts.answerCount', async (userIds) =>
      byKeys(userIds, await liveAnswerCounts(this.dataSource, userIds), (r) => r.userId, NONE).map((r) => r.n),
    );
  }

  private questionPageLoader(loaders: LoaderRegistry) {
    return loaders.get<string, QuestionEntity[]>('qa.userPosts.questions', (keys) =>
      this.pages(keys, 'user-questions', async (userIds, after, limit) =>
        (await liveQuestionPages(this.dataSource, userIds, after, limit)).map(questionFromRow),
      ),
    );
  }

  private answerPageLoader(loaders: LoaderRegistry) {
    return loaders.get<string, AnswerEntity[]>('qa.userPosts.answers', (keys) =>
      this.pages(keys, 'user-answers', async (userIds, after, limit) =>
        (await liveAnswerPages(this.dataSource, userIds, after, limit)).map(answerFromRow),
      ),
    );
  }

  /** Groups the keys by (limit, cursor) and runs one statement per group. */
  private async pages<T extends { authorId: string }>(
    keys: readonly string[],
    list: string,
    page: (userIds: string[], after: UserPostsAfter | null, limit: number) => Promise<T[]>,
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
      const keyset = after ? decodeCursor(after, list, ['date', 'id']) : null;
      const grouped = groupBy(userIds, await page(userIds, keyset, limit), (p) => p.authorId);
      userIds.forEach((id, i) => found.set(`${id}|${rest}`, grouped[i]));
    }
    return keys.map((k) => found.get(k) ?? []);
  }
}
