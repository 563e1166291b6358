import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';
import { POST_TYPES, PostTypeEnum, type PostType } from '../../common/post-type.js';
import { trim, trimLower } from '@crossroads/api-platform';

const { body } = LIMITS.comment;

@InputType({ description: 'Guests must give guestName and guestEmail (the email is shown to moderators only).' })
export class AddCommentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'targetId must be a question or answer id.' })
  targetId!: string;

  @Field(() => PostTypeEnum, { description: 'QUESTION or ANSWER.' })
  @IsIn(POST_TYPES as unknown as string[], { message: 'targetType must be QUESTION or ANSWER.' })
  targetType!: PostType;

  @Field({ description: `Plain text, ${body.min}–${body.max} characters.` })
  @Transform(trim)
  @IsString()
  @Length(body.min, body.max, { message: `body must be ${body.min} to ${body.max} characters long.` })
  body!: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Guests only: email follow-up comments on this question to guestEmail, once confirmed through a link sent there. The address is never shown.',
  })
  @IsOptional()
  @IsBoolean({ message: 'notifyByEmail must be true or false.' })
  notifyByEmail?: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(LIMITS.guestName.min, LIMITS.guestName.max, {
    message: `guestName must be ${LIMITS.guestName.min} to ${LIMITS.guestName.max} characters long.`,
  })
  guestName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trimLower)
  @IsEmail({}, { message: 'guestEmail must be a valid email address.' })
  @MaxLength(LIMITS.email.max, { message: `guestEmail must be at most ${LIMITS.email.max} characters.` })
  guestEmail?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Honeypot: the web form hides this field from people, so it stays empty. A guest comment with it filled is dropped (the answer looks held).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.email.max, { message: `website must be at most ${LIMITS.email.max} characters.` })
  website?: string;
}
