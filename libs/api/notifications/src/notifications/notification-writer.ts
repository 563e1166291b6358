import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { LIVE_TOPICS, LiveBus, inTransaction } from '@crossroads/api-platform';
import { NotificationEmails } from '../email/notification-emails.js';
import { writeNotifications } from './notifications.repository.js';
import type { FollowLevel, FollowTargetType, NotificationType } from '../common/types.js';

/** A candidate recipient; the first (lowest `rank`) candidate of a person wins: one notification per person per event. */
export interface Candidate {
  userId: string;
  type: NotificationType;
  /** Key into `texts`: the sentence this recipient reads. */
  variant: string;
}

/** Everyone following some targets at some levels, as candidates (selected in SQL, never loaded here). */
export interface FollowerCandidates {
  targetType: FollowTargetType;
  keys: string[];
  levels: FollowLevel[];
  type: NotificationType;
  variant: string;
}

export interface Delivery {
  /** The domain event id (`event:<id>`) or another once-only key: (source, recipient) is delivered at most once. */
  sourceKey: string;
  actorId: string | null;
  actorName: string | null;
  questionId?: string | null;
  answerId?: string | null;
  commentId?: string | null;
  mentorshipId?: string | null;
  url: string;
  /** In priority order: direct recipients first, then followers. */
  direct: Candidate[];
  followers?: FollowerCandidates[];
  texts: Record<string, string>;
  /** "TYPE:key" targets; a recipient who muted any of them gets nothing. */
  muted?: string[];
  /** Never notified (the actor; the moderator who approved). */
  exclude: (string | null)[];
  /** Rows of these types merge with the recipient's unread row of the same key ("A, B and 3 others answered …"). */
  group?: { key: string; types: NotificationType[]; verb: string };
}

/**
 * Writes the notifications of one event in ONE set-based statement: candidates (direct ones from
 * parameters, followers selected from `follows`), minus the excluded and the muted, one per person
 * (the highest-priority candidate), minus those with in-app off for that type and those already
 * delivered (notification_receipts), then inserted or merged into an unread group. Published live
 * after commit.
 */
@Injectable()
export class NotificationWriter {
  private readonly logger = new Logger(NotificationWriter.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly live: LiveBus,
    /** Queues instant emails for what was written, in the same transaction. */
    @Optional() private readonly emails?: NotificationEmails,
  ) {}

  /** Runs `work` (auto-follows and deliveries) in one transaction, then publishes what it wrote. */
  async inTransaction(
    work: (m: EntityManager, deliver: (d: Delivery) => Promise<void>) => Promise<void>,
  ): Promise<number> {
    const written: { id: string; recipientId: string }[] = [];
    // Concurrent fan-outs may upsert the same grouped rows in another order: a deadlock retries.
    await inTransaction(this.dataSource, async (m) => {
      written.length = 0;
      await work(m, async (d) => {
        written.push(...(await writeNotifications(m, d)));
      });
      await this.emails?.scheduleInstant(m, written);
    });
    for (const w of written) {
      try {
        await this.live.publish(LIVE_TOPICS.notifications(w.recipientId), { notificationId: w.id });
      } catch (e) {
        // The rows are committed; live delivery is best effort (clients refetch on reconnect).
        this.logger.warn(`live publish failed: ${String(e)}`);
      }
    }
    return written.length;
  }
}
