import type { Request, Response } from 'express';
import type { Principal } from '../auth/principal.js';
import { LoaderRegistry } from './loader-registry.js';

export interface GraphqlContext {
  req: Omit<Request, 'user'> & { user?: Principal | null };
  res: Response;
  loaders: LoaderRegistry;
  /** The cost budget spent so far by this HTTP request (shared by the operations of a batch). */
  requestCost: { spent: number };
  /**
   * Set when the response must not enter the shared anonymous cache: it spent a per-client budget
   * (full-text searches are limited per address, and a cached answer would lift the limit).
   */
  uncacheable: boolean;
  /**
   * What a response from the shared cache must still do each time it is served, as `[kind, id]`
   * (a question's page view); the handlers register with `AnonymousCache.onHit`.
   */
  replayOnHit: [string, string][];
}

export function createGraphqlContext({ req, res }: { req: GraphqlContext['req']; res: Response }): GraphqlContext {
  return { req, res, loaders: new LoaderRegistry(), requestCost: { spent: 0 }, uncacheable: false, replayOnHit: [] };
}
