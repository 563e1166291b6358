import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorText, FlagQueueDocument, ResolveFlagsDocument } from '@crossroads/web-data-access';
import { fieldStyles, LoadMoreList, QueryState, RelativeTime } from '@crossroads/web-ui';

const PAGE = 20;

/** /moderation/flags: posts members flagged, oldest first; dismiss the flags or hide the post. */
export function FlagsPage() {
  const { data, loading, error, fetchMore, refetch } = useQuery(FlagQueueDocument, {
    variables: { first: PAGE },
    fetchPolicy: 'cache-and-network',
  });
  const [resolve, { loading: resolving }] = useMutation(ResolveFlagsDocument);
  const [message, setMessage] = useState<string | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});

  const decide = async (postId: string, decision: 'DISMISS' | 'HIDE') => {
    setMessage(null);
    try {
      await resolve({ variables: { input: { postId, decision, reason: reasons[postId]?.trim() || undefined } } });
      setMessage(
        decision === 'HIDE'
          ? 'The post is hidden and its flags are resolved.'
          : 'The flags were dismissed; the post is visible.',
      );
      await refetch();
    } catch (e) {
      setMessage(errorText(e));
    }
  };

  return (
    <section aria-labelledby="flags-title">
      <title>Flags · Moderation · Crossroads</title>
      <h2 id="flags-title">Flagged posts</h2>
      <p role="status" className="muted">
        {message}
      </p>
      <QueryState
        data={data?.flagQueue}
        loading={loading}
        error={error}
        loadingText="Loading flags…"
        errorText="The flags could not be loaded."
        showErrorMessage
        isEmpty={(q) => q.edges.length === 0}
        empty="No open flags. Members’ flags on posts appear here, oldest first."
      >
        {(queue) => (
          <LoadMoreList pageInfo={queue.pageInfo} onLoadMore={(after) => fetchMore({ variables: { after } })}>
            <ol className="flag-list">
              {queue.edges.map(({ node: f }) => (
                <li key={f.postId} className="panel flag-item">
                  <h3 className="flag-item__title">
                    {f.postType === 'QUESTION' ? (
                      <Link to={`/q/${encodeURIComponent(f.postId)}`}>Question {f.postId.slice(0, 8)}</Link>
                    ) : (
                      `${f.postType.toLowerCase()} ${f.postId.slice(0, 8)}`
                    )}
                    {f.hidden ? <span className="status-badge"> Hidden by flags</span> : null}
                  </h3>
                  <p className="muted">
                    {f.openFlagCount} open {f.openFlagCount === 1 ? 'flag' : 'flags'} · first{' '}
                    <RelativeTime iso={f.firstFlaggedAt} />
                  </p>
                  <ul className="flag-item__flags">
                    {f.flags.map((fl) => (
                      <li key={fl.id}>
                        <strong>{fl.reason.replace('_', ' ').toLowerCase()}</strong>
                        {fl.text ? `: ${fl.text}` : ''} — {fl.flagger ? `@${fl.flagger.handle}` : 'someone'}
                      </li>
                    ))}
                  </ul>
                  <div className="inline-actions">
                    <label className="visually-hidden" htmlFor={`flag-reason-${f.postId}`}>
                      Reason (optional)
                    </label>
                    <input
                      id={`flag-reason-${f.postId}`}
                      className={fieldStyles.input}
                      placeholder="Reason (optional)"
                      value={reasons[f.postId] ?? ''}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        setReasons((r) => ({ ...r, [f.postId]: value }));
                      }}
                    />
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      disabled={resolving}
                      onClick={() => void decide(f.postId, 'DISMISS')}
                    >
                      Dismiss
                    </button>
                    <button
                      type="button"
                      className="button button--danger button--small"
                      disabled={resolving}
                      onClick={() => void decide(f.postId, 'HIDE')}
                    >
                      Hide
                    </button>
                  </div>
                </li>
              ))}
            </ol>
          </LoadMoreList>
        )}
      </QueryState>
    </section>
  );
}
