import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  BadInputError,
  ConflictError,
  NotFoundError,
  type Principal,
  inTransaction,
  isUuid,
} from '@crossroads/api-platform';
import { QuestionsService } from '@crossroads/api-qa';
import { ModerationLogService } from '../log/moderation-log.service.js';
import type { CloseQuestionInput } from './dto/close-question.input.js';

type QuestionRow = Awaited<ReturnType<QuestionsService['close']>>;

/** Closing and reopening questions (a closed question takes no new answers). Logged. */
@Injectable()
export class QuestionModerationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly log: ModerationLogService,
    private readonly questions: QuestionsService,
  ) {}

  async close(actor: Principal, input: CloseQuestionInput): Promise<QuestionRow> {
    if (input.reason === 'DUPLICATE') {
      if (!input.duplicateOfId)
        throw new BadInputError('duplicateOfId', 'duplicateOfId is required to close as a duplicate.');
      if (input.duplicateOfId === input.id)
        throw new BadInputError('duplicateOfId', 'A question cannot duplicate itself.');
    } else if (input.duplicateOfId !== undefined && input.duplicateOfId !== null) {
      throw new BadInputError('duplicateOfId', 'duplicateOfId is only for DUPLICATE.');
    }
    return inTransaction(this.dataSource, async (m) => {
      const question = await this.lock(m, input.id);
      if (question.closedAt) throw new ConflictError('This question is already closed.', 'id');
      if (input.duplicateOfId) {
        if (!(await this.questions.isLive(m, input.duplicateOfId)))
          throw new NotFoundError('The duplicated question', 'duplicateOfId');
      }
      const closed = await this.questions.close(m, input.id, input.reason, input.duplicateOfId ?? null);
      await this.log.record(m, {
        actorId: actor.id,
        action: 'CLOSE_QUESTION',
        targetType: 'QUESTION',
        targetId: input.id,
        reason: input.reason,
        details: { duplicateOfId: input.duplicateOfId ?? null },
      });
      return closed;
    });
  }

  async reopen(actor: Principal, id: string): Promise<QuestionRow> {
    if (!isUuid(id)) throw new NotFoundError('Question', 'id');
    return inTransaction(this.dataSource, async (m) => {
      const question = await this.lock(m, id);
      if (!question.closedAt) throw new ConflictError('This question is not closed.', 'id');
      const reopened = await this.questions.reopen(m, id);
      await this.log.record(m, {
        actorId: actor.id,
        action: 'REOPEN_QUESTION',
        targetType: 'QUESTION',
        targetId: id,
        reason: null,
        details: { closeReason: question.closeReason, duplicateOfId: question.duplicateOfId },
      });
      return reopened;
    });
  }

  private async lock(m: EntityManager, id: string) {
    const row = await this.questions.lockClosedState(m, id);
    if (!row) throw new NotFoundError('Question', 'id');
    return row;
  }
}
