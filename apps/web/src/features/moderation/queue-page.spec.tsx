import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApi } from '../notifications/test-api.js';
import { QueuePage } from './queue-page.js';

const queue = (totalCount: number) => ({
  data: {
    moderationQueue: {
      __typename: 'CommentConnection',
      totalCount,
      edges: [],
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
    },
  },
});

describe('QueuePage live count', () => {
  it('updates the heading count from moderationQueueChanged without reloading the queue', async () => {
    const api = renderWithApi(<QueuePage />, () => queue(3));
    await waitFor(() => expect(screen.getByTestId('queue-count').textContent).toBe(' (3)'));
    await waitFor(() => expect(api.subscribed('ModerationQueueChanged')).toBe(true));

    act(() => api.push('ModerationQueueChanged', { moderationQueueChanged: 5 }));
    await waitFor(() => expect(screen.getByTestId('queue-count').textContent).toBe(' (5)'));
    expect(screen.getByRole('heading', { name: /^Held comments\s*\(5\)$/ })).toBeTruthy();
    expect(api.sent('ModerationQueue')).toHaveLength(1);
  });
});
