import pg from 'pg';

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
      if (SqlCounter.statements && text) SqlCounter.statements.push(text);
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
