import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NotFoundError, byKeys, type LoaderRegistry, inTransaction } from '@crossroads/api-platform';
import { ArticleRatingModel, StarShareModel } from './rating.model.js';

/**
 * Who rates: a signed-in user, or a guest browser (the id in its signed cookie) with the keyed hash
 * of its IP (`ipHash`, absent for reads).
 */
export type Rater = { userId: string; guestKey?: undefined; ipHash?: undefined } | { userId?: undefined; guestKey: string; ipHash?: string };

/**
 * The rating of each article in one statement: 5 → 1 star rows with their counts, the total and
 * the mean (window functions over the per-star counts), percents rounded to one decimal.
 */
const RATING_SQL = `
  SELECT x.id AS "articleId", s.stars, count(r.id)::int AS count,
         (sum(count(r.id)) OVER w)::int AS total,
         round((sum(s.stars * count(r.id)) OVER w)::numeric / nullif(sum(count(r.id)) OVER w, 0), 2)::float8 AS average,
         coalesce(round(100.0 * count(r.id) / nullif(sum(count(r.id)) OVER w, 0), 1), 0)::float8 AS percent
  FROM unnest($1::uuid[]) AS x(id)
  CROSS JOIN generate_series(5, 1, -1) AS s(stars)
  LEFT JOIN kb_article_ratings r ON r.article_id = x.id AND r.stars = s.stars
  GROUP BY x.id, s.stars
  WINDOW w AS (PARTITION BY x.id)
  ORDER BY x.id, s.stars DESC`;

@Injectable()
export class RatingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Rates a published article (a second rating by the same rater replaces the first) and returns its new rating. */
  async rate(articleId: string, rater: Rater, stars: number): Promise<ArticleRatingModel> {
    return inTransaction(this.dataSource, async (m) => {
      const [article] = (await m.query(`SELECT id FROM kb_articles WHERE id = $1 AND status = 'PUBLISHED'`, [articleId])) as { id: string }[];
      if (!article) throw new NotFoundError('Article', 'articleId');
      if (rater.userId !== undefined) {
        await m.query(
          `INSERT INTO kb_article_ratings (article_id, user_id, stars) VALUES ($1, $2, $3)
           ON CONFLICT (article_id, user_id) WHERE user_id IS NOT NULL DO UPDATE SET stars = EXCLUDED.stars, updated_at = now()`,
          [articleId, rater.userId, stars],
        );
      } else {
        await this.rateAsGuest(m, articleId, rater.guestKey, rater.ipHash ?? null, stars);
      }
      const [rating] = await this.ratings(m, [articleId]);
      return rating;
    });
  }

  /**
   * One guest rating per article per browser and per IP: the row with this cookie, else the row from
   * this IP, is updated (the latest stars win). Guests of one article are serialised by an advisory
   * lock so two browsers on one IP cannot both insert.
   */
  private async rateAsGuest(m: DataSource['manager'], articleId: string, guestKey: string, ipHash: string | null, stars: number): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('kb-guest-rating:' || $1))`, [articleId]);
    const [existing] = (await m.query(
      `SELECT id FROM kb_article_ratings WHERE article_id = $1 AND (guest_key = $2 OR guest_ip_hash = $3) ORDER BY (guest_key = $2) DESC NULLS LAST LIMIT 1`,
      [articleId, guestKey, ipHash],
    )) as { id: string }[];
    if (existing) {
      await m.query(`UPDATE kb_article_ratings SET stars = $2, updated_at = now() WHERE id = $1`, [existing.id, stars]);
    } else {
      await m.query(`INSERT INTO kb_article_ratings (article_id, guest_key, guest_ip_hash, stars) VALUES ($1, $2, $3, $4)`, [articleId, guestKey, ipHash, stars]);
    }
  }

  loader(loaders: LoaderRegistry) {
    return loaders.get<string, ArticleRatingModel>('kb.ratings.byArticle', (ids) => this.ratings(this.dataSource.manager, ids));
  }

  /** The viewer's own stars per article (null when they have not rated it). */
  viewerLoader(loaders: LoaderRegistry, rater: Rater) {
    const column = rater.userId ? 'user_id' : 'guest_key';
    const key = rater.userId ?? rater.guestKey;
    return loaders.get<string, number | null>(`kb.ratings.viewer:${column}:${key}`, async (ids) => {
      const rows = (await this.dataSource.query(`SELECT article_id AS "articleId", stars FROM kb_article_ratings WHERE ${column} = $2 AND article_id = ANY($1::uuid[])`, [
        [...ids],
        key,
      ])) as { articleId: string; stars: number }[];
      return byKeys(ids, rows, (r) => r.articleId, null).map((r) => (r ? Number(r.stars) : null));
    });
  }

  private async ratings(manager: DataSource['manager'], ids: readonly string[]): Promise<ArticleRatingModel[]> {
    const rows = (await manager.query(RATING_SQL, [[...ids]])) as { articleId: string; stars: number; count: number; total: number; average: number | null; percent: number }[];
    return ids.map((id) => {
      const mine = rows.filter((r) => r.articleId === id);
      return Object.assign(new ArticleRatingModel(), {
        average: mine[0]?.average ?? null,
        count: mine[0]?.total ?? 0,
        distribution: mine.map((r) => Object.assign(new StarShareModel(), { stars: r.stars, count: r.count, percent: r.percent })),
      });
    });
  }
}
