import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';

const { page } = LIMITS;

/** `first`/`after` of a nested connection (answers, comments). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `1–${page.maxSize}, default ${page.defaultSize}.` })
  @IsOptional()
  @IsInt({ message: 'first must be a whole number.' })
  @Min(1, { message: `first must be between 1 and ${page.maxSize}.` })
  @Max(page.maxSize, { message: `first must be between 1 and ${page.maxSize}.` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'after is not a valid cursor for this list.' })
  after?: string;
}
