import type { EntityManager } from 'typeorm';
import { col, maybeOne, one, rows, selectList, table, type Db, type RowOf } from '@crossroads/api-platform';

/* The only SQL on message_reports: moderation's queue of reported private messages. */

export type MessageReportDecision = 'HIDE' | 'DISMISS';

export const messageReportsTable = table('message_reports', {
  /** The report's id in mentoring (mentoring.message.reported). */
  id: col.uuid(),
  messageId: col.uuid(),
  mentorshipId: col.uuid(),
  reporterId: col.uuid(),
  authorId: col.uuid().nullable(),
  reason: col.text(),
  reportedAt: col.timestamp(),
  decision: col.enum<MessageReportDecision>('text').nullable(),
  decidedById: col.uuid().nullable(),
  decidedAt: col.timestamp().nullable(),
});
export type MessageReportRow = RowOf<typeof messageReportsTable>;
const COLUMNS = selectList(messageReportsTable, 'r');

/** Queues a report once (a redelivered event adds nothing). */
export async function queueReport(
  db: Db,
  r: Pick<MessageReportRow, 'id' | 'messageId' | 'mentorshipId' | 'reporterId' | 'authorId' | 'reason'>,
): Promise<void> {
  await db.query(
    `INSERT INTO message_reports (id, message_id, mentorship_id, reporter_id, author_id, reason) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (id) DO NOTHING`,
    [r.id, r.messageId, r.mentorshipId, r.reporterId, r.authorId, r.reason],
  );
}

/** Open reports, oldest first, after the keyset; and how many are open. */
export async function openReports(
  db: Db,
  after: [Date, string] | null,
  limit: number,
): Promise<{ items: MessageReportRow[]; totalCount: number }> {
  const params: unknown[] = [limit];
  let keyset = '';
  if (after) {
    params.push(after[0], after[1]);
    keyset = 'AND (r.reported_at, r.id) > ($2::timestamptz, $3::uuid)';
  }
  const [items, [{ n }]] = await Promise.all([
    rows<MessageReportRow>(
      db,
      `SELECT ${COLUMNS} FROM message_reports r WHERE r.decided_at IS NULL ${keyset} ORDER BY r.reported_at, r.id LIMIT $1`,
      params,
    ),
    rows<{ n: number }>(db, `SELECT count(*)::int AS n FROM message_reports r WHERE r.decided_at IS NULL`),
  ]);
  return { items, totalCount: n };
}

export function reportById(db: Db, id: string): Promise<MessageReportRow | undefined> {
  return maybeOne<MessageReportRow>(db, `SELECT ${COLUMNS} FROM message_reports r WHERE r.id = $1`, [id]);
}

export function lockReport(m: EntityManager, id: string): Promise<MessageReportRow | undefined> {
  return maybeOne<MessageReportRow>(m, `SELECT ${COLUMNS} FROM message_reports r WHERE r.id = $1 FOR UPDATE`, [id]);
}

export function decideReport(
  m: EntityManager,
  id: string,
  decision: MessageReportDecision,
  moderatorId: string,
): Promise<MessageReportRow> {
  return one<MessageReportRow>(
    m,
    `UPDATE message_reports AS r SET decision = $2, decided_by_id = $3, decided_at = now() WHERE r.id = $1 RETURNING ${COLUMNS}`,
    [id, decision, moderatorId],
  );
}
