import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NotificationBell } from './notification-bell.js';
import { renderWithApi } from './test-api.js';

const notification = (id: string, read = false) => ({
  __typename: 'Notification',
  id,
  type: 'ANSWER_POSTED',
  read,
  createdAt: '2026-11-29T10:00:00.000Z',
  text: 'Priya Raman answered “How do I move into a PMO?”',
  url: `/q/q1#answer-${id}`,
  actor: null,
});

describe('NotificationBell', () => {
  it('shows the unread count in its accessible name and links to the inbox', async () => {
    renderWithApi(<NotificationBell />, () => ({ data: { unreadNotificationCount: 3 } }));
    const bell = await screen.findByRole('link', { name: 'Notifications, 3 unread' });
    expect(bell.getAttribute('href')).toBe('/notifications');
    expect(screen.getByTestId('notification-count').textContent).toBe('3');
  });

  it('says none unread and shows no badge at zero', async () => {
    renderWithApi(<NotificationBell />, () => ({ data: { unreadNotificationCount: 0 } }));
    await screen.findByRole('link', { name: 'Notifications, none unread' });
    expect(screen.queryByTestId('notification-count')).toBeNull();
  });

  it('counts up live when notificationAdded delivers an unread notification, without asking the server again', async () => {
    const api = renderWithApi(<NotificationBell />, () => ({ data: { unreadNotificationCount: 3 } }));
    await screen.findByRole('link', { name: 'Notifications, 3 unread' });
    await waitFor(() => expect(api.subscribed('NotificationAdded')).toBe(true));

    act(() => api.push('NotificationAdded', { notificationAdded: notification('n9') }));
    await screen.findByRole('link', { name: 'Notifications, 4 unread' });
    act(() => api.push('NotificationAdded', { notificationAdded: notification('n10') }));
    await screen.findByRole('link', { name: 'Notifications, 5 unread' });
    expect(api.sent('UnreadNotificationCount')).toHaveLength(1);
  });

  it('asks the server for the count when a grouped notification it already counted grows', async () => {
    let count = 3;
    const api = renderWithApi(<NotificationBell />, () => ({ data: { unreadNotificationCount: count } }));
    await screen.findByRole('link', { name: 'Notifications, 3 unread' });
    await waitFor(() => expect(api.subscribed('NotificationAdded')).toBe(true));
    count = 4;
    act(() => api.push('NotificationAdded', { notificationAdded: notification('g1') }));
    await screen.findByRole('link', { name: 'Notifications, 4 unread' });
    // "Priya and 1 other answered …": the same notification again, still one unread.
    act(() => api.push('NotificationAdded', { notificationAdded: notification('g1') }));
    await waitFor(() => expect(api.sent('UnreadNotificationCount')).toHaveLength(2));
    await screen.findByRole('link', { name: 'Notifications, 4 unread' });
  });

  it('caps the badge at 99+', async () => {
    renderWithApi(<NotificationBell />, () => ({ data: { unreadNotificationCount: 120 } }));
    await screen.findByRole('link', { name: 'Notifications, 120 unread' });
    expect(screen.getByTestId('notification-count').textContent).toBe('99+');
  });
});
