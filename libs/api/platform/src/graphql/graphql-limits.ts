/** Query limits that keep one request from costing the server too much. */
export const GRAPHQL_LIMITS = {
  maxDepth: 10,
  maxAliases: 10,
  maxOperationsPerDocument: 5,
  maxBatchSize: 5,
  // armor's estimate: objects 2, scalars 1, ×1.5 per level, × `first` of lists
  // per HTTP request: a batch's operations share it
  maxCost: 150_000, // a question page with 30 answers and their comments costs about 60,000
  /** What a full-text search adds to the cost: three at most in one request. */
  searchCost: 40_000,
  maxTokens: 2_000,
  maxDirectives: 20,
} as const;
