import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { LIMITS, formatZonedTime } from '@crossroads/shared-domain';
import { EventBus, LoaderRegistry, type RecordedEvent } from '@crossroads/api-platform';
import { UsersService } from '@crossroads/api-accounts';
import {
  AnswersService,
  CommentsService,
  QA_EVENTS,
  QuestionsService,
  type AnswerAcceptedPayload,
  type AnswerPostedPayload,
  type CommentPublishedPayload,
  type QuestionAskedPayload,
} from '@crossroads/api-qa';
import {
  MENTORING_CARE_EVENTS,
  MENTORING_EVENTS,
  MENTORING_WORKSPACE_EVENTS,
  type MentorshipMessagePayload,
  type MentorshipSessionBookedPayload,
  type MentorshipSessionReminderPayload,
  type MentorshipSessionUpdatedPayload,
  type MentorshipCheckInDuePayload,
  type MentorshipConductPayload,
  type MentorshipEndedPayload,
  type MentorshipReminderPayload,
  MentorProfilesService,
  MentorshipRequestsService,
  type MentorshipRequestPayload,
  type MentorshipReviewPayload,
  type SessionZones,
} from '@crossroads/api-mentoring';
import { MODERATION_EVENTS, type ModerationActionPayload } from '@crossroads/api-moderation';
import { FollowsService } from '../follows/follows.service.js';
import { NotificationWriter, type Candidate, type Delivery } from '../notifications/notification-writer.js';
import { unquoteRemovedMessage } from '../notifications/notifications.repository.js';
import { mentionedHandles } from './mentions.js';

/** One participant's zone for a session's times (null: shown in UTC). */
const zoneOf = (zones: SessionZones | undefined, who: 'mentor' | 'mentee'): string | null =>
  (who === 'mentor' ? zones?.mentorTimeZone : zones?.menteeTimeZone) ?? null;

export const NOTIFICATIONS_QUEUE = 'notifications';
export const EXPIRING_QUEUE = 'notifications-mentorship-expiring';

const HANDLED = [
  QA_EVENTS.questionAsked,
  QA_EVENTS.answerPosted,
  QA_EVENTS.commentPublished,
  QA_EVENTS.answerAccepted,
  MODERATION_EVENTS.actionRecorded,
  MENTORING_EVENTS.requestCreated,
  MENTORING_EVENTS.requestAnswered,
  MENTORING_EVENTS.reviewPosted,
  MENTORING_WORKSPACE_EVENTS.messageSent,
  MENTORING_WORKSPACE_EVENTS.sessionBooked,
  MENTORING_WORKSPACE_EVENTS.sessionUpdated,
  MENTORING_WORKSPACE_EVENTS.sessionReminderDue,
  MENTORING_CARE_EVENTS.requestReminderDue,
  MENTORING_CARE_EVENTS.checkInDue,
  MENTORING_CARE_EVENTS.endedNotAFit,
  MENTORING_CARE_EVENTS.conductRecorded,
];

const quote = (title: string) => `“${title}”`;
/** One notification per thread message and recipient; the key also finds it again when a moderator removes the message. */
const messageSourceKey = (messageId: string) => `mentorship-message:${messageId}`;
export const questionUrl = (questionId: string) => `/q/${questionId}`;
export const answerUrl = (questionId: string, answerId: string) => `/q/${questionId}#answer-${answerId}`;
export const commentUrl = (questionId: string, commentId: string) => `/q/${questionId}#comment-${commentId}`;
export const mentorshipUrl = (requestId: string) => `/mentorships#mentorship-${requestId}`;
/** The mentorship's workspace page (thread, plan, sessions). */
export const workspaceUrl = (mentorshipId: string) => `/mentorships/${mentorshipId}`;
/** One session on the workspace page; the instant email reads the session id back to attach its invite. */
export const sessionUrl = (mentorshipId: string, sessionId: string) =>
  `/mentorships/${mentorshipId}#session-${sessionId}`;

/** What a moderator's decision says to the author; actions not listed notify nobody. */
const DECISIONS: Partial<Record<ModerationActionPayload['action'], string>> = {
  APPROVE_COMMENT: 'approved your comment on',
  REJECT_COMMENT: 'removed your comment on',
  SPAM_COMMENT: 'removed your comment (as spam) on',
  HIDE_POST: 'hid your post on',
  RESTORE_POST: 'restored your post on',
  CLOSE_QUESTION: 'closed your question',
  REOPEN_QUESTION: 'reopened your question',
};

/**
 * Turns events into notifications (pg-boss jobs, after the change committed; retried with backoff).
 * Every handler is idempotent: deliveries are keyed by the event id, auto-follows are upserts.
 * Edits and votes notify nobody: an edit never re-notifies, and votes are low-value (not notified).
 */
@Injectable()
export class NotificationHandlers implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    private readonly writer: NotificationWriter,
    private readonly follows: FollowsService,
    private readonly users: UsersService,
    private readonly questions: QuestionsService,
    private readonly answers: AnswersService,
    private readonly comments: CommentsService,
    private readonly mentors: MentorProfilesService,
    private readonly requests: MentorshipRequestsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    // Two workers per instance, each taking up to 50 jobs: answers arrive in bursts (bench: 50
    // writers) and a batch's answers are fanned out in one transaction (answersPosted). Measured
    // against one and four workers (apps/bench README): more workers' batches wait on each other's
    // locks on the same unread groups; one leaves everybody behind a 10,000-follower fan-out.
    this.events.onBatch(
      NOTIFICATIONS_QUEUE,
      HANDLED,
      async (events) => {
        await this.handleBatch(events);
      },
      { concurrency: 2, batchSize: 50 },
    );
    this.events.every(EXPIRING_QUEUE, '*/15 * * * *', async () => {
      await this.remindExpiring();
    });
  }

  /**
   * A worker's batch, in queue order: each run of consecutive answers in one transaction with their
   * rows loaded together, every other event on its own. Returns how many notifications were written or merged.
   */
  async handleBatch(events: readonly RecordedEvent<object>[]): Promise<number> {
    let written = 0;
    let answers: RecordedEvent<AnswerPostedPayload>[] = [];
    const flush = async () => {
      if (answers.length) written += await this.answersPosted(new LoaderRegistry(), answers);
      answers = [];
    };
    for (const event of events) {
      if (event.type === QA_EVENTS.answerPosted) {
        answers.push(event as RecordedEvent<AnswerPostedPayload>);
        continue;
      }
      await flush();
      written += await this.handle(event);
    }
    await flush();
    return written;
  }

  /** One event; returns how many notifications were written or merged. */
  async handle(event: RecordedEvent<object>): Promise<number> {
    const loaders = new LoaderRegistry();
    switch (event.type) {
      case QA_EVENTS.questionAsked:
        return this.questionAsked(loaders, event as RecordedEvent<QuestionAskedPayload>);
      case QA_EVENTS.answerPosted:
        return this.answersPosted(loaders, [event as RecordedEvent<AnswerPostedPayload>]);
      case QA_EVENTS.commentPublished:
        return this.commentPublished(loaders, event as RecordedEvent<CommentPublishedPayload>);
      case QA_EVENTS.answerAccepted:
        return this.answerAccepted(loaders, event as RecordedEvent<AnswerAcceptedPayload>);
      case MODERATION_EVENTS.actionRecorded:
        return this.moderationAction(loaders, event as RecordedEvent<ModerationActionPayload>);
      case MENTORING_EVENTS.requestCreated:
      case MENTORING_EVENTS.requestAnswered:
      case MENTORING_EVENTS.reviewPosted:
        return this.mentorship(
          loaders,
          event as RecordedEvent<MentorshipRequestPayload & Partial<MentorshipReviewPayload>>,
        );
      case MENTORING_WORKSPACE_EVENTS.messageSent:
        return this.mentorshipMessage(loaders, event as RecordedEvent<MentorshipMessagePayload>);
      case MENTORING_WORKSPACE_EVENTS.sessionBooked:
      case MENTORING_WORKSPACE_EVENTS.sessionUpdated:
        return this.mentorshipSession(
          loaders,
          event as RecordedEvent<MentorshipSessionBookedPayload | MentorshipSessionUpdatedPayload>,
        );
      case MENTORING_WORKSPACE_EVENTS.sessionReminderDue:
        return this.sessionReminder(loaders, event as RecordedEvent<MentorshipSessionReminderPayload>);
      case MENTORING_CARE_EVENTS.requestReminderDue:
      case MENTORING_CARE_EVENTS.checkInDue:
      case MENTORING_CARE_EVENTS.endedNotAFit:
      case MENTORING_CARE_EVENTS.conductRecorded:
        return this.mentorshipCare(loaders, event);
      default:
        return 0;
    }
  }

  /** Mentors of pending requests expiring within the reminder window hear of it once per request. */
  async remindExpiring(): Promise<number> {
    const loaders = new LoaderRegistry();
    let written = 0;
    for (const r of await this.requests.expiringWithin(LIMITS.notifications.expiringReminderHours)) {
      const mentee = await this.users.loader(loaders).load(r.menteeId);
      written += await this.writer.inTransaction(async (_m, deliver) => {
        await deliver({
          sourceKey: `mentorship-expiring:${r.id}`,
          actorId: r.menteeId,
          actorName: mentee?.displayName ?? null,
          mentorshipId: r.id,
          url: mentorshipUrl(r.id),
          direct: [{ userId: r.mentorId, type: 'MENTORSHIP_EXPIRING', variant: 'mentor' }],
          texts: {
            mentor: `The mentorship request from ${mentee?.displayName ?? 'a member'} expires within ${LIMITS.notifications.expiringReminderHours} hours`,
          },
          exclude: [],
        });
      });
    }
    return written;
  }

  private async nameOf(loaders: LoaderRegistry, userId: string | null): Promise<string | null> {
    return userId ? ((await this.users.loader(loaders).load(userId))?.displayName ?? null) : null;
  }

  private async mentions(body: string): Promise<string[]> {
    const ids: string[] = [];
    for (const handle of mentionedHandles(body)) {
      const user = await this.users.findByHandle(handle);
      if (user) ids.push(user.id);
    }
    return ids;
  }

  private async questionAsked(loaders: LoaderRegistry, event: RecordedEvent<QuestionAskedPayload>): Promise<number> {
    const { questionId, authorId, title, tags } = event.payload;
    const [actorName, mentorIds] = await Promise.all([
      this.nameOf(loaders, authorId),
      this.mentors.mentorIdsForTags(tags),
    ]);
    return this.writer.inTransaction(async (m, deliver) => {
      await this.follows.autoFollowQuestion(m, authorId, questionId, 'WATCHING');
      await deliver({
        sourceKey: `event:${event.id}`,
        actorId: authorId,
        actorName,
        questionId,
        url: questionUrl(questionId),
        direct: mentorIds.map((userId): Candidate => ({ userId, type: 'MATCHED_QUESTION', variant: 'matched' })),
        followers: [
          {
            targetType: 'TAG',
            keys: tags,
            levels: ['WATCHING', 'WATCHING_FIRST_POST'],
            type: 'FOLLOWED_TAG_QUESTION',
            variant: 'tag',
          },
        ],
        texts: {
          matched: `New question matching your expertise: ${quote(title)}`,
          tag: `${actorName ?? 'A member'} asked ${quote(title)} in ${tags.map((t) => `#${t}`).join(', ')}`,
        },
        muted: tags.map((t) => `TAG:${t}`),
        exclude: [authorId],
      });
    });
  }

  /** Answers' notifications: every answer's rows loaded together, all of them written in one transaction. */
  private async answersPosted(
    loaders: LoaderRegistry,
    events: readonly RecordedEvent<AnswerPostedPayload>[],
  ): Promise<number> {
    // By question (stable: each question's answers stay in order), so every batch takes the unread
    // groups' locks in the same order and two instances' batches wait rather than deadlock.
    const plans = (await Promise.all(events.map((event) => this.answerDelivery(loaders, event))))
      .filter((plan) => plan !== null)
      .sort((a, b) => (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0));
    if (!plans.length) return 0;
    return this.writer.inTransaction(async (m, deliver) => {
      for (const { authorId, questionId, delivery } of plans) {
        await this.follows.autoFollowQuestion(m, authorId, questionId, 'TRACKING');
        await deliver(delivery);
      }
    });
  }

  private async answerDelivery(
    loaders: LoaderRegistry,
    event: RecordedEvent<AnswerPostedPayload>,
  ): Promise<{ authorId: string; questionId: string; delivery: Delivery } | null> {
    const { answerId, questionId, authorId, questionAuthorId } = event.payload;
    const [answer, question, actorName] = await Promise.all([
      this.answers.byIdLoader(loaders).load(answerId),
      this.questions.byIdLoader(loaders).load(questionId),
      this.nameOf(loaders, authorId),
    ]);
    if (!answer || !question) return null; // hidden since: nothing to show
    const mentioned = await this.mentions(answer.body);
    const who = actorName ?? 'A member';
    return {
      authorId,
      questionId,
      delivery: {
        sourceKey: `event:${event.id}`,
        actorId: authorId,
        actorName,
        questionId,
        answerId,
        url: answerUrl(questionId, answerId),
        direct: [
          { userId: questionAuthorId, type: 'ANSWER_POSTED', variant: 'asker' },
          ...mentioned.map((userId): Candidate => ({ userId, type: 'MENTION', variant: 'mention' })),
        ],
        followers: [
          {
            targetType: 'QUESTION',
            keys: [questionId],
            levels: ['WATCHING'],
            type: 'FOLLOWED_QUESTION_ANSWER',
            variant: 'watcher',
          },
        ],
        texts: {
          asker: `${who} answered your question ${quote(question.title)}`,
          mention: `${who} mentioned you in an answer on ${quote(question.title)}`,
          watcher: `${who} answered ${quote(question.title)}`,
        },
        muted: [`QUESTION:${questionId}`],
        exclude: [authorId],
        group: {
          key: `answers:${questionId}`,
          types: ['ANSWER_POSTED', 'FOLLOWED_QUESTION_ANSWER'],
          verb: `answered ${quote(question.title)}`,
        },
      },
    };
  }

  private async commentPublished(
    loaders: LoaderRegistry,
    event: RecordedEvent<CommentPublishedPayload>,
  ): Promise<number> {
    const { commentId, postType, questionId, authorId, postAuthorId } = event.payload;
    const [comment, question, authorName] = await Promise.all([
      this.comments.byIdLoader(loaders).load(commentId),
      this.questions.byIdLoader(loaders).load(questionId),
      this.nameOf(loaders, authorId),
    ]);
    if (!comment || !question) return 0;
    const actorName = authorName ?? comment.guestName ?? null;
    const who = actorName ?? 'A guest';
    const mentioned = await this.mentions(comment.body);
    return this.writer.inTransaction(async (m, deliver) => {
      if (authorId) await this.follows.autoFollowQuestion(m, authorId, questionId, 'TRACKING');
      await deliver({
        sourceKey: `event:${event.id}`,
        actorId: authorId,
        actorName,
        questionId,
        commentId,
        url: commentUrl(questionId, commentId),
        direct: [
          { userId: postAuthorId, type: 'COMMENT_POSTED', variant: 'author' },
          ...mentioned.map((userId): Candidate => ({ userId, type: 'MENTION', variant: 'mention' })),
        ],
        followers: [
          {
            targetType: 'QUESTION',
            keys: [questionId],
            levels: ['WATCHING'],
            type: 'COMMENT_POSTED',
            variant: 'watcher',
          },
        ],
        texts: {
          author: `${who} commented on your ${postType === 'QUESTION' ? 'question' : 'answer'} on ${quote(question.title)}`,
          mention: `${who} mentioned you in a comment on ${quote(question.title)}`,
          watcher: `${who} commented on ${quote(question.title)}`,
        },
        muted: [`QUESTION:${questionId}`],
        // The comment's author, and the moderator who approved it (their own action).
        exclude: [authorId, event.actorId ?? null],
      });
    });
  }

  private async answerAccepted(loaders: LoaderRegistry, event: RecordedEvent<AnswerAcceptedPayload>): Promise<number> {
    const { answerId, questionId, answerAuthorId, accepterId } = event.payload;
    const [question, actorName] = await Promise.all([
      this.questions.byIdLoader(loaders).load(questionId),
      this.nameOf(loaders, accepterId),
    ]);
    if (!question) return 0;
    return this.writer.inTransaction(async (_m, deliver) => {
      await deliver({
        sourceKey: `event:${event.id}`,
        actorId: accepterId,
        actorName,
        questionId,
        answerId,
        url: answerUrl(questionId, answerId),
        direct: [{ userId: answerAuthorId, type: 'ANSWER_ACCEPTED', variant: 'author' }],
        texts: { author: `${actorName ?? 'The asker'} accepted your answer on ${quote(question.title)}` },
        muted: [`QUESTION:${questionId}`],
        exclude: [accepterId],
      });
    });
  }

  private async moderationAction(
    loaders: LoaderRegistry,
    event: RecordedEvent<ModerationActionPayload>,
  ): Promise<number> {
    const { action, targetType, targetId, reason, details } = event.payload;
    if (action === 'HIDE_MENTORSHIP_MESSAGE' && typeof details.mentorshipId === 'string')
      return this.unquoteRemovedMessage(loaders, targetId, details.mentorshipId);
    const verb = DECISIONS[action];
    if (!verb) return 0;
    let authorId = typeof details.authorId === 'string' ? details.authorId : null;
    const questionId =
      targetType === 'QUESTION' ? targetId : typeof details.questionId === 'string' ? details.questionId : null;
    if (!questionId) return 0;
    const question = await this.questions.byIdLoader(loaders).load(questionId);
    if (targetType === 'QUESTION' && !authorId) authorId = question?.authorId ?? null;
    if (!authorId) return 0; // a guest's comment: no account to tell
    const title = question ? ` ${quote(question.title)}` : '';
    const isQuestionDecision = action === 'CLOSE_QUESTION' || action === 'REOPEN_QUESTION';
    const url =
      action === 'APPROVE_COMMENT'
        ? commentUrl(questionId, targetId)
        : targetType === 'ANSWER' && action === 'RESTORE_POST'
          ? answerUrl(questionId, targetId)
          : questionUrl(questionId);
    // Close reasons are enum values (OFF_TOPIC); other reasons are the moderator's words.
    const why = reason ? (action === 'CLOSE_QUESTION' ? reason.toLowerCase().replace(/_/g, ' ') : reason) : null;
    const sentence = `A moderator ${verb}${isQuestionDecision ? title : title || ' a question'}${why ? `: ${why}` : ''}`;
    return this.writer.inTransaction(async (_m, deliver) => {
      await deliver({
        sourceKey: `event:${event.id}`,
        actorId: event.actorId ?? null,
        actorName: null,
        questionId,
        answerId: targetType === 'ANSWER' ? targetId : null,
        commentId: targetType === 'COMMENT' ? targetId : null,
        url,
        direct: [{ userId: authorId, type: 'MODERATION_DECISION', variant: 'author' }],
        texts: { author: sentence },
        exclude: [event.actorId ?? null],
      });
    });
  }

  private async mentorship(
    loaders: LoaderRegistry,
    event: RecordedEvent<MentorshipRequestPayload & Partial<MentorshipReviewPayload>>,
  ): Promise<number> {
    const { requestId, menteeId, mentorId, status, rating } = event.payload;
    const [menteeName, mentorName] = await Promise.all([
      this.nameOf(loaders, menteeId),
      this.nameOf(loaders, mentorId),
    ]);
    const base = {
      sourceKey: `event:${event.id}`,
      mentorshipId: requestId,
      url: mentorshipUrl(requestId),
      exclude: [],
    };
    return this.writer.inTransaction(async (_m, deliver) => {
      if (event.type === MENTORING_EVENTS.requestCreated) {
        await deliver({
          ...base,
          actorId: menteeId,
          actorName: menteeName,
          direct: [{ userId: mentorId, type: 'MENTORSHIP_REQUESTED', variant: 'mentor' }],
          texts: { mentor: `${menteeName ?? 'A member'} asked you for mentorship` },
        });
      } else if (event.type === MENTORING_EVENTS.requestAnswered) {
        await deliver({
          ...base,
          actorId: mentorId,
          actorName: mentorName,
          direct: [{ userId: menteeId, type: 'MENTORSHIP_ANSWERED', variant: 'mentee' }],
          texts: {
            mentee: `${mentorName ?? 'Your mentor'} ${status === 'ACCEPTED' ? 'accepted' : 'declined'} your mentorship request`,
          },
        });
      } else {
        await deliver({
          ...base,
          actorId: menteeId,
          actorName: menteeName,
          direct: [{ userId: mentorId, type: 'MENTORSHIP_REVIEWED', variant: 'mentor' }],
          texts: { mentor: `${menteeName ?? 'A member'} reviewed your mentorship${rating ? ` (${rating}/5)` : ''}` },
        });
      }
    });
  }

  /** A thread message: the other participant; unread ones from one mentorship merge into one row. */
  private async mentorshipMessage(
    loaders: LoaderRegistry,
    event: RecordedEvent<MentorshipMessagePayload>,
  ): Promise<number> {
    const { mentorshipId, authorId, recipientId, excerpt } = event.payload;
    const actorName = await this.nameOf(loaders, authorId);
    return this.writer.inTransaction(async (_m, deliver) => {
      await deliver({
        sourceKey: messageSourceKey(event.payload.messageId),
        actorId: authorId,
        actorName,
        mentorshipId,
        url: workspaceUrl(mentorshipId),
        direct: [{ userId: recipientId, type: 'MENTORSHIP_MESSAGE', variant: 'pair' }],
        texts: { pair: `${actorName ?? 'Your mentorship partner'} wrote: ${excerpt}` },
        exclude: [authorId],
        group: {
          key: `mentorship-messages:${mentorshipId}`,
          types: ['MENTORSHIP_MESSAGE'],
          verb: 'wrote in your mentorship',
        },
      });
    });
  }

  /** A message a moderator removed is no longer quoted in the pair's notifications (its email may have gone). */
  private async unquoteRemovedMessage(
    loaders: LoaderRegistry,
    messageId: string,
    mentorshipId: string,
  ): Promise<number> {
    const r = await this.requests.byIdLoader(loaders).load(mentorshipId);
    if (!r) return 0;
    return unquoteRemovedMessage(
      this.dataSource,
      [r.menteeId, r.mentorId],
      messageSourceKey(messageId),
      ' wrote a message a moderator removed',
    );
  }

  /** A session booked, or cancelled / marked a no-show: the other participant hears of it. */
  private async mentorshipSession(
    loaders: LoaderRegistry,
    event: RecordedEvent<MentorshipSessionBookedPayload | MentorshipSessionUpdatedPayload>,
  ): Promise<number> {
    const p = event.payload;
    const actorId = 'bookedById' in p ? p.bookedById : p.actorId;
    const other = actorId === p.menteeId ? p.mentorId : p.menteeId;
    // In the recipient's own zone (events queued before zones were recorded: UTC).
    const when = formatZonedTime(p.startsAt, zoneOf(p.zones, other === p.mentorId ? 'mentor' : 'mentee'));
    const verb: Record<string, string | undefined> = {
      SCHEDULED: 'booked a mentorship session for',
      CANCELLED: 'cancelled the mentorship session of',
      LATE_CANCELLED: 'cancelled (late) the mentorship session of',
      NO_SHOW: 'recorded a no-show for the mentorship session of',
    };
    const what = verb[p.status];
    if (!what) return 0; // DONE: nothing to tell
    const actorName = await this.nameOf(loaders, actorId);
    return this.writer.inTransaction(async (_m, deliver) => {
      await deliver({
        sourceKey: `event:${event.id}`,
        actorId,
        actorName,
        mentorshipId: p.mentorshipId,
        url: sessionUrl(p.mentorshipId, p.sessionId),
        direct: [{ userId: other, type: 'MENTORSHIP_SESSION', variant: 'pair' }],
        texts: { pair: `${actorName ?? 'Your mentorship partner'} ${what} ${when}` },
        exclude: [actorId],
      });
    });
  }

  /** 24 h and 1 h before a scheduled session: both participants. */
  private async sessionReminder(
    loaders: LoaderRegistry,
    event: RecordedEvent<MentorshipSessionReminderPayload>,
  ): Promise<number> {
    const { mentorshipId, sessionId, menteeId, mentorId, hoursBefore, startsAt, zones } = event.payload;
    const [menteeName, mentorName] = await Promise.all([
      this.nameOf(loaders, menteeId),
      this.nameOf(loaders, mentorId),
    ]);
    const inWhat = hoursBefore === 24 ? 'tomorrow' : 'in an hour';
    return this.writer.inTransaction(async (_m, deliver) => {
      await deliver({
        sourceKey: `event:${event.id}`,
        actorId: null,
        actorName: null,
        mentorshipId,
        url: sessionUrl(mentorshipId, sessionId),
        direct: [
          { userId: menteeId, type: 'MENTORSHIP_SESSION_REMINDER', variant: 'mentee' },
          { userId: mentorId, type: 'MENTORSHIP_SESSION_REMINDER', variant: 'mentor' },
        ],
        texts: {
          mentee: `Your mentorship session with ${mentorName ?? 'your mentor'} starts ${inWhat}: ${formatZonedTime(startsAt, zoneOf(zones, 'mentee'))}`,
          mentor: `Your mentorship session with ${menteeName ?? 'your mentee'} starts ${inWhat}: ${formatZonedTime(startsAt, zoneOf(zones, 'mentor'))}`,
        },
        exclude: [],
      });
    });
  }

  /** The workspace's care rules: the 48 h reminder, check-ins, a kind ending, no-show warnings. */
  private async mentorshipCare(loaders: LoaderRegistry, event: RecordedEvent<object>): Promise<number> {
    const base = { sourceKey: `event:${event.id}`, exclude: [] };
    if (event.type === MENTORING_CARE_EVENTS.requestReminderDue) {
      const { requestId, menteeId, mentorId } = event.payload as MentorshipReminderPayload;
      const menteeName = await this.nameOf(loaders, menteeId);
      return this.writer.inTransaction(async (_m, deliver) => {
        await deliver({
          ...base,
          actorId: menteeId,
          actorName: menteeName,
          mentorshipId: requestId,
          url: mentorshipUrl(requestId),
          direct: [{ userId: mentorId, type: 'MENTORSHIP_REMINDER', variant: 'mentor' }],
          texts: { mentor: `${menteeName ?? 'A member'} is still waiting for your answer to their mentorship request` },
        });
      });
    }
    if (event.type === MENTORING_CARE_EVENTS.checkInDue) {
      const { requestId, userId, kind, otherId } = event.payload as MentorshipCheckInDuePayload;
      const otherName = (await this.nameOf(loaders, otherId)) ?? 'your mentor';
      const text =
        kind === 'FIT'
          ? `Your first session with ${otherName} is done: is this a good fit?`
          : kind === 'AFTER_END'
            ? `It has been 90 days since your mentorship with ${otherName} ended: did you make the move?`
            : `A quick check-in on your mentorship with ${otherName}: did you make the move yet?`;
      return this.writer.inTransaction(async (_m, deliver) => {
        await deliver({
          ...base,
          actorId: null,
          actorName: null,
          mentorshipId: requestId,
          url: mentorshipUrl(requestId),
          direct: [{ userId, type: 'MENTORSHIP_CHECK_IN', variant: 'self' }],
          texts: { self: text },
        });
      });
    }
    if (event.type === MENTORING_CARE_EVENTS.endedNotAFit) {
      const { requestId, menteeId, mentorId, endedById } = event.payload as MentorshipEndedPayload;
      const other = endedById === menteeId ? mentorId : menteeId;
      const name = (await this.nameOf(loaders, endedById)) ?? 'Your partner';
      const text =
        other === menteeId
          ? `${name} felt your mentorship was not quite the right fit, so it has ended. Thank you for your time; another mentor is suggested for you`
          : `${name} felt your mentorship was not quite the right fit, so it has ended. Thank you for your time and help`;
      return this.writer.inTransaction(async (_m, deliver) => {
        await deliver({
          ...base,
          actorId: endedById,
          actorName: name,
          mentorshipId: requestId,
          url: mentorshipUrl(requestId),
          direct: [{ userId: other, type: 'MENTORSHIP_ENDED', variant: 'other' }],
          texts: { other: text },
        });
      });
    }
    const { requestId, userId, kind, pausedUntil } = event.payload as MentorshipConductPayload;
    const what =
      kind === 'NO_SHOW'
        ? 'You missed a mentorship session (10 minutes late counts as a no-show)'
        : 'You cancelled a mentorship session less than 3 hours before it started';
    const pause = pausedUntil
      ? `; as this happened again, new mentorship requests to you are paused until ${pausedUntil.slice(0, 10)} (you may appeal to moderators)`
      : '. Please give the other person more notice next time';
    return this.writer.inTransaction(async (_m, deliver) => {
      await deliver({
        ...base,
        actorId: null,
        actorName: null,
        mentorshipId: requestId,
        url: mentorshipUrl(requestId),
        direct: [{ userId, type: 'MENTORSHIP_CONDUCT', variant: 'self' }],
        texts: { self: `${what}${pause}` },
      });
    });
  }
}
