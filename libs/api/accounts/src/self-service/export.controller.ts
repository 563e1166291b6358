import { Catch, Controller, Get, Res, UseFilters, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { CurrentUser, DomainError, Public, type Principal, inTransaction } from '@crossroads/api-platform';

const STATUS: Partial<Record<DomainError['code'], number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, RATE_LIMITED: 429 };

/** The access guard's errors (an ended session, a bad token) as HTTP statuses, not a 500. */
@Catch(DomainError)
class DomainErrorAsHttp implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(STATUS[error.code] ?? 400)
      .json({ error: error.message, code: error.code });
  }
}

/**
 * `GET /me/export`: everything the member wrote and their settings, as one JSON file. It reads the
 * other contexts' tables directly (read-only, one snapshot): an export must not miss a context that
 * forgot to offer one.
 */
@Controller('me')
@UseFilters(DomainErrorAsHttp)
export class ExportController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('export')
  // Public so that a guest gets a plain 401 here rather than a GraphQL-shaped error.
  @Public()
  async export(@CurrentUser() viewer: Principal | null, @Res() res: Response): Promise<void> {
    if (!viewer) {
      res.status(401).json({ error: 'Sign in to download your data.' });
      return;
    }
    const data = await inTransaction(
      this.dataSource,
      async (m) => {
        const q = (sql: string) => m.query(sql, [viewer.id]) as Promise<Record<string, unknown>[]>;
        const [profile] = await q(
          `SELECT handle, display_name AS "displayName", email, email_verified_at IS NOT NULL AS "emailVerified", bio, location, links, role, reputation, created_at AS "createdAt"
           FROM users WHERE id = $1`,
        );
        return {
          exportedAt: new Date().toISOString(),
          profile,
          questions: await q(`SELECT id, title, body, tags, created_at AS "createdAt", deleted_at AS "deletedAt" FROM questions WHERE author_id = $1 ORDER BY created_at, id`),
          answers: await q(`SELECT id, question_id AS "questionId", body, created_at AS "createdAt", deleted_at AS "deletedAt" FROM answers WHERE author_id = $1 ORDER BY created_at, id`),
          comments: await q(
            `SELECT id, post_type AS "postType", post_id AS "postId", body, status, created_at AS "createdAt", deleted_at AS "deletedAt" FROM comments WHERE author_id = $1 ORDER BY created_at, id`,
          ),
          votes: await q(`SELECT post_type AS "postType", post_id AS "postId", value, created_at AS "createdAt" FROM votes WHERE user_id = $1 ORDER BY created_at`),
          mentorProfile: (await q(`SELECT headline, bio, years_experience AS "yearsExperience", industries, certifications, expertise, links FROM mentor_profiles WHERE user_id = $1`))[0] ?? null,
          mentorshipRequests: await q(
            `SELECT id, CASE WHEN mentee_id = $1 THEN 'MENTEE' ELSE 'MENTOR' END AS "as", message, response_message AS "responseMessage", status, created_at AS "createdAt"
             FROM mentorship_requests WHERE mentee_id = $1 OR mentor_id = $1 ORDER BY created_at, id`,
          ),
          settings: {
            notifications: await q(`SELECT type, in_app AS "inApp", email FROM notification_settings WHERE user_id = $1 ORDER BY type`),
            follows: await q(`SELECT target_type AS "targetType", target_key AS "targetKey" FROM follows WHERE user_id = $1 ORDER BY target_type, target_key`),
          },
        };
      },
      { isolation: 'REPEATABLE READ' },
    );
    res.setHeader('Content-Disposition', `attachment; filename="crossroads-${viewer.handle}.json"`);
    res.setHeader('Cache-Control', 'no-store');
    res.json(data);
  }
}
