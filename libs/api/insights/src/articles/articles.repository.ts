import { col, rows, table, type Db } from '@crossroads/api-platform';

export const insightsArticleDailyTable = table('insights_article_daily', {
  day: col.date(),
  ratings: col.int(),
  stars: col.int(),
  helpful: col.int(),
  feedback: col.int(),
});

const DAY = `($1::timestamptz AT TIME ZONE 'UTC')::date`;

export async function bumpRating(db: Db, at: Date, stars: number): Promise<void> {
  await rows(
    db,
    `INSERT INTO insights_article_daily (day, ratings, stars, helpful) VALUES (${DAY}, 1, $2, $3)
     ON CONFLICT (day) DO UPDATE SET ratings = insights_article_daily.ratings + 1,
       stars = insights_article_daily.stars + EXCLUDED.stars, helpful = insights_article_daily.helpful + EXCLUDED.helpful`,
    [at, stars, stars >= 4 ? 1 : 0],
  );
}

export async function bumpFeedback(db: Db, at: Date): Promise<void> {
  await rows(
    db,
    `INSERT INTO insights_article_daily (day, feedback) VALUES (${DAY}, 1)
     ON CONFLICT (day) DO UPDATE SET feedback = insights_article_daily.feedback + 1`,
    [at],
  );
}

export interface ArticleDayRow {
  day: string;
  ratings: number;
  stars: number;
  helpful: number;
  feedback: number;
}

/** One row per UTC day of [from, lastDay], zeros included. */
export function articleDays(db: Db, from: Date, lastDay: Date): Promise<ArticleDayRow[]> {
  return rows<ArticleDayRow>(
    db,
    `SELECT to_char(d, 'YYYY-MM-DD') AS day, COALESCE(a.ratings, 0) AS ratings, COALESCE(a.stars, 0) AS stars,
            COALESCE(a.helpful, 0) AS helpful, COALESCE(a.feedback, 0) AS feedback
     FROM generate_series(${DAY}, ($2::timestamptz AT TIME ZONE 'UTC')::date, interval '1 day') AS d
     LEFT JOIN insights_article_daily a ON a.day = d::date ORDER BY d`,
    [from, lastDay],
  );
}
