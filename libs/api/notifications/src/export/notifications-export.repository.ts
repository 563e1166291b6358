import type { EntityManager } from 'typeorm';
import { rows, type Row } from '@crossroads/api-platform';

/* What a member's data export reads from notification_settings and follows. */

export function exportNotificationSettings(m: EntityManager, userId: string): Promise<Row[]> {
  return rows<Row>(
    m,
    `SELECT type, in_app AS "inApp", email FROM notification_settings WHERE user_id = $1 ORDER BY type`,
    [userId],
  );
}

export function exportFollows(m: EntityManager, userId: string): Promise<Row[]> {
  return rows<Row>(
    m,
    `SELECT target_type AS "targetType", target_key AS "targetKey" FROM follows WHERE user_id = $1 ORDER BY target_type, target_key`,
    [userId],
  );
}
