import { ArgsType, Field } from '@nestjs/graphql';
import { ArrayMaxSize, IsString, MaxLength } from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';

const { heldTokensMax } = LIMITS.comment;

@ArgsType()
export class HeldCommentsArgs {
  @Field(() => [String], { description: `heldToken values from addComment (at most ${heldTokensMax}).` })
  @ArrayMaxSize(heldTokensMax, { message: `tokens: at most ${heldTokensMax}.` })
  @IsString({ each: true })
  @MaxLength(100, { each: true, message: 'tokens: each is at most 100 characters.' })
  tokens!: string[];
}
