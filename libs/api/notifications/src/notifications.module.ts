import { Module } from '@nestjs/common';
import { AccountsModule } from '@crossroads/api-accounts';
import { QaModule } from '@crossroads/api-qa';
import { MentoringModule } from '@crossroads/api-mentoring';
import { NotificationsExportPart } from './export/notifications-export.part.js';
import {
  FollowsResolver,
  MentorFollowsResolver,
  QuestionFollowsResolver,
  TagFollowsResolver,
} from './follows/follows.resolver.js';
import { FollowsService } from './follows/follows.service.js';
import { GuestFollowUps, GuestFollowUpsController } from './email/guest-follow-ups.js';
import { NotificationEmails } from './email/notification-emails.js';
import { NotificationUnsubscribe } from './email/notification-unsubscribe.js';
import { NotificationHandlers } from './handlers/notification-handlers.js';
import { NotificationWriter } from './notifications/notification-writer.js';
import { NotificationsResolver } from './notifications/notifications.resolver.js';
import { NotificationsService } from './notifications/notifications.service.js';
import { NotificationLiveResolver } from './notifications/notification-live.resolver.js';

/** Follows, the in-app inbox, per-type settings, and the jobs that turn events into notifications. */
@Module({
  imports: [AccountsModule, QaModule, MentoringModule],
  controllers: [GuestFollowUpsController],
  providers: [
    NotificationsExportPart,
    NotificationEmails,
    NotificationUnsubscribe,
    GuestFollowUps,
    FollowsService,
    NotificationsService,
    NotificationWriter,
    NotificationHandlers,
    NotificationsResolver,
    NotificationLiveResolver,
    FollowsResolver,
    QuestionFollowsResolver,
    TagFollowsResolver,
    MentorFollowsResolver,
  ],
  exports: [NotificationsService, NotificationHandlers, NotificationEmails],
})
export class NotificationsModule {}
