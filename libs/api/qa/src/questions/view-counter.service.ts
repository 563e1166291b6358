import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AnonymousCache } from '@crossroads/api-platform';
import { addViewCounts } from './questions.repository.js';

export { VIEW_FLUSH_TAG } from './questions.repository.js';

/** A question page served from the anonymous cache still counts its view (GraphqlContext.replayOnHit). */
export const QUESTION_VIEW = 'qa.question.view';

/**
 * Page views cost no write on the hot path: they are counted in memory and added to
 * questions.view_count by one batched UPDATE every few seconds and when the API shuts down.
 * A crash loses at most the last interval's views, which is acceptable for a view counter.
 */
@Injectable()
export class ViewCounterService implements OnModuleDestroy {
  private readonly logger = new Logger('ViewCounter');
  private pending = new Map<string, number>();
  private readonly timer = setInterval(() => void this.flush(), 5_000);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    cache: AnonymousCache,
  ) {
    this.timer.unref();
    cache.onHit(QUESTION_VIEW, (id) => this.record(id));
  }

  record(questionId: string): void {
    this.pending.set(questionId, (this.pending.get(questionId) ?? 0) + 1);
  }

  /** Views recorded here and not yet written, so a reader sees their own view at once. */
  pendingFor(questionId: string): number {
    return this.pending.get(questionId) ?? 0;
  }

  async flush(): Promise<void> {
    if (!this.pending.size) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      await addViewCounts(this.dataSource, batch);
    } catch (e) {
      for (const [id, n] of batch) this.pending.set(id, (this.pending.get(id) ?? 0) + n);
      this.logger.warn(`View counts not written yet (${e instanceof Error ? e.message : String(e)}); retrying later.`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
