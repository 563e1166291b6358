import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';
import { trim } from '@crossroads/api-platform';
import { TagList } from './tag-list.js';

const { title, body } = LIMITS.question;

@InputType({ description: 'Only the fields given change; the previous version is kept as a revision.' })
export class EditQuestionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a question id.' })
  id!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(title.min, title.max, { message: `title must be ${title.min} to ${title.max} characters long.` })
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(body.min, body.max, { message: `body must be ${body.min} to ${body.max} characters long.` })
  body?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @TagList()
  tags?: string[];
}
