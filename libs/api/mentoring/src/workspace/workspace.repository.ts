import { col, maybeOne, one, rows, selectList, table, type Db, type RowOf } from '@crossroads/api-platform';

/** mentorship_messages: the pair's private thread. */
export const mentorshipMessagesTable = table('mentorship_messages', {
  id: col.uuid(),
  mentorshipId: col.uuid(),
  authorId: col.uuid().nullable(),
  body: col.text(),
  createdAt: col.timestamp(),
  hiddenAt: col.timestamp().nullable(),
  hiddenById: col.uuid().nullable(),
});
export type MentorshipMessageRow = RowOf<typeof mentorshipMessagesTable>;

/** mentorship_read_marks: when each participant last read the thread. */
export const mentorshipReadMarksTable = table('mentorship_read_marks', {
  mentorshipId: col.uuid(),
  userId: col.uuid(),
  readAt: col.timestamp(),
});

/** mentorship_plan_revisions: every edit of the shared goal and plan; the highest revision is current. */
export const mentorshipPlanRevisionsTable = table('mentorship_plan_revisions', {
  id: col.uuid(),
  mentorshipId: col.uuid(),
  revision: col.int(),
  editorId: col.uuid().nullable(),
  goal: col.text().nullable(),
  plan: col.text().nullable(),
  createdAt: col.timestamp(),
});
export type PlanRevisionRow = RowOf<typeof mentorshipPlanRevisionsTable>;

/** mentorship_message_reports: a participant reported the other one's message to moderators. */
export const mentorshipMessageReportsTable = table('mentorship_message_reports', {
  id: col.uuid(),
  messageId: col.uuid(),
  reporterId: col.uuid(),
  reason: col.text(),
  createdAt: col.timestamp(),
});
export type MessageReportRow = RowOf<typeof mentorshipMessageReportsTable>;

const MESSAGE_COLUMNS = selectList(mentorshipMessagesTable, 'mm');
const REPORT_COLUMNS = selectList(mentorshipMessageReportsTable, 'mr');
const REVISION_COLUMNS = selectList(mentorshipPlanRevisionsTable, 'pr');

export function insertMessage(
  db: Db,
  mentorshipId: string,
  authorId: string,
  body: string,
): Promise<MentorshipMessageRow> {
  return one<MentorshipMessageRow>(
    db,
    `INSERT INTO mentorship_messages AS mm (mentorship_id, author_id, body) VALUES ($1, $2, $3) RETURNING ${MESSAGE_COLUMNS}`,
    [mentorshipId, authorId, body],
  );
}

/** One page of a thread, newest first, after the keyset (createdAt, id) when given; `limit` rows. */
export function messagesPage(
  db: Db,
  mentorshipId: string,
  after: [string, string] | null,
  limit: number,
): Promise<MentorshipMessageRow[]> {
  const params: unknown[] = [mentorshipId, limit];
  let keyset = '';
  if (after) {
    params.push(after[0], after[1]);
    keyset = 'AND (mm.created_at, mm.id) < ($3::timestamptz, $4::uuid)';
  }
  return rows<MentorshipMessageRow>(
    db,
    `SELECT ${MESSAGE_COLUMNS} FROM mentorship_messages mm WHERE mm.mentorship_id = $1 ${keyset} ORDER BY mm.created_at DESC, mm.id DESC LIMIT $2`,
    params,
  );
}

/** Message counts and the viewer's unread count, per mentorship (one statement for a batch). */
export function threadCounts(
  db: Db,
  mentorshipIds: readonly string[],
  viewerId: string,
): Promise<{ mentorshipId: string; total: number; unread: number }[]> {
  return rows(
    db,
    `SELECT mm.mentorship_id AS "mentorshipId", count(*)::int AS total,
       (count(*) FILTER (WHERE mm.author_id IS DISTINCT FROM $2::uuid AND (rm.read_at IS NULL OR mm.created_at > rm.read_at)))::int AS unread
     FROM mentorship_messages mm
     LEFT JOIN mentorship_read_marks rm ON rm.mentorship_id = mm.mentorship_id AND rm.user_id = $2::uuid
     WHERE mm.mentorship_id = ANY($1::uuid[]) GROUP BY mm.mentorship_id`,
    [[...mentorshipIds], viewerId],
  );
}

export function messagesByIds(db: Db, ids: readonly string[]): Promise<MentorshipMessageRow[]> {
  return rows<MentorshipMessageRow>(
    db,
    `SELECT ${MESSAGE_COLUMNS} FROM mentorship_messages mm WHERE mm.id = ANY($1::uuid[])`,
    [[...ids]],
  );
}

/** Marks the thread read up to `at` for the user (never moves the mark back). */
export async function markRead(db: Db, mentorshipId: string, userId: string, at: Date): Promise<void> {
  await db.query(
    `INSERT INTO mentorship_read_marks AS rm (mentorship_id, user_id, read_at) VALUES ($1, $2, $3)
     ON CONFLICT (mentorship_id, user_id) DO UPDATE SET read_at = GREATEST(rm.read_at, EXCLUDED.read_at)`,
    [mentorshipId, userId, at],
  );
}

/** Appends a revision; the caller holds the mentorship's row lock, so revisions number without gaps. */
export function insertPlanRevision(
  db: Db,
  mentorshipId: string,
  editorId: string,
  goal: string | null,
  plan: string | null,
): Promise<PlanRevisionRow> {
  return one<PlanRevisionRow>(
    db,
    `INSERT INTO mentorship_plan_revisions AS pr (mentorship_id, revision, editor_id, goal, plan)
     VALUES ($1, COALESCE((SELECT max(x.revision) FROM mentorship_plan_revisions x WHERE x.mentorship_id = $1), 0) + 1, $2, $3, $4)
     RETURNING ${REVISION_COLUMNS}`,
    [mentorshipId, editorId, goal, plan],
  );
}

export function latestPlan(db: Db, mentorshipId: string): Promise<PlanRevisionRow | undefined> {
  return maybeOne<PlanRevisionRow>(
    db,
    `SELECT ${REVISION_COLUMNS} FROM mentorship_plan_revisions pr WHERE pr.mentorship_id = $1 ORDER BY pr.revision DESC LIMIT 1`,
    [mentorshipId],
  );
}

/** The current revision of each mentorship's plan (batch). */
export function latestPlans(db: Db, mentorshipIds: readonly string[]): Promise<PlanRevisionRow[]> {
  return rows<PlanRevisionRow>(
    db,
    `SELECT DISTINCT ON (pr.mentorship_id) ${REVISION_COLUMNS} FROM mentorship_plan_revisions pr
     WHERE pr.mentorship_id = ANY($1::uuid[]) ORDER BY pr.mentorship_id, pr.revision DESC`,
    [[...mentorshipIds]],
  );
}

/** All revisions of each mentorship's plan, newest first (batch). */
export function planHistories(db: Db, mentorshipIds: readonly string[]): Promise<PlanRevisionRow[]> {
  return rows<PlanRevisionRow>(
    db,
    `SELECT ${REVISION_COLUMNS} FROM mentorship_plan_revisions pr WHERE pr.mentorship_id = ANY($1::uuid[]) ORDER BY pr.mentorship_id, pr.revision DESC`,
    [[...mentorshipIds]],
  );
}

// ---- reports ----

export function messageById(db: Db, id: string): Promise<MentorshipMessageRow | undefined> {
  return maybeOne<MentorshipMessageRow>(db, `SELECT ${MESSAGE_COLUMNS} FROM mentorship_messages mm WHERE mm.id = $1`, [
    id,
  ]);
}

/** The report, or undefined when this reporter already reported the message. */
export function insertReport(
  db: Db,
  messageId: string,
  reporterId: string,
  reason: string,
): Promise<MessageReportRow | undefined> {
  return maybeOne<MessageReportRow>(
    db,
    `INSERT INTO mentorship_message_reports AS mr (message_id, reporter_id, reason) VALUES ($1, $2, $3)
     ON CONFLICT (message_id, reporter_id) DO NOTHING RETURNING ${REPORT_COLUMNS}`,
    [messageId, reporterId, reason],
  );
}

/** Which of `messageIds` this member reported (one statement; the (message_id, reporter_id) key serves it). */
export async function reportedByMember(db: Db, reporterId: string, messageIds: readonly string[]): Promise<string[]> {
  const found = await rows<{ messageId: string }>(
    db,
    `SELECT message_id AS "messageId" FROM mentorship_message_reports
     WHERE message_id = ANY($2::uuid[]) AND reporter_id = $1`,
    [reporterId, messageIds],
  );
  return found.map((r) => r.messageId);
}

/**
 * Each reported message of `ids` with up to `around` messages either side of it, oldest first (keyset
 * walks on the thread index, one statement for the batch); messages without a report are left out.
 */
export function reportedContexts(
  db: Db,
  ids: readonly string[],
  around: number,
): Promise<(MentorshipMessageRow & { targetId: string })[]> {
  return rows(
    db,
    `WITH target AS (
       SELECT mm.id, mm.mentorship_id, mm.created_at FROM mentorship_messages mm
       WHERE mm.id = ANY($1::uuid[]) AND EXISTS (SELECT 1 FROM mentorship_message_reports mr WHERE mr.message_id = mm.id)),
     picked AS (
       SELECT t.id AS target_id, t.id FROM target t
       UNION ALL
       SELECT t.id, b.id FROM target t CROSS JOIN LATERAL (
         SELECT x.id FROM mentorship_messages x WHERE x.mentorship_id = t.mentorship_id AND (x.created_at, x.id) < (t.created_at, t.id)
         ORDER BY x.created_at DESC, x.id DESC LIMIT $2) b
       UNION ALL
       SELECT t.id, a.id FROM target t CROSS JOIN LATERAL (
         SELECT x.id FROM mentorship_messages x WHERE x.mentorship_id = t.mentorship_id AND (x.created_at, x.id) > (t.created_at, t.id)
         ORDER BY x.created_at, x.id LIMIT $2) a)
     SELECT p.target_id AS "targetId", ${MESSAGE_COLUMNS} FROM picked p JOIN mentorship_messages mm ON mm.id = p.id
     ORDER BY p.target_id, mm.created_at, mm.id`,
    [[...ids], around],
  );
}

/** Hides a message (a moderator's decision); false when already hidden. */
export async function hideMessage(db: Db, messageId: string, moderatorId: string): Promise<boolean> {
  const hidden = await rows(
    db,
    `UPDATE mentorship_messages SET hidden_at = now(), hidden_by_id = $2 WHERE id = $1 AND hidden_at IS NULL RETURNING id`,
    [messageId, moderatorId],
  );
  return hidden.length > 0;
}
