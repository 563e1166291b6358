import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { QueryState } from './query-state.js';

const list = (items: string[]) => (
  <ul>
    {items.map((i) => (
      <li key={i}>{i}</li>
    ))}
  </ul>
);

describe('QueryState', () => {
  it('says it is loading until the first result', () => {
    render(
      <QueryState data={undefined} loading loadingText="Loading flags…" errorText="The flags could not be loaded.">
        {list}
      </QueryState>,
    );
    expect(screen.getByRole('status').textContent).toBe('Loading flags…');
  });

  it('shows what failed, the error itself when asked, and retries', async () => {
    const onRetry = vi.fn();
    render(
      <QueryState
        data={null}
        loading={false}
        error={{ message: 'Forbidden.' }}
        errorText="The flags could not be loaded."
        showErrorMessage
        onRetry={onRetry}
      >
        {list}
      </QueryState>,
    );
    expect(screen.getByRole('alert').textContent).toBe('The flags could not be loaded. Forbidden. Try again');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('keeps showing cached data when a refetch fails', () => {
    render(
      <QueryState data={['a']} loading={false} error={{ message: 'offline' }} errorText="Could not load.">
        {list}
      </QueryState>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('listitem').textContent).toBe('a');
  });

  it('shows the empty state when there is nothing to list', () => {
    const { rerender } = render(
      <QueryState
        data={[] as string[]}
        loading={false}
        errorText="Could not load."
        isEmpty={(d) => d.length === 0}
        empty="No open flags."
      >
        {list}
      </QueryState>,
    );
    expect(screen.getByText('No open flags.').tagName).toBe('P');
    expect(screen.queryByRole('list')).toBeNull();
    rerender(
      <QueryState
        data={['x']}
        loading={false}
        errorText="Could not load."
        isEmpty={(d) => d.length === 0}
        empty="No open flags."
      >
        {list}
      </QueryState>,
    );
    expect(screen.queryByText('No open flags.')).toBeNull();
    expect(screen.getByRole('list')).toBeTruthy();
  });
});
