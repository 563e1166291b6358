import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventBus, LIVE_TOPICS, LiveBus, type RecordedEvent } from '@crossroads/api-platform';
import {
  QA_EVENTS,
  type AnswerAcceptedPayload,
  type AnswerPostedPayload,
  type CommentPublishedPayload,
  type PostEditedPayload,
  type PostVotedPayload,
} from '../events/qa-events.js';
import type { QuestionActivityMessage } from './question-activity.model.js';

/** Turns Q&A events into live messages for open question pages (after commit, off the request). */
@Injectable()
export class QuestionActivityPublisher implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    private readonly live: LiveBus,
  ) {}

  onModuleInit(): void {
    this.events.on(
      'live-question-activity',
      [
        QA_EVENTS.answerPosted,
        QA_EVENTS.commentPublished,
        QA_EVENTS.answerAccepted,
        QA_EVENTS.acceptanceWithdrawn,
        QA_EVENTS.postVoted,
        QA_EVENTS.postEdited,
      ],
      async (event) => {
        const message = toMessage(event);
        if (message) await this.live.publish(LIVE_TOPICS.question(message.questionId), message);
      },
      // A live message is worth little late: few retries, quickly.
      { batchSize: 50, retryLimit: 2, retryDelaySeconds: 1 },
    );
  }
}

export function toMessage(event: RecordedEvent<object>): QuestionActivityMessage | null {
  switch (event.type) {
    case QA_EVENTS.answerPosted: {
      const p = event.payload as AnswerPostedPayload;
      return { kind: 'ANSWER_POSTED', questionId: p.questionId, answerId: p.answerId };
    }
    case QA_EVENTS.commentPublished: {
      // Only qa.comment.published reaches here: held comments (qa.comment.held) never do.
      const p = event.payload as CommentPublishedPayload;
      return {
        kind: 'COMMENT_POSTED',
        questionId: p.questionId,
        commentId: p.commentId,
        ...(p.postType === 'ANSWER' ? { answerId: p.postId } : {}),
      };
    }
    case QA_EVENTS.answerAccepted:
    case QA_EVENTS.acceptanceWithdrawn: {
      const p = event.payload as AnswerAcceptedPayload;
      return { kind: 'ANSWER_ACCEPTED', questionId: p.questionId, answerId: p.answerId };
    }
    case QA_EVENTS.postVoted: {
      const p = event.payload as PostVotedPayload;
      return {
        kind: 'SCORE_CHANGED',
        questionId: p.questionId,
        ...(p.postType === 'ANSWER' ? { answerId: p.postId } : {}),
      };
    }
    case QA_EVENTS.postEdited: {
      const p = event.payload as PostEditedPayload;
      return { kind: 'EDITED', questionId: p.questionId, ...(p.postType === 'ANSWER' ? { answerId: p.postId } : {}) };
    }
    default:
      return null;
  }
}
