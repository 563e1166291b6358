import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import * as history from './post-history.repository.js';

export type { AnswerHistoryRow, CommentHistoryRow, PostCounts, QuestionHistoryRow } from './post-history.repository.js';

/**
 * Every live post, page by page in id order (the primary keys), for contexts that build their own
 * view of history (insights' backfill): what qa's events would have told them had they listened.
 */
@Injectable()
export class PostHistoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  counts(): Promise<history.PostCounts> {
    return history.postCounts(this.dataSource);
  }

  questionsPage(afterId: string | null, limit: number): Promise<history.QuestionHistoryRow[]> {
    return history.questionsPage(this.dataSource, afterId, limit);
  }

  answersPage(afterId: string | null, limit: number): Promise<history.AnswerHistoryRow[]> {
    return history.answersPage(this.dataSource, afterId, limit);
  }

  commentsPage(afterId: string | null, limit: number): Promise<history.CommentHistoryRow[]> {
    return history.commentsPage(this.dataSource, afterId, limit);
  }
}
