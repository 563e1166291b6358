import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { trimLower } from '@crossroads/api-platform';
import { IsString, Length, MaxLength } from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';

@InputType()
export class LoginInput {
  @Field()
  @Transform(trimLower)
  @IsString()
  @Length(1, LIMITS.email.max, { message: 'email is required.' })
  email!: string;

  @Field()
  @IsString()
  @MaxLength(LIMITS.password.max, { message: `password must be at most ${LIMITS.password.max} characters.` })
  password!: string;
}
