import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('CommentAuthorHistory', { description: "For moderators: the comment author's track record." })
export class AuthorHistoryModel {
  @Field(() => Int, { description: 'Published (approved) comments.' })
  approvedCount!: number;

  @Field(() => Int)
  rejectedCount!: number;

  @Field(() => Int)
  spamCount!: number;

  @Field(() => GraphQLISODateTime)
  memberSince!: Date;

  @Field(() => Int, { description: 'Whole days since the account was created.' })
  accountAgeDays!: number;

  @Field({ description: 'A SPAM decision holds their new comments until a moderator approves one.' })
  spamMarked!: boolean;
}
