import { affected, col, one, rows, table, type Db, type RowOf } from '@crossroads/api-platform';

/** A guest commenter's confirmed (or pending) wish for follow-up comment emails on one question. */
export const guestFollowUpsTable = table('guest_follow_ups', {
  id: col.uuid(),
  questionId: col.uuid(),
  email: col.text(),
  commentId: col.uuid(),
  confirmedAt: col.timestamp().nullable(),
  createdAt: col.timestamp(),
});
export type GuestFollowUpRow = RowOf<typeof guestFollowUpsTable>;

/** Confirms (idempotent); false when the subscription no longer exists. */
export async function confirmFollowUp(db: Db, id: string): Promise<boolean> {
  return (
    (await affected(
      db,
      `UPDATE guest_follow_ups SET confirmed_at = coalesce(confirmed_at, now()) WHERE id = $1 RETURNING id`,
      [id],
    )) > 0
  );
}

/** One subscription per question and address; asking again keeps the first. */
export function upsertFollowUp(
  db: Db,
  f: Pick<GuestFollowUpRow, 'questionId' | 'email' | 'commentId'>,
): Promise<Pick<GuestFollowUpRow, 'id' | 'confirmedAt'>> {
  return one(
    db,
    `INSERT INTO guest_follow_ups (question_id, email, comment_id) VALUES ($1, lower($2), $3)
         ON CONFLICT (question_id, email) DO UPDATE SET comment_id = guest_follow_ups.comment_id RETURNING id, confirmed_at AS "confirmedAt"`,
    [f.questionId, f.email, f.commentId],
  );
}

/** Confirmed subscribers of the question but the comment's own (by its comment or its address). */
export function subscribersOf(
  db: Db,
  questionId: string,
  commentId: string,
  ownEmail: string | null,
): Promise<Pick<GuestFollowUpRow, 'id' | 'email'>[]> {
  return rows(
    db,
    `SELECT id, email FROM guest_follow_ups WHERE question_id = $1 AND confirmed_at IS NOT NULL AND comment_id <> $2 AND email IS DISTINCT FROM $3`,
    [questionId, commentId, ownEmail],
  );
}

export async function deleteFollowUp(db: Db, id: string): Promise<void> {
  await rows(db, `DELETE FROM guest_follow_ups WHERE id = $1`, [id]);
}
