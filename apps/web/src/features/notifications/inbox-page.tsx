import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  MarkNotificationsReadDocument,
  NotificationsDocument,
  UnreadNotificationCountDocument,
  type NotificationItemFragment,
} from '@crossroads/web-data-access';
import { EmptyState, LoadMoreList, QueryState, RelativeTime } from '@crossroads/web-ui';
import { RequireSignIn } from './require-sign-in.js';

const PAGE = 20;

/** /notifications: the inbox, newest first, keyset "Load more", "Mark all read". */
export function InboxPage() {
  return (
    <RequireSignIn>
      <Inbox />
    </RequireSignIn>
  );
}

export function Inbox() {
  const { data, loading, error, fetchMore, refetch } = useQuery(NotificationsDocument, {
    variables: { first: PAGE },
    fetchPolicy: 'cache-and-network',
  });
  const count = useQuery(UnreadNotificationCountDocument);
  const [markRead] = useMutation(MarkNotificationsReadDocument);
  const [status, setStatus] = useState('');
  const navigate = useNavigate();
  const list = data?.notifications;
  const unread = count.data?.unreadNotificationCount ?? list?.edges.filter((e) => !e.node.read).length ?? 0;

  const mark = async (ids: string[] | null) => {
    await markRead({
      variables: { ids },
      update(cache) {
        const read = ids ?? list?.edges.map((e) => e.node.id) ?? [];
        for (const id of read)
          cache.modify({ id: cache.identify({ __typename: 'Notification', id }), fields: { read: () => true } });
      },
      refetchQueries: [UnreadNotificationCountDocument],
    });
  };

  const open = async (n: NotificationItemFragment) => {
    // Opening marks it read; a failure to mark must not keep anyone from the post.
    if (!n.read) await mark([n.id]).catch(() => undefined);
    await navigate(n.url);
  };

  const markAll = async () => {
    setStatus('');
    try {
      await mark(null);
      setStatus('All notifications are marked read.');
    } catch {
      setStatus('They could not be marked read. Please try again.');
    }
  };

  return (
    <section className="inbox" aria-labelledby="inbox-title">
      <title>Notifications · Crossroads</title>
      <div className="inbox__top">
        <h1 id="inbox-title">Notifications</h1>
        <nav aria-label="Notification pages" className="inbox__links">
          <Link to="/following">Following</Link>
          <Link to="/settings/notifications">Settings</Link>
        </nav>
      </div>
      <div className="inbox__actions">
        <p className="muted" data-testid="inbox-unread">
          {unread === 0 ? 'Nothing unread.' : `${unread} unread`}
        </p>
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => void markAll()}
          disabled={unread === 0}
        >
          Mark all read
        </button>
      </div>
      <p role="status" className="inbox__status">
        {status}
      </p>
      <QueryState
        data={list}
        loading={loading}
        error={error}
        loadingText="Loading notifications…"
        errorText="Your notifications could not be loaded."
        onRetry={() => void refetch()}
        isEmpty={(l) => l.edges.length === 0}
        empty={
          <EmptyState as="div">
            <h2>No notifications yet</h2>
            <p>Answers and comments on your posts, and news from what you follow, will show up here.</p>
            <Link to="/following" className="button">
              See what you follow
            </Link>
          </EmptyState>
        }
      >
        {(l) => (
          <LoadMoreList
            pageInfo={l.pageInfo}
            onLoadMore={(after) => fetchMore({ variables: { after } })}
            moreClassName="feed__more"
          >
            <ol className="notification-list">
              {l.edges.map(({ node }) => (
                <li
                  key={node.id}
                  className={node.read ? 'notification' : 'notification notification--unread'}
                  data-testid="notification"
                >
                  <a
                    href={node.url}
                    className="notification__link"
                    onClick={(e) => {
                      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                      e.preventDefault();
                      void open(node);
                    }}
                  >
                    {node.read ? null : <span className="visually-hidden">Unread:</span>} {node.text}
                  </a>
                  <span className="notification__meta muted">
                    <RelativeTime iso={node.createdAt} />
                  </span>
                </li>
              ))}
            </ol>
          </LoadMoreList>
        )}
      </QueryState>
    </section>
  );
}
