/** Query limits that keep one request from costing the server too much. */
export const GRAPHQL_LIMITS = {
  maxDepth: 10,
  maxAliases: 10,
  maxOperationsPerDocument: 5,
  maxBatchSize: 5,
  maxCost: 5_000,
  maxTokens: 2_000,
  maxDirectives: 20,
} as const;
