import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Global, Logger, Module, ValidationPipe, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { PassportModule } from '@nestjs/passport';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { AccessGuard } from './auth/access.guard.js';
import { JwtStrategy } from './auth/jwt.strategy.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { dataSourceOptions, type SchemaParts } from './database/data-source-options.js';
import { validationExceptionFactory } from './errors/validation-exception-factory.js';
import { graphqlOptions } from './graphql/graphql-options.js';
import { RequestBudgetPlugin } from './graphql/request-budget.plugin.js';
import { HealthController } from './health/health.controller.js';
import { loggerOptions } from './logging/logger-options.js';
import { DATABASE_URL, EventBus } from './events/event-bus.js';
import { LiveBus } from './live/live-bus.js';
import { LiveServer } from './live/live-server.js';
import { AccessTokenVerifier } from './auth/access-token-verifier.js';
import { RateLimitService } from './rate-limit/rate-limit.service.js';
import { ReportedMessages } from './auth/reported-messages.js';
import { AccountExportParts } from './export/account-export.js';
import { MailBacklogResolver } from './mail/mail-backlog.resolver.js';
import { DirectFields } from './graphql/direct-fields.js';
import { DevMailController, UnsubscribeController } from './mail/mail.controller.js';
import { Mailer } from './mail/mailer.js';
import { UnsubscribeHandlers } from './mail/unsubscribe.js';
import { AnonymousCache } from './cache/anonymous-cache.js';
import { ReadReplicas } from './database/read-replicas.js';

/** The platform's own GraphQL resolvers (for the schema emitter). */
export const platformResolvers = [MailBacklogResolver];

export interface PlatformOptions {
  config: AppConfig;
  /** The database actually used (DATABASE_URL, or the embedded server's). */
  databaseUrl: string;
  schema: SchemaParts;
}

/** Config, logging, database, GraphQL, authentication, validation, events and mail: what every context stands on. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot({ config, databaseUrl, schema }: PlatformOptions): DynamicModule {
    const graphqlLogger = new Logger('GraphQL');
    // Built here because the GraphQL options need it; its injected parts are attached below.
    const live = new LiveServer(config);
    const cache = new AnonymousCache(config, databaseUrl);
    const replicas = new ReadReplicas(config, databaseUrl);
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot(loggerOptions(config)),
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(databaseUrl, schema, undefined, config.databaseReplicaUrls),
          // Plain reads of GraphQL queries may go to a replica (read-replicas.ts).
          dataSourceFactory: async (options?: DataSourceOptions) =>
            replicas.attach(
              await new DataSource(
                options ?? dataSourceOptions(databaseUrl, schema, undefined, config.databaseReplicaUrls),
              ).initialize(),
            ),
        }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          ...graphqlOptions(config, (error) => graphqlLogger.error(error), live, cache, replicas),
        }),
        PassportModule,
        TerminusModule,
      ],
      // The development mail page exists only outside production.
      controllers: [HealthController, UnsubscribeController, ...(config.isProduction ? [] : [DevMailController])],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_URL, useValue: databaseUrl },
        EventBus,
        LiveBus,
        AccessTokenVerifier,
        {
          provide: LiveServer,
          useFactory: (verifier: AccessTokenVerifier, bus: LiveBus) => live.attach(verifier, bus),
          inject: [AccessTokenVerifier, LiveBus],
        },
        { provide: AnonymousCache, useFactory: (bus: EventBus) => cache.attach(bus), inject: [EventBus] },
        { provide: ReadReplicas, useValue: replicas },
        JwtStrategy,
        RateLimitService,
        RequestBudgetPlugin,
        Mailer,
        UnsubscribeHandlers,
        AccountExportParts,
        ReportedMessages,
        MailBacklogResolver,
        DirectFields,
        { provide: APP_GUARD, useClass: AccessGuard },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({
            whitelist: true,
            forbidNonWhitelisted: true,
            transform: true,
            stopAtFirstError: true,
            exceptionFactory: validationExceptionFactory,
          }),
        },
      ],
      exports: [
        APP_CONFIG,
        RateLimitService,
        EventBus,
        LiveBus,
        LiveServer,
        Mailer,
        UnsubscribeHandlers,
        AnonymousCache,
        ReadReplicas,
        AccountExportParts,
        ReportedMessages,
        DirectFields,
      ],
    };
  }
}
