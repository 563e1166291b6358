import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageArgs } from '@crossroads/api-platform';

@ArgsType()
export class NotificationsArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: 'Only unread ones.' })
  @IsOptional()
  @IsBoolean()
  unreadOnly?: boolean | null;
}
