import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import {
  DecideMentorshipMessageReportDocument,
  MentorshipMessageReportsDocument,
  errorText,
} from '@crossroads/web-data-access';
import { fieldStyles, LoadMoreList, MarkdownView, QueryState, RelativeTime } from '@crossroads/web-ui';

const PAGE = 20;

/**
 * /moderation/messages: private mentorship messages a participant reported, oldest first, each with
 * the few messages around it (moderators see nothing else of a thread); hide it or dismiss the report.
 */
export function MessageReportsPage() {
  const { data, loading, error, fetchMore, refetch } = useQuery(MentorshipMessageReportsDocument, {
    variables: { first: PAGE },
    fetchPolicy: 'cache-and-network',
  });
  const [decideReport, { loading: deciding }] = useMutation(DecideMentorshipMessageReportDocument);
  const [message, setMessage] = useState<string | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});

  const decide = async (reportId: string, decision: 'DISMISS' | 'HIDE') => {
    setMessage(null);
    try {
      await decideReport({
        variables: { input: { reportId, decision, reason: reasons[reportId]?.trim() || undefined } },
      });
      setMessage(
        decision === 'HIDE'
          ? 'The message is removed; the pair sees “Removed by a moderator”.'
          : 'The report was dismissed; the message stays.',
      );
      await refetch();
    } catch (e) {
      setMessage(errorText(e));
    }
  };

  return (
    <section aria-labelledby="message-reports-title">
      <title>Reported messages · Moderation · Crossroads</title>
      <h2 id="message-reports-title">Reported mentorship messages</h2>
      <p role="status" className="muted">
        {message}
      </p>
      <QueryState
        data={data?.mentorshipMessageReports}
        loading={loading}
        error={error}
        loadingText="Loading reports…"
        errorText="The reports could not be loaded."
        showErrorMessage
        isEmpty={(q) => q.edges.length === 0}
        empty="No reported messages. When someone in a mentorship reports a message, it appears here, oldest first."
      >
        {(queue) => (
          <LoadMoreList pageInfo={queue.pageInfo} onLoadMore={(after) => fetchMore({ variables: { after } })}>
            <ol className="flag-list">
              {queue.edges.map(({ node: r }) => (
                <li key={r.id} className="panel flag-item" data-testid="message-report">
                  <h3 className="flag-item__title">
                    Reported by {r.reporter ? `@${r.reporter.handle}` : 'a deleted user'}
                  </h3>
                  <p className="muted">
                    <RelativeTime iso={r.reportedAt} /> · “{r.reason}”
                  </p>
                  <ol className="report-context" aria-label="The reported message in its context">
                    {r.context.map((m) => (
                      <li
                        key={m.id}
                        className={
                          m.isReported ? 'report-context__item report-context__item--reported' : 'report-context__item'
                        }
                        aria-current={m.isReported ? 'true' : undefined}
                      >
                        <p className="muted">
                          {m.author ? `@${m.author.handle}` : 'Deleted user'} · <RelativeTime iso={m.createdAt} />
                          {m.isReported ? <strong> · reported</strong> : null}
                          {m.removed ? ' · removed' : null}
                        </p>
                        <MarkdownView source={m.body} />
                      </li>
                    ))}
                  </ol>
                  <div className="inline-actions">
                    <label className="visually-hidden" htmlFor={`report-reason-${r.id}`}>
                      Reason (optional)
                    </label>
                    <input
                      id={`report-reason-${r.id}`}
                      className={fieldStyles.input}
                      placeholder="Reason (optional)"
                      value={reasons[r.id] ?? ''}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        setReasons((all) => ({ ...all, [r.id]: value }));
                      }}
                    />
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      disabled={deciding}
                      onClick={() => void decide(r.id, 'DISMISS')}
                    >
                      Dismiss report
                    </button>
                    <button
                      type="button"
                      className="button button--danger button--small"
                      disabled={deciding}
                      onClick={() => void decide(r.id, 'HIDE')}
                    >
                      Hide message
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
