import { percentile, post, latencies, round } from './measure.js';
import { INSIGHTS } from './queries.js';
import { accessToken, query, runNode } from './setup.js';

export interface InsightsShape {
  name: string;
  p50: number;
  p95: number;
  max: number;
  questionsAsked: number;
}

export interface InsightsBench {
  /** The backfill CLI's own summary line, and how long it took in this run (a reused database adds nothing). */
  backfill: { ms: number; summary: string };
  rollupRows: Record<string, number>;
  shapes: InsightsShape[];
}

const DAY = 86_400_000;
const day = (d: Date) => `${d.toISOString().slice(0, 10)}T00:00:00Z`;

/**
 * The staff dashboard (communityInsights) at the bench database's size: the rollups are filled by
 * `insights-backfill` (the generator writes posts in bulk, without events, as an import does), then
 * each period shape is asked one request at a time as a moderator.
 */
export async function measureInsights(apiUrl: string, dbUrl: string, n: number): Promise<InsightsBench> {
  const started = performance.now();
  const out = await runNode('cli/insights-backfill.js', [], { DATABASE_URL: dbUrl, NODE_ENV: 'development' });
  const backfill = {
    ms: round(performance.now() - started, 0),
    summary: out.split('\n').find((l) => l.startsWith('Insights backfill')) ?? out.trim().slice(-300),
  };
  await query(dbUrl, 'ANALYZE');
  const rollupRows = Object.fromEntries(
    await Promise.all(
      ['insights_questions', 'insights_daily', 'insights_user_tags', 'insights_members', 'insights_counted_posts'].map(
        async (t) =>
          [t, (await query<{ n: number }>(dbUrl, `SELECT count(*)::int AS n FROM ${t}`))[0]?.n ?? 0] as const,
      ),
    ),
  );

  // A moderator with a live session (the API checks the role and the session on every request).
  const [moderator] = await query<{ id: string; handle: string }>(
    dbUrl,
    `INSERT INTO users (handle, display_name, role, reputation, created_at)
     VALUES ('bench-moderator', 'Bench moderator', 'MODERATOR', 1000, now() - interval '400 days')
     ON CONFLICT (handle) DO UPDATE SET role = 'MODERATOR' RETURNING id, handle`,
  );
  const [session] = await query<{ family_id: string }>(
    dbUrl,
    `INSERT INTO refresh_tokens (family_id, user_id, token_hash, expires_at)
     VALUES (gen_random_uuid(), $1, encode(sha256(gen_random_uuid()::text::bytea), 'hex'), now() + interval '1 day') RETURNING family_id`,
    [moderator?.id],
  );
  if (!moderator || !session) throw new Error('could not make the bench moderator');
  const token = () => accessToken({ ...moderator, sessionId: session.family_id }, 'MODERATOR');
  const [busiest] = await query<{ name: string }>(dbUrl, `SELECT name FROM tags ORDER BY question_count DESC LIMIT 1`);
  const now = new Date();
  const since = (days: number) => day(new Date(now.getTime() - (days - 1) * DAY));
  const shapes = [
    { name: 'last 30 days', period: { from: since(30), to: day(now) } },
    { name: 'last 90 days', period: { from: since(90), to: day(now) } },
    { name: '2 years (the longest period)', period: { from: since(730), to: day(now) } },
    {
      name: `last 90 days, one tag (#${busiest?.name ?? '—'}, the busiest)`,
      period: { from: since(90), to: day(now), tag: busiest?.name },
    },
  ];
  const results: InsightsShape[] = [];
  for (const s of shapes) {
    const send = () => post(`${apiUrl}/graphql`, { query: INSIGHTS, variables: { period: s.period } }, token());
    const { ms, last } = await latencies(send, n, 3);
    const body = JSON.parse(last) as { data?: { communityInsights: { questionsAsked: number } }; errors?: unknown };
    if (!body.data) throw new Error(`communityInsights failed: ${last.slice(0, 500)}`);
    results.push({
      name: s.name,
      p50: round(percentile(ms, 50)),
      p95: round(percentile(ms, 95)),
      max: round(Math.max(...ms)),
      questionsAsked: body.data.communityInsights.questionsAsked,
    });
  }
  return { backfill, rollupRows, shapes: results };
}
