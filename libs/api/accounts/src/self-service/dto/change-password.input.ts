import { Field, InputType } from '@nestjs/graphql';
import { IsString, Length, MaxLength } from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';

@InputType()
export class ChangePasswordInput {
  @Field()
  @IsString()
  @MaxLength(LIMITS.password.max, { message: `currentPassword must be at most ${LIMITS.password.max} characters.` })
  currentPassword!: string;

  @Field({ description: 'Same strength rules as at registration.' })
  @IsString()
  @Length(LIMITS.password.min, LIMITS.password.max, {
    message: `newPassword must be ${LIMITS.password.min} to ${LIMITS.password.max} characters long.`,
  })
  newPassword!: string;
}
