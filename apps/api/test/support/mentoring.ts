import type { TestApp, TestUser } from './test-app.js';

export const UPSERT_PROFILE = `mutation Upsert($input: MentorProfileInput!) { upsertMentorProfile(input: $input) {
  headline bio yearsExperience industries certifications links acceptingRequests maxOpenRequests verified expertise { name } user { handle role } } }`;
export const REQUEST = `mutation Req($input: RequestMentorshipInput!) { requestMentorship(input: $input) { id status message mentee { handle } mentor { handle } question { id } } }`;
export const RESPOND = `mutation Resp($input: RespondToMentorshipInput!) { respondToMentorship(input: $input) { id status responseMessage respondedAt } }`;
export const COMPLETE = `mutation Complete($id: ID!) { completeMentorship(requestId: $id) { id status } }`;
export const CANCEL = `mutation Cancel($id: ID!) { cancelMentorship(requestId: $id) { id status } }`;

export function profileInput(overrides: Record<string, unknown> = {}) {
  return {
    headline: 'PMO lead helping people move into project management',
    bio: 'Ten years running **PMOs** in telecoms and banking.',
    yearsExperience: 12,
    industries: ['Telecoms'],
    certifications: ['PMP'],
    expertise: ['pmo'],
    links: ['https://example.com/me'],
    ...overrides,
  };
}

export async function makeMentor(t: TestApp, user: TestUser, overrides: Record<string, unknown> = {}) {
  const res = await t.gql(UPSERT_PROFILE, { input: profileInput(overrides) }, { token: user.token });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.upsertMentorProfile;
}

export async function requestMentorship(
  t: TestApp,
  mentee: TestUser,
  mentorHandle: string,
  extra: Record<string, unknown> = {},
) {
  return t.gql(
    REQUEST,
    { input: { mentorHandle, message: 'Could you help me plan a move into a PMO role this year?', ...extra } },
    { token: mentee.token },
  );
}
