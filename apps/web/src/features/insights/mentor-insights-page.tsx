import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { MyMentorInsightsDocument, type MyMentorInsightsQuery } from '@crossroads/web-data-access';
import { BarChart, ChartPanel, EmptyState, Panel, QueryState } from '@crossroads/web-ui';
import { RequirePermission } from '../../ui/require-permission.js';
import { PeriodControls } from './insights-page.js';
import styles from './insights.module.css';
import { Figure, hours, percent } from './panels.js';
import { periodFromParams } from './period.js';

type MentorInsights = MyMentorInsightsQuery['myMentorInsights'];

/** /mentoring/insights: a mentor's own requests, response time, reviews and answers by tag (never anyone else's). */
export function MentorInsightsPage() {
  // Any member (session.manage): one becomes a mentor by writing a profile, which the API checks.
  return (
    <RequirePermission permission="session.manage">
      <MentorInsightsView />
    </RequirePermission>
  );
}

function MentorInsightsView() {
  const [params, setParams] = useSearchParams();
  const period = periodFromParams(params, new Date());
  const { data, loading, error, refetch } = useQuery(MyMentorInsightsDocument, {
    variables: { period: { from: `${period.from}T00:00:00Z`, to: `${period.to}T00:00:00Z` } },
    fetchPolicy: 'cache-and-network',
  });
  const choose = (next: Record<string, string>) =>
    setParams(Object.fromEntries(Object.entries(next).filter(([k, v]) => v && k !== 'tag')));
  return (
    <section aria-labelledby="mentor-insights-title">
      <title>Your mentoring insights · Crossroads</title>
      <h1 id="mentor-insights-title">Your mentoring insights</h1>
      <p>
        Your own figures as a mentor: nobody else sees this page.{' '}
        <Link to="/mentorships?tab=mentor">Your requests</Link>
      </p>
      <PeriodControls
        key={params.toString()}
        preset={period.preset}
        from={period.from}
        to={period.to}
        tag=""
        withTag={false}
        onChoose={choose}
      />
      {isForbidden(error) ? (
        <EmptyState as="div">
          <h2>Mentoring insights are for mentors</h2>
          <p>Write a mentor profile and members can ask you for mentorship; your figures will show here.</p>
          <Link to="/mentor/profile" className="button">
            Your mentor profile
          </Link>
        </EmptyState>
      ) : (
        <QueryState
          data={data}
          loading={loading}
          error={error}
          errorText="Your insights could not be loaded."
          showErrorMessage
          onRetry={() => void refetch()}
        >
          {(d) => <MentorDashboard insights={d.myMentorInsights} from={period.from} to={period.to} />}
        </QueryState>
      )}
    </section>
  );
}

function isForbidden(error: unknown): boolean {
  return CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.['code'] === 'FORBIDDEN');
}

function MentorDashboard({ insights, from, to }: { insights: MentorInsights; from: string; to: string }) {
  const r = insights.requests;
  const range = `${from} to ${to}`;
  const file = (what: string) => `crossroads-mentor-${what}-${from}-${to}.csv`;
  return (
    <>
      <Panel title="Requests" headingLevel={2}>
        {r.requests ? (
          <dl className={styles['figures']}>
            <Figure label="Requests">{r.requests}</Figure>
            <Figure label="Answered">{percent(r.answered, r.requests)}</Figure>
            <Figure label="Acceptance rate">
              {r.acceptanceRate == null ? '—' : `${Math.round(r.acceptanceRate * 100)}%`}
            </Figure>
            <Figure label="Median response time">{hours(r.medianResponseHours)}</Figure>
          </dl>
        ) : (
          <EmptyState>Nobody asked you for mentorship from {range}.</EmptyState>
        )}
      </Panel>

      <ChartPanel
        title="Reviews over time"
        headingLevel={2}
        intro={
          <dl className={styles['figures']}>
            <Figure label="Reviews">{insights.reviewCount}</Figure>
            <Figure label="Average rating">
              {insights.averageRating == null ? '—' : `${insights.averageRating.toFixed(1)} of 5`}
            </Figure>
          </dl>
        }
        rows={insights.reviews}
        columns={[
          { header: 'Day', value: (d) => d.day },
          { header: 'Reviews', value: (d) => d.reviews },
          {
            header: 'Average rating',
            value: (d) => (d.averageRating == null ? '' : Math.round(d.averageRating * 10) / 10),
          },
        ]}
        file={file('reviews')}
        empty={insights.reviewCount ? null : `You received no reviews from ${range}.`}
        chart={
          <BarChart
            days={insights.reviews}
            series={[{ label: 'Reviews', value: (d) => d.reviews }]}
            summary={`Reviews per day, ${range}: ${insights.reviewCount} reviews${insights.averageRating == null ? '' : `, average ${insights.averageRating.toFixed(1)} of 5`}.`}
          />
        }
      />

      <ChartPanel
        title="Accepted answers by tag (all time)"
        headingLevel={2}
        rows={insights.answersByTag}
        columns={[
          { header: 'Tag', value: (t) => t.tag },
          { header: 'Answers', value: (t) => t.answers },
          { header: 'Accepted', value: (t) => t.accepted },
        ]}
        file={file('answers-by-tag')}
        empty={insights.answersByTag.length ? null : 'You have not answered a question yet.'}
        chart={
          <BarChart
            bars={insights.answersByTag.map((t) => ({
              label: `#${t.tag}`,
              value: t.accepted,
              text: `${t.accepted} of ${t.answers}`,
            }))}
            summary={`Accepted answers by tag: ${insights.answersByTag.map((t) => `${t.tag} ${t.accepted} of ${t.answers}`).join(', ')}.`}
          />
        }
      />
    </>
  );
}
