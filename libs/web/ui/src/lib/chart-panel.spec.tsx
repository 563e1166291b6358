import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChartPanel, type TableColumn } from './chart-panel.js';

interface Day {
  day: string;
  posts: number;
  change: number;
}

const rows: Day[] = [
  { day: '2026-11-01', posts: 3, change: 2 },
  { day: '2026-11-02', posts: 1, change: -1 },
];
const columns: TableColumn<Day>[] = [
  { header: 'Day', value: (d) => d.day },
  { header: 'Posts', value: (d) => d.posts },
  { header: 'Change', value: (d) => (d.change > 0 ? `+${d.change}` : d.change), numeric: true },
];
const chart = <div role="img" aria-label="The chart" />;

afterEach(() => vi.restoreAllMocks());

describe('ChartPanel', () => {
  it('is a region named by its heading; "Table view" keeps its name and says by aria-pressed which view shows', async () => {
    render(<ChartPanel title="Posts per day" rows={rows} columns={columns} empty={null} chart={chart} />);
    const panel = screen.getByRole('region', { name: 'Posts per day' });
    expect(within(panel).getByRole('heading', { level: 3 }).textContent).toBe('Posts per day');
    const toggle = within(panel).getByRole('button', { name: 'Table view' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(within(panel).getByRole('img', { name: 'The chart' })).toBeTruthy();

    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(within(panel).queryByRole('img')).toBeNull();
    const table = screen.getByRole('region', { name: 'Posts per day (table)' });
    expect(table.tabIndex).toBe(0);
    expect(within(table).getByRole('table', { name: 'Posts per day' })).toBeTruthy();
    expect(within(table).getAllByRole('row').at(1)?.textContent).toBe('2026-11-013+2');
    // Numbers (and columns marked numeric, header included) line up on the right.
    const [, posts, change] = within(table).getAllByRole('columnheader');
    expect(posts?.className).toBe('');
    expect(change?.className).not.toBe('');
    expect(within(table).getAllByRole('cell').at(1)?.className).toBe(change?.className);

    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(within(panel).getByRole('img', { name: 'The chart' })).toBeTruthy();
    // No file name, no CSV.
    expect(within(panel).queryByRole('button', { name: /Download CSV/ })).toBeNull();
  });

  it('downloads the rows as CSV named after the panel', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      created.push(b as Blob);
      return 'blob:csv';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    render(
      <ChartPanel title="Posts per day" rows={rows} columns={columns} file="posts.csv" empty={null} chart={chart} />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV: Posts per day' }));
    expect(clicked).toEqual(['posts.csv']);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(created[0] as Blob);
    });
    // A text starting with + is defused for spreadsheets; the number -1 is not.
    expect(text).toBe("Day,Posts,Change\r\n2026-11-01,3,'+2\r\n2026-11-02,1,-1\r\n");
  });

  it('says why there is no chart, without the buttons; a table label and caption of its own', async () => {
    const { rerender } = render(
      <ChartPanel
        title="Reputation"
        headingLevel={2}
        rows={[]}
        columns={columns}
        file="x.csv"
        empty="Nothing changed."
        chart={chart}
      />,
    );
    const panel = screen.getByRole('region', { name: 'Reputation' });
    expect(within(panel).getByRole('heading', { level: 2 })).toBeTruthy();
    expect(within(panel).getByText('Nothing changed.')).toBeTruthy();
    expect(within(panel).queryByRole('button')).toBeNull();

    rerender(
      <ChartPanel
        title="Reputation"
        headingLevel={2}
        rows={rows}
        columns={columns}
        table={{ caption: 'Reputation on the days it changed', label: 'Reputation by day (table)' }}
        empty={null}
        chart={chart}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Table view' }));
    const table = screen.getByRole('region', { name: 'Reputation by day (table)' });
    expect(within(table).getByRole('table', { name: 'Reputation on the days it changed' })).toBeTruthy();
  });

  it('shows the query state while the rows load, and the error with "Try again"', async () => {
    const onRetry = vi.fn();
    const { rerender } = render(
      <ChartPanel
        title="Answers by tag"
        rows={undefined}
        query={{ loading: true, errorText: 'Could not load.', onRetry }}
        columns={columns}
        empty={null}
        chart={chart}
      />,
    );
    const panel = screen.getByRole('region', { name: 'Answers by tag' });
    expect(within(panel).getByRole('status').textContent).toBe('Loading…');
    expect(within(panel).queryByRole('button')).toBeNull();
    rerender(
      <ChartPanel
        title="Answers by tag"
        rows={undefined}
        query={{ loading: false, error: { message: 'down' }, errorText: 'Could not load.', onRetry }}
        columns={columns}
        empty={null}
        chart={chart}
      />,
    );
    expect(within(panel).getByRole('alert').textContent).toContain('Could not load.');
    await userEvent.click(within(panel).getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });
});
