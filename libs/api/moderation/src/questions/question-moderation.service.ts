import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { BadInputError, ConflictError, NotFoundError, type Principal, inTransaction, isUuid } from '@crossroads/api-platform';
import { QUESTION_COLUMNS, questionFromRow } from '@crossroads/api-qa';
import { ModerationLogService } from '../log/moderation-log.service.js';
import type { CloseQuestionInput } from './dto/close-question.input.js';

type QuestionRow = ReturnType<typeof questionFromRow>;

/** Closing and reopening questions (a closed question takes no new answers). Logged. */
@Injectable()
export class QuestionModerationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly log: ModerationLogService,
  ) {}

  async close(actor: Principal, input: CloseQuestionInput): Promise<QuestionRow> {
    if (input.reason === 'DUPLICATE') {
      if (!input.duplicateOfId) throw new BadInputError('duplicateOfId', 'duplicateOfId is required to close as a duplicate.');
      if (input.duplicateOfId === input.id) throw new BadInputError('duplicateOfId', 'A question cannot duplicate itself.');
    } else if (input.duplicateOfId !== undefined && input.duplicateOfId !== null) {
      throw new BadInputError('duplicateOfId', 'duplicateOfId is only for DUPLICATE.');
    }
    return inTransaction(this.dataSource, async (m) => {
      const question = await this.lock(m, input.id);
      if (question.closedAt) throw new ConflictError('This question is already closed.', 'id');
      if (input.duplicateOfId) {
        const [original] = (await m.query(`SELECT 1 FROM questions WHERE id = $1 AND deleted_at IS NULL`, [input.duplicateOfId])) as unknown[];
        if (!original) throw new NotFoundError('The duplicated question', 'duplicateOfId');
      }
      const [rows] = (await m.query(
        `UPDATE questions q SET closed_at = now(), close_reason = $2, duplicate_of_id = $3 WHERE q.id = $1 RETURNING ${QUESTION_COLUMNS}`,
        [input.id, input.reason, input.duplicateOfId ?? null],
      )) as [Record<string, unknown>[], number];
      await this.log.record(m, {
        actorId: actor.id,
        action: 'CLOSE_QUESTION',
        targetType: 'QUESTION',
        targetId: input.id,
        reason: input.reason,
        details: { duplicateOfId: input.duplicateOfId ?? null },
      });
      return questionFromRow(rows[0]);
    });
  }

  async reopen(actor: Principal, id: string): Promise<QuestionRow> {
    if (!isUuid(id)) throw new NotFoundError('Question', 'id');
    return inTransaction(this.dataSource, async (m) => {
      const question = await this.lock(m, id);
      if (!question.closedAt) throw new ConflictError('This question is not closed.', 'id');
      const [rows] = (await m.query(
        `UPDATE questions q SET closed_at = NULL, close_reason = NULL, duplicate_of_id = NULL WHERE q.id = $1 RETURNING ${QUESTION_COLUMNS}`,
        [id],
      )) as [Record<string, unknown>[], number];
      await this.log.record(m, {
        actorId: actor.id,
        action: 'REOPEN_QUESTION',
        targetType: 'QUESTION',
        targetId: id,
        reason: null,
        details: { closeReason: question.closeReason, duplicateOfId: question.duplicateOfId },
      });
      return questionFromRow(rows[0]);
    });
  }

  private async lock(m: EntityManager, id: string): Promise<{ closedAt: Date | null; closeReason: string | null; duplicateOfId: string | null }> {
    const [row] = (await m.query(
      `SELECT closed_at AS "closedAt", close_reason AS "closeReason", duplicate_of_id AS "duplicateOfId" FROM questions WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
      [id],
    )) as { closedAt: Date | null; closeReason: string | null; duplicateOfId: string | null }[];
    if (!row) throw new NotFoundError('Question', 'id');
    return row;
  }
}
