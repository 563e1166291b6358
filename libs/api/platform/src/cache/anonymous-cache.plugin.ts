import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphqlContext } from '../graphql/graphql-context.js';
import { PRIVATE_CACHE_CONTROL, notModified, type AnonymousCache, type CacheableRequest } from './anonymous-cache.js';
import { mutationDropsAll, rootFields, tagsForResponse } from './cache-tags.js';

/**
 * Stores the anonymous reads the cache middleware let through (successful queries only, never one
 * with errors nor one that ran a full-text search, whose per-address limit a hit would lift), and sets Cache-Control: public with an ETag on those, `private, no-store` on
 * everything else. A mutation that no domain event covers drops the whole cache before it answers.
 */
export function anonymousCachePlugin(cache: AnonymousCache): ApolloServerPlugin<GraphqlContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(rc) {
          const { http, body } = rc.response;
          const operation = rc.operation;
          http.headers.set('cache-control', PRIVATE_CACHE_CONTROL);
          if (!operation || !rc.document) return;
          if (operation.operation === 'mutation') {
            if (cache.enabled && mutationDropsAll(rootFields(operation, rc.document))) await cache.dropAll();
            return;
          }
          const cacheable = rc.contextValue.res.locals.anonymousCache as CacheableRequest | undefined;
          const result = body.kind === 'single' ? body.singleResult : undefined;
          if (!cacheable || operation.operation !== 'query' || !result || result.errors?.length || result.data == null)
            return;
          // Defence in depth: the middleware saw no credentials, and the document is the one it keyed on.
          if (
            rc.contextValue.uncacheable ||
            rc.contextValue.req.user ||
            rc.queryHash !== cacheable.queryHash ||
            (http.status ?? 200) !== 200
          )
            return;
          // Apollo's own serialisation (prettyJSONStringify of { errors, data, extensions }).
          const serialized = JSON.stringify({ data: result.data, extensions: result.extensions }) + '\n';
          const etag = await cache.save(
            cacheable,
            serialized,
            tagsForResponse(rootFields(operation, rc.document), result.data, rc.request.variables),
            rc.contextValue.replayOnHit,
          );
          http.headers.set('cache-control', cache.publicCacheControl);
          http.headers.set('etag', etag);
          http.headers.set('vary', 'Accept');
          http.headers.set('x-cache', 'MISS');
          // Node sends no body with a 304.
          const req = rc.contextValue.req;
          if (notModified(req.method, req.headers['if-none-match'], etag)) http.status = 304;
        },
      };
    },
  };
}
