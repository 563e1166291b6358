import { Field, InputType } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';

@InputType()
export class ResetPasswordInput {
  @Field({ description: 'The token from the emailed link.' })
  @IsString()
  @Length(1, 200, { message: 'token is required.' })
  token!: string;

  @Field({ description: 'Same strength rules as at registration.' })
  @IsString()
  @Length(LIMITS.password.min, LIMITS.password.max, {
    message: `newPassword must be ${LIMITS.password.min} to ${LIMITS.password.max} characters long.`,
  })
  newPassword!: string;
}
