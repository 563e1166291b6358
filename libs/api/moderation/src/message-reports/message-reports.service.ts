import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { LIMITS } from '@crossroads/shared-domain';
import {
  ConflictError,
  EventBus,
  MESSAGE_REPORTED_EVENT,
  NotFoundError,
  ReportedMessages,
  decodeCursor,
  encodeCursor,
  inTransaction,
  isUuid,
  pageSize,
  toPage,
  type LoaderRegistry,
  type MessageReportedPayload,
  type Principal,
  type RecordedEvent,
  type ReportedMessageView,
} from '@crossroads/api-platform';
import { ModerationLogService } from '../log/moderation-log.service.js';
import {
  decideReport,
  lockReport,
  openReports,
  queueReport,
  reportById,
  type MessageReportDecision,
  type MessageReportRow,
} from './message-reports.repository.js';

export const messageReportCursor = (r: MessageReportRow) =>
  encodeCursor('mentorshipMessageReports', [r.reportedAt, r.id]);

/**
 * Reported private messages (mentorship threads): mentoring announces each report, this queues it;
 * moderators read the message with a few around it (through the platform's ReportedMessages port,
 * served by mentoring, which shows only reported messages) and hide it or dismiss the report. Both
 * decisions go to the audit log in the decision's transaction.
 */
@Injectable()
export class MessageReportsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventBus,
    private readonly reported: ReportedMessages,
    private readonly log: ModerationLogService,
  ) {}

  onModuleInit(): void {
    this.events.on(
      'moderation-message-reports',
      [MESSAGE_REPORTED_EVENT],
      async (event: RecordedEvent<MessageReportedPayload>) => {
        const p = event.payload;
        await queueReport(this.dataSource, {
          id: p.reportId,
          messageId: p.messageId,
          mentorshipId: p.mentorshipId,
          reporterId: p.reporterId,
          authorId: p.authorId,
          reason: p.reason,
        });
      },
      { batchSize: 20, retryLimit: 5, retryDelaySeconds: 2 },
    );
  }

  /** Open reports, oldest first. */
  async queue(args: { first?: number | null; after?: string | null }) {
    const size = pageSize(args.first);
    const after = args.after
      ? (decodeCursor(args.after, 'mentorshipMessageReports', ['date', 'id']) as [Date, string])
      : null;
    const { items, totalCount } = await openReports(this.dataSource, after, size + 1);
    return { ...toPage(items, size), totalCount };
  }

  /** One report (open or decided); NOT_FOUND for an id that is not a report. */
  async report(id: string): Promise<MessageReportRow> {
    const found = isUuid(id) ? await reportById(this.dataSource, id) : undefined;
    if (!found) throw new NotFoundError('Report', 'id');
    return found;
  }

  /** The reported message and the messages around it, per message id (batched per request). */
  contextLoader(loaders: LoaderRegistry) {
    return loaders.get<string, ReportedMessageView[]>('moderation.message-reports.context', async (ids) => {
      const found = await this.reported
        .get()
        .contexts(this.dataSource.manager, ids, LIMITS.mentorshipWorkspace.reportContextMessages);
      return ids.map((id) => found.get(id) ?? []);
    });
  }

  /** HIDE removes the message from the pair's thread; DISMISS closes the report. Once; logged. */
  async decide(
    viewer: Principal,
    input: { reportId: string; decision: MessageReportDecision; reason: string },
  ): Promise<MessageReportRow> {
    if (!isUuid(input.reportId)) throw new NotFoundError('Report', 'reportId');
    return inTransaction(this.dataSource, async (m) => {
      const report = await lockReport(m, input.reportId);
      if (!report) throw new NotFoundError('Report', 'reportId');
      if (report.decidedAt) throw new ConflictError('This report was already decided.', 'reportId');
      if (input.decision === 'HIDE') await this.reported.get().hide(m, report.messageId, viewer.id);
      const decided = await decideReport(m, report.id, input.decision, viewer.id);
      await this.log.record(m, {
        actorId: viewer.id,
        action: input.decision === 'HIDE' ? 'HIDE_MENTORSHIP_MESSAGE' : 'DISMISS_MESSAGE_REPORT',
        targetType: 'MENTORSHIP_MESSAGE',
        targetId: report.messageId,
        reason: input.reason,
        details: { reportId: report.id, mentorshipId: report.mentorshipId },
      });
      return decided;
    });
  }
}
