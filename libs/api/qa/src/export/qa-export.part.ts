import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountExportParts, type AccountExportPart } from '@crossroads/api-platform';

/** qa's part of a member's data export: their questions, answers, comments and votes, deleted ones too. */
@Injectable()
export class QaExportPart implements AccountExportPart, OnModuleInit {
  readonly keys = ['questions', 'answers', 'comments', 'votes'] as const;

  constructor(private readonly parts: AccountExportParts) {}

  onModuleInit(): void {
    this.parts.register(this);
  }

  async export(m: EntityManager, userId: string): Promise<Record<string, unknown>> {
    const q = (sql: string) => m.query(sql, [userId]) as Promise<Record<string, unknown>[]>;
    return {
      questions: await q(
        `SELECT id, title, body, tags, created_at AS "createdAt", deleted_at AS "deletedAt" FROM questions WHERE author_id = $1 ORDER BY created_at, id`,
      ),
      answers: await q(
        `SELECT id, question_id AS "questionId", body, created_at AS "createdAt", deleted_at AS "deletedAt" FROM answers WHERE author_id = $1 ORDER BY created_at, id`,
      ),
      comments: await q(
        `SELECT id, post_type AS "postType", post_id AS "postId", body, status, created_at AS "createdAt", deleted_at AS "deletedAt" FROM comments WHERE author_id = $1 ORDER BY created_at, id`,
      ),
      votes: await q(
        `SELECT post_type AS "postType", post_id AS "postId", value, created_at AS "createdAt" FROM votes WHERE user_id = $1 ORDER BY created_at`,
      ),
    };
  }
}
