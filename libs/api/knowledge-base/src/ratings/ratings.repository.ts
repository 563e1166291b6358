import { maybeOne, rows, type Db } from '@crossroads/api-platform';

export interface StarCountRow {
  articleId: string;
  stars: number;
  count: number;
  total: number;
  average: number | null;
  percent: number;
}

/** The stars a rater gave, by article. */
export type RaterColumn = 'user_id' | 'guest_key';

/**
 * The rating of each article in one statement: 5 → 1 star rows with their counts, the total and
 * the mean (window functions over the per-star counts), percents rounded to one decimal.
 */
export function starCounts(db: Db, articleIds: readonly string[]): Promise<StarCountRow[]> {
  return rows<StarCountRow>(
    db,
    `
  SELECT x.id AS "articleId", s.stars, count(r.id)::int AS count,
         (sum(count(r.id)) OVER w)::int AS total,
         round((sum(s.stars * count(r.id)) OVER w)::numeric / nullif(sum(count(r.id)) OVER w, 0), 2)::float8 AS average,
         coalesce(round(100.0 * count(r.id) / nullif(sum(count(r.id)) OVER w, 0), 1), 0)::float8 AS percent
  FROM unnest($1::uuid[]) AS x(id)
  CROSS JOIN generate_series(5, 1, -1) AS s(stars)
  LEFT JOIN kb_article_ratings r ON r.article_id = x.id AND r.stars = s.stars
  GROUP BY x.id, s.stars
  WINDOW w AS (PARTITION BY x.id)
  ORDER BY x.id, s.stars DESC`,
    [[...articleIds]],
  );
}

/** A member's rating; a second one replaces the first. */
export async function upsertMemberRating(db: Db, articleId: string, userId: string, stars: number): Promise<void> {
  await rows(
    db,
    `INSERT INTO kb_article_ratings (article_id, user_id, stars) VALUES ($1, $2, $3)
     ON CONFLICT (article_id, user_id) WHERE user_id IS NOT NULL DO UPDATE SET stars = EXCLUDED.stars, updated_at = now()`,
    [articleId, userId, stars],
  );
}

/** Serialises the guest ratings of one article until the transaction ends. */
export async function lockGuestRatings(db: Db, articleId: string): Promise<void> {
  await rows(db, `SELECT pg_advisory_xact_lock(hashtext('kb-guest-rating:' || $1))`, [articleId]);
}

/** The guest row with this cookie, else the one from this IP. */
export function guestRating(
  db: Db,
  articleId: string,
  guestKey: string,
  ipHash: string | null,
): Promise<{ id: string } | undefined> {
  return maybeOne(
    db,
    `SELECT id FROM kb_article_ratings WHERE article_id = $1 AND (guest_key = $2 OR guest_ip_hash = $3) ORDER BY (guest_key = $2) DESC NULLS LAST LIMIT 1`,
    [articleId, guestKey, ipHash],
  );
}

export async function setStars(db: Db, ratingId: string, stars: number): Promise<void> {
  await rows(db, `UPDATE kb_article_ratings SET stars = $2, updated_at = now() WHERE id = $1`, [ratingId, stars]);
}

export async function insertGuestRating(
  db: Db,
  articleId: string,
  guestKey: string,
  ipHash: string | null,
  stars: number,
): Promise<void> {
  await rows(
    db,
    `INSERT INTO kb_article_ratings (article_id, guest_key, guest_ip_hash, stars) VALUES ($1, $2, $3, $4)`,
    [articleId, guestKey, ipHash, stars],
  );
}

export function ratersStars(
  db: Db,
  column: RaterColumn,
  key: string,
  articleIds: readonly string[],
): Promise<{ articleId: string; stars: number }[]> {
  return rows(
    db,
    `SELECT article_id AS "articleId", stars FROM kb_article_ratings WHERE ${column} = $2 AND article_id = ANY($1::uuid[])`,
    [[...articleIds], key],
  );
}
