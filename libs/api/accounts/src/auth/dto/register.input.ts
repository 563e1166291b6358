import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, Matches, MaxLength } from 'class-validator';
import { LIMITS, PASSWORD_POLICY, normalizeDisplayName } from '@crossroads/shared-domain';
import { trimLower } from '@crossroads/api-platform';

const nfkc = ({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeDisplayName(value) : value);

@InputType()
export class RegisterInput {
  @Field()
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be a valid email address.' })
  @MaxLength(LIMITS.email.max, { message: `email must be at most ${LIMITS.email.max} characters.` })
  email!: string;

  @Field({
    description: `${LIMITS.password.min}–${LIMITS.password.max} characters, and not easy to guess: a zxcvbn score of at least ${PASSWORD_POLICY.minScore} (common passwords and ones built from your name, handle or email are refused).`,
  })
  @IsString()
  @Length(LIMITS.password.min, LIMITS.password.max, {
    message: `password must be ${LIMITS.password.min} to ${LIMITS.password.max} characters long.`,
  })
  password!: string;

  @Field({ description: `${LIMITS.handle.min}–${LIMITS.handle.max} characters of a–z, 0–9, _ and -.` })
  @Transform(trimLower)
  @IsString()
  @Length(LIMITS.handle.min, LIMITS.handle.max, {
    message: `handle must be ${LIMITS.handle.min} to ${LIMITS.handle.max} characters long.`,
  })
  @Matches(LIMITS.handle.pattern, { message: 'handle may only hold lower-case letters, digits, _ and -.' })
  handle!: string;

  @Field({
    description: `${LIMITS.displayName.min}–${LIMITS.displayName.max} characters, NFKC-normalised; no text-direction controls, not invisible, and not like a moderator's or admin's name or handle.`,
  })
  @Transform(nfkc)
  @IsString()
  @Length(LIMITS.displayName.min, LIMITS.displayName.max, {
    message: `displayName must be ${LIMITS.displayName.min} to ${LIMITS.displayName.max} characters long.`,
  })
  displayName!: string;
}
