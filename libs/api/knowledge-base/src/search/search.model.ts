import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';
import { QuestionModel } from '@crossroads/api-qa';
import { ArticleModel } from '../articles/article.model.js';
import { trim } from '@crossroads/api-platform';

const { search } = LIMITS.knowledgeBase;

@ObjectType('SearchResults', { description: 'One search box over the knowledge base and the Q&A.' })
export class SearchResultsModel {
  @Field(() => [ArticleModel], { description: 'Published articles, best match first.' })
  articles!: ArticleModel[];

  @Field(() => [QuestionModel], { description: 'Questions, best match first (the same search as questions(search:)).' })
  questions!: QuestionModel[];

  @Field({
    description:
      'True when the best article matches well (query words in its title or summary): show articles before questions.',
  })
  articlesFirst!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'A corrected query when the one given found nothing; the results are then those of the correction.',
  })
  didYouMean!: string | null;
}

@ArgsType()
export class SearchArgs {
  @Field({ description: 'Words, "quoted phrases", -excluded words, or.' })
  @Transform(trim)
  @IsString({ message: 'query must be text.' })
  @Length(1, LIMITS.search.max, { message: `query must be 1 to ${LIMITS.search.max} characters long.` })
  query!: string;

  @Field(() => Int, {
    nullable: true,
    description: `Results of each kind: 1–${search.maxSize}, default ${search.defaultSize}.`,
  })
  @IsOptional()
  @IsInt({ message: 'first must be a whole number.' })
  @Min(1, { message: `first must be between 1 and ${search.maxSize}.` })
  @Max(search.maxSize, { message: `first must be between 1 and ${search.maxSize}.` })
  first?: number;
}
