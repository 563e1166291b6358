import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfoModel } from '@crossroads/api-platform';
import type { QaPostType } from '../common/post-type.js';
import { COMMENT_STATUSES, type CommentStatus } from './comment.entity.js';

export const CommentStatusEnum = Object.fromEntries(COMMENT_STATUSES.map((s) => [s, s])) as { [K in CommentStatus]: K };
registerEnumType(CommentStatusEnum, {
  name: 'CommentStatus',
  description: 'PUBLISHED comments are public; PENDING ones wait in the moderation queue.',
});

@ObjectType('Comment', { description: 'A short plain-text comment on a question or an answer.' })
export class CommentModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Plain text; URLs are auto-linked by clients.' })
  body!: string;

  @Field(() => String, { nullable: true, description: 'For comments left by guests (author is then null).' })
  guestName!: string | null;

  @Field(() => CommentStatusEnum)
  status!: CommentStatus;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => String, {
    nullable: true,
    description:
      "In addComment's answer for a held (PENDING) comment only: the token with which its author sees it again (heldComments) until it is decided. Null elsewhere.",
  })
  heldToken!: string | null;

  authorId!: string | null;
  postType!: QaPostType;
  postId!: string;
  questionId!: string;
  /** Why the hold policy held it: only the moderation context's holdReason field shows it, to moderators. */
  privateHoldReason!: string | null;
  /** Only the guestEmail field resolver reads it, and shows it to moderators only. */
  privateGuestEmail!: string | null;
}

@ObjectType('CommentEdge')
export class CommentEdgeModel {
  @Field()
  cursor!: string;

  @Field(() => CommentModel)
  node!: CommentModel;
}

@ObjectType('CommentConnection', { description: 'Published comments, oldest first.' })
export class CommentConnectionModel {
  @Field(() => [CommentEdgeModel])
  edges!: CommentEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;

  @Field(() => Int)
  totalCount!: number;
}
