import { useApolloClient, useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useState } from 'react';
import {
  ModerateCommentDocument,
  ModerationQueueChangedDocument,
  ModerationQueueDocument,
} from '@crossroads/web-data-access';
import { LoadMoreButton, QueryState } from '@crossroads/web-ui';
import { QueueList, type DecideResult } from './queue-list.js';

const PAGE = 20;

export function QueuePage() {
  const { data, loading, error, refetch, fetchMore } = useQuery(ModerationQueueDocument, {
    variables: { first: PAGE },
    fetchPolicy: 'cache-and-network',
  });
  const [moderate] = useMutation(ModerateCommentDocument);
  const client = useApolloClient();
  const [version, setVersion] = useState(0);
  const queue = data?.moderationQueue;
  // Held comments waiting now: the latest of the loaded count and the live one pushed whenever the
  // queue changes (anyone's decision, a new hold); a refetch after a reconnect wins over an old push.
  const total = queue?.totalCount;
  const [waiting, setWaiting] = useState<number | null>(total ?? null);
  const [loaded, setLoaded] = useState(data);
  if (data !== loaded) {
    setLoaded(data);
    if (total != null) setWaiting(total);
  }
  useSubscription(ModerationQueueChangedDocument, {
    onData: ({ data: event }) => event.data && setWaiting(event.data.moderationQueueChanged),
  });

  const onDecide = async (
    commentId: string,
    decision: 'APPROVE' | 'REJECT' | 'SPAM',
    reason: string | null,
  ): Promise<DecideResult> => {
    try {
      await moderate({ variables: { input: { commentId, decision, reason } } });
      onDecided();
      return 'done';
    } catch (e) {
      if (CombinedGraphQLErrors.is(e) && e.errors.some((x) => x.extensions?.['code'] === 'CONFLICT')) {
        onDecided();
        return 'conflict';
      }
      throw e;
    } finally {
      // Published comments show on their question page: the cached page is refetched next time.
      client.cache.evict({ fieldName: 'question' });
    }
  };
  // A decided comment (by us or, on a conflict, by someone else) left the queue: the cached count
  // drops with it, so the heading matches the list even when no live push arrives.
  const onDecided = () => {
    client.cache.modify({
      fields: {
        moderationQueue: (existing) => {
          const count = (existing as { totalCount?: unknown }).totalCount;
          return typeof count === 'number'
            ? ({ ...existing, totalCount: Math.max(0, count - 1) } as typeof existing)
            : existing;
        },
      },
    });
  };

  return (
    <section aria-labelledby="queue-title">
      <title>Held comments · Moderation · Crossroads</title>
      <h2 id="queue-title">
        {/* No count over an empty queue. */}
        Held comments
        {waiting ? (
          <span className="muted" data-testid="queue-count">
            {' '}
            ({waiting})
          </span>
        ) : null}
      </h2>
      <QueryState
        data={queue}
        loading={loading}
        error={error}
        loadingText="Loading the queue…"
        errorText="The queue could not be loaded."
        showErrorMessage
      >
        {(q) => (
          <>
            <QueueList key={version} items={q.edges.map((e) => e.node)} onDecide={onDecide} />
            <p className="queue__more">
              <LoadMoreButton pageInfo={q.pageInfo} onLoadMore={(after) => fetchMore({ variables: { after } })} />{' '}
              <button
                type="button"
                className="button button--quiet"
                onClick={() => void refetch().then(() => setVersion((v) => v + 1))}
              >
                Refresh the queue
              </button>
            </p>
          </>
        )}
      </QueryState>
    </section>
  );
}
