import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { Button, Input, Label, SearchField } from 'react-aria-components';
import { useState, type FormEvent } from 'react';
import { LIMITS } from '@crossroads/shared-domain';
import {
  QuestionFeedDocument,
  useCurrentUser,
  type QuestionSort,
  type QuestionSummaryFragment,
} from '@crossroads/web-data-access';
import {
  EmptyState,
  fieldStyles,
  LoadMoreList,
  QueryState,
  RelativeTime,
  TagChips,
  UserBadge,
} from '@crossroads/web-ui';
import { TagFollow } from './tag-follow.js';

const SORTS: { value: QuestionSort; label: string }[] = [
  { value: 'NEWEST', label: 'Newest' },
  { value: 'ACTIVE', label: 'Active' },
  { value: 'VOTES', label: 'Top voted' },
  { value: 'UNANSWERED', label: 'Unanswered' },
];

const PAGE_SIZE = 20;

export const TAGLINE = 'Ask, answer and find a mentor when your career reaches a crossroads.';

function parseSort(raw: string | null): QuestionSort {
  return SORTS.some((s) => s.value === raw) ? (raw as QuestionSort) : 'NEWEST';
}

/** The feed query's variables for the page's URL parameters (the server render fetches the same, entry-server.tsx). */
export function feedVariables(params: URLSearchParams) {
  return {
    first: PAGE_SIZE,
    sort: parseSort(params.get('sort')),
    tag: params.get('tag') || null,
    search: params.get('q')?.trim() || null,
  };
}

/** The question feed: sorts, tag filter, search with "did you mean", keyset "load more". */
export function HomePage() {
  const [params, setParams] = useSearchParams();
  const variables = feedVariables(params);
  const { sort, tag, search } = variables;
  const [draft, setDraft] = useState(search ?? '');

  const { data, loading, error, fetchMore, refetch } = useQuery(QuestionFeedDocument, {
    variables,
    notifyOnNetworkStatusChange: false,
  });
  const feed = data?.questions;

  const linkWith = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    const s = next.toString();
    return s ? `/?${s}` : '/';
  };

  const onSearch = (e?: FormEvent) => {
    e?.preventDefault();
    const next = new URLSearchParams(params);
    const q = draft.trim();
    if (q) next.set('q', q);
    else next.delete('q');
    setParams(next);
  };

  const { user, loading: userLoading } = useCurrentUser();
  const heading = search ? `Results for “${search}”` : tag ? `Questions tagged ${tag}` : 'Crossroads';
  return (
    <section className="feed">
      <title>{search ? `${search} · Search · Crossroads` : tag ? `${tag} · Crossroads` : 'Crossroads'}</title>
      <div className="feed__top">
        <div>
          <h1 className="feed__title">{heading}</h1>
          {tag && !search ? <TagFollow name={tag} /> : null}
          <p className="muted feed__tagline">{TAGLINE}</p>
          {!userLoading && user ? <p className="feed__welcome">Welcome back, {user.displayName}.</p> : null}
        </div>
        <Link to="/ask" className="button">
          Ask a question
        </Link>
      </div>

      <form role="search" className="feed__search" onSubmit={onSearch}>
        <SearchField
          value={draft}
          onChange={setDraft}
          onClear={() => setDraft('')}
          className="search-field"
          aria-label="Search questions"
        >
          <Label className="visually-hidden">Search questions</Label>
          <Input className={fieldStyles.input} placeholder="Search questions" maxLength={LIMITS.search.max} />
        </SearchField>
        <Button type="submit" className="button">
          Search
        </Button>
      </form>

      <div className="feed__filters">
        {search ? null : (
          <nav aria-label="Sort questions" className="sort-tabs">
            {SORTS.map((s) => (
              <Link
                key={s.value}
                to={linkWith({ sort: s.value === 'NEWEST' ? null : s.value })}
                className="sort-tab"
                aria-current={s.value === sort ? 'page' : undefined}
              >
                {s.label}
              </Link>
            ))}
          </nav>
        )}
        {tag ? (
          <p className="filter-chip">
            Tag: <strong>{tag}</strong>{' '}
            <Link to={linkWith({ tag: null })}>
              <span aria-hidden="true">✕ </span>Clear<span className="visually-hidden"> the {tag} filter</span>
            </Link>
          </p>
        ) : null}
        {search ? (
          <p className="filter-chip">
            <Link to={linkWith({ q: null })} onClick={() => setDraft('')}>
              ✕ Clear search
            </Link>
          </p>
        ) : null}
      </div>

      {feed?.didYouMean ? (
        <p className="did-you-mean" role="status">
          No results for “{search}”. Did you mean{' '}
          <Link to={linkWith({ q: feed.didYouMean })} onClick={() => setDraft(feed.didYouMean ?? '')}>
            {feed.didYouMean}
          </Link>
          ? Showing its results.
        </p>
      ) : null}

      <QueryState
        data={feed}
        loading={loading}
        error={error}
        loadingText="Loading questions…"
        errorText="The questions could not be loaded."
        onRetry={() => void refetch()}
        isEmpty={(f) => f.edges.length === 0}
        empty={
          <EmptyState as="div">
            <h2>{search ? `No questions match “${search}”` : 'No questions here yet'}</h2>
            <p>
              {search
                ? 'Try other words, or fewer of them. If nobody has asked yet, ask it yourself.'
                : tag
                  ? 'Nobody has asked about this tag yet.'
                  : 'Be the first to ask.'}
            </p>
            <Link to="/ask" className="button">
              Ask a question
            </Link>
          </EmptyState>
        }
      >
        {(f) => (
          <>
            <p className="muted feed__count" aria-live="polite">
              {f.totalCount.toLocaleString('en')} {f.totalCount === 1 ? 'question' : 'questions'}
            </p>
            <LoadMoreList
              pageInfo={f.pageInfo}
              onLoadMore={(after) => fetchMore({ variables: { after } })}
              moreClassName="feed__more"
            >
              <ol className="question-list">
                {f.edges.map(({ node }) => (
                  <QuestionItem key={node.id} q={node} />
                ))}
              </ol>
            </LoadMoreList>
          </>
        )}
      </QueryState>
    </section>
  );
}

function plural(n: number, one: string, many: string) {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

function QuestionItem({ q }: { q: QuestionSummaryFragment }) {
  const answered = q.status === 'ANSWERED';
  return (
    <li className="question-item">
      <div className="question-item__stats">
        <span className="stat">{plural(q.score, 'vote', 'votes')}</span>
        <span className={answered ? 'stat stat--accepted' : q.answerCount > 0 ? 'stat stat--answered' : 'stat'}>
          {answered ? <span aria-label="has an accepted answer">✓ </span> : null}
          {plural(q.answerCount, 'answer', 'answers')}
        </span>
        <span className="stat stat--muted">{plural(q.viewCount, 'view', 'views')}</span>
      </div>
      <div className="question-item__main">
        <h2 className="question-item__title">
          <Link to={`/q/${encodeURIComponent(q.id)}`}>{q.title}</Link>
          {q.status === 'CLOSED' ? <span className="status-badge"> [closed]</span> : null}
        </h2>
        <TagChips tags={q.tags} />
        <p className="question-item__meta">
          <UserBadge user={q.author} /> <RelativeTime iso={q.createdAt} prefix="asked" />
        </p>
      </div>
    </li>
  );
}
