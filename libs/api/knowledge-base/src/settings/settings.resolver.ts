import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, RequirePermission, type Principal } from '@crossroads/api-platform';
import { KnowledgeBaseSettingsInput, KnowledgeBaseSettingsModel } from './settings.model.js';
import { KbSettingsService } from './settings.service.js';

const toModel = (s: { mentorsMayWrite: boolean; updatedAt: Date }) =>
  Object.assign(new KnowledgeBaseSettingsModel(), { mentorsMayWrite: s.mentorsMayWrite, updatedAt: s.updatedAt });

@Resolver(() => KnowledgeBaseSettingsModel)
export class KbSettingsResolver {
  constructor(private readonly settings: KbSettingsService) {}

  @Query(() => KnowledgeBaseSettingsModel, { description: 'MODERATOR+: the knowledge-base settings.' })
  @RequirePermission('article.write')
  async knowledgeBaseSettings(): Promise<KnowledgeBaseSettingsModel> {
    return toModel(await this.settings.get());
  }

  @Mutation(() => KnowledgeBaseSettingsModel, { description: 'ADMIN: changes the knowledge-base settings.' })
  @RequirePermission('knowledge-base.configure')
  async setKnowledgeBaseSettings(
    @Args('input') input: KnowledgeBaseSettingsInput,
    @CurrentUser() viewer: Principal,
  ): Promise<KnowledgeBaseSettingsModel> {
    return toModel(await this.settings.set(viewer, input.mentorsMayWrite));
  }
}
