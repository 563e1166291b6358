import { Field, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { KNOWN_CERTIFICATIONS, LIMITS } from '@crossroads/shared-domain';
import { trim, trimEach, trimLowerEach, trimLower } from '@crossroads/api-platform';

const { mentoring: m, tag } = LIMITS;

/** Known certification names in any letter case become their canonical spelling ("pmp" → "PMP"). */
const canonicalCertifications = ({ value }: { value: unknown }) => {
  const trimmed = trimEach({ value });
  if (!Array.isArray(trimmed)) return trimmed;
  return trimmed.map((c: unknown) =>
    typeof c === 'string' ? (KNOWN_CERTIFICATIONS.find((k) => k.toLowerCase() === c.toLowerCase()) ?? c) : c,
  );
};

@InputType({
  description: "Creates or updates the caller's mentor profile. On update, omitted fields keep their value.",
})
export class MentorProfileInput {
  @Field({ description: `${m.headline.min}–${m.headline.max} characters.` })
  @Transform(trim)
  @IsString({ message: 'headline must be text.' })
  @Length(m.headline.min, m.headline.max, {
    message: `headline must be ${m.headline.min} to ${m.headline.max} characters long.`,
  })
  headline!: string;

  @Field({ nullable: true, description: `Markdown, up to ${m.bio.max} characters.` })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'bio must be text.' })
  @MaxLength(m.bio.max, { message: `bio must be at most ${m.bio.max} characters long.` })
  bio?: string;

  @Field(() => Int, { description: `${m.yearsExperience.min}–${m.yearsExperience.max}.` })
  @IsInt({ message: 'yearsExperience must be a whole number.' })
  @Min(m.yearsExperience.min, {
    message: `yearsExperience must be between ${m.yearsExperience.min} and ${m.yearsExperience.max}.`,
  })
  @Max(m.yearsExperience.max, {
    message: `yearsExperience must be between ${m.yearsExperience.min} and ${m.yearsExperience.max}.`,
  })
  yearsExperience!: number;

  @Field(() => [String], { nullable: true, description: `At most ${m.industries.max}.` })
  @IsOptional()
  @Transform(trimEach)
  @IsArray({ message: 'industries must be a list.' })
  @ArrayMaxSize(m.industries.max, { message: `industries must hold at most ${m.industries.max} entries.` })
  @ArrayUnique({ message: 'industries must not repeat an entry.' })
  @IsString({ each: true, message: 'industries must be strings.' })
  @Length(1, m.industries.itemMax, {
    each: true,
    message: `each of industries must be 1 to ${m.industries.itemMax} characters long.`,
  })
  industries?: string[];

  @Field(() => [String], {
    nullable: true,
    description: `Known names (PMP, CAPM, PRINCE2 Practitioner, …) or free text; at most ${m.certifications.max}.`,
  })
  @IsOptional()
  @Transform(canonicalCertifications)
  @IsArray({ message: 'certifications must be a list.' })
  @ArrayMaxSize(m.certifications.max, { message: `certifications must hold at most ${m.certifications.max} entries.` })
  @ArrayUnique({ message: 'certifications must not repeat an entry.' })
  @IsString({ each: true, message: 'certifications must be strings.' })
  @Length(m.certifications.itemMin, m.certifications.itemMax, {
    each: true,
    message: `each of certifications must be ${m.certifications.itemMin} to ${m.certifications.itemMax} characters long.`,
  })
  certifications?: string[];

  @Field(() => [String], { description: `Tag names, ${m.expertise.min}–${m.expertise.max}; new tags are created.` })
  @Transform(trimLowerEach)
  @IsArray({ message: 'expertise must be a list of tag names.' })
  @ArrayMinSize(m.expertise.min, { message: `expertise must hold ${m.expertise.min} to ${m.expertise.max} tags.` })
  @ArrayMaxSize(m.expertise.max, { message: `expertise must hold ${m.expertise.min} to ${m.expertise.max} tags.` })
  @ArrayUnique({ message: 'expertise must not repeat a tag.' })
  @IsString({ each: true, message: 'expertise must be tag names.' })
  @Length(tag.min, tag.max, {
    each: true,
    message: `each of expertise must be ${tag.min} to ${tag.max} characters long.`,
  })
  @Matches(tag.pattern, {
    each: true,
    message: 'expertise tags may only hold lower-case letters, digits, +, #, . and -.',
  })
  expertise!: string[];

  @Field(() => [String], { nullable: true, description: `https links, at most ${m.links.max}.` })
  @IsOptional()
  @Transform(trimEach)
  @IsArray({ message: 'links must be a list.' })
  @ArrayMaxSize(m.links.max, { message: `links must hold at most ${m.links.max} links.` })
  @ArrayUnique({ message: 'links must not repeat a link.' })
  @IsString({ each: true, message: 'links must be strings.' })
  @MaxLength(m.links.itemMax, {
    each: true,
    message: `each of links must be at most ${m.links.itemMax} characters long.`,
  })
  @IsUrl(
    { protocols: ['https'], require_protocol: true, require_valid_protocol: true },
    { each: true, message: 'links must be https:// URLs.' },
  )
  links?: string[];

  @Field({ nullable: true, description: 'Default true.' })
  @IsOptional()
  @IsBoolean({ message: 'acceptingRequests must be true or false.' })
  acceptingRequests?: boolean;

  @Field(() => Int, {
    nullable: true,
    description: `${m.maxOpenRequests.min}–${m.maxOpenRequests.max}, default ${m.maxOpenRequests.default}.`,
  })
  @IsOptional()
  @IsInt({ message: 'maxOpenRequests must be a whole number.' })
  @Min(m.maxOpenRequests.min, {
    message: `maxOpenRequests must be between ${m.maxOpenRequests.min} and ${m.maxOpenRequests.max}.`,
  })
  @Max(m.maxOpenRequests.max, {
    message: `maxOpenRequests must be between ${m.maxOpenRequests.min} and ${m.maxOpenRequests.max}.`,
  })
  maxOpenRequests?: number;
}

@InputType()
export class VerifyMentorProfileInput {
  @Field({ description: "The mentor's handle." })
  @Transform(trimLower)
  @IsString({ message: 'handle must be text.' })
  @Length(LIMITS.handle.min, LIMITS.handle.max, { message: 'handle is not a valid handle.' })
  handle!: string;

  @Field({ nullable: true, description: 'Default true; false removes the verified badge.' })
  @IsOptional()
  @IsBoolean({ message: 'verified must be true or false.' })
  verified?: boolean;
}
