import { Resolver, Subscription } from '@nestjs/graphql';
import {
  CurrentUser,
  LIVE_TOPICS,
  LiveBus,
  NotFoundError,
  RequirePermission,
  UnauthenticatedError,
  isLiveRequest,
  useMessageLoaders,
  type GraphqlContext,
  type Principal,
} from '@crossroads/api-platform';
import { NotificationModel } from './notification.model.js';
import { toNotificationModel } from './notifications.resolver.js';
import { NotificationsService } from './notifications.service.js';

/** The live message on `LIVE_TOPICS.notifications(userId)`, published by NotificationWriter after commit. */
interface NotificationMessage {
  notificationId: string;
}

/** The viewer's own notifications, live. */
@Resolver(() => NotificationModel)
export class NotificationLiveResolver {
  constructor(
    private readonly live: LiveBus,
    private readonly inbox: NotificationsService,
  ) {}

  @Subscription(() => NotificationModel, {
    description:
      "The signed-in member's own new notifications as they are written (a grouped one again each time it grows).",
    async resolve(this: NotificationLiveResolver, message: NotificationMessage, _args: unknown, ctx: GraphqlContext) {
      // The principal is re-read per message: a signed-out session stops receiving at once (4401).
      if (isLiveRequest(ctx.req) && !(await ctx.req.live.recheck()))
        throw new UnauthenticatedError('Your session has ended.');
      const viewer = ctx.req.user;
      if (!viewer) throw new UnauthenticatedError();
      useMessageLoaders(ctx, message);
      const row = await this.inbox.ownById(viewer.id, message.notificationId);
      if (!row) throw new NotFoundError('Notification');
      return toNotificationModel(row);
    },
  })
  @RequirePermission('notification.read')
  notificationAdded(@CurrentUser() viewer: Principal): AsyncIterableIterator<NotificationMessage> {
    return this.live.stream<NotificationMessage>(LIVE_TOPICS.notifications(viewer.id));
  }
}
