import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageInfoModel } from '@crossroads/api-platform';
import { REASON_LENGTH_TEXT, ReasonText } from '../common/reason.validators.js';
import { FLAG_DECISIONS, FlagDecisionEnum, type FlagDecision } from '../flags/dto/flag.inputs.js';

@ObjectType('ReportedMentorshipMessage', {
  description: 'A message of a mentorship thread as moderators see it: only a reported one and those around it.',
})
export class ReportedMentorshipMessageModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Markdown, as written (also after a moderator removed it).' })
  body!: string;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field({ description: 'Removed from the thread by a moderator.' })
  removed!: boolean;

  @Field({ description: 'True for the reported message itself (the others are its context).' })
  isReported!: boolean;

  authorId!: string | null;
}

@ObjectType('MentorshipMessageReport', {
  description: "A participant's report of the other one's private message, waiting for (or decided by) a moderator.",
})
export class MentorshipMessageReportModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: "The reporter's reason." })
  reason!: string;

  @Field(() => GraphQLISODateTime)
  reportedAt!: Date;

  @Field(() => FlagDecisionEnum, { nullable: true, description: 'HIDE or DISMISS once decided.' })
  decision!: FlagDecision | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => ID)
  messageId!: string;

  reporterId!: string;
}

@ObjectType('MentorshipMessageReportEdge')
export class MentorshipMessageReportEdgeModel {
  @Field()
  cursor!: string;

  @Field(() => MentorshipMessageReportModel)
  node!: MentorshipMessageReportModel;
}

@ObjectType('MentorshipMessageReportConnection', { description: 'Open reports, oldest first.' })
export class MentorshipMessageReportConnectionModel {
  @Field(() => [MentorshipMessageReportEdgeModel])
  edges!: MentorshipMessageReportEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;

  @Field(() => Int)
  totalCount!: number;
}

@ArgsType()
export class MessageReportIdArgs {
  @Field(() => ID)
  @IsString({ message: 'id must be an id.' })
  @MaxLength(64, { message: 'id must be an id.' })
  id!: string;
}

@InputType()
export class DecideMessageReportInput {
  @Field(() => ID)
  @IsString({ message: 'reportId must be an id.' })
  @MaxLength(64, { message: 'reportId must be an id.' })
  reportId!: string;

  @Field(() => FlagDecisionEnum, { description: 'HIDE removes the message from the thread; DISMISS keeps it.' })
  @IsIn(FLAG_DECISIONS as unknown as string[], { message: 'decision must be DISMISS or HIDE.' })
  decision!: FlagDecision;

  @Field(() => String, { nullable: true, description: `For the audit log: ${REASON_LENGTH_TEXT}.` })
  @IsOptional()
  @ReasonText()
  reason?: string;
}
