import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { readFileSync } from 'node:fs';
import { pendingSchemaChanges } from '@crossroads/api-platform';
import { apiSchema } from '../src/api-schema.js';
import { SCHEMA_FILE, buildSchemaSdl, printSortedSchema } from '../src/schema-sdl.js';
import { TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await TestApp.start();
});
afterAll(() => t.close());

describe('schema artifacts', () => {
  it('the committed schema.graphql is what the running API serves', () => {
    const served = printSortedSchema(t.app.get(GraphQLSchemaHost).schema);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(served);
  });

  it('the schema emitter (no database) prints the same schema as the running API', async () => {
    expect(await buildSchemaSdl()).toBe(printSortedSchema(t.app.get(GraphQLSchemaHost).schema));
  });

  it('entities and migrations agree: the migrated database needs no change', async () => {
    expect(await pendingSchemaChanges(process.env.TEST_DATABASE_URL!, apiSchema)).toEqual([]);
  });
});

describe('health', () => {
  it('reports the API and its database up', async () => {
    const res = await fetch(`${t.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });
});
