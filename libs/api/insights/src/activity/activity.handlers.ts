import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EventBus, inTransaction, type RecordedEvent } from '@crossroads/api-platform';
import { QA_EVENTS, type AnswerAcceptedPayload, type AnswerPostedPayload, type CommentPublishedPayload, type QuestionAskedPayload } from '@crossroads/api-qa';
import { bumpDaily, insertQuestion, markApplied, markFirstAnswer, questionTags, setAccepted } from './activity.repository.js';

export const INSIGHTS_QUEUE = 'insights-activity';

const HANDLED = [QA_EVENTS.questionAsked, QA_EVENTS.answerPosted, QA_EVENTS.commentPublished, QA_EVENTS.answerAccepted, QA_EVENTS.acceptanceWithdrawn];

/**
 * Keeps the activity rollups current from qa's events, one event at a time in one transaction with
 * its idempotency mark, so a retried batch never counts twice. Times are the events' commit times.
 */
@Injectable()
export class ActivityHandlers implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    @InjectDataSource() private readonly dataSource: DataSource,
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
          await bumpDaily(m, at, p.tags, 'questions');
          return;
        }
        case QA_EVENTS.answerPosted: {
          const p = event.payload as AnswerPostedPayload;
          await markFirstAnswer(m, p.questionId, at);
          await bumpDaily(m, at, (await questionTags(m, p.questionId)) ?? [], 'answers');
          return;
        }
        case QA_EVENTS.commentPublished: {
          const p = event.payload as CommentPublishedPayload;
          await bumpDaily(m, at, (await questionTags(m, p.questionId)) ?? [], 'comments');
          return;
        }
        case QA_EVENTS.answerAccepted:
          return setAccepted(m, (event.payload as AnswerAcceptedPayload).questionId, at);
        case QA_EVENTS.acceptanceWithdrawn:
          return setAccepted(m, (event.payload as AnswerAcceptedPayload).questionId, null);
      }
    });
  }
}
