import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { serverAudits } from 'graphql-http';
import { TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await TestApp.start();
});
afterAll(() => t.close());

describe('GraphQL over HTTP', () => {
  it('passes the graphql-http server audit with no errors', async () => {
    const errors: string[] = [];
    let ok = 0;
    for (const audit of serverAudits({ url: `${t.url}/graphql`, fetchFn: fetch })) {
      const result = await audit.fn();
      if (result.status === 'error') errors.push(`${audit.name}: ${result.reason}`);
      if (result.status === 'ok') ok += 1;
    }
    expect(errors).toEqual([]);
    // Warnings are SHOULDs (e.g. 200 rather than 400 for a parse failure sent as application/json).
    expect(ok).toBeGreaterThan(20);
  });
});
