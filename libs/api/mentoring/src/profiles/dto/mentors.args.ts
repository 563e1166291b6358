import { ArgsType, Field } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';
import { trim, PageArgs, trimLower } from '@crossroads/api-platform';

@ArgsType()
export class MentorsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: "A tag name in the mentor's expertise." })
  @IsOptional()
  @Transform(trimLower)
  @IsString({ message: 'expertise must be a tag name.' })
  @MaxLength(LIMITS.tag.max, { message: `expertise must be at most ${LIMITS.tag.max} characters long.` })
  expertise?: string;

  @Field(() => String, { nullable: true, description: 'An industry, exactly as written on profiles.' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'industry must be text.' })
  @MaxLength(LIMITS.mentoring.industries.itemMax, {
    message: `industry must be at most ${LIMITS.mentoring.industries.itemMax} characters long.`,
  })
  industry?: string;

  @Field(() => String, {
    nullable: true,
    description: 'A certification, exactly as written on profiles (known names in any case).',
  })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'certification must be text.' })
  @MaxLength(LIMITS.mentoring.certifications.itemMax, {
    message: `certification must be at most ${LIMITS.mentoring.certifications.itemMax} characters long.`,
  })
  certification?: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean({ message: 'acceptingRequests must be true or false.' })
  acceptingRequests?: boolean;

  @Field(() => String, { nullable: true, description: 'Words in the headline or bio (web search syntax).' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'search must be text.' })
  @MaxLength(LIMITS.mentoring.search.max, {
    message: `search must be at most ${LIMITS.mentoring.search.max} characters long.`,
  })
  search?: string;
}
