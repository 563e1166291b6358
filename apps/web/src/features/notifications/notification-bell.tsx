import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import { useRef } from 'react';
import { NavLink } from 'react-router';
import {
  NotificationAddedDocument,
  NotificationsDocument,
  UnreadNotificationCountDocument,
} from '@crossroads/web-data-access';

export function bellLabel(unread: number): string {
  return unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`;
}

/**
 * The bell in the header: the unread count, kept live by `notificationAdded` (a new notification
 * counts one up at once; a grouped one that grew is asked for, as it may already be counted; an
 * open inbox refetches); links to the inbox. Signed-in users only.
 */
export function NotificationBell() {
  const client = useApolloClient();
  const seen = useRef(new Set<string>());
  const { data } = useQuery(UnreadNotificationCountDocument, { fetchPolicy: 'cache-and-network' });
  useSubscription(NotificationAddedDocument, {
    onData: ({ data: event }) => {
      const n = event.data?.notificationAdded;
      if (!n) return;
      if (seen.current.has(n.id)) void client.refetchQueries({ include: [UnreadNotificationCountDocument] });
      else if (!n.read) client.cache.modify({ fields: { unreadNotificationCount: (count: number) => count + 1 } });
      seen.current.add(n.id);
      void client.refetchQueries({ include: [NotificationsDocument] });
    },
  });
  const unread = data?.unreadNotificationCount ?? 0;
  return (
    <NavLink to="/notifications" className="bell" aria-label={bellLabel(unread)} data-testid="notification-bell">
      <svg className="bell__icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {unread > 0 ? (
        <span className="bell__count" aria-hidden="true" data-testid="notification-count">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </NavLink>
  );
}
