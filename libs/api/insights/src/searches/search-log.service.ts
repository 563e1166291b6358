import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SearchLog, jobContext, type SearchScope } from '@crossroads/api-platform';
import { normalizeQuery } from '../dashboard/period.js';
import { insertSearches, type LoggedSearch } from './searches.repository.js';

/** Flush at most this often, or as soon as this many searches wait. */
const FLUSH_MS = 1_000;
const FLUSH_AT = 200;

/**
 * The platform's SearchLog: searches are buffered and written in one INSERT per second, outside the
 * request (a search answers without waiting, and the statement budgets of search stay as they were).
 * A failed write is logged and dropped: insights are statistics, not records.
 */
@Injectable()
export class SearchLogService extends SearchLog implements OnApplicationShutdown {
  private readonly logger = new Logger('SearchLog');
  private buffer: LoggedSearch[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  record(scope: SearchScope, query: string, results: number): void {
    const normalized = normalizeQuery(query);
    if (!normalized) return;
    this.buffer.push({ scope, query: normalized, results, searchedAt: new Date() });
    if (this.buffer.length >= FLUSH_AT) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS).unref();
  }

  /** Writes what is buffered; resolves when every write so far has finished. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.buffer;
    this.buffer = [];
    if (batch.length) {
      this.writing = this.writing.then(() =>
        jobContext
          .run({ queue: 'search-log' }, () => insertSearches(this.dataSource, batch))
          .catch((err: unknown) => {
            this.logger.warn(
              `dropped ${batch.length} logged searches: ${err instanceof Error ? err.message : String(err)}`,
            );
          }),
      );
    }
    return this.writing;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
  }
}
