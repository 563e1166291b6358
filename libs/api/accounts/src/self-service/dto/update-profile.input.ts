import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsOptional, IsString, IsUrl, Length, MaxLength } from 'class-validator';
import { LIMITS, normalizeDisplayName } from '@crossroads/shared-domain';

const nfkc = ({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeDisplayName(value) : value);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const P = LIMITS.profile;

/** Fields left out stay as they are; an empty bio or location clears it. */
@InputType()
export class UpdateProfileInput {
  @Field({ nullable: true, description: 'Same rules as at registration.' })
  @IsOptional()
  @Transform(nfkc)
  @IsString()
  @Length(LIMITS.displayName.min, LIMITS.displayName.max, {
    message: `displayName must be ${LIMITS.displayName.min} to ${LIMITS.displayName.max} characters long.`,
  })
  displayName?: string;

  @Field({ nullable: true, description: `Markdown, at most ${P.bio.max} characters.` })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(P.bio.max, { message: `bio must be at most ${P.bio.max} characters.` })
  bio?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(P.location.max, { message: `location must be at most ${P.location.max} characters.` })
  location?: string;

  @Field(() => [String], { nullable: true, description: `At most ${P.links.max} http(s) URLs; replaces the list.` })
  @IsOptional()
  @ArrayMaxSize(P.links.max, { message: `links may hold at most ${P.links.max} URLs.` })
  @MaxLength(P.links.itemMax, { each: true, message: `links must each be at most ${P.links.itemMax} characters.` })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { each: true, message: 'links must each be an http(s) URL.' },
  )
  links?: string[];
}
