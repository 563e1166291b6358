import { col, rows, table, type Db } from '@crossroads/api-platform';

export const insightsMembersTable = table('insights_members', {
  userId: col.uuid(),
  joinedAt: col.timestamp(),
  returnedAt: col.timestamp().nullable(),
});
export const insightsUserTagsTable = table('insights_user_tags', {
  userId: col.uuid(),
  tag: col.text(),
  answers: col.int(),
  accepted: col.int(),
});

/** A member joined (the account's creation time when known): the earlier time wins. */
export async function insertMember(db: Db, userId: string, joinedAt: Date): Promise<void> {
  await rows(
    db,
    `INSERT INTO insights_members (user_id, joined_at) VALUES ($1, $2)
     ON CONFLICT (user_id) DO UPDATE SET joined_at = LEAST(insights_members.joined_at, EXCLUDED.joined_at)`,
    [userId, joinedAt],
  );
}

/**
 * The member was here at `at` (a sign-in, a renewal, a post): it counts as coming back when it falls
 * on a later UTC day than joining, at most 7 days later. The earliest such time is kept. Members
 * not recorded (joined before insights listened and not backfilled) are left alone.
 */
export async function markSeen(db: Db, userId: string, at: Date): Promise<void> {
  await rows(
    db,
    `UPDATE insights_members SET returned_at = $2
     WHERE user_id = $1 AND (returned_at IS NULL OR returned_at > $2)
       AND ($2::timestamptz AT TIME ZONE 'UTC')::date BETWEEN (joined_at AT TIME ZONE 'UTC')::date + 1 AND (joined_at AT TIME ZONE 'UTC')::date + 7`,
    [userId, at],
  );
}

export interface JoinDayRow {
  day: string;
  joined: number;
  returned: number;
}

/** One row per UTC day of [from, lastDay]: members who joined that day and how many came back in their first week. */
export function joinsByDay(db: Db, from: Date, lastDay: Date): Promise<JoinDayRow[]> {
  return rows<JoinDayRow>(
    db,
    `WITH j AS (
       SELECT (joined_at AT TIME ZONE 'UTC')::date AS day, count(*)::int AS joined, count(returned_at)::int AS returned
       FROM insights_members WHERE joined_at >= $1 AND joined_at < ($2::timestamptz + interval '1 day') GROUP BY 1)
     SELECT to_char(d, 'YYYY-MM-DD') AS day, COALESCE(j.joined, 0) AS joined, COALESCE(j.returned, 0) AS returned
     FROM generate_series(($1::timestamptz AT TIME ZONE 'UTC')::date, ($2::timestamptz AT TIME ZONE 'UTC')::date, interval '1 day') AS d
     LEFT JOIN j ON j.day = d::date ORDER BY d`,
    [from, lastDay],
  );
}

/** Adds `delta` to the member's answers (or accepted answers) for each tag. */
export async function bumpUserTags(
  db: Db,
  userId: string,
  tags: string[],
  counter: 'answers' | 'accepted',
  delta: 1 | -1,
): Promise<void> {
  if (!tags.length) return;
  await rows(
    db,
    `INSERT INTO insights_user_tags (user_id, tag, ${counter}) SELECT $1, tag, $3 FROM unnest($2::text[]) AS tag
     ON CONFLICT (user_id, tag) DO UPDATE SET ${counter} = insights_user_tags.${counter} + EXCLUDED.${counter}`,
    [userId, [...new Set(tags)], delta],
  );
}

export interface UserTagRow {
  userId: string;
  tag: string;
  answers: number;
  accepted: number;
}

/** Each member's `limit` tags with the most answers (the primary key's user_id prefix, a few rows per member). */
export function answersByTag(db: Db, userIds: readonly string[], limit: number): Promise<UserTagRow[]> {
  return rows<UserTagRow>(
    db,
    `SELECT t.user_id AS "userId", t.tag, t.answers, t.accepted
     FROM unnest($1::uuid[]) AS u(id)
     CROSS JOIN LATERAL (
       SELECT * FROM insights_user_tags WHERE user_id = u.id AND (answers > 0 OR accepted > 0)
       ORDER BY answers DESC, accepted DESC, tag LIMIT ${limit}) t`,
    [userIds],
  );
}
