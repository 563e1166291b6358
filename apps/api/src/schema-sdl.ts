import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { accountsResolvers } from '@crossroads/api-accounts';
import { qaResolvers } from '@crossroads/api-qa';
import { mentoringResolvers } from '@crossroads/api-mentoring';
import { moderationResolvers } from '@crossroads/api-moderation';
import { importerResolvers } from '@crossroads/api-importer';
import { knowledgeBaseResolvers } from '@crossroads/api-knowledge-base';
import { notificationsResolvers } from '@crossroads/api-notifications';
import { insightsResolvers } from '@crossroads/api-insights';
import { findProjectRoot, platformResolvers } from '@crossroads/api-platform';
import { join } from 'node:path';

/** Where the emitted schema is committed; the web client's types are generated from it. */
export const SCHEMA_FILE = join(findProjectRoot(), 'apps', 'api', 'schema.graphql');

const HEADER = '# Generated from the API code by `npm run schema:emit`. Do not edit by hand.\n\n';

export function printSortedSchema(schema: GraphQLSchema): string {
  return HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
}

/** Builds the schema from the resolvers' metadata alone: no database, no server. */
export async function buildSchemaSdl(): Promise<string> {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    const schema = await app
      .get(GraphQLSchemaFactory)
      .create([
        ...platformResolvers,
        ...accountsResolvers,
        ...qaResolvers,
        ...mentoringResolvers,
        ...moderationResolvers,
        ...importerResolvers,
        ...knowledgeBaseResolvers,
        ...notificationsResolvers,
        ...insightsResolvers,
      ]);
    return printSortedSchema(schema);
  } finally {
    await app.close();
  }
}
