import { useQuery } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { UserAnswersDocument, UserQuestionsDocument } from '@crossroads/web-data-access';
import { RelativeTime } from '@crossroads/web-ui';

const PAGE_SIZE = 10;

/** A profile's questions and answers, newest first, each list with its own "Load more". */
export function UserPosts({ handle, displayName }: { handle: string; displayName: string }) {
  return (
    <div className="profile__posts">
      <UserQuestions handle={handle} displayName={displayName} />
      <UserAnswers handle={handle} displayName={displayName} />
    </div>
  );
}

function UserQuestions({ handle, displayName }: { handle: string; displayName: string }) {
  const { data, loading, error, fetchMore } = useQuery(UserQuestionsDocument, { variables: { handle, first: PAGE_SIZE } });
  const list = data?.user?.questions;
  return (
    <PostList
      id="profile-questions"
      title="Questions"
      total={list?.totalCount}
      loading={loading && !list}
      failed={!!error && !list}
      empty={`${displayName} has not asked any questions yet.`}
      hasNextPage={list?.pageInfo.hasNextPage ?? false}
      loadMore={() => fetchMore({ variables: { after: list?.pageInfo.endCursor } })}
      moreLabel="questions"
      items={(list?.edges ?? []).map(({ node: q }) => (
        <li key={q.id} className="profile-post">
          <Link to={`/q/${encodeURIComponent(q.id)}`} className="profile-post__title">
            {q.title}
          </Link>
          <span className="muted profile-post__facts">
            {plural(q.score, 'vote', 'votes')} · {plural(q.answerCount, 'answer', 'answers')}
            {q.status === 'CLOSED' ? ' · closed' : ''} · <RelativeTime iso={q.createdAt} prefix="asked" />
          </span>
        </li>
      ))}
    />
  );
}

function UserAnswers({ handle, displayName }: { handle: string; displayName: string }) {
  const { data, loading, error, fetchMore } = useQuery(UserAnswersDocument, { variables: { handle, first: PAGE_SIZE } });
  const list = data?.user?.answers;
  return (
    <PostList
      id="profile-answers"
      title="Answers"
      total={list?.totalCount}
      loading={loading && !list}
      failed={!!error && !list}
      empty={`${displayName} has not answered any questions yet.`}
      hasNextPage={list?.pageInfo.hasNextPage ?? false}
      loadMore={() => fetchMore({ variables: { after: list?.pageInfo.endCursor } })}
      moreLabel="answers"
      items={(list?.edges ?? []).map(({ node: a }) => (
        <li key={a.id} className="profile-post">
          <Link to={`/q/${encodeURIComponent(a.question.id)}`} className="profile-post__title">
            {a.question.title}
          </Link>
          <span className="muted profile-post__facts">
            {a.isAccepted ? <strong>Accepted · </strong> : null}
            {plural(a.score, 'vote', 'votes')} · <RelativeTime iso={a.createdAt} prefix="answered" />
          </span>
        </li>
      ))}
    />
  );
}

function PostList(props: {
  id: string;
  title: string;
  total: number | undefined;
  loading: boolean;
  failed: boolean;
  empty: string;
  hasNextPage: boolean;
  loadMore: () => Promise<unknown>;
  moreLabel: string;
  items: ReactNode[];
}) {
  const [loadingMore, setLoadingMore] = useState(false);
  const loadMore = async () => {
    setLoadingMore(true);
    try {
      await props.loadMore();
    } finally {
      setLoadingMore(false);
    }
  };
  return (
    <section className="profile__list" aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>
        {props.title}
        {props.total !== undefined ? <span className="muted"> ({props.total.toLocaleString('en')})</span> : null}
      </h2>
      {props.loading ? (
        <p className="loading" role="status">
          Loading…
        </p>
      ) : props.failed ? (
        <p className="notice">This list could not be loaded. Reload the page to try again.</p>
      ) : props.items.length === 0 ? (
        <p className="empty-state">{props.empty}</p>
      ) : (
        <ul className="profile-post-list" data-testid={props.id}>
          {props.items}
        </ul>
      )}
      {props.hasNextPage ? (
        <p>
          <button type="button" className="button button--quiet" onClick={() => void loadMore()} disabled={loadingMore}>
            {loadingMore ? 'Loading…' : 'Load more'}
            <span className="visually-hidden"> {props.moreLabel}</span>
          </button>
        </p>
      ) : null}
    </section>
  );
}

function plural(n: number, one: string, many: string) {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
