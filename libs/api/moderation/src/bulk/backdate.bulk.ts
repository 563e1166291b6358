import { rows, type Db } from '@crossroads/api-platform';

/**
 * Moves moderation log entries of demo and test data back in time, in the caller's transaction:
 * every entry about each target (of that action, when one is given) gets that time.
 */
export async function backdateModerationLog(
  db: Db,
  entries: ReadonlyArray<{
    targetType: 'QUESTION' | 'ANSWER' | 'COMMENT' | 'USER';
    targetId: string;
    action?: string;
    at: Date;
  }>,
): Promise<void> {
  if (!entries.length) return;
  await rows(
    db,
    `UPDATE moderation_log l SET created_at = x.at
     FROM unnest($1::text[], $2::uuid[], $3::text[], $4::timestamptz[]) AS x(target_type, target_id, action, at)
     WHERE l.target_type::text = x.target_type AND l.target_id = x.target_id AND (x.action IS NULL OR l.action::text = x.action)`,
    [
      entries.map((e) => e.targetType),
      entries.map((e) => e.targetId),
      entries.map((e) => e.action ?? null),
      entries.map((e) => e.at.toISOString()),
    ],
  );
}
