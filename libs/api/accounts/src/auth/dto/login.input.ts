import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsString, Length, MaxLength } from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';

@InputType()
export class LoginInput {
  @Field()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @Length(1, LIMITS.email.max, { message: 'email is required.' })
  email!: string;

  @Field()
  @IsString()
  @MaxLength(LIMITS.password.max, { message: `password must be at most ${LIMITS.password.max} characters.` })
  password!: string;
}
