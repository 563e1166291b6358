import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { EventBus, LoaderRegistry, inTransaction, type RecordedEvent } from '@crossroads/api-platform';
import { ACCOUNTS_EVENTS, type MemberJoinedPayload, type MemberSignedInPayload } from '@crossroads/api-accounts';
import { KNOWLEDGE_BASE_EVENTS, type ArticleRatedPayload } from '@crossroads/api-knowledge-base';
import {
  MENTORING_EVENTS,
  type MentorshipRequestPayload,
  type MentorshipReviewPayload,
} from '@crossroads/api-mentoring';
import {
  MODERATION_EVENTS,
  type FlagRaisedPayload,
  type FlagsResolvedPayload,
  type ModerationActionPayload,
} from '@crossroads/api-moderation';
import {
  QA_EVENTS,
  QuestionsService,
  type AnswerAcceptedPayload,
  type AnswerPostedPayload,
  type CommentHeldPayload,
  type CommentPublishedPayload,
  type QuestionAskedPayload,
} from '@crossroads/api-qa';
import { bumpFeedback, bumpRating } from '../articles/articles.repository.js';
import { raiseFlag, resolveFlags } from '../flags/flags.repository.js';
import { bumpUserTags, insertMember, markSeen } from '../members/members.repository.js';
import { insertRequest, insertReview, markAnswered, markClosed } from '../mentoring/mentorships.repository.js';
import { insertHeld, markDecided, type CommentDecision } from '../moderation/held-comments.repository.js';
import {
  bumpDaily,
  insertQuestion,
  markApplied,
  markCounted,
  markFirstAnswer,
  questionTags,
  setAccepted,
} from './activity.repository.js';

export const INSIGHTS_QUEUE = 'insights-activity';
/** How recent a question qa reports must be to be recorded from its answer or comment (see tagsOf). */
const RECENT_MS = 86_400_000;

const HANDLED = [
  QA_EVENTS.questionAsked,
  QA_EVENTS.answerPosted,
  QA_EVENTS.commentPublished,
  QA_EVENTS.commentHeld,
  QA_EVENTS.answerAccepted,
  QA_EVENTS.acceptanceWithdrawn,
  MENTORING_EVENTS.requestCreated,
  MENTORING_EVENTS.requestAnswered,
  MENTORING_EVENTS.requestClosed,
  MODERATION_EVENTS.actionRecorded,
  MODERATION_EVENTS.flagRaised,
  MODERATION_EVENTS.flagsResolved,
  MENTORING_EVENTS.reviewPosted,
  ACCOUNTS_EVENTS.memberJoined,
  ACCOUNTS_EVENTS.memberSignedIn,
  KNOWLEDGE_BASE_EVENTS.articleRated,
  KNOWLEDGE_BASE_EVENTS.feedbackSent,
];

/** The logged moderation actions that decide a held comment. */
const COMMENT_DECISIONS: Partial<Record<ModerationActionPayload['action'], CommentDecision>> = {
  APPROVE_COMMENT: 'APPROVE',
  REJECT_COMMENT: 'REJECT',
  SPAM_COMMENT: 'SPAM',
};

/**
 * Keeps the rollups current from qa's, mentoring's and moderation's events, one event at a time in one transaction with
 * its idempotency mark, so a retried batch never counts twice. Times are the events' commit times.
 */
@Injectable()
export class ActivityHandlers implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly questions: QuestionsService,
  ) {}

  onModuleInit(): void {
    this.events.on(INSIGHTS_QUEUE, HANDLED, (event) => this.handle(event), { batchSize: 20 });
  }

  async handle(event: RecordedEvent<object>): Promise<void> {
    const at = new Date(event.occurredAt);
    await inTransaction(this.dataSource, async (m) => {
      if (!(await markApplied(m, event.id))) return;
      switch (event.type) {
        case QA_EVENTS.questionAsked: {
          const p = event.payload as QuestionAskedPayload;
          await insertQuestion(m, p.questionId, at, p.tags);
          if (await markCounted(m, p.questionId)) await bumpDaily(m, at, p.tags, 'questions');
          await markSeen(m, p.authorId, at);
          return;
        }
        case QA_EVENTS.answerPosted: {
          const p = event.payload as AnswerPostedPayload;
          const tags = await this.tagsOf(m, p.questionId);
          const first = await markFirstAnswer(m, p.questionId, at);
          // Answered counts belong to the day the question was asked (the period's unanswered rate).
          if (first) await bumpDaily(m, first.askedAt, first.tags, 'answered');
          if (await markCounted(m, p.answerId)) {
            await bumpDaily(m, at, tags, 'answers');
            await bumpUserTags(m, p.authorId, tags, 'answers', 1);
          }
          await markSeen(m, p.authorId, at);
          return;
        }
        case QA_EVENTS.commentPublished: {
          const p = event.payload as CommentPublishedPayload;
          if (await markCounted(m, p.commentId)) await bumpDaily(m, at, await this.tagsOf(m, p.questionId), 'comments');
          if (p.approved) await markDecided(m, p.commentId, at, 'APPROVE', null);
          // An approved comment was written earlier: its approval is not the author coming back.
          else if (p.authorId) await markSeen(m, p.authorId, at);
          return;
        }
        case QA_EVENTS.commentHeld:
          return insertHeld(m, (event.payload as CommentHeldPayload).commentId, at);
        case MODERATION_EVENTS.actionRecorded: {
          const p = event.payload as ModerationActionPayload;
          const decision = COMMENT_DECISIONS[p.action];
          if (decision && p.targetType === 'COMMENT')
            await markDecided(m, p.targetId, at, decision, event.actorId ?? null);
          return;
        }
        case MENTORING_EVENTS.requestCreated: {
          const p = event.payload as MentorshipRequestPayload;
          return insertRequest(m, p.requestId, p.mentorId, at);
        }
        case MENTORING_EVENTS.requestAnswered: {
          const p = event.payload as MentorshipRequestPayload;
          return markAnswered(m, p.requestId, p.mentorId, at, p.status === 'ACCEPTED');
        }
        case MENTORING_EVENTS.requestClosed:
          return markClosed(m, (event.payload as MentorshipRequestPayload).requestId, at);
        case QA_EVENTS.answerAccepted: {
          const p = event.payload as AnswerAcceptedPayload;
          return this.moveAcceptance(m, p.questionId, at, p.answerAuthorId);
        }
        case QA_EVENTS.acceptanceWithdrawn:
          return this.moveAcceptance(m, (event.payload as { questionId: string }).questionId, null, null);
        case MODERATION_EVENTS.flagRaised: {
          const p = event.payload as FlagRaisedPayload;
          return raiseFlag(m, p.flagId, p.postId, p.reason, at);
        }
        case MODERATION_EVENTS.flagsResolved: {
          const p = event.payload as FlagsResolvedPayload;
          return resolveFlags(m, p.postId, p.flagIds, at);
        }
        case MENTORING_EVENTS.reviewPosted: {
          const p = event.payload as MentorshipReviewPayload;
          return insertReview(m, p.requestId, p.mentorId, p.rating, at);
        }
        case ACCOUNTS_EVENTS.memberJoined:
          return insertMember(m, (event.payload as MemberJoinedPayload).userId, at);
        case ACCOUNTS_EVENTS.memberSignedIn: {
          const p = event.payload as MemberSignedInPayload;
          await insertMember(m, p.userId, new Date(p.joinedAt));
          return markSeen(m, p.userId, at);
        }
        case KNOWLEDGE_BASE_EVENTS.articleRated:
          return bumpRating(m, at, (event.payload as ArticleRatedPayload).stars);
        case KNOWLEDGE_BASE_EVENTS.feedbackSent:
          return bumpFeedback(m, at);
      }
    });
  }

  /**
   * Acceptance moves the "accepted answers by tag" count from the replaced answer's author (if any)
   * to the new one's. Applied in event order per question (a retried batch is idempotent through
   * the event marks); questions not recorded by insights count for nobody.
   */
  private async moveAcceptance(m: EntityManager, questionId: string, at: Date | null, authorId: string | null) {
    const moved = await setAccepted(m, questionId, at, authorId);
    if (!moved) return;
    if (moved.wasAccepted !== (at !== null))
      await bumpDaily(m, moved.askedAt, moved.tags, 'accepted', at === null ? -1 : 1);
    if (moved.previousAuthorId === authorId) return;
    if (moved.previousAuthorId) await bumpUserTags(m, moved.previousAuthorId, moved.tags, 'accepted', -1);
    if (authorId) await bumpUserTags(m, authorId, moved.tags, 'accepted', 1);
  }

  /**
   * A question's tags. Workers on several instances may handle its answer before its "asked" event:
   * then qa says (through its exported loader) and a question asked within the last day is recorded
   * now, its "asked" event later finding the row. Older questions predate insights and stay out.
   */
  private async tagsOf(m: EntityManager, questionId: string): Promise<string[]> {
    const known = await questionTags(m, questionId);
    if (known) return known;
    const question = await this.questions.byIdLoader(new LoaderRegistry()).load(questionId);
    if (!question) return [];
    if (Date.now() - question.createdAt.getTime() < RECENT_MS)
      await insertQuestion(m, question.id, question.createdAt, question.tags);
    return question.tags;
  }
}
