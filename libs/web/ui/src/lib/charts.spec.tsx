import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BarChart, CHART_COLOURS, LineChart } from './charts.js';

interface Day {
  day: string;
  all: number;
  part: number;
}

const days: Day[] = [
  { day: '2026-11-01', all: 4, part: 1 },
  { day: '2026-11-02', all: 0, part: 0 },
  { day: '2026-11-03', all: 2, part: 2 },
];
const series = [
  { label: 'Joined', value: (d: Day) => d.all },
  { label: 'Came back', value: (d: Day) => d.part },
];

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string | null;
}

const rects = (container: HTMLElement): Rect[] =>
  [...container.querySelectorAll('svg rect')].map((r) => ({
    x: Number(r.getAttribute('x')),
    y: Number(r.getAttribute('y')),
    width: Number(r.getAttribute('width')),
    height: Number(r.getAttribute('height')),
    fill: r.getAttribute('fill'),
  }));

describe('BarChart', () => {
  it('is a focusable group named by its summary around an image of the same name, with a legend for the eye', () => {
    const { container } = render(<BarChart days={days} series={series} summary="New members per day: 6 joined." />);
    const group = screen.getByRole('group', { name: 'Chart: New members per day: 6 joined.' });
    expect(group.tabIndex).toBe(0);
    expect(screen.getByRole('img', { name: 'New members per day: 6 joined.' }).hasAttribute('data-chart')).toBe(true);
    const legend = container.querySelector('ul');
    if (!legend) throw new Error('no legend');
    expect(legend.getAttribute('aria-hidden')).toBe('true');
    expect([...legend.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Joined', 'Came back']);
  });

  it('stacks series per day: each bar rises from the one below, the colours in order', () => {
    const { container } = render(<BarChart stacked days={days} series={series} summary="s" />);
    // A day with nothing draws nothing.
    const bars = rects(container);
    expect(bars).toHaveLength(4);
    const [all1, part1, all3, part3] = bars as [Rect, Rect, Rect, Rect];
    expect(part1.y + part1.height).toBeCloseTo(all1.y);
    expect(part1.x).toBe(all1.x);
    expect(part1.width).toBe(all1.width);
    expect(all1.height).toBeCloseTo(4 * part1.height);
    expect(part3.y + part3.height).toBeCloseTo(all3.y);
    expect(part3.height).toBeCloseTo(all3.height);
    expect(bars.map((b) => b.fill)).toEqual([CHART_COLOURS[0], CHART_COLOURS[1], CHART_COLOURS[0], CHART_COLOURS[1]]);
  });

  it('draws unstacked series from zero, later ones narrower and centred, so "n of m" stays visible', () => {
    const { container } = render(<BarChart days={days} series={series} summary="s" />);
    const [all1, part1, all3, part3] = rects(container) as [Rect, Rect, Rect, Rect];
    expect(part1.y + part1.height).toBeCloseTo(all1.y + all1.height);
    expect(part1.width).toBeLessThan(all1.width);
    expect(part1.x + part1.width / 2).toBeCloseTo(all1.x + all1.width / 2);
    // Equal values: the same height, the narrower bar still inside.
    expect(part3.height).toBeCloseTo(all3.height);
    expect(all1.height).toBeCloseTo(2 * all3.height);
  });

  it('draws a row per label scaled to the largest value (or to `max`), with its text and a shortened long label', () => {
    const bars = [
      { label: 'a-very-long-tag-name-indeed', value: 4, text: '4 (1 accepted)' },
      { label: '#pmo', value: 2, text: '2 (2 accepted)' },
    ];
    const { container, rerender } = render(<BarChart bars={bars} summary="Answers by tag." />);
    const [first, second] = rects(container) as [Rect, Rect];
    expect(first.width).toBeCloseTo(2 * second.width);
    expect(first.fill).toBe(CHART_COLOURS[2]);
    const texts = [...container.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toEqual(['a-very-long-tag-nam…', '4 (1 accepted)', '#pmo', '2 (2 accepted)']);

    rerender(<BarChart bars={[{ label: 'pmo', value: 0.5, text: '50%' }]} max={1} colour="#123456" summary="Rates." />);
    const [half] = rects(container) as [Rect];
    expect(half.width).toBeCloseTo(first.width / 2);
    expect(half.fill).toBe('#123456');
  });
});

describe('LineChart', () => {
  it('draws one line through the days on the day axes, named by its summary', () => {
    const { container } = render(<LineChart days={days} value={(d) => d.all} summary="Reputation went from 0 to 4." />);
    expect(screen.getByRole('img', { name: 'Reputation went from 0 to 4.' })).toBeTruthy();
    const path = container.querySelectorAll('svg path[stroke="#0e5b5a"]');
    expect(path).toHaveLength(1);
    expect(path[0]?.getAttribute('d')?.match(/L/g)).toHaveLength(2);
    // Every day is short enough to label: MM-DD along the bottom.
    expect([...container.querySelectorAll('text')].map((t) => t.textContent)).toEqual(
      expect.arrayContaining(['11-01', '11-02', '11-03']),
    );
  });
});
