import { Module, type DynamicModule } from '@nestjs/common';
import { AccountsModule } from '@crossroads/api-accounts';
import { QaModule } from '@crossroads/api-qa';
import { MentoringModule } from '@crossroads/api-mentoring';
import { ModerationModule } from '@crossroads/api-moderation';
import { ImporterModule } from '@crossroads/api-importer';
import { KnowledgeBaseModule } from '@crossroads/api-knowledge-base';
import { NotificationsModule } from '@crossroads/api-notifications';
import { PlatformModule, type AppConfig } from '@crossroads/api-platform';
import { apiSchema } from './api-schema.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ config, databaseUrl, schema: apiSchema }), AccountsModule, QaModule, MentoringModule, ModerationModule, ImporterModule, KnowledgeBaseModule, NotificationsModule],
    };
  }
}
