import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { Input, Label, SearchField } from 'react-aria-components';
import { TagsDocument } from '@crossroads/web-data-access';
import { useDebounced } from './use-debounced.js';

export function TagsPage() {
  const [filter, setFilter] = useState('');
  const query = useDebounced(filter.trim().toLowerCase(), 200);
  const [loadingMore, setLoadingMore] = useState(false);
  const { data, loading, error, fetchMore } = useQuery(TagsDocument, { variables: { first: 48, query: query || null } });
  const tags = data?.tags;

  return (
    <section className="tags-page">
      <title>Tags · Crossroads</title>
      <h1>Tags</h1>
      <p className="muted">A tag groups questions on one subject. Choose one to see its questions.</p>
      <SearchField value={filter} onChange={setFilter} className="search-field tags-page__filter">
        <Label className="field__label">Filter tags by name</Label>
        <Input className="field__input" placeholder="e.g. pmo" />
      </SearchField>
      {error && !tags ? (
        <p className="form-alert" role="alert">
          The tags could not be loaded. Reload the page to try again.
        </p>
      ) : loading && !tags ? (
        <p className="loading" role="status">
          Loading tags…
        </p>
      ) : tags && tags.edges.length === 0 ? (
        <p className="empty-state">{query ? `No tag starts with “${query}”.` : 'No tags yet: they are created with the first question that uses them.'}</p>
      ) : tags ? (
        <>
          <ul className="tag-grid">
            {tags.edges.map(({ node }) => (
              <li key={node.name} className="tag-card">
                <Link className="tag-chip" to={`/?tag=${encodeURIComponent(node.name)}`}>
                  {node.name}
                </Link>
                <p className="tag-card__description">{node.description ?? <span className="muted">No description yet.</span>}</p>
                <p className="muted tag-card__count">
                  {node.questionCount.toLocaleString('en')} {node.questionCount === 1 ? 'question' : 'questions'}
                </p>
              </li>
            ))}
          </ul>
          {tags.pageInfo.hasNextPage ? (
            <p className="feed__more">
              <button
                type="button"
                className="button button--quiet"
                disabled={loadingMore}
                onClick={() => {
                  setLoadingMore(true);
                  void fetchMore({ variables: { after: tags.pageInfo.endCursor } }).finally(() => setLoadingMore(false));
                }}
              >
                {loadingMore ? 'Loading…' : 'Load more'}
              </button>
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
