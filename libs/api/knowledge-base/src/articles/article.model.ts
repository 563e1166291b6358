import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ARTICLE_STATUSES, type ArticleStatus } from './article.entity.js';

export const ArticleStatusEnum = Object.fromEntries(ARTICLE_STATUSES.map((s) => [s, s])) as { [K in ArticleStatus]: K };
registerEnumType(ArticleStatusEnum, {
  name: 'ArticleStatus',
  description: 'DRAFT: seen by moderators and its author only; PUBLISHED: public.',
});

@ObjectType('Article', { description: 'A guide article of the knowledge base (Markdown).' })
export class ArticleModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Unique, used in links.' })
  slug!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true, description: 'One or two sentences shown in lists and search results.' })
  summary!: string | null;

  @Field({ description: 'Markdown. Headings get the ids listed in tableOfContents.' })
  body!: string;

  @Field(() => ArticleStatusEnum)
  status!: ArticleStatus;

  @Field(() => [String], { description: 'Q&A tag names; related questions share one of them.' })
  tags!: string[];

  @Field(() => Int, { description: 'Order within its topic, ascending.' })
  position!: number;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When it was last published; null for a draft never published.',
  })
  publishedAt!: Date | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;

  // Internal, read by field resolvers; not in the schema.
  topicId!: string;
  authorId!: string;
  sourceQuestionId!: string | null;
  sourceAskerId!: string | null;
  sourceAnswererId!: string | null;
}

@ObjectType('TocEntry', {
  description: 'A heading of an article: its level (1–6), text and the id of the rendered heading.',
})
export class TocEntryModel {
  @Field(() => Int)
  level!: number;

  @Field()
  text!: string;

  @Field({ description: 'Unique within the article; the web app renders the heading with this id.' })
  anchor!: string;
}

@ObjectType('ArticleRevision', { description: 'An article as it was before an edit, with who edited it and when.' })
export class ArticleRevisionModel {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field()
  body!: string;

  @Field(() => GraphQLISODateTime, { description: 'When the edit was made.' })
  createdAt!: Date;

  editorId!: string;
}

@ObjectType('ArticleSource', { description: 'The Q&A thread an article was promoted from, and the people to credit.' })
export class ArticleSourceModel {
  @Field(() => ID, { description: 'The thread (links to /q/<id>), kept even if the thread is later hidden.' })
  questionId!: string;

  askerId!: string | null;
  answererId!: string | null;
}
