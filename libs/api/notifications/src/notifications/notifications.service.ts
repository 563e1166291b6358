import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BadInputError, decodeCursor, encodeCursor, isUuid, pageSize, toPage } from '@crossroads/api-platform';
import { DEFAULT_SETTINGS, NOTIFICATION_TYPES, type EmailFrequency, type NotificationType } from '../common/types.js';

export interface NotificationRow {
  id: string;
  type: NotificationType;
  questionId: string | null;
  answerId: string | null;
  commentId: string | null;
  mentorshipId: string | null;
  actorIds: string[];
  groupCount: number;
  text: string;
  url: string;
  readAt: Date | null;
  createdAt: Date;
}

const COLUMNS = `n.id, n.type, n.question_id AS "questionId", n.answer_id AS "answerId", n.comment_id AS "commentId",
  n.mentorship_id AS "mentorshipId", n.actor_ids AS "actorIds", n.group_count AS "groupCount", n.text, n.url, n.read_at AS "readAt", n.created_at AS "createdAt"`;

export const notificationCursor = (n: NotificationRow) => encodeCursor('notifications', [n.createdAt, n.id]);

/** The inbox: pages, the unread count, marking read, and per-type settings. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first, keyset on (created_at, id) over the (recipient, created_at, id) index. */
  async page(userId: string, args: { first?: number | null; after?: string | null; unreadOnly?: boolean | null }) {
    const size = pageSize(args.first);
    const params: unknown[] = [userId];
    let keyset = '';
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after, 'notifications', ['date', 'id']);
      params.push(createdAt, id);
      keyset = 'AND (n.created_at, n.id) < ($2, $3)';
    }
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications n WHERE n.recipient_id = $1 ${args.unreadOnly ? 'AND n.read_at IS NULL' : ''} ${keyset}
       ORDER BY n.created_at DESC, n.id DESC LIMIT ${size + 1}`,
      params,
    )) as NotificationRow[];
    return toPage(rows, size);
  }

  /** One of `userId`'s notifications (live delivery), or null when it is not theirs or is gone. */
  async ownById(userId: string, id: string): Promise<NotificationRow | null> {
    const [row] = (await this.dataSource.query(`SELECT ${COLUMNS} FROM notifications n WHERE n.id = $1 AND n.recipient_id = $2`, [id, userId])) as NotificationRow[];
    return row ?? null;
  }

  async byIds(ids: string[]): Promise<NotificationRow[]> {
    return (await this.dataSource.query(`SELECT ${COLUMNS} FROM notifications n WHERE n.id = ANY($1::uuid[])`, [ids])) as NotificationRow[];
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND read_at IS NULL`, [userId])) as { n: number }[];
    return Number(row.n);
  }

  /** Marks the given (or, without ids, all) unread notifications of the user read; returns how many changed. */
  async markRead(userId: string, ids: string[] | null | undefined): Promise<number> {
    if (ids && ids.some((id) => !isUuid(id))) throw new BadInputError('ids', 'ids must be notification ids.');
    if (ids && !ids.length) return 0;
    const rows = (await this.dataSource.query(
      `UPDATE notifications SET read_at = now(), updated_at = now() WHERE recipient_id = $1 AND read_at IS NULL ${ids ? 'AND id = ANY($2::uuid[])' : ''} RETURNING id`,
      ids ? [userId, ids] : [userId],
    )) as [unknown[], number];
    return rows[1];
  }

  /** Every type, the stored choice or the default. */
  async settings(userId: string): Promise<{ type: NotificationType; inApp: boolean; email: EmailFrequency }[]> {
    const rows = (await this.dataSource.query(`SELECT type, in_app AS "inApp", email FROM notification_settings WHERE user_id = $1`, [userId])) as {
      type: NotificationType;
      inApp: boolean;
      email: EmailFrequency;
    }[];
    const stored = new Map(rows.map((r) => [r.type, r]));
    return NOTIFICATION_TYPES.map((type) => stored.get(type) ?? { type, ...DEFAULT_SETTINGS[type] });
  }

  /** Changes one type's choice; omitted fields keep their current (or default) value. */
  async setSetting(userId: string, input: { type: NotificationType; inApp?: boolean | null; email?: EmailFrequency | null }) {
    const defaults = DEFAULT_SETTINGS[input.type];
    const [row] = (await this.dataSource.query(
      `INSERT INTO notification_settings (user_id, type, in_app, email)
       VALUES ($1, $2, coalesce($3::boolean, $5::boolean), coalesce($4::email_frequency, $6::email_frequency))
       ON CONFLICT (user_id, type) DO UPDATE SET in_app = coalesce($3::boolean, notification_settings.in_app),
         email = coalesce($4::email_frequency, notification_settings.email), updated_at = now()
       RETURNING type, in_app AS "inApp", email`,
      [userId, input.type, input.inApp ?? null, input.email ?? null, defaults.inApp, defaults.email],
    )) as { type: NotificationType; inApp: boolean; email: EmailFrequency }[];
    return row;
  }
}
