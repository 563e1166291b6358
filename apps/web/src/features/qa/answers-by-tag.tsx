import { useQuery } from '@apollo/client/react';
import { AnswersByTagDocument } from '@crossroads/web-data-access';
import { BarChart, ChartPanel } from '@crossroads/web-ui';

/**
 * A member's answers by tag on the profile, next to the reputation chart: bars with a table view.
 * Loaded lazily with the chart's code, from insights' rollup (never by counting the posts).
 */
export default function AnswersByTag({ handle, displayName }: { handle: string; displayName: string }) {
  const { data, loading, error, refetch } = useQuery(AnswersByTagDocument, { variables: { handle } });
  const tags = data && (data.user?.answersByTag ?? []);
  return (
    <ChartPanel
      title="Answers by tag"
      headingLevel={2}
      rows={tags}
      query={{ loading, error, errorText: 'The answers by tag could not be loaded.', onRetry: () => void refetch() }}
      columns={[
        { header: 'Tag', value: (t) => t.tag },
        { header: 'Answers', value: (t) => t.answers, numeric: true },
        { header: 'Accepted', value: (t) => t.accepted, numeric: true },
      ]}
      table={{ caption: 'Answers by the tag of their question' }}
      empty={tags?.length ? null : `${displayName} has not answered a question yet.`}
      chart={
        <BarChart
          bars={(tags ?? []).map((t) => ({
            label: `#${t.tag}`,
            value: t.answers,
            text: `${t.answers} (${t.accepted} accepted)`,
          }))}
          summary={`${displayName}’s answers by tag: ${(tags ?? []).map((t) => `${t.tag} ${t.answers} (${t.accepted} accepted)`).join(', ')}.`}
        />
      }
    />
  );
}
