import { Module } from '@nestjs/common';
import { AccountsModule } from '@crossroads/api-accounts';
import { QaModule } from '@crossroads/api-qa';
import { MentoringModule } from '@crossroads/api-mentoring';
import { FollowsResolver, MentorFollowsResolver, QuestionFollowsResolver, TagFollowsResolver } from './follows/follows.resolver.js';
import { FollowsService } from './follows/follows.service.js';
import { NotificationHandlers } from './handlers/notification-handlers.js';
import { NotificationWriter } from './notifications/notification-writer.js';
import { NotificationsResolver } from './notifications/notifications.resolver.js';
import { NotificationsService } from './notifications/notifications.service.js';
import { NotificationLiveResolver } from './notifications/notification-live.resolver.js';

/** Follows, the in-app inbox, per-type settings, and the jobs that turn events into notifications. */
@Module({
  imports: [AccountsModule, QaModule, MentoringModule],
  providers: [
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
  exports: [NotificationsService, NotificationHandlers],
})
export class NotificationsModule {}
