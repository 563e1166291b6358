import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import type { Pool } from 'pg';
import { RateLimitedError } from '../errors/domain-error.js';

export interface RateLimitRule {
  /** Stable name, part of the stored key. */
  name: string;
  points: number;
  windowSeconds: number;
  message: string;
}

/**
 * Counts attempts in PostgreSQL (table `rate_limits`, created by a migration) so that every API
 * instance shares the same counters.
 */
@Injectable()
export class RateLimitService {
  private readonly limiters = new Map<string, RateLimiterAbstract>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Spends `points` for each key; throws RATE_LIMITED (with the wait) when any key is exhausted. */
  async consume(rule: RateLimitRule, keys: string[], points = 1): Promise<void> {
    const limiter = this.limiterFor(rule);
    let wait = 0;
    for (const key of keys) {
      try {
        await limiter.consume(key, points);
      } catch (e) {
        if (!(e instanceof RateLimiterRes)) throw e;
        wait = Math.max(wait, Math.ceil(e.msBeforeNext / 1000));
      }
    }
    if (wait > 0) throw new RateLimitedError(rule.message, wait);
  }

  private limiterFor(rule: RateLimitRule): RateLimiterAbstract {
    let limiter = this.limiters.get(rule.name);
    if (!limiter) {
      limiter = new RateLimiterPostgres({
        storeClient: (this.dataSource.driver as unknown as { master: Pool }).master,
        storeType: 'pool',
        tableName: 'rate_limits',
        tableCreated: true,
        clearExpiredByTimeout: false,
        keyPrefix: rule.name,
        points: rule.points,
        duration: rule.windowSeconds,
      });
      this.limiters.set(rule.name, limiter);
    }
    return limiter;
  }
}
