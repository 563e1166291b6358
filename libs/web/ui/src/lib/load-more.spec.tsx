import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LoadMoreList } from './load-more.js';

describe('LoadMoreList', () => {
  it('offers "Load more" only while there is a next page', () => {
    const { rerender } = render(
      <LoadMoreList pageInfo={{ hasNextPage: false, endCursor: 'c1' }} onLoadMore={vi.fn()}>
        <ol aria-label="Items" />
      </LoadMoreList>,
    );
    expect(screen.getByRole('list', { name: 'Items' })).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    rerender(
      <LoadMoreList pageInfo={{ hasNextPage: true, endCursor: 'c1' }} onLoadMore={vi.fn()}>
        <ol aria-label="Items" />
      </LoadMoreList>,
    );
    expect(screen.getByRole('button', { name: 'Load more' })).toBeTruthy();
  });

  it('asks for the page after the end cursor and is busy until it arrives', async () => {
    let settle: () => void = () => undefined;
    const onLoadMore = vi.fn(() => new Promise<void>((resolve) => (settle = resolve)));
    render(
      <LoadMoreList pageInfo={{ hasNextPage: true, endCursor: 'c20' }} onLoadMore={onLoadMore}>
        <ol />
      </LoadMoreList>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(onLoadMore).toHaveBeenCalledWith('c20');
    const busy = screen.getByRole('button', { name: 'Loading…' });
    expect(busy).toHaveProperty('disabled', true);
    settle();
    expect(await screen.findByRole('button', { name: 'Load more' })).toHaveProperty('disabled', false);
  });
});
