import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { Input, Label, SearchField } from 'react-aria-components';
import { TagsDocument } from '@crossroads/web-data-access';
import { fieldStyles, LoadMoreList, QueryState } from '@crossroads/web-ui';
import { useDebounced } from './use-debounced.js';

export function TagsPage() {
  const [filter, setFilter] = useState('');
  const query = useDebounced(filter.trim().toLowerCase(), 200);
  const { data, loading, error, fetchMore } = useQuery(TagsDocument, {
    variables: { first: 48, query: query || null },
  });
  const tags = data?.tags;

  return (
    <section className="tags-page">
      <title>Tags · Crossroads</title>
      <h1>Tags</h1>
      <p className="muted">A tag groups questions on one subject. Choose one to see its questions.</p>
      <SearchField value={filter} onChange={setFilter} className="search-field tags-page__filter">
        <Label className={fieldStyles.label}>Filter tags by name</Label>
        <Input className={fieldStyles.input} placeholder="e.g. pmo" />
      </SearchField>
      <QueryState
        data={tags}
        loading={loading}
        error={error}
        loadingText="Loading tags…"
        errorText="The tags could not be loaded. Reload the page to try again."
        isEmpty={(t) => t.edges.length === 0}
        empty={
          query
            ? `No tag starts with “${query}”.`
            : 'No tags yet: they are created with the first question that uses them.'
        }
      >
        {(t) => (
          <LoadMoreList
            pageInfo={t.pageInfo}
            onLoadMore={(after) => fetchMore({ variables: { after } })}
            moreClassName="feed__more"
          >
            <ul className="tag-grid">
              {t.edges.map(({ node }) => (
                <li key={node.name} className="tag-card">
                  <Link className="tag-chip" to={`/?tag=${encodeURIComponent(node.name)}`}>
                    {node.name}
                  </Link>
                  {node.description ? <p className="tag-card__description">{node.description}</p> : null}
                  <p className="muted tag-card__count">
                    {node.questionCount.toLocaleString('en')} {node.questionCount === 1 ? 'question' : 'questions'}
                  </p>
                </li>
              ))}
            </ul>
          </LoadMoreList>
        )}
      </QueryState>
    </section>
  );
}
