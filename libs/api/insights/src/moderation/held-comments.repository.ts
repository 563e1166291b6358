import { col, maybeOne, rows, table, type Db } from '@crossroads/api-platform';

export const insightsHeldCommentsTable = table('insights_held_comments', {
  commentId: col.uuid(),
  heldAt: col.timestamp(),
  decidedAt: col.timestamp().nullable(),
  decidedBy: col.uuid().nullable(),
  decision: col.text().nullable(),
});

export type CommentDecision = 'APPROVE' | 'REJECT' | 'SPAM';

export async function insertHeld(db: Db, commentId: string, at: Date): Promise<void> {
  // A decision may have been counted first (handlers on several instances): keep the earlier time.
  await rows(
    db,
    `INSERT INTO insights_held_comments (comment_id, held_at) VALUES ($1, $2) ON CONFLICT (comment_id) DO UPDATE SET held_at = LEAST(insights_held_comments.held_at, EXCLUDED.held_at)`,
    [commentId, at],
  );
}

/**
 * A decision on a held comment. The moderator's logged action names the actor; qa's "published
 * (approved)" may arrive first or alone, so each fills only what is still missing.
 */
export async function markDecided(
  db: Db,
  commentId: string,
  at: Date,
  decision: CommentDecision,
  by: string | null,
): Promise<void> {
  // Seen before the comment's "held" event (out of order across instances): the row starts at the decision and its held time comes later.
  await rows(
    db,
    `INSERT INTO insights_held_comments (comment_id, held_at, decided_at, decision, decided_by) VALUES ($1, $2, $2, $3, $4)
     ON CONFLICT (comment_id) DO UPDATE SET decided_at = COALESCE(insights_held_comments.decided_at, EXCLUDED.decided_at),
       decision = COALESCE(insights_held_comments.decision, EXCLUDED.decision), decided_by = COALESCE(insights_held_comments.decided_by, EXCLUDED.decided_by)`,
    [commentId, at, decision, by],
  );
}

export interface HeldBacklog {
  held: number;
  oldestHeldAt: Date | null;
}

/** Comments waiting for a decision right now (the partial index on undecided rows). */
export async function heldBacklog(db: Db): Promise<HeldBacklog> {
  const row = await maybeOne<HeldBacklog>(
    db,
    `SELECT count(*)::int AS held, min(held_at) AS "oldestHeldAt" FROM insights_held_comments WHERE decided_at IS NULL`,
    [],
  );
  return row ?? { held: 0, oldestHeldAt: null };
}

export interface ModeratorDecisions {
  moderatorId: string;
  decisions: number;
  medianHours: number;
  /** Decisions by every moderator in the period, the same on each row. */
  allDecisions: number;
}

/** Decisions made in [from, to] per moderator, busiest first, with the median hours from held to decided. */
export function decisionsByModerator(db: Db, from: Date, to: Date, limit: number): Promise<ModeratorDecisions[]> {
  return rows<ModeratorDecisions>(
    db,
    `SELECT decided_by AS "moderatorId", count(*)::int AS decisions,
            (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - held_at)) / 3600)::float AS "medianHours",
            (sum(count(*)) OVER ())::int AS "allDecisions"
     FROM insights_held_comments WHERE decided_at >= $1 AND decided_at < $2 AND decided_by IS NOT NULL
     GROUP BY decided_by ORDER BY count(*) DESC, decided_by LIMIT ${limit}`,
    [from, to],
  );
}
