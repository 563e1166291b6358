export { NotificationsModule } from './notifications.module.js';
export { notificationsEntities, notificationsMigrations, notificationsResolvers } from './schema.js';
export { NotificationsService, type NotificationRow } from './notifications/notifications.service.js';
export { NotificationModel } from './notifications/notification.model.js';
export { toNotificationModel } from './notifications/notifications.resolver.js';
export { NotificationHandlers, NOTIFICATIONS_QUEUE } from './handlers/notification-handlers.js';
export * from './common/types.js';
export { NotificationEmails, type DigestFrequency } from './email/notification-emails.js';
export { notificationsTables } from './tables.js';
