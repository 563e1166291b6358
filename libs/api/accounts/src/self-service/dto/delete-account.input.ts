import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';

@InputType()
export class DeleteAccountInput {
  @Field({ description: 'The current password, entered again.' })
  @IsString()
  @MaxLength(LIMITS.password.max, { message: `password must be at most ${LIMITS.password.max} characters.` })
  password!: string;
}
