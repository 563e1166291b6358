import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsUUID } from 'class-validator';
import { POST_TYPES, PostTypeEnum, type PostType } from '../../common/post-type.js';

@InputType()
export class VoteInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'targetId must be a question or answer id.' })
  targetId!: string;

  @Field(() => PostTypeEnum, { description: 'QUESTION or ANSWER.' })
  @IsIn(POST_TYPES as unknown as string[], { message: 'targetType must be QUESTION or ANSWER.' })
  targetType!: PostType;

  @Field(() => Int, { description: '1 up, -1 down, 0 withdraws your vote.' })
  @IsInt({ message: 'value must be -1, 0 or 1.' })
  @IsIn([-1, 0, 1], { message: 'value must be -1, 0 or 1.' })
  value!: number;
}
