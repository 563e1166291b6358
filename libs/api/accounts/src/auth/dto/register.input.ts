import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, Matches, MaxLength } from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

@InputType()
export class RegisterInput {
  @Field()
  @Transform(lower)
  @IsEmail({}, { message: 'email must be a valid email address.' })
  @MaxLength(LIMITS.email.max, { message: `email must be at most ${LIMITS.email.max} characters.` })
  email!: string;

  @Field({ description: `${LIMITS.password.min}–${LIMITS.password.max} characters.` })
  @IsString()
  @Length(LIMITS.password.min, LIMITS.password.max, {
    message: `password must be ${LIMITS.password.min} to ${LIMITS.password.max} characters long.`,
  })
  password!: string;

  @Field({ description: `${LIMITS.handle.min}–${LIMITS.handle.max} characters of a–z, 0–9, _ and -.` })
  @Transform(lower)
  @IsString()
  @Length(LIMITS.handle.min, LIMITS.handle.max, {
    message: `handle must be ${LIMITS.handle.min} to ${LIMITS.handle.max} characters long.`,
  })
  @Matches(LIMITS.handle.pattern, { message: 'handle may only hold lower-case letters, digits, _ and -.' })
  handle!: string;

  @Field()
  @Transform(trim)
  @IsString()
  @Length(LIMITS.displayName.min, LIMITS.displayName.max, {
    message: `displayName must be ${LIMITS.displayName.min} to ${LIMITS.displayName.max} characters long.`,
  })
  displayName!: string;
}
