import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SEARCH_THROTTLE } from '@crossroads/shared-domain';
import { TestApp, codeOf, randomIp } from './support/test-app.js';

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

  it('gives a batch one cost budget for all its operations, not one each', async () => {
    // questions → answers → comments, `n` of each: n = 8 costs about 77,000 (under 150,000 alone)
    const nested = (n: number) =>
      `{ questions(first: ${n}) { edges { node { answers(first: ${n}) { edges { node { comments(first: ${n}) { edges { node { id } } } } } } } } } }`;
    expect((await t.gql(nested(8))).errors).toBeUndefined();
    const two = JSON.parse((await t.post([{ query: nested(8) }, { query: nested(8) }])).text) as Array<{
      errors?: Array<{ message: string; extensions: { code: string } }>;
    }>;
    const refused = two.filter((r) => r.errors);
    expect(refused).toHaveLength(1);
    expect(refused[0].errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(refused[0].errors?.[0].message).toMatch(/cost/i);
    // five cheap ones (about 19,000 each) fit together
    const five = JSON.parse((await t.post(Array(5).fill({ query: nested(5) }))).text) as Array<{ errors?: unknown }>;
    expect(five.filter((r) => r.errors)).toEqual([]);
  });

  it('weighs a full-text search: a batch runs at most three', async () => {
    const search = {
      query: 'query ($s: String) { questions(first: 1, search: $s) { totalCount } }',
      variables: { s: 'career change' },
    };
    const results = JSON.parse((await t.post(Array(5).fill(search))).text) as Array<{
      data?: unknown;
      errors?: Array<{ message: string; extensions: { code: string } }>;
    }>;
    expect(results.filter((r) => !r.errors && r.data)).toHaveLength(3);
    const refused = results.filter((r) => r.errors);
    expect(refused).toHaveLength(2);
    for (const r of refused)
      expect(r.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/cost/i),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
  });

  it(`limits full-text searches to ${SEARCH_THROTTLE.perMinute} a minute per address, counting every kind and each search of a batch`, async () => {
    const ip = randomIp();
    const kinds = [
      { query: 'query ($s: String) { questions(first: 1, search: $s) { totalCount } }', variables: { s: 'pmo' } },
      { query: 'query ($s: String!) { search(query: $s, first: 1) { __typename } }', variables: { s: 'pmo' } },
      {
        query: 'query ($s: String!) { similarQuestions(title: $s) { id } }',
        variables: { s: 'moving into a pmo role' },
      },
      { query: 'query ($s: String) { mentors(first: 1, search: $s) { __typename } }', variables: { s: 'pmo' } },
    ];
    const batch = await t.post([kinds[0], kinds[1], kinds[2]], { ip });
    expect((JSON.parse(batch.text) as Array<{ errors?: unknown }>).filter((r) => r.errors)).toEqual([]);
    // the feed without a search is no search
    for (let i = 0; i < 5; i++)
      expect((await t.gql('{ questions(first: 1) { totalCount } }', {}, { ip })).errors).toBeUndefined();
    for (let i = 3; i < SEARCH_THROTTLE.perMinute; i++) {
      const { query, variables } = kinds[i % kinds.length];
      const r = await t.gql(query, variables, { ip });
      expect([i, r.errors]).toEqual([i, undefined]);
    }
    const over = await t.gql(kinds[0].query, kinds[0].variables, { ip });
    expect(over.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(over.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(over.errors?.[0].extensions?.retryAfterSeconds).toBeLessThanOrEqual(SEARCH_THROTTLE.windowSeconds);
    expect(over.data).toBeFalsy();
    // another address is not affected
    expect((await t.gql(kinds[0].query, kinds[0].variables, { ip: randomIp() })).errors).toBeUndefined();
  });

  it('refuses a document over 2,000 tokens', async () => {
    const result = await t.gql(`{ ${Array(2100).fill('__typename').join(' ')} }`);
    expect(codeOf(result)).toBe('GRAPHQL_PARSE_FAILED');
    expect(result.errors?.[0].message).toMatch(/token/i);
  });
});

describe('CSRF prevention', () => {
  it('refuses a mutation sent with GET', async () => {
    const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent('mutation { logout }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    const body = await res.text();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(body).not.toContain('"logout":true');
  });

  it('refuses a text/plain POST without the preflight header', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
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
    [
      'an input field',
      'mutation { register(input: { email: "a@b.c", emial: "a@b.c", password: "x", handle: "abc", displayName: "A" }) { accessToken } }',
      {},
    ],
    [
      'an input field in a variable',
      'mutation ($i: RegisterInput!) { register(input: $i) { accessToken } }',
      { i: { email: 'a@b.c', emial: 'a@b.c', password: 'x', handle: 'abc', displayName: 'A' } },
    ],
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
      await t.gql(
        'mutation { register(input: { email: "x", password: "y", handle: "z", displayName: "" }) { accessToken } }',
      ),
      await t.gql('mutation ($input: RegisterInput!) { register(input: $input) { accessToken } }', {
        input: { email: 1 },
      }),
      await t.post('{not json'),
    ];
    for (const r of results) {
      expect(r.text).not.toMatch(/stacktrace|at .*\.(js|ts):\d+|\/work\/|node_modules|SELECT |INSERT /i);
    }
    expect(results.slice(0, 4).map(codeOf)).toEqual([
      'GRAPHQL_PARSE_FAILED',
      'GRAPHQL_VALIDATION_FAILED',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
    ]);
  });
});
