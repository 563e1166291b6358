import { affected, col, rows, table, type Db } from '@crossroads/api-platform';
import type { SearchScope } from '@crossroads/api-platform';

export const insightsSearchesTable = table('insights_searches', {
  id: col.bigint(),
  scope: col.enum<SearchScope>('insights_search_scope'),
  query: col.text(),
  results: col.int(),
  searchedAt: col.timestamp(),
});

export interface LoggedSearch {
  scope: SearchScope;
  query: string;
  results: number;
  searchedAt: Date;
}

export async function insertSearches(db: Db, batch: LoggedSearch[]): Promise<void> {
  if (!batch.length) return;
  await rows(
    db,
    `INSERT INTO insights_searches (scope, query, results, searched_at)
     SELECT * FROM unnest($1::insights_search_scope[], $2::varchar[], $3::int[], $4::timestamptz[])`,
    [batch.map((s) => s.scope), batch.map((s) => s.query), batch.map((s) => s.results), batch.map((s) => s.searchedAt)],
  );
}

export interface UnmetSearch {
  scope: SearchScope;
  query: string;
  searches: number;
  lastSearchedAt: Date;
}

/** What people searched for in [from, to] and found nothing, most searched first. */
export function unmetSearches(db: Db, from: Date, to: Date, limit: number): Promise<UnmetSearch[]> {
  return rows<UnmetSearch>(
    db,
    `SELECT scope, query, count(*)::int AS searches, max(searched_at) AS "lastSearchedAt"
     FROM insights_searches WHERE searched_at >= $1 AND searched_at < $2 AND results = 0
     GROUP BY scope, query ORDER BY count(*) DESC, max(searched_at) DESC LIMIT ${limit}`,
    [from, to],
  );
}

export function pruneSearches(db: Db, before: Date): Promise<number> {
  return affected(db, `DELETE FROM insights_searches WHERE searched_at < $1`, [before]);
}
