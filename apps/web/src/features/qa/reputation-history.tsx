import { useQuery } from '@apollo/client/react';
import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear, scalePoint } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { useId, useState } from 'react';
import { ReputationHistoryDocument } from '@crossroads/web-data-access';
import { EmptyState, QueryState } from '@crossroads/web-ui';
import styles from './reputation-history.module.css';

const DAYS = 90;
const HEIGHT = 180;
const MARGIN = { top: 10, right: 12, bottom: 32, left: 44 };
/** 4.5:1 on white, like the insights series. */
const LINE = '#0e5b5a';

/**
 * Reputation over the last 90 days on a profile: a line with a table view. Loaded lazily by the
 * profile (with visx), so the profile's first paint does not wait for the chart's code.
 */
export default function ReputationHistory({ handle, displayName }: { handle: string; displayName: string }) {
  const { data, loading, error, refetch } = useQuery(ReputationHistoryDocument, { variables: { handle, days: DAYS } });
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  return (
    <section className={styles['panel']} aria-labelledby={headingId}>
      <div className={styles['head']}>
        <h2 id={headingId}>Reputation, last {DAYS} days</h2>
        <button
          type="button"
          className="button button--quiet"
          aria-pressed={asTable}
          onClick={() => setAsTable(!asTable)}
        >
          Table view
        </button>
      </div>
      <QueryState
        data={data}
        loading={loading}
        error={error}
        errorText="The reputation history could not be loaded."
        onRetry={() => void refetch()}
      >
        {(d) => {
          const days = d.user?.reputationHistory ?? [];
          const changed = days.filter((x) => x.points !== 0);
          if (!changed.length)
            return (
              <EmptyState>
                {displayName}’s reputation did not change in the last {DAYS} days.
              </EmptyState>
            );
          const [first] = days;
          const last = days.at(-1);
          const summary =
            first && last
              ? `${displayName}’s reputation went from ${first.reputation - first.points} to ${last.reputation} between ${first.day} and ${last.day}.`
              : '';
          return asTable ? <HistoryTable days={changed} /> : <HistoryChart days={days} summary={summary} />;
        }}
      </QueryState>
    </section>
  );
}

interface Day {
  day: string;
  points: number;
  reputation: number;
}

function HistoryChart({ days, summary }: { days: readonly Day[]; summary: string }) {
  const width = 560;
  const innerWidth = width - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const values = days.map((d) => d.reputation);
  const x = scalePoint<string>({ domain: days.map((d) => d.day), range: [0, innerWidth] });
  const y = scaleLinear<number>({
    domain: [Math.min(0, ...values), Math.max(1, ...values)],
    range: [innerHeight, 0],
    nice: true,
  });
  const every = Math.ceil(days.length / 6);
  return (
    <div className={styles['chart']} tabIndex={0} role="group" aria-label={`Chart: ${summary}`}>
      <svg width={width} height={HEIGHT} role="img" aria-label={summary} data-chart="">
        <Group left={MARGIN.left} top={MARGIN.top}>
          <LinePath
            data={days as Day[]}
            x={(d) => x(d.day) ?? 0}
            y={(d) => y(d.reputation)}
            stroke={LINE}
            strokeWidth={2}
          />
          <AxisLeft
            scale={y}
            numTicks={4}
            tickFormat={(v) => String(v)}
            stroke="#56615c"
            tickStroke="#56615c"
            tickLabelProps={{ fill: '#1d2421', fontSize: 11 }}
          />
          <AxisBottom
            top={innerHeight}
            scale={x}
            tickValues={days.filter((_d, i) => i % every === 0).map((d) => d.day)}
            tickFormat={(d) => d.slice(5)}
            stroke="#56615c"
            tickStroke="#56615c"
            tickLabelProps={{ fill: '#1d2421', fontSize: 11, textAnchor: 'middle' }}
          />
        </Group>
      </svg>
    </div>
  );
}

/** The days on which the reputation changed (the quiet days add nothing to a table). */
function HistoryTable({ days }: { days: readonly Day[] }) {
  return (
    <div className={styles['tableWrap']} tabIndex={0} role="region" aria-label="Reputation by day (table)">
      <table className={styles['table']}>
        <caption className="visually-hidden">Reputation on the days it changed</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col" className={styles['number']}>
              Change
            </th>
            <th scope="col" className={styles['number']}>
              Reputation
            </th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}>
              <td>{d.day}</td>
              <td className={styles['number']}>{d.points > 0 ? `+${d.points}` : d.points}</td>
              <td className={styles['number']}>{d.reputation}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
