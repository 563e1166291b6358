import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { HelpTopicDocument } from '@crossroads/web-data-access';
import { EmptyState, Loading } from '@crossroads/web-ui';
import { MessagePage } from '../../pages/message-page.js';
import { useCan } from '../../ui/require-permission.js';

/** One topic: its articles in order with their summaries (moderators also see drafts). */
export function TopicPage() {
  const { topicSlug = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(HelpTopicDocument, { variables: { slug: topicSlug } });
  const canWrite = useCan('article.write');
  if (loading && !data) {
    return <Loading>Loading the topic…</Loading>;
  }
  if (error && !data) {
    return (
      <MessagePage title="This topic could not be loaded" tabTitle="Error">
        <p>Something went wrong while loading it. Check your connection and try again.</p>
        <button type="button" className="button" onClick={() => void refetch()}>
          Try again
        </button>
      </MessagePage>
    );
  }
  const topic = data?.topic;
  if (!topic) {
    return (
      <MessagePage title="Topic not found" tabTitle="Topic not found">
        <p>There is no help topic at this address. It may have been renamed.</p>
        <p>
          <Link to="/help" className="button">
            Go to the help centre
          </Link>
        </p>
      </MessagePage>
    );
  }
  return (
    <div className="topic-page">
      <title>{`${topic.name} · Help centre · Crossroads`}</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/help">Help centre</Link> <span aria-hidden="true">›</span>{' '}
        <span aria-current="page">{topic.name}</span>
      </nav>
      <h1>{topic.name}</h1>
      {topic.description ? <p className="muted">{topic.description}</p> : null}
      {canWrite ? (
        <p>
          <Link to={`/help/editor?topic=${encodeURIComponent(topic.slug)}`} className="button button--quiet">
            Write an article in this topic
          </Link>
        </p>
      ) : null}
      {topic.articles.length === 0 ? (
        <EmptyState>No articles in this topic yet.</EmptyState>
      ) : (
        <ol className="article-list">
          {topic.articles.map((a) => (
            <li key={a.id} className="article-item">
              <h2 className="article-item__title">
                <Link to={`/help/articles/${encodeURIComponent(a.slug)}`}>{a.title}</Link>
                {a.status === 'DRAFT' ? <span className="status-badge"> Draft</span> : null}
              </h2>
              {a.summary ? <p className="article-item__summary">{a.summary}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
