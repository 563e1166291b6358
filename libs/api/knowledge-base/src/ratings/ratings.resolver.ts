import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import {
  APP_CONFIG,
  CurrentUser,
  Public,
  type AppConfig,
  type GraphqlContext,
  type Principal,
} from '@crossroads/api-platform';
import { hashRaterIp, issueRaterId, readRaterId } from './rater-cookie.js';
import { ArticleRatingModel, RateArticleInput } from './rating.model.js';
import { RatingsService, type Rater } from './ratings.service.js';

@Resolver(() => ArticleRatingModel)
export class RatingsResolver {
  constructor(
    private readonly ratings: RatingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Mutation(() => ArticleRatingModel, {
    description:
      '"Was this article helpful?" 1–5 stars on a published article: one rating per signed-in user, or per browser and per IP for guests (a signed, httpOnly cookie; a keyed hash of the IP); rating again changes it. Returns the new rating.',
  })
  @Public()
  async rateArticle(
    @Args('input') input: RateArticleInput,
    @CurrentUser() viewer: Principal | null,
    @Context() ctx: GraphqlContext,
  ): Promise<ArticleRatingModel> {
    let rater: Rater;
    if (viewer) {
      rater = { userId: viewer.id };
    } else {
      const secret = this.config.jwtSecret;
      rater = {
        guestKey: readRaterId(ctx.req, secret) ?? issueRaterId(ctx.res, secret, this.config.isProduction),
        ipHash: hashRaterIp(secret, ctx.req.ip ?? 'unknown'),
      };
    }
    return this.ratings.rate(input.articleId, rater, input.stars);
  }
}
