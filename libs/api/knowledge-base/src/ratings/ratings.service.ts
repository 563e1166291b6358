import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { EventBus, NotFoundError, byKeys, type LoaderRegistry, inTransaction } from '@crossroads/api-platform';
import { KNOWLEDGE_BASE_EVENTS, type ArticleRatedPayload } from '../events/knowledge-base-events.js';
import { publishedArticleExists } from '../articles/articles.repository.js';
import { ArticleRatingModel, StarShareModel } from './rating.model.js';
import * as repo from './ratings.repository.js';

/**
 * Who rates: a signed-in user, or a guest browser (the id in its signed cookie) with the keyed hash
 * of its IP (`ipHash`, absent for reads).
 */
export type Rater =
  | { userId: string; guestKey?: undefined; ipHash?: undefined }
  | { userId?: undefined; guestKey: string; ipHash?: string };

@Injectable()
export class RatingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventBus,
  ) {}

  /** Rates a published article (a second rating by the same rater replaces the first) and returns its new rating. */
  async rate(articleId: string, rater: Rater, stars: number): Promise<ArticleRatingModel> {
    return inTransaction(this.dataSource, async (m) => {
      if (!(await publishedArticleExists(m, articleId))) throw new NotFoundError('Article', 'articleId');
      if (rater.userId !== undefined) {
        await repo.upsertMemberRating(m, articleId, rater.userId, stars);
      } else {
        await this.rateAsGuest(m, articleId, rater.guestKey, rater.ipHash ?? null, stars);
      }
      await this.events.emit(m, {
        type: KNOWLEDGE_BASE_EVENTS.articleRated,
        actorId: rater.userId ?? null,
        payload: { articleId, stars } satisfies ArticleRatedPayload,
      });
      const [rating] = await this.ratings(m, [articleId]);
      return rating;
    });
  }

  /**
   * One guest rating per article per browser and per IP: the row with this cookie, else the row from
   * this IP, is updated (the latest stars win). Guests of one article are serialised by an advisory
   * lock so two browsers on one IP cannot both insert.
   */
  private async rateAsGuest(
    m: EntityManager,
    articleId: string,
    guestKey: string,
    ipHash: string | null,
    stars: number,
  ): Promise<void> {
    await repo.lockGuestRatings(m, articleId);
    const existing = await repo.guestRating(m, articleId, guestKey, ipHash);
    if (existing) await repo.setStars(m, existing.id, stars);
    else await repo.insertGuestRating(m, articleId, guestKey, ipHash, stars);
  }

  loader(loaders: LoaderRegistry) {
    return loaders.get<string, ArticleRatingModel>('kb.ratings.byArticle', (ids) =>
      this.ratings(this.dataSource.manager, ids),
    );
  }

  /** The viewer's own stars per article (null when they have not rated it). */
  viewerLoader(loaders: LoaderRegistry, rater: Rater) {
    const column: repo.RaterColumn = rater.userId ? 'user_id' : 'guest_key';
    const key = rater.userId ?? rater.guestKey;
    return loaders.get<string, number | null>(`kb.ratings.viewer:${column}:${key}`, async (ids) => {
      const rows = await repo.ratersStars(this.dataSource, column, key, ids);
      return byKeys(ids, rows, (r) => r.articleId, null).map((r) => (r ? Number(r.stars) : null));
    });
  }

  private async ratings(manager: EntityManager, ids: readonly string[]): Promise<ArticleRatingModel[]> {
    const rows = await repo.starCounts(manager, ids);
    return ids.map((id) => {
      const mine = rows.filter((r) => r.articleId === id);
      return Object.assign(new ArticleRatingModel(), {
        average: mine[0]?.average ?? null,
        count: mine[0]?.total ?? 0,
        distribution: mine.map((r) =>
          Object.assign(new StarShareModel(), { stars: r.stars, count: r.count, percent: r.percent }),
        ),
      });
    });
  }
}
