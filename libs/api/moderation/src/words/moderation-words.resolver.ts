import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, RequirePermission, type Principal } from '@crossroads/api-platform';
import { SetModerationWordsInput } from './dto/set-moderation-words.input.js';
import { ModerationWordsService } from './moderation-words.service.js';

@Resolver()
export class ModerationWordsResolver {
  constructor(private readonly words: ModerationWordsService) {}

  @Query(() => [String], {
    description:
      'MODERATOR+: the moderation word list (comments matching one of them, whole word, any case, are held).',
  })
  @RequirePermission('comment.moderate')
  async moderationWords(): Promise<string[]> {
    return this.words.list();
  }

  @Mutation(() => [String], {
    description: 'ADMIN only: replaces the moderation word list; returns the stored list. Logged.',
  })
  @RequirePermission('moderation.words.edit')
  async setModerationWords(
    @Args('input') input: SetModerationWordsInput,
    @CurrentUser() viewer: Principal,
  ): Promise<string[]> {
    return this.words.set(viewer, input.words);
  }
}
