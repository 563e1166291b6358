import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsString, IsUUID, Length } from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';
import { trim } from '@crossroads/api-platform';

const { body } = LIMITS.answer;

@InputType()
export class PostAnswerInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'questionId must be a question id.' })
  questionId!: string;

  @Field({ description: `Markdown, ${body.min}–${body.max} characters.` })
  @Transform(trim)
  @IsString()
  @Length(body.min, body.max, { message: `body must be ${body.min} to ${body.max} characters long.` })
  body!: string;
}

@InputType({ description: 'The previous body is kept as a revision.' })
export class EditAnswerInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an answer id.' })
  id!: string;

  @Field()
  @Transform(trim)
  @IsString()
  @Length(body.min, body.max, { message: `body must be ${body.min} to ${body.max} characters long.` })
  body!: string;
}
