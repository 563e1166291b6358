import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  ArticleFeedbackListDocument,
  errorText,
  MarkArticleFeedbackDoneDocument,
  useCurrentUser,
  type ArticleFeedbackStatus,
} from '@crossroads/web-data-access';
import { Loading, LoadMoreList, PlainText, QueryState, RelativeTime } from '@crossroads/web-ui';
import { MessagePage } from '../../pages/message-page.js';

const PAGE = 20;

/** Reader feedback ("How can we improve this article?"): moderators see all, authors their own. */
export function FeedbackListPage() {
  const { user, loading } = useCurrentUser();
  if (loading) {
    return <Loading />;
  }
  if (!user) {
    return (
      <MessagePage title="Sign in to see reader feedback" tabTitle="Reader feedback">
        <p>Reader feedback is for moderators and the authors of articles.</p>
        <Link to="/sign-in?next=%2Fhelp%2Ffeedback" className="button">
          Sign in
        </Link>
      </MessagePage>
    );
  }
  return <FeedbackList />;
}

function FeedbackList() {
  const [params, setParams] = useSearchParams();
  const status: ArticleFeedbackStatus | null =
    params.get('status') === 'DONE' ? 'DONE' : params.get('status') === 'ALL' ? null : 'NEW';
  const { data, loading, error, fetchMore } = useQuery(ArticleFeedbackListDocument, {
    variables: { first: PAGE, status },
  });
  const [markDone] = useMutation(MarkArticleFeedbackDoneDocument);
  const [message, setMessage] = useState<string | null>(null);
  const list = data?.articleFeedbackList;

  const onDone = async (id: string) => {
    try {
      await markDone({ variables: { id } });
      setMessage('Marked done.');
    } catch (e) {
      setMessage(errorText(e));
    }
  };

  return (
    <div className="feedback-page">
      <title>Reader feedback · Help centre · Crossroads</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/help">Help centre</Link>
      </nav>
      <h1>Reader feedback</h1>
      <nav aria-label="Filter feedback" className="sort-tabs">
        {(
          [
            ['NEW', 'New'],
            ['DONE', 'Done'],
            ['ALL', 'All'],
          ] as const
        ).map(([value, label]) => (
          <Link
            key={value}
            to={`/help/feedback?status=${value}`}
            className="sort-tab"
            aria-current={(status ?? 'ALL') === value ? 'page' : undefined}
            onClick={() => setParams({ status: value })}
          >
            {label}
          </Link>
        ))}
      </nav>
      <p role="status" className="muted">
        {message}
      </p>
      <QueryState
        data={list}
        loading={loading}
        error={error}
        loadingText="Loading feedback…"
        errorText="The feedback could not be loaded."
        showErrorMessage
        isEmpty={(l) => l.edges.length === 0}
        empty="No feedback here. When readers suggest improvements, they appear in this list."
      >
        {(l) => (
          <>
            <p className="muted">{l.totalCount} items</p>
            <LoadMoreList pageInfo={l.pageInfo} onLoadMore={(after) => fetchMore({ variables: { after } })}>
              <ul className="feedback-list">
                {l.edges.map(({ node: f }) => (
                  <li key={f.id} className="panel feedback-item">
                    <p className="feedback-item__meta muted">
                      On <Link to={`/help/articles/${encodeURIComponent(f.article.slug)}`}>{f.article.title}</Link> ·{' '}
                      {f.author ? f.author.displayName : 'a guest'} · <RelativeTime iso={f.createdAt} />
                    </p>
                    <p className="feedback-item__message">
                      <PlainText text={f.message} />
                    </p>
                    {f.status === 'NEW' ? (
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => void onDone(f.id)}
                        aria-label={`Mark done: feedback on ${f.article.title}`}
                      >
                        Mark done
                      </button>
                    ) : (
                      <p className="muted">Done</p>
                    )}
                  </li>
                ))}
              </ul>
            </LoadMoreList>
          </>
        )}
      </QueryState>
    </div>
  );
}
