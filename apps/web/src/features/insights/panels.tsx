import { useId, useState, type ReactNode } from 'react';
import { EmptyState } from '@crossroads/web-ui';
import { downloadCsv, toCsv, type CsvColumn } from './csv.js';
import styles from './insights.module.css';

export const hours = (h: number | null | undefined) =>
  h == null ? '—' : h < 1 ? `${Math.round(h * 60)} min` : h < 48 ? `${h.toFixed(1)} h` : `${(h / 24).toFixed(1)} days`;
export const percent = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : '—');

export function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={styles['figure']}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function ChartPanel<T>({
  title,
  headingLevel = 3,
  intro,
  rows,
  columns,
  file,
  chart,
  empty,
}: {
  title: string;
  /** h3 under the dashboard's h2; h2 on a page whose title is the h1. */
  headingLevel?: 2 | 3;
  /** Figures shown above the chart (and above an empty state). */
  intro?: ReactNode;
  rows: readonly T[];
  columns: CsvColumn<T>[];
  file: string;
  chart: ReactNode;
  empty: string | null;
}) {
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={styles['panel']} aria-labelledby={headingId}>
      <div className={styles['panelHead']}>
        <Heading id={headingId}>{title}</Heading>
        {empty ? null : (
          <div className={styles['panelActions']}>
            {/* A toggle keeps its name; aria-pressed says which view shows. */}
            <button
              type="button"
              className="button button--quiet"
              aria-pressed={asTable}
              onClick={() => setAsTable(!asTable)}
            >
              Table view
            </button>
            <button
              type="button"
              className="button button--quiet"
              aria-label={`Download CSV: ${title}`}
              onClick={() => downloadCsv(file, toCsv(rows, columns))}
            >
              Download CSV
            </button>
          </div>
        )}
      </div>
      {intro}
      {empty ? (
        <EmptyState>{empty}</EmptyState>
      ) : asTable ? (
        <DataTable caption={title} rows={rows} columns={columns} />
      ) : (
        chart
      )}
    </section>
  );
}

export function DataTable<T>({
  caption,
  rows,
  columns,
}: {
  caption: string;
  rows: readonly T[];
  columns: CsvColumn<T>[];
}) {
  return (
    <div className={styles['tableWrap']} tabIndex={0} role="region" aria-label={`${caption} (table)`}>
      <table className={styles['table']}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {columns.map((c) => {
                const v = c.value(r);
                return (
                  <td key={c.header} className={typeof v === 'number' ? styles['number'] : undefined}>
                    {v}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
