import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { LIMITS } from '@crossroads/shared-domain';
import { DecideMentorPauseAppealDocument, MentorPauseAppealsDocument, errorText } from '@crossroads/web-data-access';
import { fieldStyles, LoadMoreList, QueryState, RelativeTime } from '@crossroads/web-ui';

const PAGE = 20;
const REASON = LIMITS.moderation.reason;

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
  const [decideAppeal, { loading: deciding }] = useMutation(DecideMentorPauseAppealDocument);
  const [message, setMessage] = useState<string | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});

  const decide = async (appealId: string, lift: boolean) => {
    setMessage(null);
    const reason = reasons[appealId]?.trim() ?? '';
    if (reason.length < REASON.min || reason.length > REASON.max)
      return setErrors((all) => ({
        ...all,
        [appealId]: `Give a reason for the audit log (${REASON.min} to ${REASON.max} characters).`,
      }));
    setErrors((all) => ({ ...all, [appealId]: undefined }));
    try {
      await decideAppeal({ variables: { input: { appealId, lift, reason } } });
      setMessage(lift ? 'The pause is lifted; the mentor takes requests again.' : 'The pause stays until it ends.');
      await refetch();
    } catch (e) {
      setMessage(errorText(e));
    }
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
      <p role="status" className="muted">
        {message}
      </p>
      <QueryState
        data={data?.mentorPauseAppeals}
        loading={loading}
        error={error}
        loadingText="Loading appeals…"
        errorText="The appeals could not be loaded."
        showErrorMessage
        isEmpty={(q) => q.edges.length === 0}
        empty="No appeals waiting."
      >
        {(queue) => (
          <LoadMoreList pageInfo={queue.pageInfo} onLoadMore={(after) => fetchMore({ variables: { after } })}>
            <ol className="flag-list">
              {queue.edges.map(({ node: a }) => (
                <li key={a.id} className="panel flag-item" data-testid="pause-appeal">
                  <h3 className="flag-item__title">
                    <Link to={`/u/${encodeURIComponent(a.mentor.handle)}`}>{a.mentor.displayName}</Link>{' '}
                    <span className="muted">@{a.mentor.handle}</span>
                  </h3>
                  <p className="muted">
                    Appealed <RelativeTime iso={a.createdAt} />
                  </p>
                  <blockquote className="appeal-message">{a.message}</blockquote>
                  <div className={fieldStyles.field}>
                    <label htmlFor={`appeal-reason-${a.id}`}>Reason (for the audit log)</label>
                    <input
                      id={`appeal-reason-${a.id}`}
                      className={fieldStyles.input}
                      value={reasons[a.id] ?? ''}
                      aria-invalid={errors[a.id] ? true : undefined}
                      aria-describedby={errors[a.id] ? `appeal-reason-error-${a.id}` : undefined}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        setReasons((all) => ({ ...all, [a.id]: value }));
                      }}
                    />
                    {errors[a.id] ? (
                      <p id={`appeal-reason-error-${a.id}`} className={fieldStyles.error}>
                        {errors[a.id]}
                      </p>
                    ) : null}
                  </div>
                  <div className="inline-actions">
                    <button
                      type="button"
                      className="button button--small"
                      disabled={deciding}
                      onClick={() => void decide(a.id, true)}
                    >
                      Lift the pause
                    </button>
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      disabled={deciding}
                      onClick={() => void decide(a.id, false)}
                    >
                      Keep the pause
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
