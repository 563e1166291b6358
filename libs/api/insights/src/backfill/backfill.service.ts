import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { inTransaction } from '@crossroads/api-platform';
import { UsersService } from '@crossroads/api-accounts';
import { PostHistoryService } from '@crossroads/api-qa';
import { markCountedMany } from '../activity/activity.repository.js';
import {
  addDaily,
  addUserTags,
  backfillFirstAnswers,
  backfillMembers,
  backfillQuestionRows,
  backfillSeen,
  tagsOfQuestions,
} from './backfill.repository.js';

const PAGE = 1000;

export interface BackfillSummary {
  members: number;
  questions: number;
  answers: number;
  comments: number;
}

export type BackfillProgress = (done: number, total: number, label: string) => void;

/**
 * Fills the rollups with what happened before insights listened (imported, seeded or older data),
 * from the owners' read APIs (accounts' UsersService, qa's PostHistoryService), page by page, one
 * transaction per page. Idempotent, and with the event path: a post counts only when its id enters
 * insights_counted_posts (whichever comes first, its event or this), members and question rows are
 * upserts. For the past, members' first-week return is read from their posts (sign-ins before insights
 * listened are not known).
 */
@Injectable()
export class InsightsBackfill {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly posts: PostHistoryService,
  ) {}

  async run(onProgress: BackfillProgress = () => undefined): Promise<BackfillSummary> {
    const [members, counts] = await Promise.all([this.users.countAll(), this.posts.counts()]);
    const total = members + counts.questions + counts.answers + counts.comments;
    const summary: BackfillSummary = { members: 0, questions: 0, answers: 0, comments: 0 };
    let done = 0;
    const step = (n: number, label: string) => {
      done += n;
      onProgress(Math.min(done, total), total, label);
    };

    await this.pages(
      (after) => this.users.joinedPage(after, PAGE),
      async (page) => {
        summary.members += await inTransaction(this.dataSource, (m) => backfillMembers(m, page));
        step(page.length, 'members');
      },
    );

    await this.pages(
      (after) => this.posts.questionsPage(after, PAGE),
      async (page) => {
        await inTransaction(this.dataSource, async (m) => {
          const added = await backfillQuestionRows(m, page);
          await backfillSeen(
            m,
            page.map((q) => ({ userId: q.authorId, at: q.createdAt })),
          );
          const fresh = await markCountedMany(
            m,
            page.map((q) => q.id),
          );
          const counted = page.filter((q) => fresh.has(q.id));
          await addDaily(
            m,
            'questions',
            counted.map((q) => ({ at: q.createdAt, tags: q.tags })),
          );
          // Acceptances of rows the events recorded are theirs to count.
          await addDaily(
            m,
            'accepted',
            added.flatMap((q) => (q.acceptedAuthorId ? [{ at: q.createdAt, tags: q.tags }] : [])),
          );
          await addUserTags(
            m,
            'accepted',
            added.flatMap((q) => (q.acceptedAuthorId ? [{ userId: q.acceptedAuthorId, tags: q.tags }] : [])),
          );
          summary.questions += counted.length;
        });
        step(page.length, 'questions');
      },
    );

    await this.pages(
      (after) => this.posts.answersPage(after, PAGE),
      async (page) => {
        await inTransaction(this.dataSource, async (m) => {
          await addDaily(m, 'answered', await backfillFirstAnswers(m, page));
          await backfillSeen(
            m,
            page.map((a) => ({ userId: a.authorId, at: a.createdAt })),
          );
          const fresh = await markCountedMany(
            m,
            page.map((a) => a.id),
          );
          const counted = page.filter((a) => fresh.has(a.id));
          const tags = await tagsOfQuestions(m, [...new Set(counted.map((a) => a.questionId))]);
          const items = counted.map((a) => ({
            at: a.createdAt,
            tags: tags.get(a.questionId) ?? [],
            userId: a.authorId,
          }));
          await addDaily(m, 'answers', items);
          await addUserTags(m, 'answers', items);
          summary.answers += counted.length;
        });
        step(page.length, 'answers');
      },
    );

    await this.pages(
      (after) => this.posts.commentsPage(after, PAGE),
      async (page) => {
        await inTransaction(this.dataSource, async (m) => {
          await backfillSeen(
            m,
            page.map((c) => ({ userId: c.authorId, at: c.createdAt })),
          );
          const fresh = await markCountedMany(
            m,
            page.map((c) => c.id),
          );
          const counted = page.filter((c) => fresh.has(c.id));
          const tags = await tagsOfQuestions(m, [...new Set(counted.map((c) => c.questionId))]);
          await addDaily(
            m,
            'comments',
            counted.map((c) => ({ at: c.createdAt, tags: tags.get(c.questionId) ?? [] })),
          );
          summary.comments += counted.length;
        });
        step(page.length, 'comments');
      },
    );
    return summary;
  }

  /** Keyset pages by id until one comes back short. */
  private async pages<T extends { id: string }>(
    load: (afterId: string | null) => Promise<T[]>,
    handle: (page: T[]) => Promise<void>,
  ): Promise<void> {
    let after: string | null = null;
    for (;;) {
      const page = await load(after);
      if (page.length) await handle(page);
      const last = page.at(-1);
      if (!last || page.length < PAGE) return;
      after = last.id;
    }
  }
}
