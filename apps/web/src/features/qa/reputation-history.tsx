import { useQuery } from '@apollo/client/react';
import { ReputationHistoryDocument } from '@crossroads/web-data-access';
import { ChartPanel, LineChart } from '@crossroads/web-ui';

const DAYS = 90;

/**
 * Reputation over the last 90 days on a profile: a line, with a table view of the days it changed
 * (the quiet days add nothing to a table). Loaded lazily by the profile (with visx), so the
 * profile's first paint does not wait for the chart's code.
 */
export default function ReputationHistory({ handle, displayName }: { handle: string; displayName: string }) {
  const { data, loading, error, refetch } = useQuery(ReputationHistoryDocument, { variables: { handle, days: DAYS } });
  const days = data?.user?.reputationHistory ?? [];
  const changed = data && days.filter((x) => x.points !== 0);
  const [first] = days;
  const last = days.at(-1);
  const summary =
    first && last
      ? `${displayName}’s reputation went from ${first.reputation - first.points} to ${last.reputation} between ${first.day} and ${last.day}.`
      : '';
  return (
    <ChartPanel
      title={`Reputation, last ${DAYS} days`}
      headingLevel={2}
      rows={changed}
      query={{
        loading,
        error,
        errorText: 'The reputation history could not be loaded.',
        onRetry: () => void refetch(),
      }}
      columns={[
        { header: 'Day', value: (d) => d.day },
        { header: 'Change', value: (d) => (d.points > 0 ? `+${d.points}` : d.points), numeric: true },
        { header: 'Reputation', value: (d) => d.reputation, numeric: true },
      ]}
      table={{ caption: 'Reputation on the days it changed', label: 'Reputation by day (table)' }}
      empty={changed?.length ? null : `${displayName}’s reputation did not change in the last ${DAYS} days.`}
      chart={<LineChart days={days} value={(d) => d.reputation} summary={summary} />}
    />
  );
}
