import { gql } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { createCache } from './apollo-client.js';

// Trimmed shapes of QuestionPage / QuestionMoreAnswers / PostRevisions and of the profile lists.
const PAGE = gql`
  query Page($id: ID!, $after: String) {
    question(id: $id) {
      id
      answers(first: 10, after: $after) {
        edges {
          cursor
          node {
            id
            body
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`;
const REVISIONS = gql`
  query Revisions($id: ID!) {
    question(id: $id) {
      id
      answers(first: 50) {
        edges {
          node {
            id
          }
        }
      }
    }
  }
`;
const USER_QUESTIONS = gql`
  query UserQuestions($handle: String!, $after: String) {
    user(handle: $handle) {
      id
      questions(first: 10, after: $after) {
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
  }
`;

const answers = (ids: string[], hasNextPage: boolean) => ({
  question: {
    __typename: 'Question',
    id: 'q1',
    answers: {
      __typename: 'AnswerConnection',
      edges: ids.map((id) => ({
        __typename: 'AnswerEdge',
        cursor: `c${id}`,
        node: { __typename: 'Answer', id, body: `A${id}` },
      })),
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: `c${ids[ids.length - 1]}` },
    },
  },
});

const ids = (data: unknown, field: 'question' | 'user', list: 'answers' | 'questions') =>
  (data as Record<string, Record<string, { edges: { node: { id: string } }[] }>>)[field][list].edges.map(
    (e) => e.node.id,
  );

describe('Question.answers and the profile lists', () => {
  it('append a "load more" page to the question page and keep it when the edit history loads', () => {
    const cache = createCache();
    cache.writeQuery({ query: PAGE, variables: { id: 'q1' }, data: answers(['1', '2'], true) });
    cache.writeQuery({ query: PAGE, variables: { id: 'q1', after: 'c2' }, data: answers(['3'], false) });
    cache.writeQuery({
      query: REVISIONS,
      variables: { id: 'q1' },
      data: { question: { __typename: 'Question', id: 'q1', answers: { __typename: 'AnswerConnection', edges: [] } } },
    });
    const read = cache.readQuery({ query: PAGE, variables: { id: 'q1' } });
    expect(ids(read, 'question', 'answers')).toEqual(['1', '2', '3']);
    expect((read as ReturnType<typeof answers>).question.answers.pageInfo.hasNextPage).toBe(false);
  });

  it("append a user's next page of questions", () => {
    const cache = createCache();
    const page = (qs: string[], hasNextPage: boolean) => ({
      user: {
        __typename: 'User',
        id: 'u1',
        questions: {
          __typename: 'QuestionConnection',
          edges: qs.map((id) => ({
            __typename: 'QuestionEdge',
            cursor: `c${id}`,
            node: { __typename: 'Question', id, title: `Q${id}` },
          })),
          pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: `c${qs[qs.length - 1]}` },
        },
      },
    });
    cache.writeQuery({ query: USER_QUESTIONS, variables: { handle: 'paula' }, data: page(['1', '2'], true) });
    cache.writeQuery({
      query: USER_QUESTIONS,
      variables: { handle: 'paula', after: 'c2' },
      data: page(['2', '3'], false),
    });
    expect(
      ids(cache.readQuery({ query: USER_QUESTIONS, variables: { handle: 'paula' } }), 'user', 'questions'),
    ).toEqual(['1', '2', '3']);
  });
});
