import { ArgsType, Field } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';
import { PageArgs, trimLower } from '@crossroads/api-platform';

@ArgsType()
export class TagsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Autocomplete: tags whose name starts with this.' })
  @IsOptional()
  @Transform(trimLower)
  @IsString()
  @MaxLength(LIMITS.tag.max, { message: `query must be at most ${LIMITS.tag.max} characters.` })
  @Matches(/^[a-z0-9+#.-]*$/, { message: 'query may only hold characters allowed in tags.' })
  query?: string;
}
