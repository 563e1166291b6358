import { Controller, Get } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  TypeOrmHealthIndicator,
  type HealthIndicatorFunction,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import { Public } from '../auth/access.decorators.js';
import { LiveBus } from '../live/live-bus.js';
import { Mailer } from '../mail/mailer.js';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly mailer: Mailer,
    private readonly live: LiveBus,
  ) {}

  /**
   * 200 with `status: ok` when the API and its database answer; 503 otherwise. `info.mail` shows
   * the email backlog for operators; a backlog never makes the API unhealthy. With `REDIS_URL`,
   * `info.redis` says whether live updates cross instances; Redis down is `degraded` (still 200):
   * the API serves and delivers live updates within each instance.
   */
  @Get()
  @Public()
  @HealthCheck()
  check() {
    const checks: HealthIndicatorFunction[] = [() => this.db.pingCheck('database', { timeout: 2_000 })];
    const redis = this.live.redisState;
    if (redis !== 'not-configured') {
      checks.push(async (): Promise<HealthIndicatorResult> =>
        redis === 'up'
          ? { redis: { status: 'up' } }
          : {
              redis: {
                status: 'degraded',
                connection: 'down',
                message: 'Redis is unreachable: live updates reach this instance only',
              },
            },
      );
    }
    checks.push(() => this.mailInfo());
    return this.health.check(checks);
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
