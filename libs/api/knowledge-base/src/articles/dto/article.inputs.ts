import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';
import { trim, trimLower, trimLowerEach, trimToNull } from '@crossroads/api-platform';
import { SlugField } from '../../topics/dto/topic.inputs.js';

const { title, summary, body, tags, slug, relatedQuestions } = LIMITS.knowledgeBase;
const tag = LIMITS.tag;

function ArticleTags(): PropertyDecorator {
  return (target, key) => {
    for (const decorate of [
      IsOptional(),
      Transform(trimLowerEach),
      IsArray({ message: 'tags must be a list of tag names.' }),
      ArrayMaxSize(tags.max, { message: `tags must hold at most ${tags.max} tags.` }),
      ArrayUnique({ message: 'tags must not repeat a tag.' }),
      IsString({ each: true, message: 'tags must be strings.' }),
      Length(tag.min, tag.max, {
        each: true,
        message: `each of tags must be ${tag.min} to ${tag.max} characters long.`,
      }),
      Matches(tag.pattern, { each: true, message: 'tags may only hold lower-case letters, digits, +, #, . and -.' }),
    ]) {
      decorate(target, key);
    }
  };
}

function TopicSlugField(): PropertyDecorator {
  return (target, key) => {
    for (const decorate of [
      Transform(trimLower),
      IsString({ message: 'topicSlug must be text.' }),
      Length(1, slug.max, { message: `topicSlug must be 1 to ${slug.max} characters long.` }),
    ]) {
      decorate(target, key);
    }
  };
}

@InputType()
export class CreateArticleInput {
  @Field({ description: 'The topic it goes in (appended last).' })
  @TopicSlugField()
  topicSlug!: string;

  @Field({ description: `${title.min}–${title.max} characters.` })
  @Transform(trim)
  @IsString({ message: 'title must be text.' })
  @Length(title.min, title.max, { message: `title must be ${title.min} to ${title.max} characters long.` })
  title!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Defaults to the title, slugified. Unique (CONFLICT naming slug).',
  })
  @SlugField()
  slug?: string;

  @Field(() => String, { nullable: true, description: `At most ${summary.max} characters.` })
  @IsOptional()
  @Transform(trimToNull)
  @IsString({ message: 'summary must be text.' })
  @MaxLength(summary.max, { message: `summary must be at most ${summary.max} characters.` })
  summary?: string | null;

  @Field({ description: `Markdown, ${body.min}–${body.max} characters.` })
  @Transform(trim)
  @IsString({ message: 'body must be text.' })
  @Length(body.min, body.max, { message: `body must be ${body.min} to ${body.max} characters long.` })
  body!: string;

  @Field(() => [String], { nullable: true, description: `0–${tags.max} Q&A tag names.` })
  @ArticleTags()
  tags?: string[];
}

@InputType({
  description: 'Only the fields given change; the previous title, summary and body are kept as a revision.',
})
export class UpdateArticleInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an article id.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Moves the article to the end of another topic.' })
  @IsOptional()
  @TopicSlugField()
  topicSlug?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'title must be text.' })
  @Length(title.min, title.max, { message: `title must be ${title.min} to ${title.max} characters long.` })
  title?: string;

  @Field(() => String, { nullable: true })
  @SlugField()
  slug?: string;

  @Field(() => String, { nullable: true, description: 'An empty string clears it.' })
  @IsOptional()
  @Transform(trimToNull)
  @IsString({ message: 'summary must be text.' })
  @MaxLength(summary.max, { message: `summary must be at most ${summary.max} characters.` })
  summary?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'body must be text.' })
  @Length(body.min, body.max, { message: `body must be ${body.min} to ${body.max} characters long.` })
  body?: string;

  @Field(() => [String], { nullable: true })
  @ArticleTags()
  tags?: string[];
}

@InputType()
export class MoveArticleInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an article id.' })
  id!: string;

  @Field(() => Int, {
    description: '1-based place among the articles of its topic (drafts included); beyond the end means last.',
  })
  @IsInt({ message: 'position must be a whole number.' })
  @Min(1, { message: 'position must be between 1 and 10000.' })
  @Max(10_000, { message: 'position must be between 1 and 10000.' })
  position!: number;
}

@InputType()
export class PromoteToArticleInput {
  @Field(() => ID, { description: 'A question with an accepted answer.' })
  @IsUUID('all', { message: 'questionId must be a question id.' })
  questionId!: string;

  @Field({ description: 'The topic the draft goes in.' })
  @Transform(trimLower)
  @IsString({ message: 'topicSlug must be text.' })
  @Length(1, slug.max, { message: `topicSlug must be 1 to ${slug.max} characters long.` })
  topicSlug!: string;
}

@ArgsType()
export class ArticleIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an article id.' })
  id!: string;
}

@ArgsType()
export class RelatedQuestionsArgs {
  @Field(() => Int, {
    nullable: true,
    description: `1–${relatedQuestions.maxSize}, default ${relatedQuestions.defaultSize}.`,
  })
  @IsOptional()
  @IsInt({ message: 'first must be a whole number.' })
  @Min(1, { message: `first must be between 1 and ${relatedQuestions.maxSize}.` })
  @Max(relatedQuestions.maxSize, { message: `first must be between 1 and ${relatedQuestions.maxSize}.` })
  first?: number;
}
