import type { EntityManager } from 'typeorm';
import { rows, type Row } from '@crossroads/api-platform';

/* What a member's data export reads from qa's tables: their own rows, deleted ones too, oldest first. */

const byAuthor = (m: EntityManager, sql: string, userId: string) => rows<Row>(m, sql, [userId]);

export const exportQuestions = (m: EntityManager, userId: string) =>
  byAuthor(
    m,
    `SELECT id, title, body, tags, created_at AS "createdAt", deleted_at AS "deletedAt" FROM questions WHERE author_id = $1 ORDER BY created_at, id`,
    userId,
  );

export const exportAnswers = (m: EntityManager, userId: string) =>
  byAuthor(
    m,
    `SELECT id, question_id AS "questionId", body, created_at AS "createdAt", deleted_at AS "deletedAt" FROM answers WHERE author_id = $1 ORDER BY created_at, id`,
    userId,
  );

export const exportComments = (m: EntityManager, userId: string) =>
  byAuthor(
    m,
    `SELECT id, post_type AS "postType", post_id AS "postId", body, status, created_at AS "createdAt", deleted_at AS "deletedAt" FROM comments WHERE author_id = $1 ORDER BY created_at, id`,
    userId,
  );

export const exportVotes = (m: EntityManager, userId: string) =>
  byAuthor(
    m,
    `SELECT post_type AS "postType", post_id AS "postId", value, created_at AS "createdAt" FROM votes WHERE user_id = $1 ORDER BY created_at`,
    userId,
  );
