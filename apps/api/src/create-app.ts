import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express from 'express';
import { Logger } from 'nestjs-pino';
import {
  GRAPHQL_LIMITS,
  batchLimit,
  securityHeaders,
  webAppMiddleware,
  type AppConfig,
} from '@crossroads/api-platform';
import { sessionHintBackfill } from '@crossroads/api-accounts';
import { AppModule } from './app.module.js';

/** Builds the HTTP application: the API at /graphql and /health, and the web app at /. */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(securityHeaders);
  app.use('/graphql', express.json({ limit: '1mb' }), batchLimit(GRAPHQL_LIMITS.maxBatchSize));
  app.use(cookieParser());
  app.use('/graphql', sessionHintBackfill(config.isProduction));
  const logger = app.get(Logger);
  const web = webAppMiddleware(config.webDistDir, {
    onRenderError: (error, url) =>
      logger.warn(`Server render of ${url} failed; sent the client-rendered page: ${String(error)}`, 'WebApp'),
  });
  if (web) app.use(web);
  return app;
}
