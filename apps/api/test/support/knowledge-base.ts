import type { TestApp, TestUser } from './test-app.js';

let n = 0;
const unique = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

export const CREATE_TOPIC = `mutation($input: CreateTopicInput!) { createTopic(input: $input) { id slug name description position } }`;
export const CREATE_ARTICLE = `mutation($input: CreateArticleInput!) { createArticle(input: $input) { id slug title status position tags author { handle } } }`;
export const UPDATE_ARTICLE = `mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { id slug title summary body status revisions { title summary body } } }`;
export const PUBLISH = `mutation($id: ID!) { publishArticle(id: $id) { id status publishedAt } }`;
export const UNPUBLISH = `mutation($id: ID!) { unpublishArticle(id: $id) { id status } }`;
export const MOVE = `mutation($input: MoveArticleInput!) { moveArticle(input: $input) { id position } }`;
export const RATE = `mutation($input: RateArticleInput!) { rateArticle(input: $input) { average count distribution { stars count percent } } }`;
export const FEEDBACK = `mutation($input: ArticleFeedbackInput!) { articleFeedback(input: $input) }`;
export const FEEDBACK_LIST = `query($articleId: ID, $status: ArticleFeedbackStatus, $first: Int, $after: String) {
  articleFeedbackList(articleId: $articleId, status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id message status doneAt article { id } author { handle } } } } }`;
export const MARK_DONE = `mutation($id: ID!) { markArticleFeedbackDone(id: $id) { id status doneAt } }`;
export const PROMOTE = `mutation($input: PromoteToArticleInput!) { promoteToArticle(input: $input) { id slug title body status tags
  source { questionId question { id } asker { handle } answerer { handle } } } }`;
export const SET_SETTINGS = `mutation($input: KnowledgeBaseSettingsInput!) { setKnowledgeBaseSettings(input: $input) { mentorsMayWrite } }`;

export const ARTICLE_BODY = `An introduction long enough to pass the minimum length of an article body.

## Why it matters

Some text.

### A detail

More text.

## Next steps

The end.`;

export function articleInput(topicSlug: string, overrides: Record<string, unknown> = {}) {
  return { topicSlug, title: `A guide to project roles ${unique()}`, body: ARTICLE_BODY, ...overrides };
}

export async function ok<T = Record<string, any>>(
  t: TestApp,
  query: string,
  variables: Record<string, unknown>,
  user?: TestUser | null,
): Promise<T> {
  const res = await t.gql<T>(query, variables, user ? { token: user.token } : {});
  if (res.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(res.errors)}`);
  return res.data!;
}

export async function createTopic(t: TestApp, mod: TestUser, overrides: Record<string, unknown> = {}) {
  const slug = `topic-${unique()}`;
  return (await ok(t, CREATE_TOPIC, { input: { name: `Topic ${slug}`, slug, ...overrides } }, mod)).createTopic as {
    id: string;
    slug: string;
    position: number;
  };
}

export async function createArticle(
  t: TestApp,
  user: TestUser,
  topicSlug: string,
  overrides: Record<string, unknown> = {},
  publish = true,
) {
  const article = (await ok(t, CREATE_ARTICLE, { input: articleInput(topicSlug, overrides) }, user)).createArticle as {
    id: string;
    slug: string;
    title: string;
  };
  if (publish) await ok(t, PUBLISH, { id: article.id }, user);
  return article;
}
