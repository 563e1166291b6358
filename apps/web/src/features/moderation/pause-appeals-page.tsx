import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { LIMITS } from '@crossroads/shared-domain';
import { DecideMentorPauseAppealDocument, MentorPauseAppealsDocument, errorText } from '@crossroads/web-data-access';
import { DecisionItem, DecisionList, RelativeTime } from '@crossroads/web-ui';

const PAGE = 20;

/**
 * /moderation/appeals: mentors whose new requests are paused (repeated no-shows or late
 * cancellations) asking to lift the pause, oldest first. Lift it now or keep it, with a reason for
 * the audit log.
 */
export function PauseAppealsPage() {
  const { data, loading, error, fetchMore, refetch } = useQuery(MentorPauseAppealsDocument, {
    variables: { first: PAGE },
    fetchPolicy: 'cache-and-network',
  });
  const [decideAppeal] = useMutation(DecideMentorPauseAppealDocument);

  const decide = async (appealId: string, lift: boolean, reason: string) => {
    await decideAppeal({ variables: { input: { appealId, lift, reason } } });
    return lift ? 'The pause is lifted; the mentor takes requests again.' : 'The pause stays until it ends.';
  };

  return (
    <section aria-labelledby="appeals-title">
      <title>Pause appeals · Moderation · Crossroads</title>
      <h2 id="appeals-title">Mentors’ pause appeals</h2>
      <p className="muted">
        A mentor with {LIMITS.mentoring.conduct.pauseThreshold} no-shows or late cancellations within{' '}
        {LIMITS.mentoring.conduct.windowDays} days takes no new requests for {LIMITS.mentoring.conduct.pauseDays} days
        and may appeal once.
      </p>
      <DecisionList
        queue={data?.mentorPauseAppeals}
        loading={loading}
        error={error}
        loadingText="Loading appeals…"
        errorText="The appeals could not be loaded."
        empty="No appeals waiting."
        onLoadMore={(after) => fetchMore({ variables: { after } })}
        onDecided={() => refetch()}
        describeError={errorText}
        getKey={(a) => a.id}
      >
        {(a) => (
          <DecisionItem
            data-testid="pause-appeal"
            title={
              <>
                <Link to={`/u/${encodeURIComponent(a.mentor.handle)}`}>{a.mentor.displayName}</Link>{' '}
                <span className="muted">@{a.mentor.handle}</span>
              </>
            }
            reason={{ label: 'Reason (for the audit log)', required: true }}
            decisions={[
              { label: 'Lift the pause', onDecide: (reason) => decide(a.id, true, reason) },
              { label: 'Keep the pause', tone: 'quiet', onDecide: (reason) => decide(a.id, false, reason) },
            ]}
          >
            <p className="muted">
              Appealed <RelativeTime iso={a.createdAt} />
            </p>
            <blockquote className="appeal-message">{a.message}</blockquote>
          </DecisionItem>
        )}
      </DecisionList>
    </section>
  );
}
