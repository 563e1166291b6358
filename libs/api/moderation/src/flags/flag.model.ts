import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { PostTypeEnum, type PostType } from '@crossroads/api-qa';
import type { FlagReason } from './flag.entity.js';
import { FlagReasonEnum } from './dto/flag.inputs.js';
import { PageInfoModel } from '@crossroads/api-platform';

@ObjectType('Flag', { description: "A member's flag on a post (moderators only)." })
export class FlagModel {
  @Field(() => ID)
  id!: string;

  @Field(() => FlagReasonEnum)
  reason!: FlagReason;

  @Field(() => String, { nullable: true })
  text!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  flaggerId!: string;
}

@ObjectType('FlaggedPost', { description: 'A post with open flags, waiting for a moderator.' })
export class FlaggedPostModel {
  @Field(() => ID)
  postId!: string;

  @Field(() => PostTypeEnum)
  postType!: PostType;

  @Field(() => Int)
  openFlagCount!: number;

  @Field(() => GraphQLISODateTime)
  firstFlaggedAt!: Date;

  @Field({
    description: "True once the flags' weights (or a moderator's flag) hid it: hidden until a moderator decides.",
  })
  hidden!: boolean;
}

@ObjectType('FlaggedPostEdge')
export class FlaggedPostEdgeModel {
  @Field()
  cursor!: string;

  @Field(() => FlaggedPostModel)
  node!: FlaggedPostModel;
}

@ObjectType('FlaggedPostConnection', { description: 'Oldest first.' })
export class FlaggedPostConnectionModel {
  @Field(() => [FlaggedPostEdgeModel])
  edges!: FlaggedPostEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;
}
