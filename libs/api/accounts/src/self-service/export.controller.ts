import { Controller, Get, Res, UseFilters } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { AccountExportParts, CurrentUser, Public, type Principal, inTransaction } from '@crossroads/api-platform';
import { DomainErrorAsHttp } from '../http/domain-error-as-http.js';
import { exportedProfile } from '../users/users.repository.js';

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
        const profile = await exportedProfile(m, viewer.id);
        return { exportedAt: new Date().toISOString(), profile, ...(await this.parts.collect(m, viewer.id)) };
      },
      { isolation: 'REPEATABLE READ' },
    );
    res.setHeader('Content-Disposition', `attachment; filename="crossroads-${viewer.handle}.json"`);
    res.setHeader('Cache-Control', 'no-store');
    res.json(data);
  }
}
