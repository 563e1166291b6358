import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  parse,
  validate,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { randomUUID } from 'node:crypto';
import { INPUT_STRINGS } from '@crossroads/shared-domain';
import { TestApp, type GqlResult } from './support/test-app.js';

/**
 * Walks the live schema: every argument of every Query and Mutation field that carries text
 * (String, ID, DateTime — directly, in lists, or as a field of an input object at any depth) gets
 * a NUL, a lone surrogate and an over-long value, and must answer BAD_USER_INPUT naming that field.
 */

let t: TestApp;
let schema: GraphQLSchema;
let adminToken: string;

beforeAll(async () => {
  t = await TestApp.start();
  schema = t.app.get(GraphQLSchemaHost).schema;
  adminToken = (await t.createUser('ADMIN')).token;
});
afterAll(() => t.close());

const NUMERIC = new Set(['Int', 'Float', 'Boolean']);
const textual = (type: GraphQLInputType) => {
  const named = getNamedType(type);
  return isScalarType(named) && !NUMERIC.has(named.name);
};

/** A valid value of a type: what required arguments and input fields get. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) value[field.name] = sample(field.type);
    }
    return value;
  }
  switch (type.name) {
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'ID':
      return randomUUID();
    case 'DateTime':
      return new Date().toISOString();
    default:
      return 'a valid probe value';
  }
}

/** `type`'s sample with `bad` at `path` (input object fields; lists get one item). */
function withBad(type: GraphQLInputType, path: string[], bad: string): unknown {
  if (isNonNullType(type)) return withBad(type.ofType, path, bad);
  if (isListType(type)) return [withBad(type.ofType, path, bad)];
  if (!path.length) return bad;
  if (!isInputObjectType(type)) throw new Error(`path ${path.join('.')} into a non-input type`);
  const [head, ...rest] = path;
  return { ...(sample(type) as object), [head]: withBad(type.getFields()[head].type, rest, bad) };
}

interface Target {
  operation: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  arg: string;
  /** Inside an input object argument. */
  path: string[];
  /** The expected extensions.field: the argument, or the path inside its input object. */
  expected: string;
}

function targets(): Target[] {
  const out: Target[] = [];
  const roots: ['query' | 'mutation', GraphQLObjectType | null | undefined][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ];
  for (const [operation, root] of roots) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      for (const arg of field.args) {
        if (textual(arg.type)) out.push({ operation, field, arg: arg.name, path: [], expected: arg.name });
        const walk = (type: GraphQLInputType, path: string[], seen: Set<string>) => {
          const named = getNamedType(type);
          if (!isInputObjectType(named) || seen.has(named.name)) return;
          for (const inner of Object.values(named.getFields())) {
            const innerPath = [...path, inner.name];
            if (textual(inner.type))
              out.push({ operation, field, arg: arg.name, path: innerPath, expected: innerPath.join('.') });
            walk(inner.type, innerPath, new Set([...seen, named.name]));
          }
        };
        walk(arg.type, [], new Set());
      }
    }
  }
  return out;
}

/** The operation calling `field` with every argument as a variable, checked against the schema. */
function operationFor(target: Target): string {
  const { field } = target;
  const defs = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isCompositeType(getNamedType(field.type)) ? '{ __typename }' : '';
  const query = `${target.operation} Probe(${defs}) { ${field.name}(${args}) ${selection} }`;
  const errors = validate(schema, parse(query));
  if (errors.length) throw new Error(`${query}: ${errors.map((e) => e.message).join('; ')}`);
  return query;
}

function variablesFor(target: Target, bad: string): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const arg of target.field.args) {
    if (arg.name === target.arg) variables[arg.name] = withBad(arg.type, target.path, bad);
    else if (isNonNullType(arg.type) && arg.defaultValue === undefined) variables[arg.name] = sample(arg.type);
  }
  return variables;
}

const BAD: [string, string][] = [
  ['a NUL', 'a\u0000b'],
  ['a lone surrogate', 'a\ud800b'],
  ['an over-long value', 'a'.repeat(INPUT_STRINGS.maxLength + 1)],
];

/** Runs `work` over `items`, `n` at a time. */
async function pool<T>(items: T[], n: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

describe('text in every argument and input field', () => {
  it('finds the arguments to probe', () => {
    const found = targets();
    // a sanity floor: the walk reaches top-level arguments and input object fields, nested ones too
    expect(found.length).toBeGreaterThan(100);
    expect(found.map((x) => `${x.field.name}.${x.expected}`)).toEqual(
      expect.arrayContaining([
        'questions.search',
        'question.id',
        'askQuestion.title',
        'askQuestion.tags',
        'flag.targetId',
      ]),
    );
  });

  it('refuses a NUL, a lone surrogate and an over-long value with BAD_USER_INPUT naming the field, as admin and as a guest', async () => {
    const problems: string[] = [];
    const cases = targets().flatMap((target) =>
      BAD.flatMap(([label, bad]) => [
        { target, label, bad, token: adminToken as string | undefined, who: 'admin' },
        ...(target.operation === 'query' ? [{ target, label, bad, token: undefined, who: 'guest' }] : []),
      ]),
    );
    await pool(cases, 6, async ({ target, label, bad, token, who }) => {
      const result: GqlResult = await t.gql(operationFor(target), variablesFor(target, bad), { token });
      const error = result.errors?.[0];
      const codes = (result.errors ?? []).map((e) => e.extensions?.code);
      if (
        error?.extensions?.code !== 'BAD_USER_INPUT' ||
        error.extensions.field !== target.expected ||
        codes.includes('INTERNAL_SERVER_ERROR')
      ) {
        problems.push(
          `${target.field.name}(${target.expected}) with ${label} as ${who}: ${JSON.stringify(error ?? result.data)?.slice(0, 200)}`,
        );
      }
    });
    expect(problems).toEqual([]);
  }, 600_000);

  it('accepts text at the limit and well-formed surrogate pairs', async () => {
    const search = await t.gql('query ($s: String) { questions(search: $s) { totalCount } }', {
      s: 'career 🚀 change',
    });
    expect(search.errors).toBeUndefined();
    // at the global maximum, the field's own rule answers (comment bodies are far shorter)
    const long = await t.gql('query ($s: String) { questions(search: $s) { totalCount } }', {
      s: 'a'.repeat(INPUT_STRINGS.maxLength),
    });
    expect(long.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
    expect(long.errors?.[0].message).not.toMatch(/100,000/);
  });

  it('checks literals and variable defaults too, not only variables', async () => {
    const literal = await t.gql('{ questions(search: "a\\u0000b") { totalCount } }');
    expect(literal.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
    const byDefault = await t.gql('query ($s: String = "a\\u0000b") { questions(search: $s) { totalCount } }');
    expect(byDefault.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
  });
});
