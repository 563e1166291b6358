import { affected, col, maybeOne, rows, table, type Db, type RowOf } from '@crossroads/api-platform';

export const insightsQuestionsTable = table('insights_questions', {
  questionId: col.uuid(),
  askedAt: col.timestamp(),
  tags: col.textArray(),
  firstAnswerAt: col.timestamp().nullable(),
  acceptedAt: col.timestamp().nullable(),
  acceptedAuthorId: col.uuid().nullable(),
});
export const insightsDailyTable = table('insights_daily', {
  day: col.date(),
  tag: col.text(),
  questions: col.int(),
  answers: col.int(),
  comments: col.int(),
});
export const insightsAppliedEventsTable = table('insights_applied_events', {
  eventId: col.bigint(),
  appliedAt: col.timestamp(),
});
export const insightsCountedPostsTable = table('insights_counted_posts', { postId: col.uuid() });

/** True when the post was not counted yet (now it is): see InsightsCountedPostEntity. */
export async function markCounted(db: Db, postId: string): Promise<boolean> {
  return (
    (
      await rows(
        db,
        `INSERT INTO insights_counted_posts (post_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING post_id`,
        [postId],
      )
    ).length === 1
  );
}

/** The ids of `postIds` not counted yet, now marked counted. */
export async function markCountedMany(db: Db, postIds: string[]): Promise<Set<string>> {
  const fresh = await rows<{ postId: string }>(
    db,
    `INSERT INTO insights_counted_posts (post_id) SELECT unnest($1::uuid[]) ON CONFLICT DO NOTHING RETURNING post_id AS "postId"`,
    [postIds],
  );
  return new Set(fresh.map((r) => r.postId));
}

/** A day of the series, the day as YYYY-MM-DD. */
export type DailyRow = Omit<RowOf<typeof insightsDailyTable>, 'day'> & { day: string };
export type DailyCounter = 'questions' | 'answers' | 'comments';

/** True the first time an event is seen; false when a retried batch brings it again. */
export async function markApplied(db: Db, eventId: string): Promise<boolean> {
  return (
    (
      await rows(
        db,
        `INSERT INTO insights_applied_events (event_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING event_id`,
        [eventId],
      )
    ).length === 1
  );
}

export async function insertQuestion(db: Db, questionId: string, askedAt: Date, tags: string[]): Promise<void> {
  await rows(
    db,
    `INSERT INTO insights_questions (question_id, asked_at, tags) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [questionId, askedAt, tags],
  );
}

/** The question's tags, or null when it was asked before insights listened. */
export async function questionTags(db: Db, questionId: string): Promise<string[] | null> {
  return (
    (await maybeOne<{ tags: string[] }>(db, `SELECT tags FROM insights_questions WHERE question_id = $1`, [questionId]))
      ?.tags ?? null
  );
}

export async function markFirstAnswer(db: Db, questionId: string, at: Date): Promise<void> {
  await affected(
    db,
    `UPDATE insights_questions SET first_answer_at = LEAST(COALESCE(first_answer_at, $2), $2) WHERE question_id = $1`,
    [questionId, at],
  );
}

/**
 * `at` null: the acceptance was withdrawn. Returns the question's tags and the author whose accepted
 * answer it replaced (null when none, or when the question is not recorded).
 */
export async function setAccepted(
  db: Db,
  questionId: string,
  at: Date | null,
  authorId: string | null,
): Promise<{ tags: string[]; previousAuthorId: string | null } | null> {
  const moved = await maybeOne<{ tags: string[]; previousAuthorId: string | null }>(
    db,
    `UPDATE insights_questions q SET accepted_at = $2, accepted_author_id = $3
     FROM (SELECT question_id, accepted_author_id FROM insights_questions WHERE question_id = $1 FOR UPDATE) old
     WHERE q.question_id = old.question_id
     RETURNING q.tags, old.accepted_author_id AS "previousAuthorId"`,
    [questionId, at, authorId],
  );
  return moved ?? null;
}

/** Adds one to a day's counter, overall ('') and for each tag. */
export async function bumpDaily(db: Db, at: Date, tags: string[], counter: DailyCounter): Promise<void> {
  await rows(
    db,
    `INSERT INTO insights_daily (day, tag, ${counter})
     SELECT ($1::timestamptz AT TIME ZONE 'UTC')::date, tag, 1 FROM unnest($2::text[]) AS tag
     ON CONFLICT (day, tag) DO UPDATE SET ${counter} = insights_daily.${counter} + 1`,
    [at, ['', ...new Set(tags)]],
  );
}

/** One row per day of [from, to] (UTC days), zeros included. */
export function dailySeries(db: Db, from: Date, to: Date, tag: string): Promise<DailyRow[]> {
  return rows<DailyRow>(
    db,
    `SELECT to_char(d, 'YYYY-MM-DD') AS day, $3::text AS tag,
            COALESCE(i.questions, 0) AS questions, COALESCE(i.answers, 0) AS answers, COALESCE(i.comments, 0) AS comments
     FROM generate_series(($1::timestamptz AT TIME ZONE 'UTC')::date, ($2::timestamptz AT TIME ZONE 'UTC')::date, interval '1 day') AS d
     LEFT JOIN insights_daily i ON i.day = d::date AND i.tag = $3
     ORDER BY d`,
    [from, to, tag],
  );
}

export interface AnswerTimes {
  asked: number;
  answered: number;
  accepted: number;
  medianHoursToFirstAnswer: number | null;
  medianHoursToAcceptedAnswer: number | null;
}

/** Questions asked in [from, to] (optionally with one tag): how many got answers, and how fast. */
export async function answerTimes(db: Db, from: Date, to: Date, tag: string | null): Promise<AnswerTimes> {
  const row = await maybeOne<AnswerTimes>(
    db,
    `SELECT count(*)::int AS asked, count(first_answer_at)::int AS answered, count(accepted_at)::int AS accepted,
            (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_answer_at - asked_at)) / 3600)::float AS "medianHoursToFirstAnswer",
            (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM accepted_at - asked_at)) / 3600)::float AS "medianHoursToAcceptedAnswer"
     FROM insights_questions WHERE asked_at >= $1 AND asked_at < $2 AND ($3::text IS NULL OR $3 = ANY(tags))`,
    [from, to, tag],
  );
  return (
    row ?? { asked: 0, answered: 0, accepted: 0, medianHoursToFirstAnswer: null, medianHoursToAcceptedAnswer: null }
  );
}

export interface TagAnswerRate {
  tag: string;
  questions: number;
  unanswered: number;
}

/** The busiest tags of the period, each with how many of its questions have no answer yet. */
export function unansweredByTag(db: Db, from: Date, to: Date, limit: number): Promise<TagAnswerRate[]> {
  return rows<TagAnswerRate>(
    db,
    `SELECT tag, count(*)::int AS questions, count(*) FILTER (WHERE first_answer_at IS NULL)::int AS unanswered
     FROM insights_questions, unnest(tags) AS tag
     WHERE asked_at >= $1 AND asked_at < $2
     GROUP BY tag ORDER BY count(*) DESC, tag LIMIT ${limit}`,
    [from, to],
  );
}

export async function pruneAppliedEvents(db: Db, before: Date): Promise<number> {
  return affected(db, `DELETE FROM insights_applied_events WHERE applied_at < $1`, [before]);
}
