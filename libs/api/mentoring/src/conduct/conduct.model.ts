import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsString, Length, MaxLength } from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';
import { PageInfoModel, trim } from '@crossroads/api-platform';

const { appealMessage } = LIMITS.mentoring;

@InputType()
export class AppealMentorshipPauseInput {
  @Field({ description: `Why the pause should be lifted, ${appealMessage.min}–${appealMessage.max} characters.` })
  @Transform(trim)
  @IsString({ message: 'message must be text.' })
  @Length(appealMessage.min, appealMessage.max, {
    message: `message must be ${appealMessage.min} to ${appealMessage.max} characters long.`,
  })
  message!: string;
}

const { reason } = LIMITS.moderation;

@InputType()
export class DecideMentorPauseAppealInput {
  @Field(() => ID)
  @IsString({ message: 'appealId must be an id.' })
  @MaxLength(64, { message: 'appealId must be an id.' })
  appealId!: string;

  @Field({ description: 'true lifts the pause now; false keeps it to its end.' })
  @IsBoolean({ message: 'lift must be true or false.' })
  lift!: boolean;

  @Field({ description: `For the audit log, ${reason.min}–${reason.max} characters.` })
  @Transform(trim)
  @IsString({ message: 'reason must be text.' })
  @Length(reason.min, reason.max, { message: `reason must be ${reason.min} to ${reason.max} characters long.` })
  reason!: string;
}

@ObjectType('MentorPauseAppeal', { description: "A paused mentor's appeal to moderators (one per pause)." })
export class MentorPauseAppealModel {
  @Field(() => ID)
  id!: string;

  @Field()
  message!: string;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: the pause stays; false: it was lifted; null: not decided yet.',
  })
  upheld!: boolean | null;

  // Internal, read by field resolvers; not in the schema.
  mentorId!: string;
  pauseId!: string;
}

@ObjectType('MentorPauseAppealEdge')
export class MentorPauseAppealEdgeModel {
  @Field()
  cursor!: string;

  @Field(() => MentorPauseAppealModel)
  node!: MentorPauseAppealModel;
}

@ObjectType('MentorPauseAppealConnection', { description: 'Undecided appeals, oldest first.' })
export class MentorPauseAppealConnectionModel {
  @Field(() => [MentorPauseAppealEdgeModel])
  edges!: MentorPauseAppealEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;

  @Field(() => Int)
  totalCount!: number;
}
