import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { AnswersByTagDocument } from '@crossroads/web-data-access';
import { EmptyState, QueryState } from '@crossroads/web-ui';
import { ValueChart } from '../insights/activity-chart.js';
import styles from './reputation-history.module.css';

/**
 * A member's answers by tag on the profile, next to the reputation chart: bars with a table view.
 * Loaded lazily with the chart's code, from insights' rollup (never by counting the posts).
 */
export default function AnswersByTag({ handle, displayName }: { handle: string; displayName: string }) {
  const { data, loading, error, refetch } = useQuery(AnswersByTagDocument, { variables: { handle } });
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  return (
    <section className={styles['panel']} aria-labelledby={headingId}>
      <div className={styles['head']}>
        <h2 id={headingId}>Answers by tag</h2>
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
        errorText="The answers by tag could not be loaded."
        onRetry={() => void refetch()}
      >
        {(d) => {
          const tags = d.user?.answersByTag ?? [];
          if (!tags.length) return <EmptyState>{displayName} has not answered a question yet.</EmptyState>;
          const summary = `${displayName}’s answers by tag: ${tags.map((t) => `${t.tag} ${t.answers} (${t.accepted} accepted)`).join(', ')}.`;
          return asTable ? (
            <div className={styles['tableWrap']} tabIndex={0} role="region" aria-label="Answers by tag (table)">
              <table className={styles['table']}>
                <caption className="visually-hidden">Answers by the tag of their question</caption>
                <thead>
                  <tr>
                    <th scope="col">Tag</th>
                    <th scope="col" className={styles['number']}>
                      Answers
                    </th>
                    <th scope="col" className={styles['number']}>
                      Accepted
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {tags.map((t) => (
                    <tr key={t.tag}>
                      <td>{t.tag}</td>
                      <td className={styles['number']}>{t.answers}</td>
                      <td className={styles['number']}>{t.accepted}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <ValueChart
              bars={tags.map((t) => ({
                label: `#${t.tag}`,
                value: t.answers,
                text: `${t.answers} (${t.accepted} accepted)`,
              }))}
              summary={summary}
            />
          );
        }}
      </QueryState>
    </section>
  );
}
