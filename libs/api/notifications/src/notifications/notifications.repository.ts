import { affected, col, maybeOne, one, rows, selectList, table, type Db, type RowOf } from '@crossroads/api-platform';
import { DEFAULT_SETTINGS, NOTIFICATION_TYPES, type EmailFrequency, type NotificationType } from '../common/types.js';
import type { Delivery } from './notification-writer.js';

/** notifications, as the inbox reads it (actor names, group and source keys are the writer's). */
export const notificationsTable = table('notifications', {
  id: col.uuid(),
  type: col.enum<NotificationType>('notification_type'),
  questionId: col.uuid().nullable(),
  answerId: col.uuid().nullable(),
  commentId: col.uuid().nullable(),
  mentorshipId: col.uuid().nullable(),
  actorIds: col.uuidArray(),
  groupCount: col.int(),
  text: col.text(),
  url: col.text(),
  readAt: col.timestamp().nullable(),
  createdAt: col.timestamp(),
});
export type NotificationRow = RowOf<typeof notificationsTable>;

const COLUMNS = selectList(notificationsTable, 'n');

// ---- the inbox ----

/** Newest first, keyset on (created_at, id) over the (recipient, created_at, id) index. */
export function notificationPage(
  db: Db,
  userId: string,
  limit: number,
  unreadOnly: boolean,
  after?: readonly [Date, string],
): Promise<NotificationRow[]> {
  return rows<NotificationRow>(
    db,
    `SELECT ${COLUMNS} FROM notifications n WHERE n.recipient_id = $1 ${unreadOnly ? 'AND n.read_at IS NULL' : ''} ${after ? 'AND (n.created_at, n.id) < ($2, $3)' : ''}
       ORDER BY n.created_at DESC, n.id DESC LIMIT ${limit}`,
    after ? [userId, ...after] : [userId],
  );
}

export function ownNotification(db: Db, userId: string, id: string): Promise<NotificationRow | undefined> {
  return maybeOne<NotificationRow>(
    db,
    `SELECT ${COLUMNS} FROM notifications n WHERE n.id = $1 AND n.recipient_id = $2`,
    [id, userId],
  );
}

export function notificationsByIds(db: Db, ids: readonly string[]): Promise<NotificationRow[]> {
  return rows<NotificationRow>(db, `SELECT ${COLUMNS} FROM notifications n WHERE n.id = ANY($1::uuid[])`, [[...ids]]);
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  return Number(
    (
      await one<{ n: number }>(
        db,
        `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND read_at IS NULL`,
        [userId],
      )
    ).n,
  );
}

/** Marks the given (or, without ids, all) unread notifications of the user read; how many changed. */
export function markRead(db: Db, userId: string, ids: readonly string[] | null): Promise<number> {
  return affected(
    db,
    `UPDATE notifications SET read_at = now(), updated_at = now() WHERE recipient_id = $1 AND read_at IS NULL ${ids ? 'AND id = ANY($2::uuid[])' : ''} RETURNING id`,
    ids ? [userId, [...ids]] : [userId],
  );
}

// ---- the writer ----

/**
 * Writes the notifications of one delivery in ONE set-based statement (see NotificationWriter):
 * candidates minus the excluded and the muted, one per person, minus in-app off and already
 * delivered, inserted or merged into an unread group. The rows written.
 */
export function writeNotifications(db: Db, d: Delivery): Promise<{ id: string; recipientId: string }[]> {
  const followers = d.followers ?? [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const direct = d.direct.filter((c) => c.userId);
  const parts = [
    `SELECT c.user_id, c.type, c.variant, c.ord::int AS rank FROM unnest(${p(direct.map((c) => c.userId))}::uuid[], ${p(direct.map((c) => c.type))}::notification_type[],
       ${p(direct.map((c) => c.variant))}::text[]) WITH ORDINALITY AS c(user_id, type, variant, ord)`,
    ...followers.map(
      (f, i) =>
        `SELECT f.user_id, ${p(f.type)}::notification_type, ${p(f.variant)}::text, ${1_000_000 + i} FROM follows f
         WHERE f.target_type = ${p(f.targetType)} AND f.target_key = ANY(${p(f.keys)}::varchar[]) AND f.level = ANY(${p(f.levels)}::follow_level[])`,
    ),
  ];
  const texts = Object.entries(d.texts);
  const group = d.group ?? null;
  const sql = `
    WITH candidates AS (${parts.join(' UNION ALL ')}),
    best AS (
      SELECT DISTINCT ON (c.user_id) c.user_id, c.type, c.variant FROM candidates c
      WHERE NOT (c.user_id = ANY(${p(d.exclude.filter((x): x is string => !!x))}::uuid[]))
        AND NOT EXISTS (SELECT 1 FROM follows mu WHERE mu.user_id = c.user_id AND mu.level = 'MUTED'
                        AND (mu.target_type::text || ':' || mu.target_key) = ANY(${p(d.muted ?? [])}::text[]))
      ORDER BY c.user_id, c.rank
    ),
    -- The person's highest level decides; with in-app off for that type they get nothing for this event.
    allowed AS (
      SELECT b.* FROM best b WHERE NOT EXISTS (SELECT 1 FROM notification_settings s WHERE s.user_id = b.user_id AND s.type = b.type AND NOT s.in_app)
    ),
    fresh AS (
      INSERT INTO notification_receipts (source_key, recipient_id) SELECT ${p(d.sourceKey)}, b.user_id FROM allowed b
      ON CONFLICT DO NOTHING RETURNING recipient_id
    )
    INSERT INTO notifications AS n (recipient_id, type, question_id, answer_id, comment_id, mentorship_id, actor_ids, actor_names, group_key, text, url, source_key)
    SELECT b.user_id, b.type, ${p(d.questionId ?? null)}::uuid, ${p(d.answerId ?? null)}::uuid, ${p(d.commentId ?? null)}::uuid, ${p(d.mentorshipId ?? null)}::uuid,
      ${p(d.actorId ? [d.actorId] : [])}::uuid[], ${p(d.actorName ? [d.actorName] : [])}::varchar[],
      CASE WHEN b.type = ANY(${p(group?.types ?? [])}::notification_type[]) THEN ${p(group?.key ?? null)}::varchar END,
      t.text, ${p(d.url)}, ${p(d.sourceKey)}
    FROM allowed b JOIN fresh f ON f.recipient_id = b.user_id
      JOIN unnest(${p(texts.map(([k]) => k))}::text[], ${p(texts.map(([, v]) => v))}::text[]) AS t(variant, text) ON t.variant = b.variant
    ON CONFLICT (recipient_id, group_key) WHERE read_at IS NULL AND group_key IS NOT NULL DO UPDATE SET
      actor_ids = CASE WHEN EXCLUDED.actor_ids <@ n.actor_ids THEN n.actor_ids ELSE EXCLUDED.actor_ids || n.actor_ids END,
      actor_names = CASE WHEN EXCLUDED.actor_ids <@ n.actor_ids THEN n.actor_names ELSE EXCLUDED.actor_names || n.actor_names END,
      text = notification_group_text(CASE WHEN EXCLUDED.actor_ids <@ n.actor_ids THEN n.actor_names ELSE EXCLUDED.actor_names || n.actor_names END,
        n.group_count + 1, ${p(group?.verb ?? '')}),
      group_count = n.group_count + 1, created_at = now(), updated_at = now()
    RETURNING n.id, n.recipient_id AS "recipientId"`;
  return rows(db, sql, params);
}

// ---- emails ----

/**
 * The person's email frequency for a notification's type: their stored choice, else the default.
 * Expects `n` (notifications) in scope; parameters $types and $defaults are given by `defaultsParams`.
 */
const effectiveEmail = (types: string, defaults: string) => `coalesce(
    (SELECT s.email FROM notification_settings s WHERE s.user_id = n.recipient_id AND s.type = n.type),
    (SELECT d.email FROM unnest(${types}::notification_type[], ${defaults}::email_frequency[]) AS d(type, email) WHERE d.type = n.type))`;
const defaultsParams = () => [
  NOTIFICATION_TYPES as readonly string[],
  NOTIFICATION_TYPES.map((t) => DEFAULT_SETTINGS[t].email),
];

/**
 * A quoted message a moderator removed: the recipients' single notifications from that source say so
 * instead of quoting it (grouped rows never quote). By recipient, on the inbox index.
 */
export function unquoteRemovedMessage(
  db: Db,
  recipientIds: readonly string[],
  sourceKey: string,
  /** After the actor's name: " wrote a message a moderator removed". */
  verb: string,
): Promise<number> {
  return affected(
    db,
    `UPDATE notifications SET text = coalesce(actor_names[1], 'Your mentorship partner') || $3, updated_at = now()
     WHERE recipient_id = ANY($1::uuid[]) AND source_key = $2 AND group_count = 1`,
    [recipientIds, sourceKey, verb],
  );
}

export interface InstantEmailRow {
  id: string;
  recipientId: string;
  type: NotificationType;
  text: string;
  url: string;
  groupCount: number;
  answerId: string | null;
  commentId: string | null;
  readAt: Date | null;
  email: EmailFrequency;
  /** Merged into again since this job was queued: the later job sends (one email per burst). */
  superseded: boolean;
}

export interface DigestItemRow {
  userId: string;
  type: NotificationType;
  text: string;
  url: string;
  total: number;
}

/** Of the written notifications, those whose recipient gets the type instantly. Joins from the ids, never scanning notifications. */
export async function instantEmailIds(db: Db, written: readonly string[]): Promise<string[]> {
  const found = await rows<{ id: string }>(
    db,
    `SELECT n.id FROM unnest($1::uuid[]) AS w(id) JOIN notifications n ON n.id = w.id
       JOIN unnest($2::notification_type[], $3::email_frequency[]) AS d(type, email) ON d.type = n.type
       LEFT JOIN notification_settings s ON s.user_id = n.recipient_id AND s.type = n.type
       WHERE coalesce(s.email, d.email) = 'INSTANT'`,
    [[...written], ...defaultsParams()],
  );
  return found.map((r) => r.id);
}

/** The notification an instant-email job is about; superseded when merged into within the last `delaySeconds`. */
export function instantEmailRow(db: Db, id: string, delaySeconds: number): Promise<InstantEmailRow | undefined> {
  return maybeOne<InstantEmailRow>(
    db,
    `SELECT n.id, n.recipient_id AS "recipientId", n.type, n.text, n.url, n.group_count AS "groupCount", n.answer_id AS "answerId",
         n.comment_id AS "commentId", n.read_at AS "readAt", ${effectiveEmail('$3', '$4')} AS email,
         n.created_at > now() - make_interval(secs => $2::int - 1) AS superseded
       FROM notifications n WHERE n.id = $1`,
    [id, delaySeconds, ...defaultsParams()],
  );
}

/** Up to `limit` people (ids after `after`) with unread notifications in [start, end) of types they get at `frequency`. */
export async function digestRecipients(
  db: Db,
  start: Date,
  end: Date,
  frequency: EmailFrequency,
  after: string,
  limit: number,
): Promise<string[]> {
  const found = await rows<{ id: string }>(
    db,
    `SELECT DISTINCT n.recipient_id AS id FROM notifications n
           WHERE n.read_at IS NULL AND n.created_at >= $1 AND n.created_at < $2 AND n.recipient_id > $3 AND ${effectiveEmail('$6', '$7')} = $4
           ORDER BY 1 LIMIT $5`,
    [start, end, after, frequency, limit, ...defaultsParams()],
  );
  return found.map((r) => r.id);
}

/** The newest `maxItems` such notifications per person, with each person's total. */
export function digestItems(
  db: Db,
  userIds: readonly string[],
  start: Date,
  end: Date,
  frequency: EmailFrequency,
  maxItems: number,
): Promise<DigestItemRow[]> {
  return rows<DigestItemRow>(
    db,
    `SELECT x."userId", x.type, x.text, x.url, x.total FROM (
           SELECT n.recipient_id AS "userId", n.type, n.text, n.url, n.created_at, n.id,
             row_number() OVER (PARTITION BY n.recipient_id ORDER BY n.created_at DESC, n.id DESC) AS rn,
             count(*) OVER (PARTITION BY n.recipient_id)::int AS total
           FROM notifications n
           WHERE n.recipient_id = ANY($1::uuid[]) AND n.read_at IS NULL AND n.created_at >= $2 AND n.created_at < $3 AND ${effectiveEmail('$6', '$7')} = $4) x
         WHERE x.rn <= $5 ORDER BY x."userId", x.created_at DESC, x.id DESC`,
    [[...userIds], start, end, frequency, maxItems, ...defaultsParams()],
  );
}
