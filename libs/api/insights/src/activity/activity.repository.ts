import { affected, col, maybeOne, rows, table, type Db, type RowOf } from '@crossroads/api-platform';

export const insightsQuestionsTable = table('insights_questions', {
  questionId: col.uuid(),
  askedAt: col.timestamp(),
  tags: col.textArray(),
  firstAnswerAt: col.timestamp().nullable(),
  acceptedAt: col.timestamp().nullable(),
  acceptedAuthorId: col.uuid().nullable(),
  sample: col.int(),
});

/** A question's sample bucket (0–63) from its id's random last byte: see InsightsQuestionEntity.sample. */
export const SAMPLE_OF = (idSql: string) => `get_byte(uuid_send(${idSql}), 15) & 63`;
/** Buckets of insights_questions.sample. */
export const SAMPLE_BUCKETS = 64;
export const insightsDailyTable = table('insights_daily', {
  day: col.date(),
  tag: col.text(),
  questions: col.int(),
  answers: col.int(),
  comments: col.int(),
  answered: col.int(),
  accepted: col.int(),
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
export type DailyRow = Omit<RowOf<typeof insightsDailyTable>, 'day' | 'answered' | 'accepted'> & { day: string };
export type DailyCounter = 'questions' | 'answers' | 'comments' | 'answered' | 'accepted';

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
    `INSERT INTO insights_questions (question_id, asked_at, tags, sample) VALUES ($1, $2, $3, ${SAMPLE_OF('$1::uuid')}) ON CONFLICT DO NOTHING`,
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

/** The question's first answer (the earliest wins); returns its asked time and tags when it had none before. */
export async function markFirstAnswer(
  db: Db,
  questionId: string,
  at: Date,
): Promise<{ askedAt: Date; tags: string[] } | null> {
  const row = await maybeOne<{ askedAt: Date; tags: string[]; first: boolean }>(
    db,
    `UPDATE insights_questions q SET first_answer_at = LEAST(COALESCE(q.first_answer_at, $2), $2)
     FROM (SELECT question_id, first_answer_at FROM insights_questions WHERE question_id = $1 FOR UPDATE) old
     WHERE q.question_id = old.question_id
     RETURNING q.asked_at AS "askedAt", q.tags, old.first_answer_at IS NULL AS first`,
    [questionId, at],
  );
  return row?.first ? { askedAt: row.askedAt, tags: row.tags } : null;
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
): Promise<{ tags: string[]; askedAt: Date; wasAccepted: boolean; previousAuthorId: string | null } | null> {
  const moved = await maybeOne<{
    tags: string[];
    askedAt: Date;
    wasAccepted: boolean;
    previousAuthorId: string | null;
  }>(
    db,
    `UPDATE insights_questions q SET accepted_at = $2, accepted_author_id = $3
     FROM (SELECT question_id, accepted_at, accepted_author_id FROM insights_questions WHERE question_id = $1 FOR UPDATE) old
     WHERE q.question_id = old.question_id
     RETURNING q.tags, q.asked_at AS "askedAt", old.accepted_at IS NOT NULL AS "wasAccepted", old.accepted_author_id AS "previousAuthorId"`,
    [questionId, at, authorId],
  );
  return moved ?? null;
}

/** Adds `delta` (one by default) to a day's counter, overall ('') and for each tag. */
export async function bumpDaily(
  db: Db,
  at: Date,
  tags: string[],
  counter: DailyCounter,
  delta: 1 | -1 = 1,
): Promise<void> {
  await rows(
    db,
    `INSERT INTO insights_daily (day, tag, ${counter})
     SELECT ($1::timestamptz AT TIME ZONE 'UTC')::date, tag, $3 FROM unnest($2::text[]) AS tag
     ON CONFLICT (day, tag) DO UPDATE SET ${counter} = insights_daily.${counter} + EXCLUDED.${counter}`,
    [at, ['', ...new Set(tags)], delta],
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
  /** Questions the medians were computed from: all of the period's, or a uniform sample of a long period's. */
  medianBasis: number;
}

/** Up to this many questions the medians are exact; beyond, a uniform sample of about this many. */
export const EXACT_MEDIAN_QUESTIONS = 20_000;

/**
 * Questions asked in [from, to] (optionally with one tag): how many got answers, from the days'
 * counts (never the questions), and how fast: the medians read the period's question rows, or for a
 * long period the sample buckets that hold about EXACT_MEDIAN_QUESTIONS of them.
 */
export async function answerTimes(db: Db, from: Date, to: Date, tag: string | null): Promise<AnswerTimes> {
  const counts = await maybeOne<{ asked: number; answered: number; accepted: number }>(
    db,
    `SELECT COALESCE(sum(questions), 0)::int AS asked, COALESCE(sum(answered), 0)::int AS answered, COALESCE(sum(accepted), 0)::int AS accepted
     FROM insights_daily WHERE day >= ($1::timestamptz AT TIME ZONE 'UTC')::date AND day < ($2::timestamptz AT TIME ZONE 'UTC')::date AND tag = $3`,
    [from, to, tag ?? ''],
  );
  const asked = counts?.asked ?? 0;
  const buckets = Math.min(
    SAMPLE_BUCKETS,
    Math.max(1, Math.ceil((SAMPLE_BUCKETS * EXACT_MEDIAN_QUESTIONS) / Math.max(asked, 1))),
  );
  const medians = await maybeOne<
    Pick<AnswerTimes, 'medianHoursToFirstAnswer' | 'medianHoursToAcceptedAnswer' | 'medianBasis'>
  >(
    db,
    `SELECT count(*)::int AS "medianBasis",
            (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_answer_at - asked_at)) / 3600)::float AS "medianHoursToFirstAnswer",
            (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM accepted_at - asked_at)) / 3600)::float AS "medianHoursToAcceptedAnswer"
     FROM insights_questions
     WHERE asked_at >= $1 AND asked_at < $2 AND ($3::text IS NULL OR tags @> ARRAY[$3::text]) ${buckets < SAMPLE_BUCKETS ? `AND sample < ${buckets}` : ''}`,
    [from, to, tag],
  );
  return {
    asked,
    answered: counts?.answered ?? 0,
    accepted: counts?.accepted ?? 0,
    medianHoursToFirstAnswer: medians?.medianHoursToFirstAnswer ?? null,
    medianHoursToAcceptedAnswer: medians?.medianHoursToAcceptedAnswer ?? null,
    medianBasis: medians?.medianBasis ?? 0,
  };
}

export interface TagAnswerRate {
  tag: string;
  questions: number;
  unanswered: number;
}

/** The busiest tags of the period, each with how many of its questions have no answer yet (from the days' counts). */
export function unansweredByTag(db: Db, from: Date, to: Date, limit: number): Promise<TagAnswerRate[]> {
  return rows<TagAnswerRate>(
    db,
    `SELECT tag, sum(questions)::int AS questions, (sum(questions) - sum(answered))::int AS unanswered
     FROM insights_daily
     WHERE day >= ($1::timestamptz AT TIME ZONE 'UTC')::date AND day < ($2::timestamptz AT TIME ZONE 'UTC')::date AND tag <> ''
     GROUP BY tag HAVING sum(questions) > 0 ORDER BY sum(questions) DESC, tag LIMIT ${limit}`,
    [from, to],
  );
}

export async function pruneAppliedEvents(db: Db, before: Date): Promise<number> {
  return affected(db, `DELETE FROM insights_applied_events WHERE applied_at < $1`, [before]);
}
