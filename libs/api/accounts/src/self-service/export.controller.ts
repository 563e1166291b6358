import { Catch, Controller, Get, Res, UseFilters, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import {
  AccountExportParts,
  CurrentUser,
  DomainError,
  Public,
  type Principal,
  inTransaction,
} from '@crossroads/api-platform';

const STATUS: Partial<Record<DomainError['code'], number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
};

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
 * `GET /me/export`: everything the member wrote and their settings, as one JSON file, in one
 * snapshot. Accounts writes the profile; every other context adds its part through the
 * AccountExportParts port (qa: posts and votes; mentoring: profile and requests; notifications:
 * settings and follows).
 */
@Controller('me')
@UseFilters(DomainErrorAsHttp)
export class ExportController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly parts: AccountExportParts,
  ) {}

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
        return { exportedAt: new Date().toISOString(), profile, ...(await this.parts.collect(m, viewer.id)) };
      },
      { isolation: 'REPEATABLE READ' },
    );
    res.setHeader('Content-Disposition', `attachment; filename="crossroads-${viewer.handle}.json"`);
    res.setHeader('Cache-Control', 'no-store');
    res.json(data);
  }
}
