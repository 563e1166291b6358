import { Args, Int, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, RequirePermission, type Principal } from '@crossroads/api-platform';
import { VoteInput } from './dto/vote.input.js';
import { VotesService } from './votes.service.js';

@Resolver()
export class VotesResolver {
  constructor(private readonly votesService: VotesService) {}

  @Mutation(() => Int, {
    description:
      "Votes on a question or an answer (1, -1, or 0 to withdraw); returns the post's new score. Not on your own posts.",
  })
  @RequirePermission('vote.cast')
  async vote(@Args('input') input: VoteInput, @CurrentUser() viewer: Principal): Promise<number> {
    return this.votesService.vote(viewer, input);
  }
}
