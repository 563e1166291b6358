import { expect } from '@jest/globals';
import { PRINCIPAL_LOOKUP_TAG } from '@crossroads/api-accounts';
import { inJob } from '@crossroads/api-platform';
import pg from 'pg';

/** pg-boss's connections (EventBus sets this application_name). */
const JOB_QUEUE_APPLICATION = 'crossroads-jobs';

/**
 * Counts the SQL statements this process sends to PostgreSQL, by wrapping pg's Client#query (the
 * TestApp runs in-process, so TypeORM's pool uses these clients).
 */
export class SqlCounter {
  private static installed = false;
  private static statements: string[] | null = null;

  static install(): void {
    if (SqlCounter.installed) return;
    SqlCounter.installed = true;
    const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    const original = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      const first = args[0];
      const text = typeof first === 'string' ? first : (first as { text?: string } | undefined)?.text;
      // The job queue's own connections (workers polling in the background) and the handlers its jobs
      // run (they may start before the request's response arrives) are not the request's cost.
      const application = (this as { connectionParameters?: { application_name?: string } }).connectionParameters
        ?.application_name;
      if (SqlCounter.statements && text && application !== JOB_QUEUE_APPLICATION && !inJob())
        SqlCounter.statements.push(text);
      return original.apply(this, args);
    };
  }

  /** The statements sent while `work` runs (excluding `ignore` matches, e.g. background flushes). */
  static async during(work: () => Promise<unknown>, ignore: (sql: string) => boolean = () => false): Promise<string[]> {
    SqlCounter.install();
    SqlCounter.statements = [];
    try {
      await work();
      return SqlCounter.statements.filter((s) => !ignore(s));
    } finally {
      SqlCounter.statements = null;
    }
  }
}

/**
 * The statements a page costs, for the quality bars (feed ≤ 4, question page ≤ 6), from what a
 * signed-in request sent: the principal lookup (role, suspension, live session: issue 12) is one
 * statement per HTTP request, whatever the page, so it is checked to be exactly one and kept out of
 * the page's count.
 */
export function pageStatementCount(statements: string[]): number {
  const lookups = statements.filter((s) => s.includes(PRINCIPAL_LOOKUP_TAG)).length;
  expect(lookups).toBe(1);
  return statements.length - lookups;
}
