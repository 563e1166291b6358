import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';

const { page } = LIMITS;

@ArgsType()
export class TagsArgs {
  @Field(() => Int, { nullable: true, description: `1–${page.maxSize}, default ${page.defaultSize}.` })
  @IsOptional()
  @IsInt({ message: 'first must be a whole number.' })
  @Min(1, { message: `first must be between 1 and ${page.maxSize}.` })
  @Max(page.maxSize, { message: `first must be between 1 and ${page.maxSize}.` })
  first?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'after is not a valid cursor for this list.' })
  after?: string;

  @Field(() => String, { nullable: true, description: 'Autocomplete: tags whose name starts with this.' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @MaxLength(LIMITS.tag.max, { message: `query must be at most ${LIMITS.tag.max} characters.` })
  @Matches(/^[a-z0-9+#.-]*$/, { message: 'query may only hold characters allowed in tags.' })
  query?: string;
}
