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
import { APP_CONFIG, Public, affected, isUuid, type AppConfig } from '@crossroads/api-platform';
import { CheckInsService } from '../check-ins/check-ins.service.js';

/**
 * Test rigs only (TEST_ROUTES=true, refused in production; otherwise a 404): the browser suite moves
 * a mentorship back in time (expiry, check-ins) instead of waiting days.
 */
@Controller('test')
export class TestMentorshipsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly checkIns: CheckInsService,
  ) {}

  /**
   * `POST /test/mentorships/:id/age?days=8`: its request, answer, end and sessions happened `days`
   * earlier (1–3650); then the hourly check-in job runs, as it would have meanwhile.
   */
  @Post('mentorships/:id/age')
  @Public()
  @HttpCode(204)
  async age(@Param('id') id: string, @Query('days') days = '8'): Promise<void> {
    if (!this.config.testRoutes) throw new NotFoundException();
    const n = Number(days);
    if (!Number.isInteger(n) || n < 1 || n > 3650)
      throw new BadRequestException('days must be a whole number from 1 to 3650');
    if (!isUuid(id)) throw new NotFoundException('No such mentorship');
    const moved = await affected(
      this.dataSource,
      `UPDATE mentorship_requests SET created_at = created_at - make_interval(days => $2), responded_at = responded_at - make_interval(days => $2),
         closed_at = closed_at - make_interval(days => $2) WHERE id = $1`,
      [id, n],
    );
    if (!moved) throw new NotFoundException('No such mentorship');
    // Its sessions move with it (a booked session has then started or passed).
    await affected(
      this.dataSource,
      `UPDATE mentorship_sessions SET starts_at = starts_at - make_interval(days => $2), ends_at = ends_at - make_interval(days => $2) WHERE mentorship_id = $1`,
      [id, n],
    );
    await this.checkIns.openDue();
  }
}
