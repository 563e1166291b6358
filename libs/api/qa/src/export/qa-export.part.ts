import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountExportParts, type AccountExportPart } from '@crossroads/api-platform';
import { exportAnswers, exportComments, exportQuestions, exportVotes } from './qa-export.repository.js';

/** qa's part of a member's data export: their questions, answers, comments and votes, deleted ones too. */
@Injectable()
export class QaExportPart implements AccountExportPart, OnModuleInit {
  readonly keys = ['questions', 'answers', 'comments', 'votes'] as const;

  constructor(private readonly parts: AccountExportParts) {}

  onModuleInit(): void {
    this.parts.register(this);
  }

  async export(m: EntityManager, userId: string): Promise<Record<string, unknown>> {
    return {
      questions: await exportQuestions(m, userId),
      answers: await exportAnswers(m, userId),
      comments: await exportComments(m, userId),
      votes: await exportVotes(m, userId),
    };
  }
}
