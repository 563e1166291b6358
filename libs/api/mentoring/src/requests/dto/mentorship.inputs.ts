import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';
import { trim, PageArgs, trimLower } from '@crossroads/api-platform';

const { mentoring: m } = LIMITS;

export const MENTORSHIP_SIDES = ['MENTEE', 'MENTOR'] as const;
export const MentorshipSideEnum = Object.fromEntries(MENTORSHIP_SIDES.map((s) => [s, s])) as {
  [K in (typeof MENTORSHIP_SIDES)[number]]: K;
};
registerEnumType(MentorshipSideEnum, {
  name: 'MentorshipSide',
  description: 'Which side of a mentorship the viewer is on.',
});

@InputType()
export class RequestMentorshipInput {
  @Field({ description: "The mentor's handle." })
  @Transform(trimLower)
  @IsString({ message: 'mentorHandle must be text.' })
  @Length(LIMITS.handle.min, LIMITS.handle.max, { message: 'mentorHandle is not a valid handle.' })
  mentorHandle!: string;

  @Field({ description: `${m.requestMessage.min}–${m.requestMessage.max} characters.` })
  @Transform(trim)
  @IsString({ message: 'message must be text.' })
  @Length(m.requestMessage.min, m.requestMessage.max, {
    message: `message must be ${m.requestMessage.min} to ${m.requestMessage.max} characters long.`,
  })
  message!: string;

  @Field(() => ID, { nullable: true, description: 'A question the request is about.' })
  @IsOptional()
  @IsString({ message: 'questionId must be an id.' })
  @MaxLength(64, { message: 'questionId must be an id.' })
  questionId?: string;
}

@InputType()
export class RespondToMentorshipInput {
  @Field(() => ID)
  @IsString({ message: 'requestId must be an id.' })
  @MaxLength(64, { message: 'requestId must be an id.' })
  requestId!: string;

  @Field({ description: 'true accepts, false declines.' })
  @IsBoolean({ message: 'accept must be true or false.' })
  accept!: boolean;

  @Field({ nullable: true, description: `Up to ${m.responseMessage.max} characters.` })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'message must be text.' })
  @MaxLength(m.responseMessage.max, { message: `message must be at most ${m.responseMessage.max} characters long.` })
  message?: string;
}

@ArgsType()
export class MentorshipRequestIdArgs {
  @Field(() => ID)
  @IsString({ message: 'requestId must be an id.' })
  @MaxLength(64, { message: 'requestId must be an id.' })
  requestId!: string;
}

@ArgsType()
export class MentorshipRequestsArgs extends PageArgs {
  @Field(() => MentorshipSideEnum, {
    nullable: true,
    description: 'Only the requests where the viewer is this side; both by default.',
  })
  @IsOptional()
  @IsIn(MENTORSHIP_SIDES, { message: 'side must be MENTEE or MENTOR.' })
  side?: (typeof MENTORSHIP_SIDES)[number];
}

@InputType()
export class ReviewMentorshipInput {
  @Field(() => ID)
  @IsString({ message: 'requestId must be an id.' })
  @MaxLength(64, { message: 'requestId must be an id.' })
  requestId!: string;

  @Field(() => Int, { description: `${m.rating.min}–${m.rating.max} stars.` })
  @IsInt({ message: 'rating must be a whole number.' })
  @Min(m.rating.min, { message: `rating must be between ${m.rating.min} and ${m.rating.max}.` })
  @Max(m.rating.max, { message: `rating must be between ${m.rating.min} and ${m.rating.max}.` })
  rating!: number;

  @Field({ nullable: true, description: `Up to ${m.review.max} characters.` })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'review must be text.' })
  @MaxLength(m.review.max, { message: `review must be at most ${m.review.max} characters long.` })
  review?: string;

  @Field(() => Int, {
    nullable: true,
    description: `Private: did it meet your expectations, ${m.rating.min}–${m.rating.max}. Only moderators see it.`,
  })
  @IsOptional()
  @IsInt({ message: 'metExpectations must be a whole number.' })
  @Min(m.rating.min, { message: `metExpectations must be between ${m.rating.min} and ${m.rating.max}.` })
  @Max(m.rating.max, { message: `metExpectations must be between ${m.rating.min} and ${m.rating.max}.` })
  metExpectations?: number;
}

@InputType()
export class ReplyToReviewInput {
  @Field(() => ID)
  @IsString({ message: 'requestId must be an id.' })
  @MaxLength(64, { message: 'requestId must be an id.' })
  requestId!: string;

  @Field({ description: `1–${m.reply.max} characters.` })
  @Transform(trim)
  @IsString({ message: 'reply must be text.' })
  @Length(1, m.reply.max, { message: `reply must be 1 to ${m.reply.max} characters long.` })
  reply!: string;
}
