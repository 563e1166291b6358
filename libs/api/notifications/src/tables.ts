import { guestFollowUpsTable } from './email/guest-follow-ups.repository.js';
import { followsTable } from './follows/follows.repository.js';
import { notificationsTable } from './notifications/notifications.repository.js';
import { notificationSettingsTable } from './settings/notification-settings.repository.js';

/** The row types notifications declares, checked against the migrated schema by apps/api/test/row-types.int-spec.ts. */
export const notificationsTables = [notificationsTable, notificationSettingsTable, followsTable, guestFollowUpsTable];
