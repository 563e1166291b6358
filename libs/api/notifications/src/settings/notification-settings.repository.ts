import { col, one, rows, selectList, table, type Db, type RowOf } from '@crossroads/api-platform';
import { DEFAULT_SETTINGS, type EmailFrequency, type NotificationType } from '../common/types.js';

/** A member's stored choice for one type (no row: the default). */
export const notificationSettingsTable = table('notification_settings', {
  type: col.enum<NotificationType>('notification_type'),
  inApp: col.bool(),
  email: col.enum<EmailFrequency>('email_frequency'),
});
export type NotificationSettingRow = RowOf<typeof notificationSettingsTable>;

const COLUMNS = selectList(notificationSettingsTable, 's');

export function storedSettings(db: Db, userId: string): Promise<NotificationSettingRow[]> {
  return rows<NotificationSettingRow>(db, `SELECT ${COLUMNS} FROM notification_settings s WHERE s.user_id = $1`, [
    userId,
  ]);
}

/** Changes one type's choice; omitted (null) fields keep their current value, or the default. */
export function upsertSetting(
  db: Db,
  userId: string,
  type: NotificationType,
  inApp: boolean | null,
  email: EmailFrequency | null,
): Promise<NotificationSettingRow> {
  const defaults = DEFAULT_SETTINGS[type];
  return one<NotificationSettingRow>(
    db,
    `INSERT INTO notification_settings AS s (user_id, type, in_app, email)
       VALUES ($1, $2, coalesce($3::boolean, $5::boolean), coalesce($4::email_frequency, $6::email_frequency))
       ON CONFLICT (user_id, type) DO UPDATE SET in_app = coalesce($3::boolean, s.in_app),
         email = coalesce($4::email_frequency, s.email), updated_at = now()
       RETURNING ${COLUMNS}`,
    [userId, type, inApp, email, defaults.inApp, defaults.email],
  );
}

/** Email off for the types; with `digestsOnly`, only for those currently sent daily or weekly (stored choice or default). */
export async function turnEmailOff(
  db: Db,
  userId: string,
  types: readonly NotificationType[],
  digestsOnly: boolean,
): Promise<void> {
  await rows(
    db,
    `INSERT INTO notification_settings AS s (user_id, type, in_app, email)
       SELECT $1, d.type, d.in_app, 'OFF' FROM unnest($2::notification_type[], $3::boolean[], $4::email_frequency[]) AS d(type, in_app, email)
       LEFT JOIN notification_settings cur ON cur.user_id = $1 AND cur.type = d.type
       WHERE $5::boolean = false OR coalesce(cur.email, d.email) IN ('DAILY', 'WEEKLY')
       ON CONFLICT (user_id, type) DO UPDATE SET email = 'OFF', updated_at = now()`,
    [
      userId,
      [...types],
      types.map((t) => DEFAULT_SETTINGS[t].inApp),
      types.map((t) => DEFAULT_SETTINGS[t].email),
      digestsOnly,
    ],
  );
}
