import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { UserAnswersDocument, UserQuestionsDocument } from '@crossroads/web-data-access';
import { LoadMoreList, QueryState, RelativeTime, type PageInfoLike } from '@crossroads/web-ui';

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
  const { data, loading, error, fetchMore } = useQuery(UserQuestionsDocument, {
    variables: { handle, first: PAGE_SIZE },
  });
  const list = data?.user?.questions;
  return (
    <PostList
      id="profile-questions"
      title="Questions"
      list={list}
      loading={loading}
      error={error}
      empty={`${displayName} has not asked any questions yet.`}
      loadMore={(after) => fetchMore({ variables: { after } })}
      moreLabel="questions"
      item={({ node: q }) => (
        <li key={q.id} className="profile-post">
          <Link to={`/q/${encodeURIComponent(q.id)}`} className="profile-post__title">
            {q.title}
          </Link>
          <span className="muted profile-post__facts">
            {plural(q.score, 'vote', 'votes')} · {plural(q.answerCount, 'answer', 'answers')}
            {q.status === 'CLOSED' ? ' · closed' : ''} · <RelativeTime iso={q.createdAt} prefix="asked" />
          </span>
        </li>
      )}
    />
  );
}

function UserAnswers({ handle, displayName }: { handle: string; displayName: string }) {
  const { data, loading, error, fetchMore } = useQuery(UserAnswersDocument, {
    variables: { handle, first: PAGE_SIZE },
  });
  const list = data?.user?.answers;
  return (
    <PostList
      id="profile-answers"
      title="Answers"
      list={list}
      loading={loading}
      error={error}
      empty={`${displayName} has not answered any questions yet.`}
      loadMore={(after) => fetchMore({ variables: { after } })}
      moreLabel="answers"
      item={({ node: a }) => (
        <li key={a.id} className="profile-post">
          <Link to={`/q/${encodeURIComponent(a.question.id)}`} className="profile-post__title">
            {a.question.title}
          </Link>
          <span className="muted profile-post__facts">
            {a.isAccepted ? <strong>Accepted · </strong> : null}
            {plural(a.score, 'vote', 'votes')} · <RelativeTime iso={a.createdAt} prefix="answered" />
          </span>
        </li>
      )}
    />
  );
}

interface PostConnection<E> {
  totalCount: number;
  edges: E[];
  pageInfo: PageInfoLike;
}

function PostList<E>(props: {
  id: string;
  title: string;
  list: PostConnection<E> | undefined;
  loading: boolean;
  error: { message: string } | undefined;
  empty: string;
  loadMore: (after: string | null) => Promise<unknown>;
  moreLabel: string;
  item: (edge: E) => ReactNode;
}) {
  return (
    <section className="profile__list" aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>
        {props.title}
        {props.list ? <span className="muted"> ({props.list.totalCount.toLocaleString('en')})</span> : null}
      </h2>
      <QueryState
        data={props.list}
        loading={props.loading}
        error={props.error}
        errorText="This list could not be loaded. Reload the page to try again."
        isEmpty={(l) => l.edges.length === 0}
        empty={props.empty}
      >
        {(l) => (
          <LoadMoreList
            pageInfo={l.pageInfo}
            onLoadMore={props.loadMore}
            label={
              <>
                Load more<span className="visually-hidden"> {props.moreLabel}</span>
              </>
            }
          >
            <ul className="profile-post-list" data-testid={props.id}>
              {l.edges.map(props.item)}
            </ul>
          </LoadMoreList>
        )}
      </QueryState>
    </section>
  );
}

function plural(n: number, one: string, many: string) {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
