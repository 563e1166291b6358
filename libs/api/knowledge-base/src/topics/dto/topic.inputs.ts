import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';
import { trim, trimLower, trimToNull } from '@crossroads/api-platform';

const { slug, topicName, topicDescription } = LIMITS.knowledgeBase;

export function SlugField(): PropertyDecorator {
  return (target, key) => {
    for (const decorate of [
      IsOptional(),
      Transform(trimLower),
      IsString({ message: 'slug must be text.' }),
      Length(slug.min, slug.max, { message: `slug must be ${slug.min} to ${slug.max} characters long.` }),
      Matches(slug.pattern, { message: 'slug may only hold lower-case letters and digits joined by single dashes.' }),
    ]) {
      decorate(target, key);
    }
  };
}

@InputType()
export class CreateTopicInput {
  @Field({ description: `${topicName.min}–${topicName.max} characters.` })
  @Transform(trim)
  @IsString({ message: 'name must be text.' })
  @Length(topicName.min, topicName.max, {
    message: `name must be ${topicName.min} to ${topicName.max} characters long.`,
  })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Defaults to the name, slugified. Unique (CONFLICT naming slug).',
  })
  @SlugField()
  slug?: string;

  @Field(() => String, { nullable: true, description: `At most ${topicDescription.max} characters.` })
  @IsOptional()
  @Transform(trimToNull)
  @IsString({ message: 'description must be text.' })
  @MaxLength(topicDescription.max, { message: `description must be at most ${topicDescription.max} characters.` })
  description?: string | null;

  @Field(() => Int, { nullable: true, description: 'Order among topics; defaults to last.' })
  @IsOptional()
  @IsInt({ message: 'position must be a whole number.' })
  @Min(0, { message: 'position must be between 0 and 10000.' })
  @Max(10_000, { message: 'position must be between 0 and 10000.' })
  position?: number;
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateTopicInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a topic id.' })
  id!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'name must be text.' })
  @Length(topicName.min, topicName.max, {
    message: `name must be ${topicName.min} to ${topicName.max} characters long.`,
  })
  name?: string;

  @Field(() => String, { nullable: true })
  @SlugField()
  slug?: string;

  @Field(() => String, { nullable: true, description: 'An empty string clears it.' })
  @IsOptional()
  @Transform(trimToNull)
  @IsString({ message: 'description must be text.' })
  @MaxLength(topicDescription.max, { message: `description must be at most ${topicDescription.max} characters.` })
  description?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'position must be a whole number.' })
  @Min(0, { message: 'position must be between 0 and 10000.' })
  @Max(10_000, { message: 'position must be between 0 and 10000.' })
  position?: number;
}

@ArgsType()
export class SlugArgs {
  @Field()
  @Transform(trimLower)
  @IsString({ message: 'slug must be text.' })
  @MaxLength(slug.max, { message: `slug must be at most ${slug.max} characters.` })
  slug!: string;
}
