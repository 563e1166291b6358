import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { errorText, FlagQueueDocument, ResolveFlagsDocument } from '@crossroads/web-data-access';
import { DecisionItem, DecisionList, RelativeTime } from '@crossroads/web-ui';

const PAGE = 20;

/** /moderation/flags: posts members flagged, oldest first; dismiss the flags or hide the post. */
export function FlagsPage() {
  const { data, loading, error, fetchMore, refetch } = useQuery(FlagQueueDocument, {
    variables: { first: PAGE },
    fetchPolicy: 'cache-and-network',
  });
  const [resolve] = useMutation(ResolveFlagsDocument);

  const decide = async (postId: string, decision: 'DISMISS' | 'HIDE', reason: string) => {
    await resolve({ variables: { input: { postId, decision, reason: reason || undefined } } });
    return decision === 'HIDE'
      ? 'The post is hidden and its flags are resolved.'
      : 'The flags were dismissed; the post is visible.';
  };

  return (
    <section aria-labelledby="flags-title">
      <title>Flags · Moderation · Crossroads</title>
      <h2 id="flags-title">Flagged posts</h2>
      <DecisionList
        queue={data?.flagQueue}
        loading={loading}
        error={error}
        loadingText="Loading flags…"
        errorText="The flags could not be loaded."
        empty="No open flags. Members’ flags on posts appear here, oldest first."
        onLoadMore={(after) => fetchMore({ variables: { after } })}
        onDecided={() => refetch()}
        describeError={errorText}
        getKey={(f) => f.postId}
      >
        {(f) => (
          <DecisionItem
            data-testid="flag"
            title={
              <>
                {f.postType === 'QUESTION' ? (
                  <Link to={`/q/${encodeURIComponent(f.postId)}`}>Question {f.postId.slice(0, 8)}</Link>
                ) : (
                  `${f.postType.toLowerCase()} ${f.postId.slice(0, 8)}`
                )}
                {f.hidden ? <span className="status-badge"> Hidden by flags</span> : null}
              </>
            }
            reason={{ label: 'Reason (optional)' }}
            decisions={[
              { label: 'Dismiss', tone: 'quiet', onDecide: (reason) => decide(f.postId, 'DISMISS', reason) },
              { label: 'Hide', tone: 'danger', onDecide: (reason) => decide(f.postId, 'HIDE', reason) },
            ]}
          >
            <p className="muted">
              {f.openFlagCount} open {f.openFlagCount === 1 ? 'flag' : 'flags'} · first{' '}
              <RelativeTime iso={f.firstFlaggedAt} />
            </p>
            <ul>
              {f.flags.map((fl) => (
                <li key={fl.id}>
                  <strong>{fl.reason.replace('_', ' ').toLowerCase()}</strong>
                  {fl.text ? `: ${fl.text}` : ''} — {fl.flagger ? `@${fl.flagger.handle}` : 'someone'}
                </li>
              ))}
            </ul>
          </DecisionItem>
        )}
      </DecisionList>
    </section>
  );
}
