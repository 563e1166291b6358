import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  TypeInfo,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isScalarType,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import { INPUT_STRINGS } from '@crossroads/shared-domain';
import { BadInputError } from '../errors/domain-error.js';

// A lone UTF-16 surrogate: not encodable as UTF-8, so PostgreSQL would refuse it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string may not reach the services (and PostgreSQL), or null. */
export function stringProblem(value: string, field: string): string | null {
  if (value.includes('\u0000')) return `${field} must not contain NUL characters.`;
  if (LONE_SURROGATE.test(value)) return `${field} must not contain unpaired surrogates (invalid Unicode).`;
  if (value.length > INPUT_STRINGS.maxLength)
    return `${field} must be at most ${INPUT_STRINGS.maxLength.toLocaleString('en')} characters.`;
  return null;
}

/**
 * Checks every string that reaches a field argument — literals, variables, variable defaults, at
 * any depth of input objects and lists — before anything runs, so no resolver or SQL statement
 * ever sees a NUL, a lone surrogate or an unbounded string. BAD_USER_INPUT names the field as the
 * validation pipe does: the argument, or the path inside an input object argument (`target.targetId`).
 */
export function inputStringsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (operation) checkOperation(schema, document, operation, request.variables ?? {});
        },
      };
    },
  };
}

export function checkOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): void {
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);
  }
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition: (node) => (node === operation ? undefined : false),
      Argument(node) {
        const argument = typeInfo.getArgument();
        if (!argument) return;
        const inputObject = isInputObjectType(getNamedType(argument.type));
        checkNode(node.value, argument.type, inputObject ? '' : node.name.value);
      },
    }),
  );

  function checkNode(node: ValueNode, type: GraphQLInputType, path: string): void {
    const nullable = getNullableType(type);
    switch (node.kind) {
      case Kind.VARIABLE: {
        const name = node.name.value;
        if (name in variables) checkValue(variables[name], nullable, path);
        else {
          const fallback = defaults.get(name);
          if (fallback) checkNode(fallback, nullable, path);
        }
        return;
      }
      case Kind.STRING:
        return checkString(node.value, nullable, path);
      case Kind.LIST:
        if (isListType(nullable)) for (const item of node.values) checkNode(item, nullable.ofType, path);
        return;
      case Kind.OBJECT:
        if (!isInputObjectType(nullable)) return;
        for (const field of node.fields) {
          const definition = nullable.getFields()[field.name.value];
          if (definition) checkNode(field.value, definition.type, join(path, field.name.value));
        }
        return;
      default:
        return;
    }
  }

  function checkValue(value: unknown, type: GraphQLInputType, path: string): void {
    const nullable = getNullableType(type);
    if (typeof value === 'string') return checkString(value, nullable, path);
    if (Array.isArray(value)) {
      const item = isListType(nullable) ? nullable.ofType : nullable;
      for (const v of value) checkValue(v, item, path);
      return;
    }
    if (value && typeof value === 'object' && isInputObjectType(nullable)) {
      const fields = nullable.getFields();
      for (const [key, v] of Object.entries(value)) {
        if (fields[key]) checkValue(v, fields[key].type, join(path, key));
      }
    }
  }

  function checkString(value: string, type: GraphQLInputType, path: string): void {
    // Enum names are checked by GraphQL itself; any scalar (String, ID, custom) may carry text.
    if (!isScalarType(getNamedType(type))) return;
    const field = path || 'input';
    const problem = stringProblem(value, field);
    // 400 like GraphQL's own variable errors; the formatter shows the BadInputError (code and field)
    if (problem)
      throw new GraphQLError(problem, {
        originalError: new BadInputError(field, problem),
        extensions: { http: { status: 400 } },
      });
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
