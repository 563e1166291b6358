import { Field, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { PostTargetInput } from '../../common/post-target.input.js';
import { REASON_LENGTH_TEXT, ReasonText } from '../../common/reason.validators.js';

@InputType({
  description: 'Deletes (hides) one of your own questions, answers or comments. Only a moderator can restore it.',
})
export class DeletePostInput extends PostTargetInput {
  @Field(() => String, { nullable: true, description: `Why, ${REASON_LENGTH_TEXT} (shown to moderators).` })
  @IsOptional()
  @ReasonText()
  reason?: string;
}

@InputType({ description: 'MODERATOR+: hides any question, answer or comment, with a reason.' })
export class HidePostInput extends PostTargetInput {
  @Field({ description: `Why: kept on the post and in the moderation log, ${REASON_LENGTH_TEXT}.` })
  @ReasonText()
  reason!: string;
}

@InputType({ description: 'MODERATOR+: restores a hidden or deleted question, answer or comment.' })
export class RestorePostInput extends PostTargetInput {
  @Field({ description: `Why: kept in the moderation log, ${REASON_LENGTH_TEXT}.` })
  @ReasonText()
  reason!: string;
}
