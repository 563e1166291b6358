import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';
import { trimLower } from '@crossroads/api-platform';

@InputType()
export class RequestEmailChangeInput {
  @Field({ description: 'The address to switch to; it gets the confirmation link.' })
  @Transform(trimLower)
  @IsEmail({}, { message: 'newEmail must be a valid email address.' })
  @MaxLength(LIMITS.email.max, { message: `newEmail must be at most ${LIMITS.email.max} characters.` })
  newEmail!: string;

  @Field({ description: 'The current password, entered again.' })
  @IsString()
  @MaxLength(LIMITS.password.max, { message: `password must be at most ${LIMITS.password.max} characters.` })
  password!: string;
}
