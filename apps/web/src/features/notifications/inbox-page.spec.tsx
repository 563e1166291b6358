import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { Inbox } from './inbox-page.js';
import { renderWithApi, type Request } from './test-api.js';

const node = (id: string, read: boolean, text = `Notification ${id}`) => ({
  __typename: 'Notification',
  id,
  type: 'ANSWER_POSTED',
  read,
  createdAt: '2026-11-29T10:00:00.000Z',
  text,
  url: `/q/q1#answer-a${id}`,
  actor: null,
});

const page = (nodes: ReturnType<typeof node>[], hasNextPage: boolean, endCursor: string | null) => ({
  data: {
    notifications: {
      __typename: 'NotificationConnection',
      edges: nodes.map((n) => ({ __typename: 'NotificationEdge', cursor: `c${n.id}`, node: n })),
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor },
    },
  },
});

function QuestionStub() {
  const location = useLocation();
  return <p>Question page at {location.pathname + location.hash}</p>;
}

function setup(respond: (req: Request) => unknown) {
  return renderWithApi(<Inbox />, respond, {
    path: '/notifications',
    routes: [{ path: '/q/:id', element: <QuestionStub /> }],
  });
}

describe('Inbox', () => {
  it('lists notifications newest first with the unread ones marked, and loads more by keyset', async () => {
    const api = setup((req) => {
      if (req.operationName === 'UnreadNotificationCount') return { data: { unreadNotificationCount: 2 } };
      if (req.variables['after'] === 'c2') return page([node('3', true, 'Older news')], false, 'c3');
      return page([node('1', false, 'Priya Raman answered “PMO?”'), node('2', false)], true, 'c2');
    });
    const items = await screen.findAllByTestId('notification');
    expect(items).toHaveLength(2);
    expect(items[0].className).toContain('notification--unread');
    within(items[0]).getByRole('link', { name: 'Unread: Priya Raman answered “PMO?”' });
    within(items[1]).getByRole('link', { name: 'Unread: Notification 2' });
    expect(screen.getByTestId('inbox-unread').textContent).toBe('2 unread');

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(screen.getAllByTestId('notification')).toHaveLength(3));
    expect(api.sent('Notifications').at(-1)?.variables).toMatchObject({ after: 'c2', first: 20 });
    const older = screen.getAllByTestId('notification')[2];
    expect(older.className).not.toContain('notification--unread');
    within(older).getByRole('link', { name: 'Older news' });
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('"Mark all read" marks everything read and says so', async () => {
    let unread = 2;
    const api = setup((req) => {
      if (req.operationName === 'UnreadNotificationCount') return { data: { unreadNotificationCount: unread } };
      if (req.operationName === 'MarkNotificationsRead') {
        unread = 0;
        return { data: { markNotificationsRead: 2 } };
      }
      return page([node('1', false), node('2', false)], false, 'c2');
    });
    await screen.findAllByTestId('notification');
    await userEvent.click(screen.getByRole('button', { name: 'Mark all read' }));
    await screen.findByText('All notifications are marked read.');
    expect(api.sent('MarkNotificationsRead')[0].variables).toEqual({ ids: null });
    await waitFor(() => expect(screen.getByTestId('inbox-unread').textContent).toBe('Nothing unread.'));
    for (const item of screen.getAllByTestId('notification'))
      expect(item.className).not.toContain('notification--unread');
    expect(screen.getByRole('button', { name: 'Mark all read' })).toHaveProperty('disabled', true);
  });

  it('opening a notification marks it read and goes to the exact post', async () => {
    const api = setup((req) => {
      if (req.operationName === 'UnreadNotificationCount') return { data: { unreadNotificationCount: 1 } };
      if (req.operationName === 'MarkNotificationsRead') return { data: { markNotificationsRead: 1 } };
      return page([node('7', false, 'Grace commented on your answer')], false, 'c7');
    });
    const link = await screen.findByRole('link', { name: 'Unread: Grace commented on your answer' });
    expect(link.getAttribute('href')).toBe('/q/q1#answer-a7');
    await userEvent.click(link);
    await screen.findByText('Question page at /q/q1#answer-a7');
    expect(api.sent('MarkNotificationsRead')[0].variables).toEqual({ ids: ['7'] });
  });

  it('says so when there is nothing yet', async () => {
    setup((req) =>
      req.operationName === 'UnreadNotificationCount'
        ? { data: { unreadNotificationCount: 0 } }
        : page([], false, null),
    );
    await screen.findByRole('heading', { name: 'No notifications yet' });
    expect(screen.getByRole('link', { name: 'See what you follow' }).getAttribute('href')).toBe('/following');
  });
});
