import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length } from 'class-validator';
import { PostTargetInput } from '../../common/post-target.input.js';
import { trim } from '@crossroads/api-platform';

@InputType({
  description: 'Deletes (hides) one of your own questions, answers or comments. Only a moderator can restore it.',
})
export class DeletePostInput extends PostTargetInput {
  @Field(() => String, { nullable: true, description: 'Why, 3–500 characters (shown to moderators).' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(3, 500, { message: 'reason must be 3 to 500 characters long.' })
  reason?: string;
}

@InputType({ description: 'MODERATOR+: hides any question, answer or comment, with a reason.' })
export class HidePostInput extends PostTargetInput {
  @Field({ description: 'Why: kept on the post and in the moderation log, 3–500 characters.' })
  @Transform(trim)
  @IsString()
  @Length(3, 500, { message: 'reason must be 3 to 500 characters long.' })
  reason!: string;
}

@InputType({ description: 'MODERATOR+: restores a hidden or deleted question, answer or comment.' })
export class RestorePostInput extends PostTargetInput {
  @Field({ description: 'Why: kept in the moderation log, 3–500 characters.' })
  @Transform(trim)
  @IsString()
  @Length(3, 500, { message: 'reason must be 3 to 500 characters long.' })
  reason!: string;
}
