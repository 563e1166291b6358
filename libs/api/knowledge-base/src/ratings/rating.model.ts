import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';

const { stars } = LIMITS.knowledgeBase;

@ObjectType('StarShare', {
  description: 'How many raters gave this many stars, and their share in percent (one decimal).',
})
export class StarShareModel {
  @Field(() => Int)
  stars!: number;

  @Field(() => Int)
  count!: number;

  @Field(() => Float)
  percent!: number;
}

@ObjectType('ArticleRating', { description: '"Was this article helpful?" ratings of an article.' })
export class ArticleRatingModel {
  @Field(() => Float, { nullable: true, description: 'Mean stars (two decimals); null without ratings.' })
  average!: number | null;

  @Field(() => Int)
  count!: number;

  @Field(() => [StarShareModel], { description: 'Always five entries, 5 stars first.' })
  distribution!: StarShareModel[];
}

@InputType()
export class RateArticleInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'articleId must be an article id.' })
  articleId!: string;

  @Field(() => Int, { description: `${stars.min}–${stars.max}.` })
  @IsInt({ message: `stars must be a whole number from ${stars.min} to ${stars.max}.` })
  @Min(stars.min, { message: `stars must be a whole number from ${stars.min} to ${stars.max}.` })
  @Max(stars.max, { message: `stars must be a whole number from ${stars.min} to ${stars.max}.` })
  stars!: number;
}
