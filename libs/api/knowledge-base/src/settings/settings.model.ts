import { Field, GraphQLISODateTime, InputType, ObjectType } from '@nestjs/graphql';
import { IsBoolean } from 'class-validator';

@ObjectType('KnowledgeBaseSettings', { description: 'Knowledge-base settings, changed by admins.' })
export class KnowledgeBaseSettingsModel {
  @Field({
    description:
      'articles.mentorsMayWrite: mentors may write draft articles and edit their own (moderators publish them).',
  })
  mentorsMayWrite!: boolean;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;
}

@InputType()
export class KnowledgeBaseSettingsInput {
  @Field()
  @IsBoolean({ message: 'mentorsMayWrite must be true or false.' })
  mentorsMayWrite!: boolean;
}
