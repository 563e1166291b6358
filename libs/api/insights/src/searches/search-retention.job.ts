import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, EventBus, type AppConfig } from '@crossroads/api-platform';
import { pruneAppliedEvents } from '../activity/activity.repository.js';
import { pruneSearches } from './searches.repository.js';

export const RETENTION_QUEUE = 'insights-retention';
const DAY_MS = 86_400_000;
/** Events are retried for minutes, not weeks: their idempotency marks need not outlive a month. */
const APPLIED_EVENTS_DAYS = 30;

/** Nightly: searches older than SEARCH_LOG_DAYS (180 by default) are deleted. */
@Injectable()
export class SearchRetentionJob implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.events.every(RETENTION_QUEUE, '17 3 * * *', async () => {
      await this.prune(new Date());
    });
  }

  async prune(now: Date): Promise<{ searches: number; events: number }> {
    const searches = await pruneSearches(this.dataSource, new Date(now.getTime() - this.config.searchLogDays * DAY_MS));
    const events = await pruneAppliedEvents(this.dataSource, new Date(now.getTime() - APPLIED_EVENTS_DAYS * DAY_MS));
    return { searches, events };
  }
}
