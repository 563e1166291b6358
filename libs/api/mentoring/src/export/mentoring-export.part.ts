import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountExportParts, type AccountExportPart } from '@crossroads/api-platform';

/** Mentoring's part of a member's data export: their mentor profile and their requests on either side. */
@Injectable()
export class MentoringExportPart implements AccountExportPart, OnModuleInit {
  readonly keys = ['mentorProfile', 'mentorshipRequests'] as const;

  constructor(private readonly parts: AccountExportParts) {}

  onModuleInit(): void {
    this.parts.register(this);
  }

  async export(m: EntityManager, userId: string): Promise<Record<string, unknown>> {
    const q = (sql: string) => m.query(sql, [userId]) as Promise<Record<string, unknown>[]>;
    return {
      mentorProfile:
        (
          await q(
            `SELECT headline, bio, years_experience AS "yearsExperience", industries, certifications, expertise, links FROM mentor_profiles WHERE user_id = $1`,
          )
        )[0] ?? null,
      mentorshipRequests: await q(
        `SELECT id, CASE WHEN mentee_id = $1 THEN 'MENTEE' ELSE 'MENTOR' END AS "as", message, response_message AS "responseMessage", status, created_at AS "createdAt"
         FROM mentorship_requests WHERE mentee_id = $1 OR mentor_id = $1 ORDER BY created_at, id`,
      ),
    };
  }
}
