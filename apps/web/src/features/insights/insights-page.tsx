import { useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CommunityInsightsDocument, type CommunityInsightsQuery } from '@crossroads/web-data-access';
import {
  BarChart,
  CHART_COLOURS,
  ChartPanel,
  CsvButton,
  DataTable,
  EmptyState,
  Panel,
  QueryState,
  TextField,
  type TableColumn,
} from '@crossroads/web-ui';
import { Figure, hours, percent } from './panels.js';
import styles from './insights.module.css';
import { periodFromParams, PRESETS, type Preset } from './period.js';

type Insights = CommunityInsightsQuery['communityInsights'];

/** /moderation/insights: the community's health over a period, as charts each with a table and a CSV. */
export function InsightsPage() {
  const [params, setParams] = useSearchParams();
  const period = periodFromParams(params, new Date());
  const { data, loading, error, refetch } = useQuery(CommunityInsightsDocument, {
    variables: { period: { from: `${period.from}T00:00:00Z`, to: `${period.to}T00:00:00Z`, tag: period.tag } },
    fetchPolicy: 'cache-and-network',
  });
  const choose = (next: Record<string, string>) =>
    setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)));
  return (
    <section aria-labelledby="insights-title">
      <h2 id="insights-title">Insights</h2>
      <PeriodControls
        key={params.toString()}
        preset={period.preset}
        from={period.from}
        to={period.to}
        tag={period.tag ?? ''}
        onChoose={choose}
      />
      <QueryState
        data={data}
        loading={loading}
        error={error}
        errorText="The insights could not be loaded."
        showErrorMessage
        onRetry={() => void refetch()}
      >
        {(d) => <Dashboard insights={d.communityInsights} />}
      </QueryState>
    </section>
  );
}

export function PeriodControls({
  preset,
  from,
  to,
  tag,
  onChoose,
  withTag = true,
}: {
  preset: Preset;
  from: string;
  to: string;
  tag: string;
  onChoose: (p: Record<string, string>) => void;
  /** The mentor's page has no tag filter. */
  withTag?: boolean;
}) {
  const [draft, setDraft] = useState({ preset, from, to, tag });
  const name = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChoose(
      draft.preset === 'custom'
        ? { from: draft.from, to: draft.to, tag: draft.tag.trim() }
        : { days: draft.preset, tag: draft.tag.trim() },
    );
  };
  return (
    <form className={styles['controls']} onSubmit={submit} aria-label={withTag ? 'Period and tag' : 'Period'}>
      <fieldset className={styles['periods']}>
        <legend>Period</legend>
        {PRESETS.map((p) => (
          <label key={p.id}>
            <input
              type="radio"
              name={name}
              value={p.id}
              checked={draft.preset === p.id}
              onChange={() => setDraft({ ...draft, preset: p.id })}
            />
            {p.label}
          </label>
        ))}
      </fieldset>
      {draft.preset === 'custom' ? (
        <>
          <TextField
            label="From"
            type="date"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
          <TextField
            label="To"
            type="date"
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
        </>
      ) : null}
      {withTag ? (
        <TextField
          label="Tag (optional)"
          value={draft.tag}
          onChange={(e) => setDraft({ ...draft, tag: e.target.value })}
          placeholder="e.g. pmo"
        />
      ) : null}
      <button type="submit" className="button">
        Apply
      </button>
    </form>
  );
}

function Dashboard({ insights }: { insights: Insights }) {
  const scope = insights.tag ? ` in #${insights.tag}` : '';
  const lastDay = insights.activity.at(-1)?.day ?? '';
  const range = `${insights.activity[0]?.day ?? ''} to ${lastDay}`;
  const totals = insights.activity.reduce(
    (t, d) => ({
      questions: t.questions + d.questions,
      answers: t.answers + d.answers,
      comments: t.comments + d.comments,
    }),
    { questions: 0, answers: 0, comments: 0 },
  );
  const file = (what: string) =>
    `crossroads-${what}-${insights.activity[0]?.day ?? ''}-${lastDay}${insights.tag ? `-${insights.tag}` : ''}.csv`;
  const empty = totals.questions + totals.answers + totals.comments === 0;
  return (
    <>
      <p>
        {range}
        {scope} (UTC days).
      </p>
      <dl className={styles['figures']}>
        <Figure label="Questions asked">{insights.questionsAsked}</Figure>
        <Figure label="Answered">{percent(insights.questionsAnswered, insights.questionsAsked)}</Figure>
        <Figure label="Median time to first answer">{hours(insights.medianHoursToFirstAnswer)}</Figure>
        <Figure label="With an accepted answer">{percent(insights.questionsAccepted, insights.questionsAsked)}</Figure>
        <Figure label="Median time to accepted answer">{hours(insights.medianHoursToAcceptedAnswer)}</Figure>
      </dl>
      {insights.medianBasis < insights.questionsAsked ? (
        <p className={styles['note']}>
          Medians from a uniform sample of {insights.medianBasis.toLocaleString('en')} of the period’s{' '}
          {insights.questionsAsked.toLocaleString('en')} questions; counts are exact.
        </p>
      ) : null}

      <ChartPanel
        title="Posts per day"
        rows={insights.activity}
        columns={[
          { header: 'Day', value: (d) => d.day },
          { header: 'Questions', value: (d) => d.questions },
          { header: 'Answers', value: (d) => d.answers },
          { header: 'Comments', value: (d) => d.comments },
        ]}
        file={file('activity')}
        empty={empty ? `Nobody posted${scope} from ${range}.` : null}
        chart={
          <BarChart
            stacked
            days={insights.activity}
            series={[
              { label: 'Questions', value: (d) => d.questions },
              { label: 'Answers', value: (d) => d.answers },
              { label: 'Comments', value: (d) => d.comments },
            ]}
            summary={`Posts per day${scope}, ${range}: ${totals.questions} questions, ${totals.answers} answers, ${totals.comments} comments.`}
          />
        }
      />

      <ChartPanel
        title="Unanswered by tag"
        rows={insights.unansweredByTag}
        columns={[
          { header: 'Tag', value: (t) => t.tag },
          { header: 'Questions', value: (t) => t.questions },
          { header: 'Unanswered', value: (t) => t.unanswered },
          { header: 'Unanswered %', value: (t) => Math.round(t.unansweredRate * 100) },
        ]}
        file={file('unanswered-by-tag')}
        empty={insights.unansweredByTag.length ? null : `No questions were asked${scope} in this period.`}
        chart={
          <BarChart
            bars={insights.unansweredByTag.map((t) => ({
              label: t.tag,
              value: t.unansweredRate,
              text: `${Math.round(t.unansweredRate * 100)}%`,
            }))}
            max={1}
            colour={CHART_COLOURS[1]}
            summary={`Share of questions without an answer, by tag: ${insights.unansweredByTag.map((t) => `${t.tag} ${Math.round(t.unansweredRate * 100)}%`).join(', ')}.`}
          />
        }
      />

      <Mentorship insights={insights} />
      <Moderation insights={insights} file={file('moderator-decisions')} />
      <Flags insights={insights} file={file('flags-by-reason')} />
      <NewMembers insights={insights} file={file('new-members')} range={range} />
      <Articles insights={insights} file={file('article-helpfulness')} range={range} />

      <UnmetSearches insights={insights} file={file('searches-without-results')} />
    </>
  );
}

/** Requests made in the period; the tag does not apply to mentorships. */
function Mentorship({ insights }: { insights: Insights }) {
  const m = insights.mentorship;
  return (
    <Panel title="Mentorship requests">
      {m.requests ? (
        <dl className={styles['figures']}>
          <Figure label="Requests">{m.requests}</Figure>
          <Figure label="Answered by the mentor">{percent(m.answered, m.requests)}</Figure>
          <Figure label="Acceptance rate">
            {m.acceptanceRate == null ? '—' : `${Math.round(m.acceptanceRate * 100)}%`}
          </Figure>
          <Figure label="Median response time">{hours(m.medianResponseHours)}</Figure>
        </dl>
      ) : (
        <EmptyState>Nobody asked for a mentor in this period.</EmptyState>
      )}
    </Panel>
  );
}

/** The held-comment backlog now, and the period's decisions per moderator. */
function Moderation({ insights, file }: { insights: Insights; file: string }) {
  const m = insights.moderation;
  const rows = m.decisionsByModerator.map((d) => ({
    moderator: d.moderator ? `${d.moderator.displayName} (@${d.moderator.handle})` : 'Deleted user',
    short: d.moderator ? `@${d.moderator.handle}` : 'Deleted user',
    decisions: d.decisions,
    medianHours: d.medianHours,
  }));
  return (
    <>
      <Panel title="Held comments">
        <dl className={styles['figures']}>
          <Figure label="Comments held now">{m.heldNow}</Figure>
          <Figure label="Oldest waiting for">{hours(m.oldestHeldHours)}</Figure>
          <Figure label="Decisions in the period">{m.decisions}</Figure>
        </dl>
      </Panel>
      <ChartPanel
        title="Decision time by moderator"
        rows={rows}
        columns={[
          { header: 'Moderator', value: (r) => r.moderator },
          { header: 'Decisions', value: (r) => r.decisions },
          { header: 'Median hours', value: (r) => Math.round(r.medianHours * 10) / 10 },
        ]}
        file={file}
        empty={rows.length ? null : 'No held comment was decided in this period.'}
        chart={
          <BarChart
            bars={rows.map((r) => ({
              label: r.short,
              value: r.medianHours,
              text: `${hours(r.medianHours)} (${r.decisions})`,
            }))}
            summary={`Median time from held to decided, by moderator: ${rows.map((r) => `${r.moderator} ${hours(r.medianHours)} over ${r.decisions} decisions`).join(', ')}.`}
          />
        }
      />
    </>
  );
}

const REASONS: Record<string, string> = {
  SPAM: 'Spam',
  RUDE: 'Rude or abusive',
  OFF_TOPIC: 'Off topic',
  NEEDS_IMPROVEMENT: 'Needs improvement',
  OTHER: 'Other',
};
const reasonLabel = (r: string) => REASONS[r] ?? r;
const share = (r: number | null | undefined) => (r == null ? '—' : `${Math.round(r * 100)}%`);

/** Flags raised in the period by reason, and how long moderators took to resolve them; the tag does not apply. */
function Flags({ insights, file }: { insights: Insights; file: string }) {
  const f = insights.flags;
  return (
    <>
      <Panel title="Flags">
        <dl className={styles['figures']}>
          <Figure label="Flags raised">{f.flags}</Figure>
          <Figure label="Resolved">{percent(f.resolved, f.flags)}</Figure>
          <Figure label="Median time to resolve">{hours(f.medianHoursToResolve)}</Figure>
        </dl>
      </Panel>
      <ChartPanel
        title="Flags by reason"
        rows={f.byReason}
        columns={[
          { header: 'Reason', value: (r) => reasonLabel(r.reason) },
          { header: 'Flags', value: (r) => r.flags },
          { header: 'Resolved', value: (r) => r.resolved },
          {
            header: 'Median hours to resolve',
            value: (r) => (r.medianHoursToResolve == null ? '' : Math.round(r.medianHoursToResolve * 10) / 10),
          },
        ]}
        file={file}
        empty={f.byReason.length ? null : 'Nobody flagged a post in this period.'}
        chart={
          <BarChart
            bars={f.byReason.map((r) => ({
              label: reasonLabel(r.reason),
              value: r.flags,
              text: `${r.flags} (resolved in ${hours(r.medianHoursToResolve)})`,
            }))}
            summary={`Flags by reason: ${f.byReason.map((r) => `${reasonLabel(r.reason)} ${r.flags}, ${r.resolved} resolved, median ${hours(r.medianHoursToResolve)}`).join('; ')}.`}
          />
        }
      />
    </>
  );
}

/** Members who joined per day and how many came back within their first week; the tag does not apply. */
function NewMembers({ insights, file, range }: { insights: Insights; file: string; range: string }) {
  const m = insights.newMembers;
  return (
    <ChartPanel
      title="New members and their first week"
      intro={
        <>
          <dl className={styles['figures']}>
            <Figure label="New members">{m.joined}</Figure>
            <Figure label="Came back in their first week">{share(m.returnRate)}</Figure>
          </dl>
          <p className={styles['note']}>
            Coming back: a sign-in, a session renewal or a post on a later day, at most 7 days after joining (UTC days).
            Members who joined in the last 7 days may still come back.
          </p>
        </>
      }
      rows={m.days}
      columns={[
        { header: 'Day joined', value: (d) => d.day },
        { header: 'New members', value: (d) => d.joined },
        { header: 'Came back', value: (d) => d.returned },
      ]}
      file={file}
      empty={m.joined ? null : `Nobody joined from ${range}.`}
      chart={
        <BarChart
          days={m.days}
          series={[
            { label: 'New members', value: (d) => d.joined },
            { label: 'Came back in the first week', value: (d) => d.returned },
          ]}
          summary={`New members per day, ${range}: ${m.joined} joined, ${m.returned} came back in their first week.`}
        />
      }
    />
  );
}

/** Help-centre ratings (all and helpful ones) and feedback per day; the tag does not apply. */
function Articles({ insights, file, range }: { insights: Insights; file: string; range: string }) {
  const a = insights.articles;
  return (
    <ChartPanel
      title="Article helpfulness and feedback"
      intro={
        <dl className={styles['figures']}>
          <Figure label="Ratings">{a.ratings}</Figure>
          <Figure label="Average stars">{a.averageStars == null ? '—' : a.averageStars.toFixed(1)}</Figure>
          <Figure label="Helpful (4–5 stars)">{share(a.helpfulRate)}</Figure>
          <Figure label="Feedback messages">{a.feedback}</Figure>
        </dl>
      }
      rows={a.days}
      columns={[
        { header: 'Day', value: (d) => d.day },
        { header: 'Ratings', value: (d) => d.ratings },
        { header: 'Average stars', value: (d) => (d.averageStars == null ? '' : Math.round(d.averageStars * 10) / 10) },
        { header: 'Helpful %', value: (d) => (d.helpfulRate == null ? '' : Math.round(d.helpfulRate * 100)) },
        { header: 'Feedback', value: (d) => d.feedback },
      ]}
      file={file}
      empty={a.ratings + a.feedback ? null : `Nobody rated an article or sent feedback from ${range}.`}
      chart={
        <BarChart
          days={a.days}
          series={[
            { label: 'Ratings', value: (d) => d.ratings },
            {
              label: 'Helpful ratings (4–5 stars)',
              value: (d) => Math.round((d.helpfulRate ?? 0) * d.ratings),
            },
            { label: 'Feedback messages', value: (d) => d.feedback },
          ]}
          summary={`Article ratings per day, ${range}: ${a.ratings} ratings, ${share(a.helpfulRate)} helpful, average ${a.averageStars == null ? 'none' : a.averageStars.toFixed(1)} stars; ${a.feedback} feedback messages.`}
        />
      }
    />
  );
}

function UnmetSearches({ insights, file }: { insights: Insights; file: string }) {
  const rows = insights.unmetSearches;
  type Row = (typeof rows)[number];
  const search: TableColumn<Row> = { header: 'Search', value: (s) => s.query };
  const where: TableColumn<Row> = { header: 'Where', value: (s) => (s.scope === 'HELP' ? 'Help centre' : 'Questions') };
  const searches: TableColumn<Row> = { header: 'Searches', value: (s) => s.searches, numeric: true };
  const title = 'Searches that found nothing';
  return (
    <Panel
      title={title}
      actions={
        rows.length ? (
          <CsvButton
            title={title}
            file={file}
            rows={rows}
            columns={[search, where, searches, { header: 'Last searched', value: (s) => s.lastSearchedAt }]}
          />
        ) : null
      }
    >
      {rows.length ? (
        <DataTable
          caption="What people looked for and did not find, most searched first"
          rows={rows}
          rowKey={(s) => `${s.scope}:${s.query}`}
          columns={[
            search,
            where,
            searches,
            {
              header: 'Write it',
              value: () => null,
              cell: (s) => (
                <>
                  <Link
                    to={`/help/editor?title=${encodeURIComponent(s.query)}`}
                    aria-label={`Draft an article about “${s.query}”`}
                  >
                    Draft an article
                  </Link>
                  {' · '}
                  <Link to={`/ask?title=${encodeURIComponent(s.query)}`} aria-label={`Ask this: “${s.query}”`}>
                    Ask this
                  </Link>
                </>
              ),
            },
          ]}
        />
      ) : (
        <EmptyState>Every search in this period found something.</EmptyState>
      )}
    </Panel>
  );
}
