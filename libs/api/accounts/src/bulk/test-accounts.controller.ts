import {
  BadRequestException,
  Controller,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, Public, type AppConfig, maybeOne } from '@crossroads/api-platform';
import { ageAccounts } from './accounts.bulk.js';

/**
 * Test rigs only (TEST_ROUTES=true, refused in production; otherwise every route here is a 404):
 * lets the browser suite use aged accounts instead of sleeping out the new-account limits.
 */
@Controller('test')
export class TestAccountsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `POST /test/accounts/:handle/age?days=7`: the account was created `days` ago (1–3650). */
  @Post('accounts/:handle/age')
  @Public()
  @HttpCode(204)
  async age(@Param('handle') handle: string, @Query('days') days = '7'): Promise<void> {
    if (!this.config.testRoutes) throw new NotFoundException();
    const n = Number(days);
    if (!Number.isInteger(n) || n < 1 || n > 3650)
      throw new BadRequestException('days must be a whole number from 1 to 3650');
    await this.dataSource.transaction(async (m) => {
      const user = await maybeOne<{ id: string }>(m, `SELECT id FROM users WHERE handle = $1`, [
        handle.trim().toLowerCase(),
      ]);
      if (!user) throw new NotFoundException('No such account');
      await ageAccounts(m, [{ id: user.id, createdAt: new Date(Date.now() - n * 86_400_000) }]);
    });
  }
}
