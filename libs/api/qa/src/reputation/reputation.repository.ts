import type { EntityManager } from 'typeorm';
import { rows } from '@crossroads/api-platform';
import type { ReputationKind } from './reputation-event.entity.js';

/* Writes of the reputation ledger (reputation_events); reads over time are in reputation-history.repository.ts. */

export interface LedgerEvent {
  userId: string;
  kind: ReputationKind;
  points: number;
  postId: string;
  actorId: string;
}

/** Records the event unless the same (kind, post, actor) is there already; whether it was new. */
export async function insertEvent(m: EntityManager, e: LedgerEvent): Promise<boolean> {
  const inserted = await rows<{ id: string }>(
    m,
    `INSERT INTO reputation_events (user_id, kind, points, post_id, actor_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (kind, post_id, actor_id) DO NOTHING RETURNING id`,
    [e.userId, e.kind, e.points, e.postId, e.actorId],
  );
  return inserted.length > 0;
}

/** Deletes the events of this kind for this post caused by this actor; whose points they were. */
export function deleteEvents(
  m: EntityManager,
  kind: ReputationKind,
  postId: string,
  actorId: string,
): Promise<{ userId: string; points: number }[]> {
  return rows<{ userId: string; points: number }>(
    m,
    `DELETE FROM reputation_events WHERE kind = $1 AND post_id = $2 AND actor_id = $3 RETURNING user_id AS "userId", points`,
    [kind, postId, actorId],
  );
}
