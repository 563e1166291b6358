import { rows, type Db } from '@crossroads/api-platform';
import { SAMPLE_OF } from '../activity/activity.repository.js';
import type { AnswerHistoryRow, CommentHistoryRow, QuestionHistoryRow } from '@crossroads/api-qa';

/** Members not recorded yet, with their account's creation time (an earlier recorded time is kept). */
export async function backfillMembers(db: Db, members: { id: string; createdAt: Date }[]): Promise<number> {
  const added = await rows<{ inserted: boolean }>(
    db,
    `INSERT INTO insights_members (user_id, joined_at) SELECT * FROM unnest($1::uuid[], $2::timestamptz[])
     ON CONFLICT (user_id) DO UPDATE SET joined_at = LEAST(insights_members.joined_at, EXCLUDED.joined_at)
     RETURNING (xmax = 0) AS inserted`,
    [members.map((m) => m.id), members.map((m) => m.createdAt)],
  );
  return added.filter((r) => r.inserted).length;
}

/**
 * Questions insights has no row for: recorded with their tags and accepted answer (its posting time
 * stands for the acceptance, which qa does not keep). Returns the rows added.
 */
export function backfillQuestionRows(
  db: Db,
  questions: QuestionHistoryRow[],
): Promise<Pick<QuestionHistoryRow, 'id' | 'createdAt' | 'tags' | 'acceptedAuthorId'>[]> {
  return rows<Pick<QuestionHistoryRow, 'id' | 'createdAt' | 'tags' | 'acceptedAuthorId'>>(
    db,
    `INSERT INTO insights_questions (question_id, asked_at, tags, accepted_at, accepted_author_id, sample)
     SELECT q.id, q.at, ARRAY(SELECT jsonb_array_elements_text(q.tags)), q.accepted_at, q.accepted_author_id, ${SAMPLE_OF('q.id')}
     FROM unnest($1::uuid[], $2::timestamptz[], $3::jsonb[], $4::timestamptz[], $5::uuid[]) AS q(id, at, tags, accepted_at, accepted_author_id)
     ON CONFLICT DO NOTHING
     RETURNING question_id AS id, asked_at AS "createdAt", tags, accepted_author_id AS "acceptedAuthorId"`,
    [
      questions.map((q) => q.id),
      questions.map((q) => q.createdAt),
      questions.map((q) => JSON.stringify(q.tags)),
      questions.map((q) => q.acceptedAnswerAt),
      questions.map((q) => q.acceptedAuthorId),
    ],
  );
}

/** Adds posts to the daily rollup: one per (time, tags) item, overall ('') and per tag, in one statement. */
export async function addDaily(
  db: Db,
  counter: 'questions' | 'answers' | 'comments' | 'answered' | 'accepted',
  items: { at: Date; tags: string[] }[],
): Promise<void> {
  if (!items.length) return;
  await rows(
    db,
    `INSERT INTO insights_daily (day, tag, ${counter})
     SELECT (i.at AT TIME ZONE 'UTC')::date, t.tag, count(*)::int
     FROM unnest($1::timestamptz[], $2::jsonb[]) AS i(at, tags)
     CROSS JOIN LATERAL (SELECT '' AS tag UNION SELECT DISTINCT jsonb_array_elements_text(i.tags)) t
     GROUP BY 1, 2
     ON CONFLICT (day, tag) DO UPDATE SET ${counter} = insights_daily.${counter} + EXCLUDED.${counter}`,
    [items.map((i) => i.at), items.map((i) => JSON.stringify(i.tags))],
  );
}

/** Adds answers (or accepted answers) per author and tag, in one statement. */
export async function addUserTags(
  db: Db,
  counter: 'answers' | 'accepted',
  items: { userId: string; tags: string[] }[],
): Promise<void> {
  if (!items.length) return;
  await rows(
    db,
    `INSERT INTO insights_user_tags (user_id, tag, ${counter})
     SELECT i.user_id, t.tag, count(*)::int
     FROM unnest($1::uuid[], $2::jsonb[]) AS i(user_id, tags)
     CROSS JOIN LATERAL (SELECT DISTINCT jsonb_array_elements_text(i.tags) AS tag) t
     GROUP BY 1, 2
     ON CONFLICT (user_id, tag) DO UPDATE SET ${counter} = insights_user_tags.${counter} + EXCLUDED.${counter}`,
    [items.map((i) => i.userId), items.map((i) => JSON.stringify(i.tags))],
  );
}

/** Each question's tags as insights recorded them (questions it has no row for are missing). */
export async function tagsOfQuestions(db: Db, questionIds: string[]): Promise<Map<string, string[]>> {
  const found = await rows<{ id: string; tags: string[] }>(
    db,
    `SELECT question_id AS id, tags FROM insights_questions WHERE question_id = ANY($1::uuid[])`,
    [questionIds],
  );
  return new Map(found.map((r) => [r.id, r.tags]));
}

/**
 * The earliest answer per question of a page moves its first-answer time earlier (never later).
 * Returns the questions that had no answer before (their asked day's answered count grows).
 */
export function backfillFirstAnswers(db: Db, answers: AnswerHistoryRow[]): Promise<{ at: Date; tags: string[] }[]> {
  return rows<{ at: Date; tags: string[] }>(
    db,
    `UPDATE insights_questions q SET first_answer_at = LEAST(COALESCE(q.first_answer_at, a.at), a.at)
     FROM (SELECT id, min(at) AS at FROM unnest($1::uuid[], $2::timestamptz[]) AS x(id, at) GROUP BY id) a,
          LATERAL (SELECT first_answer_at FROM insights_questions WHERE question_id = a.id FOR UPDATE) old
     WHERE q.question_id = a.id
     RETURNING q.asked_at AS at, q.tags, old.first_answer_at IS NULL AS first`,
    [answers.map((a) => a.questionId), answers.map((a) => a.createdAt)],
  ).then((r) => (r as { at: Date; tags: string[]; first: boolean }[]).filter((x) => x.first));
}

export type { AnswerHistoryRow, CommentHistoryRow };

/** Posts as visits: a member's earliest post on a later UTC day of their first week is their return (as markSeen). */
export async function backfillSeen(db: Db, items: { userId: string | null; at: Date }[]): Promise<void> {
  const known = items.filter((i): i is { userId: string; at: Date } => i.userId !== null);
  if (!known.length) return;
  await rows(
    db,
    `UPDATE insights_members m SET returned_at = s.at
     FROM (SELECT x.user_id, min(x.at) AS at
           FROM unnest($1::uuid[], $2::timestamptz[]) AS x(user_id, at)
           JOIN insights_members j ON j.user_id = x.user_id
           WHERE (x.at AT TIME ZONE 'UTC')::date BETWEEN (j.joined_at AT TIME ZONE 'UTC')::date + 1 AND (j.joined_at AT TIME ZONE 'UTC')::date + 7
           GROUP BY x.user_id) s
     WHERE m.user_id = s.user_id AND (m.returned_at IS NULL OR m.returned_at > s.at)`,
    [known.map((i) => i.userId), known.map((i) => i.at)],
  );
}
