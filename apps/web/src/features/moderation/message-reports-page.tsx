import { useMutation, useQuery } from '@apollo/client/react';
import {
  DecideMentorshipMessageReportDocument,
  MentorshipMessageReportsDocument,
  errorText,
} from '@crossroads/web-data-access';
import { DecisionItem, DecisionList, MarkdownView, RelativeTime } from '@crossroads/web-ui';

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
  const [decideReport] = useMutation(DecideMentorshipMessageReportDocument);

  const decide = async (reportId: string, decision: 'DISMISS' | 'HIDE', reason: string) => {
    await decideReport({ variables: { input: { reportId, decision, reason: reason || undefined } } });
    return decision === 'HIDE'
      ? 'The message is removed; the pair sees “Removed by a moderator”.'
      : 'The report was dismissed; the message stays.';
  };

  return (
    <section aria-labelledby="message-reports-title">
      <title>Reported messages · Moderation · Crossroads</title>
      <h2 id="message-reports-title">Reported mentorship messages</h2>
      <DecisionList
        queue={data?.mentorshipMessageReports}
        loading={loading}
        error={error}
        loadingText="Loading reports…"
        errorText="The reports could not be loaded."
        empty="No reported messages. When someone in a mentorship reports a message, it appears here, oldest first."
        onLoadMore={(after) => fetchMore({ variables: { after } })}
        onDecided={() => refetch()}
        describeError={errorText}
        getKey={(r) => r.id}
      >
        {(r) => (
          <DecisionItem
            data-testid="message-report"
            title={`Reported by ${r.reporter ? `@${r.reporter.handle}` : 'a deleted user'}`}
            reason={{ label: 'Reason (optional)' }}
            decisions={[
              { label: 'Dismiss report', tone: 'quiet', onDecide: (reason) => decide(r.id, 'DISMISS', reason) },
              { label: 'Hide message', tone: 'danger', onDecide: (reason) => decide(r.id, 'HIDE', reason) },
            ]}
          >
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
          </DecisionItem>
        )}
      </DecisionList>
    </section>
  );
}
