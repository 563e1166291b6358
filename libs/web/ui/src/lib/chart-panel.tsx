import { useId, useState, type ReactNode } from 'react';
import { downloadCsv, toCsv, type CsvColumn } from './csv.js';
import { EmptyState, LoadError, Loading } from './query-state.js';
import styles from './chart-panel.module.css';

/** A column of a `DataTable`: its CSV value, and how the table shows it. */
export interface TableColumn<T> extends CsvColumn<T> {
  /** Right-aligned with tabular figures, header included (number cells are, without it). */
  numeric?: boolean;
  /** What the cell shows when it is more than the value (links). */
  cell?: (row: T) => ReactNode;
}

export interface PanelProps {
  title: string;
  /** h3 under a dashboard's h2; h2 on a page whose title is the h1. */
  headingLevel?: 2 | 3;
  /** Buttons beside the heading. */
  actions?: ReactNode;
  children: ReactNode;
}

/** A bordered section named by its heading, with buttons beside the heading (a dashboard's or profile's panel). */
export function Panel({ title, headingLevel = 3, actions, children }: PanelProps) {
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={styles['panel']} aria-labelledby={headingId}>
      <div className={styles['head']}>
        <Heading id={headingId}>{title}</Heading>
        {actions ? <div className={styles['actions']}>{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

/** "Download CSV" for a table's rows, named after what it saves. */
export function CsvButton<T>({
  title,
  file,
  rows,
  columns,
}: {
  title: string;
  file: string;
  rows: readonly T[];
  columns: readonly CsvColumn<T>[];
}) {
  return (
    <button
      type="button"
      className="button button--quiet"
      aria-label={`Download CSV: ${title}`}
      onClick={() => downloadCsv(file, toCsv(rows, columns))}
    >
      Download CSV
    </button>
  );
}

export interface ChartPanelProps<T> {
  title: string;
  headingLevel?: 2 | 3;
  /** Figures shown above the chart (and above an empty state). */
  intro?: ReactNode;
  /** The chart's figures, shown by the table view and saved by the CSV; undefined while they load. */
  rows: readonly T[] | undefined;
  /** The query's state while `rows` is undefined: loading, or what could not be loaded with "Try again". */
  query?: { loading: boolean; error?: { message: string } | undefined; errorText: string; onRetry?: () => void };
  columns: readonly TableColumn<T>[];
  /** The table's caption (the title unless told) and its region's name (`<title> (table)` unless told). */
  table?: { caption?: string; label?: string };
  /** The CSV's file name: with it, "Download CSV" saves the rows. */
  file?: string;
  chart: ReactNode;
  /** Shown instead of the chart and its buttons when there is nothing to draw. */
  empty: string | null;
}

/**
 * A chart with its "Table view" toggle (aria-pressed says which view shows; the name stays) and,
 * given a file name, "Download CSV": the table carries the chart's figures for screen readers and
 * copying.
 */
export function ChartPanel<T>({
  title,
  headingLevel,
  intro,
  rows,
  query,
  columns,
  table,
  file,
  chart,
  empty,
}: ChartPanelProps<T>) {
  const [asTable, setAsTable] = useState(false);
  const actions =
    rows && empty == null ? (
      <>
        <button
          type="button"
          className="button button--quiet"
          aria-pressed={asTable}
          onClick={() => setAsTable(!asTable)}
        >
          Table view
        </button>
        {file ? <CsvButton title={title} file={file} rows={rows} columns={columns} /> : null}
      </>
    ) : null;
  return (
    <Panel title={title} headingLevel={headingLevel} actions={actions}>
      {intro}
      {!rows ? (
        query?.error ? (
          <LoadError onRetry={query.onRetry}>{query.errorText}</LoadError>
        ) : query?.loading ? (
          <Loading />
        ) : null
      ) : empty != null ? (
        <EmptyState>{empty}</EmptyState>
      ) : asTable ? (
        <DataTable
          caption={table?.caption ?? title}
          label={table?.label ?? `${title} (table)`}
          rows={rows}
          columns={columns}
        />
      ) : (
        chart
      )}
    </Panel>
  );
}

/**
 * Rows under column headers, the caption for screen readers. With a `label` it is a focusable
 * region that scrolls sideways on narrow screens.
 */
export function DataTable<T>({
  caption,
  label,
  rows,
  columns,
  rowKey = (_row, i) => String(i),
}: {
  caption: string;
  label?: string;
  rows: readonly T[];
  columns: readonly TableColumn<T>[];
  rowKey?: (row: T, index: number) => string;
}) {
  const number = styles['number'];
  return (
    <div
      className={styles['tableWrap']}
      tabIndex={label ? 0 : undefined}
      role={label ? 'region' : undefined}
      aria-label={label}
    >
      <table className={styles['table']}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.numeric ? number : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={rowKey(r, i)}>
              {columns.map((c) => {
                const v = c.value(r);
                return (
                  <td key={c.header} className={c.numeric || typeof v === 'number' ? number : undefined}>
                    {c.cell ? c.cell(r) : v}
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
