import { useMutation, useQuery } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  errorText,
  HelpArticleDocument,
  PublishArticleDocument,
  RateArticleDocument,
  SendArticleFeedbackDocument,
  UnpublishArticleDocument,
  type HelpArticleQuery,
} from '@crossroads/web-data-access';
import { Loading, RelativeTime } from '@crossroads/web-ui';
import { MessagePage } from '../../pages/message-page.js';
import { useCan } from '../../ui/require-permission.js';
import { ArticleMarkdown } from './article-markdown.js';
import { FeedbackForm } from './feedback-form.js';
import { RatingDistribution, StarRating } from './star-rating.js';

type Article = NonNullable<HelpArticleQuery['article']>;

export function ArticlePage() {
  const { slug = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(HelpArticleDocument, { variables: { slug } });
  const article = data?.article;
  if (loading && !article) {
    return <Loading>Loading the article…</Loading>;
  }
  const notFound =
    (!article && !error) ||
    (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.['code'] === 'NOT_FOUND'));
  if (!article) {
    return notFound ? (
      <MessagePage title="Article not found" tabTitle="Article not found">
        <p>There is no published article at this address. It may have been renamed or taken offline.</p>
        <p>
          <Link to="/help" className="button">
            Search the help centre
          </Link>
        </p>
      </MessagePage>
    ) : (
      <MessagePage title="This article could not be loaded" tabTitle="Error">
        <p>Something went wrong while loading it. Check your connection and try again.</p>
        <button type="button" className="button" onClick={() => void refetch()}>
          Try again
        </button>
      </MessagePage>
    );
  }
  return <ArticleView key={article.id} article={article} />;
}

function ArticleView({ article }: { article: Article }) {
  const canWrite = useCan('article.write');
  const toc = article.tableOfContents.filter((e) => e.level <= 3);
  return (
    <div className="article-page">
      <title>{`${article.title} · Help centre · Crossroads`}</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/help">Help centre</Link> <span aria-hidden="true">›</span>{' '}
        <Link to={`/help/${encodeURIComponent(article.topic.slug)}`}>{article.topic.name}</Link>
      </nav>
      {/* One grid: the title first, then (beside the text on wide screens) the contents and share box. */}
      <article className="article-layout" aria-labelledby="article-title">
        <header className="article-header">
          <h1 id="article-title">{article.title}</h1>
          {article.summary ? <p className="article-summary">{article.summary}</p> : null}
          <p className="muted">
            {article.status === 'DRAFT' ? <strong className="status-badge">Draft · </strong> : null}
            By <Link to={`/u/${encodeURIComponent(article.author.handle)}`}>{article.author.displayName}</Link> ·{' '}
            <RelativeTime iso={article.updatedAt} prefix="updated" />
          </p>
          {article.source ? <Attribution source={article.source} /> : null}
        </header>
        <div className="article-aside">
          {toc.length ? (
            <nav aria-labelledby="toc-title" className="toc">
              <h2 id="toc-title">On this page</h2>
              <ol className="toc__list">
                {toc.map((e) => (
                  <li key={e.anchor} className={`toc__item toc__item--${e.level}`}>
                    <a href={`#${e.anchor}`}>{e.text}</a>
                  </li>
                ))}
              </ol>
            </nav>
          ) : null}
          <ShareLink />
        </div>
        <div className="article-main">
          {canWrite ? <EditorTools article={article} /> : null}
          <ArticleMarkdown source={article.body} />
          <PrevNext article={article} />
        </div>
      </article>
      {article.status === 'PUBLISHED' ? <Helpful article={article} /> : null}
      {article.status === 'PUBLISHED' ? <Feedback articleId={article.id} /> : null}
      <RelatedQuestions questions={article.relatedQuestions} />
    </div>
  );
}

function Attribution({ source }: { source: NonNullable<Article['source']> }) {
  return (
    <p className="attribution notice" data-testid="attribution">
      Adapted from the community question{' '}
      <Link to={`/q/${encodeURIComponent(source.questionId)}`}>{source.question?.title ?? 'this thread'}</Link>
      {source.asker ? (
        <>
          , asked by <Link to={`/u/${encodeURIComponent(source.asker.handle)}`}>{source.asker.displayName}</Link>
        </>
      ) : null}
      {source.answerer ? (
        <>
          {' '}
          and answered by{' '}
          <Link to={`/u/${encodeURIComponent(source.answerer.handle)}`}>{source.answerer.displayName}</Link>
        </>
      ) : null}
      .
    </p>
  );
}

function EditorTools({ article }: { article: Article }) {
  const [publish, p] = useMutation(PublishArticleDocument);
  const [unpublish, u] = useMutation(UnpublishArticleDocument);
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div className="editor-tools">
      <Link
        to={`/help/articles/${encodeURIComponent(article.slug)}/edit`}
        className="button button--quiet button--small"
      >
        Edit article
      </Link>
      {article.status === 'DRAFT' ? (
        <button
          type="button"
          className="button button--small"
          disabled={p.loading}
          onClick={() => void run(() => publish({ variables: { id: article.id } }))}
        >
          Publish
        </button>
      ) : (
        <button
          type="button"
          className="button button--quiet button--small"
          disabled={u.loading}
          onClick={() => void run(() => unpublish({ variables: { id: article.id } }))}
        >
          Unpublish
        </button>
      )}
      <div role="alert">{error}</div>
    </div>
  );
}

function PrevNext({ article }: { article: Article }) {
  if (!article.previous && !article.next) return null;
  return (
    <nav aria-label="More in this topic" className="prev-next">
      {article.previous ? (
        <Link
          to={`/help/articles/${encodeURIComponent(article.previous.slug)}`}
          className="prev-next__link prev-next__link--prev"
          rel="prev"
        >
          <span className="muted">Previous</span>
          <span>{article.previous.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {article.next ? (
        <Link
          to={`/help/articles/${encodeURIComponent(article.next.slug)}`}
          className="prev-next__link prev-next__link--next"
          rel="next"
        >
          <span className="muted">Next</span>
          <span>{article.next.title}</span>
        </Link>
      ) : null}
    </nav>
  );
}

function ShareLink() {
  const [copied, setCopied] = useState<string | null>(null);
  const url = typeof window === 'undefined' ? '' : window.location.href.split('#')[0];
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Link copied to the clipboard.');
    } catch {
      setCopied('Could not copy: select the link and copy it yourself.');
    }
  };
  return (
    <section aria-labelledby="share-title" className="share">
      <h2 id="share-title">Share this article</h2>
      <button type="button" className="button button--quiet button--small" onClick={() => void copy()}>
        Copy link
      </button>
      <p role="status" className="muted share__status">
        {copied}
      </p>
    </section>
  );
}

function Helpful({ article }: { article: Article }) {
  const [rate, { loading }] = useMutation(RateArticleDocument);
  const [mine, setMine] = useState<number | null>(article.viewerRating ?? null);
  const [rating, setRating] = useState(article.rating);
  const [message, setMessage] = useState<string | null>(null);
  const onRate = async (stars: number) => {
    const before = mine;
    setMine(stars);
    setMessage(null);
    try {
      const { data } = await rate({
        variables: { input: { articleId: article.id, stars } },
        // Coming back to the article (cache first) shows this rating and the new distribution.
        update(cache, result) {
          const id = cache.identify({ __typename: 'Article', id: article.id });
          if (id && result.data)
            cache.modify({ id, fields: { viewerRating: () => stars, rating: () => result.data?.rateArticle } });
        },
      });
      if (data) setRating(data.rateArticle);
      setMessage(`Thanks! You rated this article ${stars} ${stars === 1 ? 'star' : 'stars'}.`);
    } catch (e) {
      setMine(before);
      setMessage(errorText(e));
    }
  };
  return (
    <section aria-labelledby="helpful-title" className="panel helpful">
      <h2 id="helpful-title" className="visually-hidden">
        Ratings
      </h2>
      <StarRating value={mine} onRate={(s) => void onRate(s)} disabled={loading} />
      <p role="status" className="muted">
        {message}
      </p>
      <RatingDistribution rating={rating} />
    </section>
  );
}

function Feedback({ articleId }: { articleId: string }) {
  const [send] = useMutation(SendArticleFeedbackDocument);
  return (
    <section className="panel">
      <FeedbackForm
        onSend={async (message) => {
          await send({ variables: { input: { articleId, message } } });
        }}
      />
    </section>
  );
}

function RelatedQuestions({ questions }: { questions: Article['relatedQuestions'] }) {
  if (!questions.length) return null;
  return (
    <section aria-labelledby="related-title" className="related">
      <h2 id="related-title">Related questions</h2>
      <ul className="result-list">
        {questions.map((q) => (
          <li key={q.id} className="result-item">
            <Link to={`/q/${encodeURIComponent(q.id)}`}>{q.title}</Link>
            <span className="muted">
              {' '}
              · {q.answerCount} {q.answerCount === 1 ? 'answer' : 'answers'}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
