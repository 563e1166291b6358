import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestApp, codeOf } from './support/test-app.js';

let t: TestApp;
let prod: TestApp;

beforeAll(async () => {
  t = await TestApp.start();
  prod = await TestApp.start({ nodeEnv: 'production', isProduction: true });
});
afterAll(async () => {
  await t.close();
  await prod.close();
});

/** A query exactly `depth` levels deep, built from __type's ofType chain. */
function nestedTypeQuery(depth: number): string {
  // __type(name) { fields { type { ofType { ofType … } } } }: each ofType adds one level
  let inner = 'name';
  for (let i = 0; i < depth - 4; i++) inner = `ofType { ${inner} }`;
  return `{ __type(name: "User") { fields { type { ${inner} } } } }`;
}

describe('query limits', () => {
  it('accepts depth 10 and refuses depth 11', async () => {
    expect((await t.gql(nestedTypeQuery(10))).errors).toBeUndefined();
    const deep = await t.gql(nestedTypeQuery(11));
    expect(codeOf(deep)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(deep.errors?.[0].message).toMatch(/depth/i);
  });

  it('counts a fragment as the fields it holds: depth 10 through fragments is accepted', async () => {
    let inner = 'name';
    for (let i = 0; i < 6; i++) inner = `ofType { ${inner} }`;
    const query = `{ __type(name: "User") { ...F } } fragment F on __Type { fields { type { ...G } } } fragment G on __Type { ${inner} }`;
    expect((await t.gql(query)).errors).toBeUndefined();
  });

  it('refuses depth hidden in fragments', async () => {
    let inner = 'name';
    for (let i = 0; i < 7; i++) inner = `ofType { ${inner} }`;
    const query = `{ __type(name: "User") { ...F } } fragment F on __Type { fields { type { ...G } } } fragment G on __Type { ${inner} }`;
    expect(codeOf(await t.gql(query))).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('accepts 10 aliases and refuses 11', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `m${i}: me { id }`).join(' ')} }`;
    expect((await t.gql(aliases(10))).errors).toBeUndefined();
    const many = await t.gql(aliases(11));
    expect(codeOf(many)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(many.errors?.[0].message).toMatch(/alias/i);
  });

  it('refuses a document with more than 5 operations', async () => {
    const ops = Array.from({ length: 6 }, (_, i) => `query Q${i} { me { id } }`).join('\n');
    const result = await t.post({ query: ops, operationName: 'Q0' });
    expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0].message).toMatch(/at most 5 operations/);
  });

  it('accepts a batch of 5 operations and refuses a batch of 6', async () => {
    const op = { query: '{ me { id } }' };
    const five = await t.post([op, op, op, op, op]);
    expect(five.status).toBe(200);
    expect(JSON.parse(five.text)).toHaveLength(5);
    const six = await t.post([op, op, op, op, op, op]);
    expect(six.status).toBe(400);
    expect(six.text).toMatch(/at most 5 operations/);
  });

  it('refuses a query whose cost is over the budget', async () => {
    // within the depth, alias and token limits, yet 50 × 50 × 50 nested list items cost too much
    const nested = (n: number) =>
      `{ questions(first: ${n}) { edges { node { answers(first: ${n}) { edges { node { comments(first: ${n}) { edges { node { id } } } } } } } } } }`;
    expect((await t.gql(nested(5))).errors).toBeUndefined();
    const result = await t.gql(nested(50));
    expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0].message).toMatch(/cost/i);
  });

  it('refuses a document over 2,000 tokens', async () => {
    const result = await t.gql(`{ ${Array(2100).fill('__typename').join(' ')} }`);
    expect(codeOf(result)).toBe('GRAPHQL_PARSE_FAILED');
    expect(result.errors?.[0].message).toMatch(/token/i);
  });
});

describe('CSRF prevention', () => {
  it('refuses a mutation sent with GET', async () => {
    const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent('mutation { logout }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    const body = await res.text();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(body).not.toContain('"logout":true');
  });

  it('refuses a text/plain POST without the preflight header', async () => {
    const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: 'mutation { logout }' }) });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('"logout":true');
  });
});

describe('production mode', () => {
  it('turns introspection off', async () => {
    expect((await t.gql('{ __schema { queryType { name } } }')).errors).toBeUndefined();
    const result = await prod.gql('{ __schema { queryType { name } } }');
    expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('gives no "did you mean" hints', async () => {
    const dev = await t.gql('{ mee { id } }');
    expect(dev.text).toMatch(/Did you mean/);
    const result = await prod.gql('{ mee { id } }');
    expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0].message).not.toMatch(/Did you mean/i);
  });

  // Every kind of hint graphql-js gives: fields, arguments, enum values (literal and variable),
  // types, input fields and fragment type conditions.
  const hinted: [string, string, Record<string, unknown>][] = [
    ['an enum value', '{ questions(sort: VOTE) { totalCount } }', {}],
    ['an enum value in a variable', 'query ($s: QuestionSort) { questions(sort: $s) { totalCount } }', { s: 'VOTE' }],
    ['an argument', '{ questions(frist: 5) { totalCount } }', {}],
    ['a type', 'query ($s: QuestionSrot) { questions(sort: $s) { totalCount } }', {}],
    ['an input field', 'mutation { register(input: { email: "a@b.c", emial: "a@b.c", password: "x", handle: "abc", displayName: "A" }) { accessToken } }', {}],
    ['an input field in a variable', 'mutation ($i: RegisterInput!) { register(input: $i) { accessToken } }', { i: { email: 'a@b.c', emial: 'a@b.c', password: 'x', handle: 'abc', displayName: 'A' } }],
    ['a field', '{ me { handel } }', {}],
  ];
  it.each(hinted)('gives no "did you mean" hint for %s', async (_kind, query, variables) => {
    const dev = await t.gql(query, variables);
    expect(dev.text).toMatch(/Did you mean/);
    const result = await prod.gql(query, variables);
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(result.text).not.toMatch(/Did you mean|Suggestion/i);
  });
});

describe('error bodies', () => {
  it('carry a code, and no stack trace, SQL or file path', async () => {
    const results = [
      await t.gql('{ me { id '),
      await t.gql('{ nope }'),
      await t.gql('mutation { register(input: { email: "x", password: "y", handle: "z", displayName: "" }) { accessToken } }'),
      await t.gql('mutation ($input: RegisterInput!) { register(input: $input) { accessToken } }', { input: { email: 1 } }),
      await t.post('{not json'),
    ];
    for (const r of results) {
      expect(r.text).not.toMatch(/stacktrace|at .*\.(js|ts):\d+|\/work\/|node_modules|SELECT |INSERT /i);
    }
    expect(results.slice(0, 4).map(codeOf)).toEqual(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_USER_INPUT']);
  });
});
