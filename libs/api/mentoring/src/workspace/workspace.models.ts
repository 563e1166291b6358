import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';
import { PageArgs, PageInfoModel, trim } from '@crossroads/api-platform';

const W = LIMITS.mentorshipWorkspace;

@ObjectType('MentorshipMessage', {
  description: "A message in a mentorship's private thread (Markdown). Only the pair reads it.",
})
export class MentorshipMessageModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Markdown; rendered without raw HTML, like every post.' })
  body!: string;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field({ description: 'True once a moderator removed it after a report; body is then empty.' })
  removedByModerator!: boolean;

  // Internal, read by field resolvers.
  authorId!: string | null;
  mentorshipId!: string;
}

@ObjectType('MentorshipMessageEdge')
export class MentorshipMessageEdgeModel {
  @Field()
  cursor!: string;

  @Field(() => MentorshipMessageModel)
  node!: MentorshipMessageModel;
}

@ObjectType('MentorshipMessageConnection', { description: 'Newest first.' })
export class MentorshipMessageConnectionModel {
  @Field(() => [MentorshipMessageEdgeModel])
  edges!: MentorshipMessageEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;

  @Field(() => Int)
  totalCount!: number;

  @Field(() => Int, { description: 'Messages from the other participant the viewer has not read yet.' })
  unreadCount!: number;
}

@ObjectType('MentorshipPlanRevision', { description: 'One saved version of the shared goal and plan.' })
export class MentorshipPlanRevisionModel {
  @Field(() => Int)
  revision!: number;

  @Field(() => String, { nullable: true })
  goal!: string | null;

  @Field(() => String, { nullable: true })
  plan!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  editorId!: string | null;
}

@ArgsType()
export class MentorshipMessagesArgs extends PageArgs {}

@ArgsType()
export class MentorshipIdArgs {
  @Field(() => ID)
  @IsString({ message: 'id must be an id.' })
  @MaxLength(64, { message: 'id must be an id.' })
  id!: string;
}

@InputType()
export class SendMentorshipMessageInput {
  @Field(() => ID)
  @IsString({ message: 'mentorshipId must be an id.' })
  @MaxLength(64, { message: 'mentorshipId must be an id.' })
  mentorshipId!: string;

  @Field({ description: `Markdown, ${W.message.min}–${W.message.max} characters.` })
  @Transform(trim)
  @IsString({ message: 'body must be text.' })
  @Length(W.message.min, W.message.max, {
    message: `body must be ${W.message.min} to ${W.message.max} characters long.`,
  })
  body!: string;
}

@InputType()
export class MentorshipPlanInput {
  @Field(() => ID)
  @IsString({ message: 'mentorshipId must be an id.' })
  @MaxLength(64, { message: 'mentorshipId must be an id.' })
  mentorshipId!: string;

  @Field(() => String, {
    nullable: true,
    description: `Up to ${W.goal.max} characters; omitted keeps the current goal, empty clears it.`,
  })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'goal must be text.' })
  @MaxLength(W.goal.max, { message: `goal must be at most ${W.goal.max} characters long.` })
  goal?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Markdown, up to ${W.plan.max} characters; omitted keeps the current plan, empty clears it.`,
  })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'plan must be text.' })
  @MaxLength(W.plan.max, { message: `plan must be at most ${W.plan.max} characters long.` })
  plan?: string | null;
}

@InputType()
export class ReportMentorshipMessageInput {
  @Field(() => ID, { description: "A message of the other participant in one of the viewer's mentorships." })
  @IsString({ message: 'messageId must be an id.' })
  @MaxLength(64, { message: 'messageId must be an id.' })
  messageId!: string;

  @Field({ description: `Why moderators should look at it: ${W.reportReason.min}–${W.reportReason.max} characters.` })
  @Transform(trim)
  @IsString({ message: 'reason must be text.' })
  @Length(W.reportReason.min, W.reportReason.max, {
    message: `reason must be ${W.reportReason.min} to ${W.reportReason.max} characters long.`,
  })
  reason!: string;
}
