import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator, type HealthIndicatorResult } from '@nestjs/terminus';
import { Public } from '../auth/access.decorators.js';
import { Mailer } from '../mail/mailer.js';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly mailer: Mailer,
  ) {}

  /**
   * 200 with `status: ok` when the API and its database answer; 503 otherwise. `info.mail` shows
   * the email backlog for operators; a backlog never makes the API unhealthy.
   */
  @Get()
  @Public()
  @HealthCheck()
  check() {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 2_000 }), () => this.mailInfo()]);
  }

  private async mailInfo(): Promise<HealthIndicatorResult> {
    const delivering = this.mailer.delivering;
    try {
      const backlog = await Promise.race([
        this.mailer.backlog(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 2_000).unref()),
      ]);
      return { mail: { status: 'up', delivering, ...backlog } };
    } catch {
      // The database check reports the outage; mail stays informational.
      return { mail: { status: 'up', delivering, backlog: 'unknown' } };
    }
  }
}
