import { maybeOne, rows, type Db } from '@crossroads/api-platform';

export interface QuestionHistoryRow {
  id: string;
  authorId: string;
  createdAt: Date;
  tags: string[];
  /** The accepted answer's author and posting time; null without an accepted answer (qa keeps no acceptance time). */
  acceptedAuthorId: string | null;
  acceptedAnswerAt: Date | null;
}

export interface AnswerHistoryRow {
  id: string;
  questionId: string;
  authorId: string;
  createdAt: Date;
}

export interface CommentHistoryRow {
  id: string;
  questionId: string;
  authorId: string | null;
  createdAt: Date;
}

export interface PostCounts {
  questions: number;
  answers: number;
  comments: number;
}

export async function postCounts(db: Db): Promise<PostCounts> {
  const counts = await maybeOne<PostCounts>(
    db,
    `SELECT (SELECT count(*) FROM questions WHERE deleted_at IS NULL)::int AS questions,
            (SELECT count(*) FROM answers WHERE deleted_at IS NULL)::int AS answers,
            (SELECT count(*) FROM comments WHERE deleted_at IS NULL AND status = 'PUBLISHED')::int AS comments`,
    [],
  );
  return counts ?? { questions: 0, answers: 0, comments: 0 };
}

/** Live questions in id order (the primary key). */
export function questionsPage(db: Db, afterId: string | null, limit: number): Promise<QuestionHistoryRow[]> {
  return rows<QuestionHistoryRow>(
    db,
    `SELECT q.id, q.author_id AS "authorId", q.created_at AS "createdAt", q.tags, a.author_id AS "acceptedAuthorId", a.created_at AS "acceptedAnswerAt"
     FROM questions q LEFT JOIN answers a ON a.id = q.accepted_answer_id AND a.deleted_at IS NULL
     WHERE q.deleted_at IS NULL AND ($1::uuid IS NULL OR q.id > $1) ORDER BY q.id LIMIT $2`,
    [afterId, limit],
  );
}

export function answersPage(db: Db, afterId: string | null, limit: number): Promise<AnswerHistoryRow[]> {
  return rows<AnswerHistoryRow>(
    db,
    `SELECT a.id, a.question_id AS "questionId", a.author_id AS "authorId", a.created_at AS "createdAt"
     FROM answers a WHERE a.deleted_at IS NULL AND ($1::uuid IS NULL OR a.id > $1) ORDER BY a.id LIMIT $2`,
    [afterId, limit],
  );
}

/** Published comments (a held one counts once a moderator approves it). */
export function commentsPage(db: Db, afterId: string | null, limit: number): Promise<CommentHistoryRow[]> {
  return rows<CommentHistoryRow>(
    db,
    `SELECT c.id, c.question_id AS "questionId", c.author_id AS "authorId", c.created_at AS "createdAt"
     FROM comments c WHERE c.deleted_at IS NULL AND c.status = 'PUBLISHED' AND ($1::uuid IS NULL OR c.id > $1)
     ORDER BY c.id LIMIT $2`,
    [afterId, limit],
  );
}
