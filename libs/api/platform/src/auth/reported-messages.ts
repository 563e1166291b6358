import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Private messages (a mentorship's thread) that a participant reported to moderators. Mentoring owns
 * the messages and the reports of them; moderation owns the queue and the decisions. Mentoring
 * announces each report with MESSAGE_REPORTED_EVENT (moderation queues it) and registers a
 * ReportedMessageSource here, through which moderation reads a reported message with the few
 * messages around it and hides it, without importing mentoring or reading its tables.
 */
export const MESSAGE_REPORTED_EVENT = 'mentoring.message.reported';

export interface MessageReportedPayload {
  /** The report's id in mentoring (moderation's queue row keeps it). */
  reportId: string;
  messageId: string;
  mentorshipId: string;
  reporterId: string;
  authorId: string | null;
  reason: string;
}

export interface ReportedMessageView {
  id: string;
  authorId: string | null;
  body: string;
  createdAt: Date;
  /** Hidden by a moderator. */
  removed: boolean;
}

export interface ReportedMessageSource {
  /**
   * For each reported message of `messageIds`: it and up to `around` messages either side of it in
   * its thread, oldest first (one statement for the batch). A message without a report is left out:
   * nothing else is ever shown to moderators.
   */
  contexts(
    db: EntityManager,
    messageIds: readonly string[],
    around: number,
  ): Promise<Map<string, ReportedMessageView[]>>;
  /** Hides a reported message from the pair, in the caller's transaction; false when it was already hidden. */
  hide(m: EntityManager, messageId: string, moderatorId: string): Promise<boolean>;
}

/** Mentoring registers its source at module init; moderation asks it. */
@Injectable()
export class ReportedMessages {
  private source: ReportedMessageSource | null = null;

  register(source: ReportedMessageSource): void {
    if (this.source) throw new Error('A reported-message source is registered twice');
    this.source = source;
  }

  get(): ReportedMessageSource {
    if (!this.source) throw new Error('No reported-message source is registered (is the mentoring module loaded?)');
    return this.source;
  }
}
