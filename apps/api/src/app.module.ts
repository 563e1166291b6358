import { Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { AccountsModule } from '@crossroads/api-accounts';
import { QaModule } from '@crossroads/api-qa';
import { MentoringModule } from '@crossroads/api-mentoring';
import { ModerationModule } from '@crossroads/api-moderation';
import { ImporterModule } from '@crossroads/api-importer';
import { KnowledgeBaseModule } from '@crossroads/api-knowledge-base';
import { InsightsModule } from '@crossroads/api-insights';
import { NotificationsModule } from '@crossroads/api-notifications';
import { AnonymousCache, PlatformModule, ReadReplicas, type AppConfig } from '@crossroads/api-platform';
import { apiSchema } from './api-schema.js';

@Module({})
export class AppModule implements NestModule {
  constructor(
    private readonly cache: AnonymousCache,
    private readonly replicas: ReadReplicas,
  ) {}

  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config, databaseUrl, schema: apiSchema }),
        AccountsModule,
        QaModule,
        MentoringModule,
        ModerationModule,
        ImporterModule,
        KnowledgeBaseModule,
        NotificationsModule,
        InsightsModule,
      ],
    };
  }

  /**
   * Anonymous reads answered from the shared cache never reach Apollo. Mounted here, after the global
   * modules' middleware (the request log and its X-Request-Id), so a cached answer is logged like any.
   */
  configure(consumer: MiddlewareConsumer): void {
    // Before the cache's middleware, so the route is set for everything the request runs (read-replicas.ts).
    if (this.replicas.enabled)
      consumer.apply(this.replicas.middleware()).forRoutes({ path: 'graphql', method: RequestMethod.ALL });
    if (this.cache.enabled)
      consumer.apply(this.cache.middleware()).forRoutes({ path: 'graphql', method: RequestMethod.ALL });
  }
}
