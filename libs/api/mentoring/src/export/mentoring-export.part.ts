import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountExportParts, type AccountExportPart } from '@crossroads/api-platform';
import { exportMentorProfile, exportMentorshipRequests } from './mentoring-export.repository.js';

/** Mentoring's part of a member's data export: their mentor profile and their requests on either side. */
@Injectable()
export class MentoringExportPart implements AccountExportPart, OnModuleInit {
  readonly keys = ['mentorProfile', 'mentorshipRequests'] as const;

  constructor(private readonly parts: AccountExportParts) {}

  onModuleInit(): void {
    this.parts.register(this);
  }

  async export(m: EntityManager, userId: string): Promise<Record<string, unknown>> {
    return {
      mentorProfile: (await exportMentorProfile(m, userId)) ?? null,
      mentorshipRequests: await exportMentorshipRequests(m, userId),
    };
  }
}
