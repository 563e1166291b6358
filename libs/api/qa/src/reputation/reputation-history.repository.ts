import { rows, type Db } from '@crossroads/api-platform';

export interface ReputationDayRow {
  userId: string;
  day: string;
  points: number;
  reputation: number;
}

/**
 * The last `days` UTC days of each user's ledger, zero days included, in one statement: the sum
 * before the window plus a running sum inside it (both on the (user_id, created_at) index).
 */
export function reputationHistory(db: Db, userIds: readonly string[], days: number): Promise<ReputationDayRow[]> {
  return rows<ReputationDayRow>(
    db,
    `WITH span AS (SELECT (now() AT TIME ZONE 'UTC')::date - ($2::int - 1) AS first),
     days AS (SELECT d::date AS day FROM span, generate_series(span.first, (now() AT TIME ZONE 'UTC')::date, interval '1 day') AS d),
     ev AS (SELECT e.user_id, (e.created_at AT TIME ZONE 'UTC')::date AS day, sum(e.points)::int AS points
            FROM reputation_events e, span WHERE e.user_id = ANY($1::uuid[]) AND e.created_at >= span.first::timestamp AT TIME ZONE 'UTC' GROUP BY 1, 2),
     base AS (SELECT e.user_id, sum(e.points)::int AS points
              FROM reputation_events e, span WHERE e.user_id = ANY($1::uuid[]) AND e.created_at < span.first::timestamp AT TIME ZONE 'UTC' GROUP BY 1)
     SELECT u AS "userId", to_char(days.day, 'YYYY-MM-DD') AS day, COALESCE(ev.points, 0) AS points,
            (COALESCE(base.points, 0) + sum(COALESCE(ev.points, 0)) OVER (PARTITION BY u ORDER BY days.day))::int AS reputation
     FROM unnest($1::uuid[]) AS u CROSS JOIN days
     LEFT JOIN ev ON ev.user_id = u AND ev.day = days.day
     LEFT JOIN base ON base.user_id = u
     ORDER BY u, days.day`,
    [[...userIds], days],
  );
}
