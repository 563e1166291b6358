import { GraphQLError, Kind, type ValidationContext, type ASTVisitor } from 'graphql';

/** Refuses documents holding more than `max` operations. */
export function maxOperationsRule(max: number) {
  return (context: ValidationContext): ASTVisitor => ({
    Document(node) {
      const count = node.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
      if (count > max) {
        context.reportError(new GraphQLError(`A document may hold at most ${max} operations (got ${count}).`));
      }
    },
  });
}
