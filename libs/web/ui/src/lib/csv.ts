/** A column of a table and of its CSV: the header and each row's value. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | null;
}

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; CRLF between rows. */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const field = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    // A leading =, +, - or @ would run as a formula in a spreadsheet: quote it with a leading apostrophe.
    const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return (
    [columns.map((c) => field(c.header)), ...rows.map((r) => columns.map((c) => field(c.value(r))))]
      .map((line) => line.join(','))
      .join('\r\n') + '\r\n'
  );
}

/** Saves `csv` as a file through a temporary link (no server round trip). */
export function downloadCsv(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
