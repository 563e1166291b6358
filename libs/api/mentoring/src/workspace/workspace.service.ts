import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  ConflictError,
  EventBus,
  LoaderRegistry,
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
import type { MentorshipPlanInput, SendMentorshipMessageInput } from './workspace.models.js';
import { mentorshipOfParticipant } from './participants.js';
import {
  insertMessage,
  insertPlanRevision,
  latestPlan,
  latestPlans,
  markRead,
  messagesByIds,
  messagesPage,
  planHistories,
  threadCounts,
  type MentorshipMessageRow,
  type PlanRevisionRow,
} from './workspace.repository.js';

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

/** The pair's private thread and shared plan (issue 19). Only the two participants read or write. */
@Injectable()
export class MentorshipWorkspaceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventBus,
  ) {}

  /** The mentorship for one of its participants; NOT_FOUND for anyone else. */
  async mentorship(viewer: Principal, id: string): Promise<MentorshipRequestEntity> {
    return mentorshipOfParticipant(this.dataSource, viewer, id, 'id');
  }

  /** Writes a message in an ACCEPTED mentorship; the author has read their own thread up to it. */
  async send(viewer: Principal, input: SendMentorshipMessageInput): Promise<MentorshipMessageRow> {
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
