import { gql } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { createCache } from './apollo-client.js';

const FEED = gql`
  query Feed($after: String, $sort: QuestionSort) {
    questions(first: 2, after: $after, sort: $sort) {
      edges {
        cursor
        node {
          id
          title
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

const page = (ids: string[], hasNextPage: boolean) => ({
  questions: {
    __typename: 'QuestionConnection',
    edges: ids.map((id) => ({
      __typename: 'QuestionEdge',
      cursor: `c${id}`,
      node: { __typename: 'Question', id, title: `Q${id}` },
    })),
    pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: `c${ids[ids.length - 1]}` },
  },
});

describe('keyset connection cache policy', () => {
  it('appends a page fetched with `after` and keeps each sort apart', () => {
    const cache = createCache();
    cache.writeQuery({ query: FEED, variables: { sort: 'NEWEST' }, data: page(['1', '2'], true) });
    cache.writeQuery({ query: FEED, variables: { sort: 'NEWEST', after: 'c2' }, data: page(['3', '2'], false) });
    cache.writeQuery({ query: FEED, variables: { sort: 'VOTES' }, data: page(['9'], false) });

    const newest = cache.readQuery<ReturnType<typeof page>>({ query: FEED, variables: { sort: 'NEWEST' } });
    expect(newest?.questions.edges.map((e) => e.node.id)).toEqual(['1', '2', '3']);
    expect(newest?.questions.pageInfo.hasNextPage).toBe(false);
    const votes = cache.readQuery<ReturnType<typeof page>>({ query: FEED, variables: { sort: 'VOTES' } });
    expect(votes?.questions.edges.map((e) => e.node.id)).toEqual(['9']);
  });

  it('replaces the list when the first page is fetched again', () => {
    const cache = createCache();
    cache.writeQuery({ query: FEED, variables: {}, data: page(['1', '2'], true) });
    cache.writeQuery({ query: FEED, variables: { after: 'c2' }, data: page(['3'], false) });
    cache.writeQuery({ query: FEED, variables: {}, data: page(['4', '1'], true) });
    const feed = cache.readQuery<ReturnType<typeof page>>({ query: FEED, variables: {} });
    expect(feed?.questions.edges.map((e) => e.node.id)).toEqual(['4', '1']);
  });
});
