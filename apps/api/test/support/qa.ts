import type { TestApp, TestUser } from './test-app.js';

let n = 0;
const unique = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

export const ASK = `mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id title body status score answerCount tags { name questionCount } author { handle } } }`;
export const ANSWER = `mutation Answer($input: PostAnswerInput!) { postAnswer(input: $input) { id body score isAccepted author { handle } } }`;
export const VOTE = `mutation Vote($input: VoteInput!) { vote(input: $input) }`;
export const COMMENT = `mutation Comment($input: AddCommentInput!) { addComment(input: $input) { id body status guestName guestEmail author { handle } } }`;
export const ACCEPT = `mutation Accept($id: ID!) { acceptAnswer(answerId: $id) { id status acceptedAnswer { id } } }`;
export const UNACCEPT = `mutation Unaccept($id: ID!) { unacceptAnswer(questionId: $id) { id status acceptedAnswer { id } } }`;

export function questionInput(overrides: Record<string, unknown> = {}) {
  const tag = `t-${unique()}`.slice(0, 25);
  return {
    title: `How do I move from customer service into project management ${unique()}?`,
    body: 'I have managed a customer service team for eight years and want to become a project manager.',
    tags: [tag],
    ...overrides,
  };
}

export async function ask(
  t: TestApp,
  user: TestUser,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; [k: string]: any }> {
  const res = await t.gql(ASK, { input: questionInput(overrides) }, { token: user.token });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.askQuestion;
}

export async function answer(
  t: TestApp,
  user: TestUser,
  questionId: string,
  body = 'Start with a CAPM certificate and volunteer for small internal projects first.',
): Promise<{ id: string }> {
  const res = await t.gql(ANSWER, { input: { questionId, body } }, { token: user.token });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.postAnswer;
}

export async function vote(
  t: TestApp,
  user: TestUser,
  targetId: string,
  targetType: 'QUESTION' | 'ANSWER',
  value: number,
) {
  return t.gql(VOTE, { input: { targetId, targetType, value } }, { token: user.token });
}

/** Every user's cached reputation minus their ledger sum: empty when they all agree. */
export async function reputationMismatches(t: TestApp): Promise<unknown[]> {
  return t.dataSource.query(
    `SELECT u.id, u.reputation, coalesce(sum(e.points), 0)::int AS ledger FROM users u LEFT JOIN reputation_events e ON e.user_id = u.id
     GROUP BY u.id HAVING u.reputation <> coalesce(sum(e.points), 0)`,
  );
}
