import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator, type HealthIndicatorFunction, type HealthIndicatorResult } from '@nestjs/terminus';
import { Public } from '../auth/access.decorators.js';
import { LiveBus } from '../live/live-bus.js';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly live: LiveBus,
  ) {}

  /**
   * 200 with `status: ok` when the API and its database answer; 503 otherwise. With `REDIS_URL`,
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
        redis === 'up' ? { redis: { status: 'up' } } : { redis: { status: 'degraded', connection: 'down', message: 'Redis is unreachable: live updates reach this instance only' } },
      );
    }
    return this.health.check(checks);
  }
}
