import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';
import { PageArgs, trim, trimLower } from '@crossroads/api-platform';
import { QUESTION_SORTS, QuestionSortEnum, type QuestionSort } from '../question.model.js';

@ArgsType()
export class QuestionsArgs extends PageArgs {
  @Field(() => QuestionSortEnum, {
    nullable: true,
    description: 'Default NEWEST. Ignored with `search` (results are ranked by relevance).',
  })
  @IsOptional()
  @IsIn(QUESTION_SORTS as unknown as string[], { message: `sort must be one of ${QUESTION_SORTS.join(', ')}.` })
  sort?: QuestionSort;

  @Field(() => String, { nullable: true, description: 'Only questions with this tag.' })
  @IsOptional()
  @Transform(trimLower)
  @IsString()
  @Length(LIMITS.tag.min, LIMITS.tag.max, {
    message: `tag must be ${LIMITS.tag.min} to ${LIMITS.tag.max} characters long.`,
  })
  tag?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Full-text search over titles and bodies: words, "quoted phrases", -excluded words, or. Typos get a didYouMean.',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(LIMITS.search.max, { message: `search must be at most ${LIMITS.search.max} characters.` })
  search?: string;
}

@ArgsType()
export class QuestionArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(100, { message: 'id must be a question id.' })
  id!: string;
}

@ArgsType()
export class SimilarQuestionsArgs {
  @Field({ description: 'The title being typed on the ask form.' })
  @Transform(trim)
  @IsString()
  @Length(LIMITS.similarQuestions.titleMin, LIMITS.question.title.max, {
    message: `title must be ${LIMITS.similarQuestions.titleMin} to ${LIMITS.question.title.max} characters long.`,
  })
  title!: string;

  @Field(() => Int, { nullable: true, defaultValue: LIMITS.similarQuestions.defaultSize })
  @IsOptional()
  @IsInt()
  @Min(1, { message: `first must be between 1 and ${LIMITS.similarQuestions.maxSize}.` })
  @Max(LIMITS.similarQuestions.maxSize, { message: `first must be between 1 and ${LIMITS.similarQuestions.maxSize}.` })
  first?: number;
}
