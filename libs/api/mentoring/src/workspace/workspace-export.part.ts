import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountExportParts, rows, type AccountExportPart } from '@crossroads/api-platform';

/** The workspace's part of a member's data export: the thread messages they wrote, plan revisions they saved, their availability. */
@Injectable()
export class WorkspaceExportPart implements AccountExportPart, OnModuleInit {
  readonly keys = ['mentorshipMessages', 'mentorshipPlanRevisions', 'mentorAvailability'] as const;

  constructor(private readonly parts: AccountExportParts) {}

  onModuleInit(): void {
    this.parts.register(this);
  }

  async export(m: EntityManager, userId: string): Promise<Record<string, unknown>> {
    return {
      mentorshipMessages: await rows(
        m,
        `SELECT mm.mentorship_id AS "mentorshipId", mm.body, mm.created_at AS "createdAt" FROM mentorship_messages mm WHERE mm.author_id = $1 ORDER BY mm.created_at, mm.id`,
        [userId],
      ),
      mentorshipPlanRevisions: await rows(
        m,
        `SELECT pr.mentorship_id AS "mentorshipId", pr.revision, pr.goal, pr.plan, pr.created_at AS "createdAt" FROM mentorship_plan_revisions pr WHERE pr.editor_id = $1 ORDER BY pr.created_at, pr.id`,
        [userId],
      ),
      mentorAvailability: {
        windows: await rows(
          m,
          `SELECT w.weekday, w.start_minute AS "startMinute", w.end_minute AS "endMinute", w.time_zone AS "timeZone" FROM mentor_availability_windows w WHERE w.mentor_id = $1 ORDER BY w.weekday, w.start_minute`,
          [userId],
        ),
        exceptions: (
          await rows<{ day: string }>(
            m,
            `SELECT to_char(e.day, 'YYYY-MM-DD') AS day FROM mentor_availability_exceptions e WHERE e.mentor_id = $1 ORDER BY e.day`,
            [userId],
          )
        ).map((e) => e.day),
      },
    };
  }
}
