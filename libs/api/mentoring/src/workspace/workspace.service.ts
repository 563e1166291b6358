import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { LIMITS } from '@crossroads/shared-domain';
import {
  BadInputError,
  ConflictError,
  EventBus,
  LoaderRegistry,
  NotFoundError,
  RateLimitService,
  ReportedMessages,
  isUuid,
  type MessageReportedPayload,
  type RateLimitRule,
  type ReportedMessageSource,
  type ReportedMessageView,
  byKeys,
  decodeCursor,
  encodeCursor,
  inTransaction,
  pageSize,
  toPage,
  type Principal,
} from '@crossroads/api-platform';
import {
  MENTORING_WORKSPACE_EVENTS,
  type MentorshipMessagePayload,
  type MentorshipPlanPayload,
} from '../events/mentoring-events.js';
import type { MentorshipRequestEntity } from '../requests/mentorship-request.entity.js';
import type {
  MentorshipPlanInput,
  ReportMentorshipMessageInput,
  SendMentorshipMessageInput,
} from './workspace.models.js';
import { mentorshipOfParticipant } from './participants.js';
import {
  hideMessage,
  insertMessage,
  insertReport,
  messageById,
  reportedByMember,
  reportedContexts,
  insertPlanRevision,
  latestPlan,
  latestPlans,
  markRead,
  messagesByIds,
  messagesPage,
  planHistories,
  threadCounts,
  type MentorshipMessageRow,
  type MessageReportRow,
  type PlanRevisionRow,
} from './workspace.repository.js';

const { messageThrottle } = LIMITS.mentorshipWorkspace;

/** Thread messages per member (across their mentorships): a conversation's pace, not a flood. */
export const MESSAGE_RULE: RateLimitRule = {
  name: 'mentorship-message',
  points: messageThrottle.points,
  windowSeconds: messageThrottle.windowSeconds,
  message: 'You have sent a lot of messages in a short time; wait a few minutes.',
};

export const messageCursor = (m: MentorshipMessageRow) => encodeCursor('mentorshipMessages', [m.createdAt, m.id]);

/** A short plain-text excerpt of Markdown for notifications (never shown as HTML). */
export function excerptOf(markdown: string, max = 140): string {
  const plain = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>#~|]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}

/**
 * The pair's private thread and shared plan (issue 19). Only the two participants read or write;
 * moderators see a message (with a few around it) only once a participant reported it, through the
 * platform's ReportedMessages port that this service serves.
 */
@Injectable()
export class MentorshipWorkspaceService implements OnModuleInit, ReportedMessageSource {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventBus,
    private readonly rateLimits: RateLimitService,
    private readonly reported: ReportedMessages,
  ) {}

  onModuleInit(): void {
    this.reported.register(this);
  }

  /** The mentorship for one of its participants; NOT_FOUND for anyone else. */
  async mentorship(viewer: Principal, id: string): Promise<MentorshipRequestEntity> {
    return mentorshipOfParticipant(this.dataSource, viewer, id, 'id');
  }

  /** Writes a message in an ACCEPTED mentorship; the author has read their own thread up to it. */
  async send(viewer: Principal, input: SendMentorshipMessageInput): Promise<MentorshipMessageRow> {
    // Outsiders are refused (NOT_FOUND) before they spend anything; the limit is counted before the write.
    await mentorshipOfParticipant(this.dataSource, viewer, input.mentorshipId, 'mentorshipId');
    await this.rateLimits.consume(MESSAGE_RULE, [`user:${viewer.id}`]);
    return inTransaction(this.dataSource, async (m) => {
      const r = await mentorshipOfParticipant(m, viewer, input.mentorshipId, 'mentorshipId', 'FOR SHARE');
      if (r.status !== 'ACCEPTED')
        throw new ConflictError('Messages can be written while the mentorship is accepted.', 'mentorshipId');
      const message = await insertMessage(m, r.id, viewer.id, input.body);
      await markRead(m, r.id, viewer.id, message.createdAt);
      const payload: MentorshipMessagePayload = {
        mentorshipId: r.id,
        messageId: message.id,
        authorId: viewer.id,
        recipientId: r.menteeId === viewer.id ? r.mentorId : r.menteeId,
        excerpt: excerptOf(input.body),
      };
      await this.events.emit(m, { type: MENTORING_WORKSPACE_EVENTS.messageSent, actorId: viewer.id, payload });
      return message;
    });
  }

  /**
   * A participant reports the other one's message to moderators, once (CONFLICT the second time;
   * their own message is BAD_USER_INPUT; anyone outside the pair gets NOT_FOUND). Moderation hears
   * it through the event and queues it.
   */
  async report(viewer: Principal, input: ReportMentorshipMessageInput): Promise<MessageReportRow> {
    if (!isUuid(input.messageId)) throw new NotFoundError('Message', 'messageId');
    return inTransaction(this.dataSource, async (m) => {
      const message = await messageById(m, input.messageId);
      if (!message) throw new NotFoundError('Message', 'messageId');
      await mentorshipOfParticipant(m, viewer, message.mentorshipId, 'messageId');
      if (message.authorId === viewer.id)
        throw new BadInputError('messageId', 'You can report the other person’s messages, not your own.');
      if (message.hiddenAt) throw new ConflictError('A moderator already removed this message.', 'messageId');
      const report = await insertReport(m, message.id, viewer.id, input.reason);
      if (!report)
        throw new ConflictError('You already reported this message; a moderator will look at it.', 'messageId');
      const payload: MessageReportedPayload = {
        reportId: report.id,
        messageId: message.id,
        mentorshipId: message.mentorshipId,
        reporterId: viewer.id,
        authorId: message.authorId,
        reason: input.reason,
      };
      await this.events.emit(m, { type: MENTORING_WORKSPACE_EVENTS.messageReported, actorId: viewer.id, payload });
      return report;
    });
  }

  /** ReportedMessageSource: each reported message with `around` messages either side (batched). */
  async contexts(
    db: EntityManager,
    messageIds: readonly string[],
    around: number,
  ): Promise<Map<string, ReportedMessageView[]>> {
    const out = new Map<string, ReportedMessageView[]>();
    const ids = messageIds.filter(isUuid);
    if (!ids.length) return out;
    for (const m of await reportedContexts(db, ids, around)) {
      const list = out.get(m.targetId) ?? [];
      list.push({ id: m.id, authorId: m.authorId, body: m.body, createdAt: m.createdAt, removed: m.hiddenAt !== null });
      out.set(m.targetId, list);
    }
    return out;
  }

  /** ReportedMessageSource: a moderator hides a reported message from the pair. */
  hide(m: EntityManager, messageId: string, moderatorId: string): Promise<boolean> {
    return hideMessage(m, messageId, moderatorId);
  }

  /** Marks the thread read for the viewer (up to now). */
  async markRead(viewer: Principal, mentorshipId: string): Promise<MentorshipRequestEntity> {
    return inTransaction(this.dataSource, async (m) => {
      const r = await mentorshipOfParticipant(m, viewer, mentorshipId);
      await markRead(m, r.id, viewer.id, new Date());
      return r;
    });
  }

  /** One page of the thread, newest first (keyset on createdAt, id). */
  async messages(mentorshipId: string, args: { first?: number | null; after?: string | null }) {
    const size = pageSize(args.first);
    const after = args.after ? decodeCursor(args.after, 'mentorshipMessages', ['date', 'id']) : null;
    const found = await messagesPage(
      this.dataSource,
      mentorshipId,
      after ? [after[0].toISOString(), after[1]] : null,
      size + 1,
    );
    return toPage(found, size);
  }

  /** Total and unread messages per mentorship, for one viewer (batched per request). */
  countsLoader(loaders: LoaderRegistry, viewerId: string) {
    return loaders.get<string, { total: number; unread: number }>(
      `mentoring.thread.counts:${viewerId}`,
      async (ids) => {
        const found = await threadCounts(this.dataSource, ids, viewerId);
        return byKeys(ids, found, (c) => c.mentorshipId, { mentorshipId: '', total: 0, unread: 0 });
      },
    );
  }

  /** Whether the viewer reported each message (the Report button becomes "You reported this message"). */
  reportedLoader(loaders: LoaderRegistry, viewerId: string) {
    return loaders.get<string, boolean>(`mentoring.thread.reported:${viewerId}`, async (ids) => {
      const mine = new Set(await reportedByMember(this.dataSource, viewerId, ids));
      return ids.map((id) => mine.has(id));
    });
  }

  messageLoader(loaders: LoaderRegistry) {
    return loaders.get<string, MentorshipMessageRow | null>('mentoring.thread.message', async (ids) =>
      byKeys(ids, await messagesByIds(this.dataSource, ids), (m) => m.id, null),
    );
  }

  /**
   * Saves a new revision of the goal and plan (omitted: kept; empty: cleared). Either participant
   * edits, while the mentorship is accepted. Nothing changed: no revision.
   */
  async setPlan(viewer: Principal, input: MentorshipPlanInput): Promise<MentorshipRequestEntity> {
    return inTransaction(this.dataSource, async (m) => {
      const r = await mentorshipOfParticipant(m, viewer, input.mentorshipId, 'mentorshipId', 'FOR UPDATE');
      if (r.status !== 'ACCEPTED')
        throw new ConflictError('The plan can be edited while the mentorship is accepted.', 'mentorshipId');
      const current = await latestPlan(m, r.id);
      const goal = input.goal === undefined ? (current?.goal ?? null) : input.goal || null;
      const plan = input.plan === undefined ? (current?.plan ?? null) : input.plan || null;
      if (current ? current.goal === goal && current.plan === plan : goal === null && plan === null) return r;
      const revision = await insertPlanRevision(m, r.id, viewer.id, goal, plan);
      const payload: MentorshipPlanPayload = { mentorshipId: r.id, editorId: viewer.id, revision: revision.revision };
      await this.events.emit(m, { type: MENTORING_WORKSPACE_EVENTS.planUpdated, actorId: viewer.id, payload });
      return r;
    });
  }

  planLoader(loaders: LoaderRegistry) {
    return loaders.get<string, PlanRevisionRow | null>('mentoring.plan.current', async (ids) =>
      byKeys(ids, await latestPlans(this.dataSource, ids), (p) => p.mentorshipId, null),
    );
  }

  planHistoryLoader(loaders: LoaderRegistry) {
    return loaders.get<string, PlanRevisionRow[]>('mentoring.plan.history', async (ids) => {
      const all = await planHistories(this.dataSource, ids);
      return ids.map((id) => all.filter((p) => p.mentorshipId === id));
    });
  }
}
