import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';
import { trim } from '@crossroads/api-platform';
import { TagList } from './tag-list.js';

const { title, body, tags } = LIMITS.question;

@InputType()
export class AskQuestionInput {
  @Field({ description: `${title.min}–${title.max} characters.` })
  @Transform(trim)
  @IsString()
  @Length(title.min, title.max, { message: `title must be ${title.min} to ${title.max} characters long.` })
  title!: string;

  @Field({ description: `Markdown, ${body.min}–${body.max} characters.` })
  @Transform(trim)
  @IsString()
  @Length(body.min, body.max, { message: `body must be ${body.min} to ${body.max} characters long.` })
  body!: string;

  @Field(() => [String], { description: `${tags.min}–${tags.max} tag names; new ones are created.` })
  @TagList()
  tags!: string[];
}
