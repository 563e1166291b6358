import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  EMAIL_FREQUENCIES,
  FOLLOW_LEVELS,
  FOLLOW_TARGET_TYPES,
  NOTIFICATION_TYPES,
  type EmailFrequency,
  type FollowLevel,
  type FollowTargetType,
  type NotificationType,
} from '../common/types.js';
import { PageInfoModel } from '@crossroads/api-platform';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
export const NotificationTypeEnum = enumOf(NOTIFICATION_TYPES);
export const EmailFrequencyEnum = enumOf(EMAIL_FREQUENCIES);
export const FollowLevelEnum = enumOf(FOLLOW_LEVELS);
export const FollowTargetTypeEnum = enumOf(FOLLOW_TARGET_TYPES);
registerEnumType(NotificationTypeEnum, { name: 'NotificationType', description: 'What a notification is about.' });
registerEnumType(EmailFrequencyEnum, {
  name: 'EmailFrequency',
  description: 'When email is sent for a type: at once, in a daily or weekly digest, or never.',
});
registerEnumType(FollowLevelEnum, {
  name: 'FollowLevel',
  description:
    'WATCHING: every answer and comment (tags: every new question); TRACKING: replies to you and mentions; WATCHING_FIRST_POST: new questions only (tags); NORMAL: only what is addressed to you; MUTED: nothing, whatever else applies.',
});
registerEnumType(FollowTargetTypeEnum, {
  name: 'FollowTargetType',
  description: 'What is followed: a tag (by name), a question (by id) or a mentor (by handle).',
});

@ObjectType('Notification', { description: "One entry of the signed-in member's inbox." })
export class NotificationModel {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationTypeEnum)
  type!: NotificationType;

  @Field({ description: 'Read in the app (or marked read).' })
  read!: boolean;

  @Field(() => GraphQLISODateTime, { description: 'When it was created or, for a group, last updated.' })
  createdAt!: Date;

  @Field({ description: 'A plain sentence, e.g. "Priya Raman, Declan Byrne and 2 others answered “…”".' })
  text!: string;

  @Field({ description: 'The app path of the exact post, e.g. /q/<question id>#answer-<answer id>.' })
  url!: string;

  @Field(() => Int, { description: 'How many events this entry groups (1 unless grouped).' })
  count!: number;

  actorId!: string | null;
  questionId!: string | null;
  answerId!: string | null;
  commentId!: string | null;
  mentorshipId!: string | null;
}

@ObjectType('NotificationEdge')
export class NotificationEdgeModel {
  @Field()
  cursor!: string;

  @Field(() => NotificationModel)
  node!: NotificationModel;
}

@ObjectType('NotificationConnection', { description: 'Newest first.' })
export class NotificationConnectionModel {
  @Field(() => [NotificationEdgeModel])
  edges!: NotificationEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;
}

@ObjectType('NotificationSetting', { description: 'In-app and email choice for one type (defaults filled in).' })
export class NotificationSettingModel {
  @Field(() => NotificationTypeEnum)
  type!: NotificationType;

  @Field()
  inApp!: boolean;

  @Field(() => EmailFrequencyEnum)
  email!: EmailFrequency;
}

@InputType('NotificationSettingInput')
export class NotificationSettingInput {
  @Field(() => NotificationTypeEnum)
  @IsIn(NOTIFICATION_TYPES as unknown as string[], { message: 'type is not a notification type.' })
  type!: NotificationType;

  @Field(() => Boolean, { nullable: true, description: 'Unchanged when omitted.' })
  @IsOptional()
  @IsBoolean()
  inApp?: boolean | null;

  @Field(() => EmailFrequencyEnum, { nullable: true, description: 'Unchanged when omitted.' })
  @IsOptional()
  @IsIn(EMAIL_FREQUENCIES as unknown as string[], { message: 'email is not an email frequency.' })
  email?: EmailFrequency | null;
}

@ObjectType('Follow', { description: "The signed-in member's level on a tag, question or mentor." })
export class FollowModel {
  @Field(() => FollowTargetTypeEnum)
  targetType!: FollowTargetType;

  @Field({ description: 'The tag name, question id or mentor handle.' })
  target!: string;

  @Field(() => FollowLevelEnum)
  level!: FollowLevel;
}

@InputType('SetFollowLevelInput')
export class SetFollowLevelInput {
  @Field(() => FollowTargetTypeEnum)
  @IsIn(FOLLOW_TARGET_TYPES as unknown as string[], { message: 'targetType is not a follow target type.' })
  targetType!: FollowTargetType;

  @Field({ description: 'The tag name, question id or mentor handle.' })
  @IsString()
  @MaxLength(100, { message: 'target is too long.' })
  target!: string;

  @Field(() => FollowLevelEnum)
  @IsIn(FOLLOW_LEVELS as unknown as string[], { message: 'level is not a follow level.' })
  level!: FollowLevel;
}
