import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';

describe('toCsv', () => {
  it('writes a header and one line per row, quoting what needs it', () => {
    const csv = toCsv(
      [
        { q: 'pmo salary', n: 3 },
        { q: 'agile, "scrum"', n: 1 },
      ],
      [
        { header: 'Search', value: (r) => r.q },
        { header: 'Searches', value: (r) => r.n },
      ],
    );
    expect(csv).toBe('Search,Searches\r\npmo salary,3\r\n"agile, ""scrum""",1\r\n');
  });

  it('defuses spreadsheet formulas and writes nulls empty', () => {
    expect(
      toCsv(
        [{ q: '=HYPERLINK("x")', n: null }],
        [
          { header: 'q', value: (r) => r.q },
          { header: 'n', value: (r) => r.n },
        ],
      ),
    ).toBe('q,n\r\n"\'=HYPERLINK(""x"")",\r\n');
  });
});
