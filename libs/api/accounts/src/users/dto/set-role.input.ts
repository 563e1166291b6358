import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { trimLower } from '@crossroads/api-platform';
import { IsIn, IsString, Length } from 'class-validator';
import { LIMITS, ROLES, type Role } from '@crossroads/shared-domain';
import { RoleEnum } from '../user.model.js';

@InputType()
export class SetRoleInput {
  @Field()
  @Transform(trimLower)
  @IsString()
  @Length(LIMITS.handle.min, LIMITS.handle.max, { message: 'handle must name an existing user.' })
  handle!: string;

  @Field(() => RoleEnum)
  @IsIn(ROLES as unknown as string[], { message: `role must be one of ${ROLES.join(', ')}.` })
  role!: Role;
}
