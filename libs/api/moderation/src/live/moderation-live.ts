import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Int, Resolver, Subscription } from '@nestjs/graphql';
import {
  EventBus,
  ForbiddenError,
  LIVE_TOPICS,
  LiveBus,
  RequirePermission,
  isLiveRequest,
  type GraphqlContext,
  type RecordedEvent,
} from '@crossroads/api-platform';
import { CommentsService, QA_EVENTS } from '@crossroads/api-qa';
import { MODERATION_EVENTS, type ModerationActionPayload } from '../events/moderation-events.js';

/** The live message on `LIVE_TOPICS.moderationQueue`. */
export interface ModerationQueueMessage {
  waiting: number;
}

/** Actions that change the held-comment queue. */
const QUEUE_ACTIONS = new Set([
  'APPROVE_COMMENT',
  'REJECT_COMMENT',
  'SPAM_COMMENT',
  'HIDE_POST',
  'HIDE_FLAGGED',
  'RESTORE_POST',
]);
/** Actions that change what a member may do: their open live connections re-check their principal. */
const ACCESS_ACTIONS = new Set(['SET_ROLE', 'SUSPEND', 'LIFT_SUSPENSION']);

/**
 * Live moderation: the queue count for moderators, and access changes (role, suspension) for the
 * live transport, published after commit from the outbox.
 */
@Injectable()
export class ModerationLivePublisher implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    private readonly live: LiveBus,
    private readonly comments: CommentsService,
  ) {}

  onModuleInit(): void {
    this.events.on(
      'live-moderation',
      [QA_EVENTS.commentHeld, MODERATION_EVENTS.actionRecorded],
      async (event: RecordedEvent<object>) => {
        if (event.type === QA_EVENTS.commentHeld) return this.publishQueue();
        const p = event.payload as ModerationActionPayload;
        if (p.targetType === 'USER' && ACCESS_ACTIONS.has(p.action))
          await this.live.publish(LIVE_TOPICS.access(p.targetId), {});
        if (QUEUE_ACTIONS.has(p.action)) await this.publishQueue();
      },
      { batchSize: 50, retryLimit: 2, retryDelaySeconds: 1 },
    );
  }

  /** The count now (not a delta): late or repeated messages still leave every client right. */
  private async publishQueue(): Promise<void> {
    const waiting = await this.comments.heldCount();
    await this.live.publish(LIVE_TOPICS.moderationQueue, { waiting } satisfies ModerationQueueMessage);
  }
}

@Resolver()
export class ModerationLiveResolver {
  constructor(private readonly live: LiveBus) {}

  @Subscription(() => Int, {
    description:
      'MODERATOR+: the number of held comments waiting, each time the queue changes. Ends (close 4403) when the role no longer allows it.',
    async resolve(this: ModerationLiveResolver, message: ModerationQueueMessage, _args: unknown, ctx: GraphqlContext) {
      // Staff topic: the principal is re-read for every message, so a demotion or suspension stops delivery at once.
      if (isLiveRequest(ctx.req) && !(await ctx.req.live.recheck()))
        throw new ForbiddenError('Your role no longer allows this subscription.');
      return message.waiting;
    },
  })
  @RequirePermission('comment.moderate')
  moderationQueueChanged(): AsyncIterableIterator<ModerationQueueMessage> {
    return this.live.stream<ModerationQueueMessage>(LIVE_TOPICS.moderationQueue);
  }
}
