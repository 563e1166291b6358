import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { RatingDistribution, StarRating } from './star-rating.js';

function Harness({ onRate }: { onRate: (n: number) => void }) {
  const [value, setValue] = useState<number | null>(null);
  return (
    <StarRating
      value={value}
      onRate={(n) => {
        setValue(n);
        onRate(n);
      }}
    />
  );
}

describe('StarRating', () => {
  it('is a labelled radio group of five stars; clicking a star rates', async () => {
    const onRate = vi.fn();
    render(<Harness onRate={onRate} />);
    const group = screen.getByRole('radiogroup', { name: 'Was this article helpful?' });
    expect(group).toBeTruthy();
    expect(screen.getAllByRole('radio')).toHaveLength(5);
    await userEvent.setup().click(screen.getByRole('radio', { name: '4 stars' }));
    expect(onRate).toHaveBeenCalledWith(4);
    expect((screen.getByRole('radio', { name: '4 stars' }) as HTMLInputElement).checked).toBe(true);
  });

  it('works with the keyboard: arrows only move the choice, Enter or Space sends it, focus stays', async () => {
    const onRate = vi.fn();
    const user = userEvent.setup();
    render(<Harness onRate={onRate} />);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: '1 star: not helpful' }));
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(onRate).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: '3 stars' }));
    await user.keyboard('{Enter}');
    expect(onRate).toHaveBeenLastCalledWith(3);
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(onRate).toHaveBeenCalledTimes(1);
    await user.keyboard(' ');
    expect(onRate).toHaveBeenLastCalledWith(5);
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: '5 stars: very helpful' }));
  });
});

describe('RatingDistribution', () => {
  it('shows the average, the count and a bar per star, 5 stars first, with percentages', () => {
    render(
      <RatingDistribution
        rating={{
          average: 4.33,
          count: 3,
          distribution: [
            { stars: 1, count: 0, percent: 0 },
            { stars: 2, count: 0, percent: 0 },
            { stars: 3, count: 0, percent: 0 },
            { stars: 4, count: 2, percent: 66.7 },
            { stars: 5, count: 1, percent: 33.3 },
          ],
        }}
      />,
    );
    expect(screen.getByTestId('rating-summary').textContent).toBe('4.3 out of 5 · 3 ratings');
    const bars = screen.getAllByRole('listitem');
    expect(bars.map((b) => b.textContent)).toEqual([
      '5 stars33.3 % (1)',
      '4 stars66.7 % (2)',
      '3 stars0 % (0)',
      '2 stars0 % (0)',
      '1 star0 % (0)',
    ]);
    expect((bars[1].querySelector('.rating-bar__fill') as HTMLElement).style.width).toBe('66.7%');
  });

  it('says when there are no ratings yet', () => {
    render(<RatingDistribution rating={{ average: null, count: 0, distribution: [] }} />);
    expect(screen.getByText(/No ratings yet/)).toBeTruthy();
  });
});
