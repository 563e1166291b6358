import { affected, col, rows, table, type Db } from '@crossroads/api-platform';

export const insightsFlagsTable = table('insights_flags', {
  flagId: col.uuid(),
  postId: col.uuid(),
  reason: col.text().nullable(),
  flaggedAt: col.timestamp(),
  resolvedAt: col.timestamp().nullable(),
});

/** A flag raised. Its resolution may have been handled first (several instances): keep the earlier time. */
export async function raiseFlag(db: Db, flagId: string, postId: string, reason: string, at: Date): Promise<void> {
  await rows(
    db,
    `INSERT INTO insights_flags (flag_id, post_id, reason, flagged_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (flag_id) DO UPDATE SET reason = EXCLUDED.reason, flagged_at = LEAST(insights_flags.flagged_at, EXCLUDED.flagged_at)`,
    [flagId, postId, reason, at],
  );
}

/** A moderator's decision resolved these flags; one not seen yet is recorded now, its reason filled in later. */
export async function resolveFlags(db: Db, postId: string, flagIds: string[], at: Date): Promise<void> {
  if (!flagIds.length) return;
  await affected(
    db,
    `INSERT INTO insights_flags (flag_id, post_id, flagged_at, resolved_at) SELECT id, $2, $3, $3 FROM unnest($1::uuid[]) AS id
     ON CONFLICT (flag_id) DO UPDATE SET resolved_at = COALESCE(insights_flags.resolved_at, EXCLUDED.resolved_at)`,
    [flagIds, postId, at],
  );
}

export interface FlagReasonRow {
  /** null: every reason together. */
  reason: string | null;
  flags: number;
  resolved: number;
  medianHoursToResolve: number | null;
}

/** Flags raised in [from, to] per reason and overall (GROUPING SETS: one pass over the period's rows). */
export function flagsByReason(db: Db, from: Date, to: Date): Promise<FlagReasonRow[]> {
  return rows<FlagReasonRow>(
    db,
    `SELECT reason, count(*)::int AS flags, count(resolved_at)::int AS resolved,
            (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - flagged_at)) / 3600)::float AS "medianHoursToResolve"
     FROM insights_flags WHERE flagged_at >= $1 AND flagged_at < $2 AND reason IS NOT NULL
     GROUP BY GROUPING SETS ((reason), ()) ORDER BY reason IS NULL, count(*) DESC, reason`,
    [from, to],
  );
}
