import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Revision', { description: 'A post as it was before an edit, with who edited it and when.' })
export class RevisionModel {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphQLISODateTime, { description: 'When the edit was made.' })
  createdAt!: Date;

  @Field(() => String, { nullable: true, description: 'Previous title (questions).' })
  title!: string | null;

  @Field({ description: 'Previous body.' })
  body!: string;

  @Field(() => [String], { nullable: true, description: 'Previous tags (questions).' })
  tags!: string[] | null;

  editorId!: string;
}
