import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsDate, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';
import { trim } from '@crossroads/api-platform';
import type { SessionStatusName } from '../events/mentoring-events.js';

const W = LIMITS.mentorshipWorkspace;

export const SESSION_STATUSES: readonly SessionStatusName[] = [
  'SCHEDULED',
  'DONE',
  'CANCELLED',
  'LATE_CANCELLED',
  'NO_SHOW',
];
export const SessionStatusEnum = Object.fromEntries(SESSION_STATUSES.map((s) => [s, s])) as {
  [K in SessionStatusName]: K;
};
registerEnumType(SessionStatusEnum, {
  name: 'SessionStatus',
  description: `SCHEDULED until it happens; DONE; CANCELLED (≥ ${W.lateCancelHours} h ahead) or LATE_CANCELLED (under ${W.lateCancelHours} h); NO_SHOW (from ${W.noShowAfterMinutes} min after the start).`,
});

@ObjectType('MentorshipSession', {
  description: 'A booked session of a mentorship. Times are UTC instants; each viewer shows them in their own zone.',
})
export class MentorshipSessionModel {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphQLISODateTime)
  startsAt!: Date;

  @Field(() => GraphQLISODateTime)
  endsAt!: Date;

  @Field(() => SessionStatusEnum)
  status!: SessionStatusName;

  @Field({ description: "The mentor's IANA time zone when it was booked (the invite's VTIMEZONE)." })
  timeZone!: string;

  // Internal.
  mentorshipId!: string;
  mentorId!: string;
  menteeId!: string;
}

@ObjectType('AvailabilityWindow', { description: 'A weekly window in which a mentor can be booked.' })
export class AvailabilityWindowModel {
  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' })
  weekday!: number;

  @Field({ description: 'Local start, "HH:MM".' })
  start!: string;

  @Field({ description: 'Local end, "HH:MM" ("24:00" for midnight).' })
  end!: string;

  @Field({ description: 'IANA time zone, e.g. "Europe/Paris".' })
  timeZone!: string;
}

@InputType()
export class AvailabilityWindowInput {
  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' })
  @IsInt({ message: 'weekday must be a whole number from 1 (Monday) to 7 (Sunday).' })
  @Min(1, { message: 'weekday must be a whole number from 1 (Monday) to 7 (Sunday).' })
  @Max(7, { message: 'weekday must be a whole number from 1 (Monday) to 7 (Sunday).' })
  weekday!: number;

  @Field({ description: '"HH:MM", local to timeZone.' })
  @IsString({ message: 'start must be a time like 18:00.' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'start must be a time like 18:00.' })
  start!: string;

  @Field({ description: '"HH:MM" after start ("24:00" for midnight).' })
  @IsString({ message: 'end must be a time like 20:00.' })
  @Matches(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'end must be a time like 20:00.' })
  end!: string;

  @Field({ description: 'IANA time zone, e.g. "Europe/Paris". Every window of a mentor uses one zone.' })
  @Transform(trim)
  @IsString({ message: 'timeZone must be an IANA time zone such as Europe/Paris.' })
  @MaxLength(64, { message: 'timeZone must be an IANA time zone such as Europe/Paris.' })
  timeZone!: string;
}

@ArgsType()
export class SetAvailabilityExceptionsArgs {
  @Field(() => [String], {
    description: `Local dates (YYYY-MM-DD, in the windows' zone) without availability; replaces the list. At most ${W.availabilityExceptions.max}.`,
  })
  @ArrayMaxSize(W.availabilityExceptions.max, {
    message: `dates may hold at most ${W.availabilityExceptions.max} dates.`,
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'dates must be dates like 2026-12-24.' })
  dates!: string[];
}

@ArgsType()
export class BookableSlotsArgs {
  @Field()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString({ message: 'mentorHandle must be text.' })
  @MaxLength(LIMITS.handle.max, { message: 'mentorHandle is not a valid handle.' })
  mentorHandle!: string;

  @Field(() => GraphQLISODateTime)
  @Type(() => Date)
  @IsDate({ message: 'from must be a date and time.' })
  from!: Date;

  @Field(() => Int, {
    defaultValue: W.bookableDays.default,
    description: `${W.bookableDays.min}–${W.bookableDays.max}.`,
  })
  @IsInt({ message: `days must be between ${W.bookableDays.min} and ${W.bookableDays.max}.` })
  @Min(W.bookableDays.min, { message: `days must be between ${W.bookableDays.min} and ${W.bookableDays.max}.` })
  @Max(W.bookableDays.max, { message: `days must be between ${W.bookableDays.min} and ${W.bookableDays.max}.` })
  days!: number;

  @Field(() => Int, {
    nullable: true,
    description: `Session length the slots must fit: one of ${W.sessionMinutes.join(', ')} (default ${W.sessionMinutes[0]}).`,
  })
  @IsOptional()
  @IsIn([...W.sessionMinutes], { message: `minutes must be one of ${W.sessionMinutes.join(', ')}.` })
  minutes?: number;
}

@InputType()
export class BookSessionInput {
  @Field(() => ID)
  @IsString({ message: 'mentorshipId must be an id.' })
  @MaxLength(64, { message: 'mentorshipId must be an id.' })
  mentorshipId!: string;

  @Field(() => GraphQLISODateTime, { description: 'A start from bookableSlots.' })
  @Type(() => Date)
  @IsDate({ message: 'startsAt must be a date and time.' })
  startsAt!: Date;

  @Field(() => Int, { description: `One of ${W.sessionMinutes.join(', ')}.` })
  @IsIn([...W.sessionMinutes], { message: `minutes must be one of ${W.sessionMinutes.join(', ')}.` })
  minutes!: number;

  @Field(() => String, {
    nullable: true,
    description:
      "The booking member's IANA zone (e.g. Europe/London), from their browser: a mentee's notifications, emails and reminders show times in it. BAD_USER_INPUT when unknown.",
  })
  @IsOptional()
  @IsString({ message: 'timeZone must be an IANA time zone such as Europe/London.' })
  @MaxLength(64, { message: 'timeZone must be an IANA time zone such as Europe/London.' })
  timeZone?: string | null;
}

@InputType()
export class UpdateSessionInput {
  @Field(() => ID)
  @IsString({ message: 'id must be an id.' })
  @MaxLength(64, { message: 'id must be an id.' })
  id!: string;

  @Field(() => SessionStatusEnum, {
    description: 'DONE, CANCELLED (stored as LATE_CANCELLED under 3 h before the start) or NO_SHOW.',
  })
  @IsIn(SESSION_STATUSES, { message: 'status must be DONE, CANCELLED, LATE_CANCELLED or NO_SHOW.' })
  status!: SessionStatusName;
}
