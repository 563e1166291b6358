import { MentoringCareNotificationTypes1797000000101 } from './migrations/1797000000101-mentoring-care-notification-types.js';
import { GuestFollowUpEntity } from './email/guest-follow-up.entity.js';
import { CreateGuestFollowUps1796000000001 } from './migrations/1796000000001-create-guest-follow-ups.js';
import { FollowEntity } from './follows/follow.entity.js';
import {
  FollowsResolver,
  MentorFollowsResolver,
  QuestionFollowsResolver,
  TagFollowsResolver,
} from './follows/follows.resolver.js';
import { MentorshipWorkspaceTypes1797000000001 } from './migrations/1797000000001-mentorship-workspace-types.js';
import { CreateNotifications1795994930771 } from './migrations/1795994930771-create-notifications.js';
import { NotificationReceiptEntity } from './notifications/notification-receipt.entity.js';
import { NotificationEntity } from './notifications/notification.entity.js';
import { NotificationsResolver } from './notifications/notifications.resolver.js';
import { NotificationLiveResolver } from './notifications/notification-live.resolver.js';
import { NotificationSettingEntity } from './settings/notification-setting.entity.js';

export const notificationsEntities = [
  FollowEntity,
  NotificationEntity,
  NotificationReceiptEntity,
  NotificationSettingEntity,
  GuestFollowUpEntity,
];
export const notificationsMigrations = [
  CreateNotifications1795994930771,
  CreateGuestFollowUps1796000000001,
  MentorshipWorkspaceTypes1797000000001,
  MentoringCareNotificationTypes1797000000101,
];
export const notificationsResolvers = [
  NotificationsResolver,
  FollowsResolver,
  QuestionFollowsResolver,
  TagFollowsResolver,
  MentorFollowsResolver,
  NotificationLiveResolver,
];
