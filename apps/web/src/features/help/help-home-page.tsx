import { LIMITS } from '@crossroads/shared-domain';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Input, Label, SearchField } from 'react-aria-components';
import {
  CreateTopicDocument,
  HelpPopularArticlesDocument,
  HelpSearchDocument,
  HelpTopicsDocument,
  formErrorsFrom,
  type HelpPopularArticlesQuery,
  type HelpSearchQuery,
} from '@crossroads/web-data-access';
import { useCan } from '../../ui/require-permission.js';
import { EmptyState, fieldStyles, FormAlert, LoadError, Loading, TextField } from '@crossroads/web-ui';

/** The help centre: a "How can we help?" search over articles and questions, popular articles, every topic and a way to ask people. */
export function HelpHomePage() {
  const [params, setParams] = useSearchParams();
  const query = params.get('q')?.trim() || '';
  const [draft, setDraft] = useState(query);
  const canWrite = useCan('article.write');
  const topics = useQuery(HelpTopicsDocument);

  const onSearch = (e?: FormEvent) => {
    e?.preventDefault();
    const q = draft.trim();
    setParams(q ? { q } : {});
  };

  return (
    <div className="help-home">
      <title>{query ? `“${query}” · Help centre · Crossroads` : 'Help centre · Crossroads'}</title>
      <section className="help-hero" aria-labelledby="help-title">
        <h1 id="help-title">How can we help?</h1>
        <p className="muted">Search for answers or browse our knowledge base.</p>
        <form role="search" className="help-search" onSubmit={onSearch}>
          <SearchField
            className="search-field help-search__field"
            value={draft}
            onChange={setDraft}
            onSubmit={() => onSearch()}
            onClear={() => setParams({})}
          >
            <Label className="visually-hidden">Search articles and questions</Label>
            <Input className={fieldStyles.input} placeholder="e.g. moving into a PMO role" />
          </SearchField>
          <Button type="submit" className="button">
            Search
          </Button>
        </form>
        {canWrite ? (
          <p className="help-admin-links">
            <Link to="/help/editor">Write an article</Link> · <Link to="/help/feedback">Reader feedback</Link>
          </p>
        ) : null}
      </section>

      {query ? <SearchResults query={query} onSuggest={(q) => (setDraft(q), setParams({ q }))} /> : <PopularArticles />}

      <section aria-labelledby="topics-title" className="help-topics">
        <h2 id="topics-title">Browse topics</h2>
        {topics.loading && !topics.data ? (
          <Loading>Loading topics…</Loading>
        ) : topics.error && !topics.data ? (
          <LoadError>The topics could not be loaded. Check your connection and reload the page.</LoadError>
        ) : topics.data?.topics.length ? (
          <ul className="topic-grid">
            {topics.data.topics.map((t) => (
              <li key={t.id} className="topic-card">
                <h3 className="topic-card__title">
                  <Link to={`/help/${encodeURIComponent(t.slug)}`}>{t.name}</Link>
                </h3>
                {t.description ? <p className="topic-card__description">{t.description}</p> : null}
                <p className="muted topic-card__count">
                  {t.articleCount} {t.articleCount === 1 ? 'article' : 'articles'}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState>
            No topics yet.{' '}
            {canWrite ? 'Create the first one below.' : 'Check back soon, or ask the community a question.'}
          </EmptyState>
        )}
      </section>
      <section aria-labelledby="contact-title" className="help-contact">
        <h2 id="contact-title">Still need help?</h2>
        <p>People who have made the move answer questions every day.</p>
        <p className="help-contact__actions">
          <Link to="/ask" className="button">
            Ask the community
          </Link>
          <Link to="/mentors" className="button button--quiet">
            Find a mentor
          </Link>
        </p>
      </section>
      {canWrite ? <NewTopicForm /> : null}
    </div>
  );
}

type PopularArticle = HelpPopularArticlesQuery['topics'][number]['articles'][number] & { topicName: string };

/** Published articles, best rated first (by mean stars, then number of ratings), then the most recently published. */
function rankPopular(topics: HelpPopularArticlesQuery['topics'], limit: number): PopularArticle[] {
  const rated = (a: PopularArticle) => (a.rating.count > 0 ? (a.rating.average ?? 0) : -1);
  return topics
    .flatMap((t) => t.articles.map((a) => ({ ...a, topicName: t.name })))
    .filter((a) => a.status === 'PUBLISHED')
    .sort(
      (a, b) =>
        rated(b) - rated(a) ||
        b.rating.count - a.rating.count ||
        (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''),
    )
    .slice(0, limit);
}

function PopularArticles() {
  const { data } = useQuery(HelpPopularArticlesDocument);
  const articles = data ? rankPopular(data.topics, 5) : [];
  if (!articles.length) return null;
  return (
    <section aria-labelledby="popular-title" className="help-popular">
      <h2 id="popular-title">Popular articles</h2>
      <ul className="result-list">
        {articles.map((a) => (
          <li key={a.id} className="result-item">
            <Link to={`/help/articles/${encodeURIComponent(a.slug)}`} className="result-item__title">
              {a.title}
            </Link>
            <span className="muted"> · {a.topicName}</span>
            {a.summary ? <p className="result-item__summary">{a.summary}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function SearchResults({ query, onSuggest }: { query: string; onSuggest: (q: string) => void }) {
  const { data, loading, error } = useQuery(HelpSearchDocument, { variables: { query, first: 8 } });
  if (loading && !data) {
    return <Loading>Searching…</Loading>;
  }
  if (error && !data) {
    return <LoadError>The search failed. Check your connection and try again.</LoadError>;
  }
  const r = data?.search;
  if (!r) return null;
  const articles = <ArticleResults articles={r.articles} key="a" />;
  const questions = <QuestionResults questions={r.questions} key="q" />;
  return (
    <section aria-labelledby="results-title" className="help-results">
      <h2 id="results-title">Results for “{query}”</h2>
      {r.didYouMean ? (
        <p className="did-you-mean">
          Did you mean{' '}
          <a
            href={`/help?q=${encodeURIComponent(r.didYouMean)}`}
            onClick={(e) => {
              e.preventDefault();
              onSuggest(r.didYouMean ?? '');
            }}
          >
            {r.didYouMean}
          </a>
          ?
        </p>
      ) : null}
      {r.articles.length === 0 && r.questions.length === 0 ? (
        <EmptyState>
          Nothing matched. Try other words, or <Link to="/ask">ask the community</Link>.
        </EmptyState>
      ) : (
        <div className="help-results__groups">{r.articlesFirst ? [articles, questions] : [questions, articles]}</div>
      )}
    </section>
  );
}

function ArticleResults({ articles }: { articles: HelpSearchQuery['search']['articles'] }) {
  if (!articles.length) return null;
  return (
    <div className="help-results__group" data-testid="article-results">
      <h3>Articles</h3>
      <ul className="result-list">
        {articles.map((a) => (
          <li key={a.id} className="result-item">
            <Link to={`/help/articles/${encodeURIComponent(a.slug)}`} className="result-item__title">
              {a.title}
            </Link>
            <span className="muted"> · {a.topic.name}</span>
            {a.summary ? <p className="result-item__summary">{a.summary}</p> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function QuestionResults({ questions }: { questions: HelpSearchQuery['search']['questions'] }) {
  if (!questions.length) return null;
  return (
    <div className="help-results__group" data-testid="question-results">
      <h3>Questions</h3>
      <ul className="result-list">
        {questions.map((q) => (
          <li key={q.id} className="result-item">
            <Link to={`/q/${encodeURIComponent(q.id)}`} className="result-item__title">
              {q.title}
            </Link>
            <span className="muted">
              {' '}
              · {q.answerCount} {q.answerCount === 1 ? 'answer' : 'answers'}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function NewTopicForm() {
  const [create, { loading }] = useMutation(CreateTopicDocument, { refetchQueries: [HelpTopicsDocument] });
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<{ name?: string; form?: string | null }>({});
  const [done, setDone] = useState<string | null>(null);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const n = name.trim();
    const { min, max } = LIMITS.knowledgeBase.topicName;
    if (n.length < min || n.length > max) {
      setErrors({ name: `Name must be ${min}–${max} characters.` });
      return;
    }
    try {
      const { data } = await create({
        variables: { input: { name: n, description: description.trim() || undefined } },
      });
      setErrors({});
      setName('');
      setDescription('');
      setDone(data ? `Topic “${data.createTopic.name}” created.` : null);
    } catch (err) {
      const mapped = formErrorsFrom(err, ['name', 'slug', 'description'] as const);
      setErrors({
        name: mapped.fields.name ?? mapped.fields.slug,
        form: mapped.form ?? mapped.fields.description ?? null,
      });
    }
  };

  return (
    <section aria-labelledby="new-topic-title" className="panel">
      <h2 id="new-topic-title">New topic</h2>
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="inline-form">
        <TextField
          name="name"
          label="Topic name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
        />
        <TextField
          name="description"
          label="Description (optional)"
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <FormAlert message={errors.form ?? null} />
        <button type="submit" className="button" disabled={loading}>
          Create topic
        </button>
        <p role="status">{done}</p>
      </form>
    </section>
  );
}
