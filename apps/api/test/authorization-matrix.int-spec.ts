import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { JwtService } from '@nestjs/jwt';
import { CurrentUser } from '@crossroads/api-platform';
import { signOidcToken } from '@crossroads/api-accounts';
import { createHash, randomUUID } from 'node:crypto';
import type { Role } from '@crossroads/shared-domain';
import { waitFor } from './support/notifications.js';
import { TEST_PASSWORD, TestApp, codeOf, cookieFrom, uniqueHandle, type TestUser } from './support/test-app.js';
import { createIsolatedDatabase } from './support/isolated-database.js';
import { answer, ask } from './support/qa.js';
import { CheckInsService } from '@crossroads/api-mentoring';

/**
 * quality-bars.md "Authorization matrix": every mutation × {guest, member, author, mentor, moderator,
 * admin} has an expected outcome, asserted cell by cell. "author" is the owner of the target (the
 * post's author, the mentee of a mentorship request, the mentor whose profile is verified), a MEMBER;
 * "mentor" is a MENTOR who is not the owner (for mentorship requests: the request's mentor); for
 * suspensions the "author" is the member concerned.
 * Everyone else is a fresh user of that role, so no cell depends on another. A mutation in the
 * running schema without a row fails the test: deny by default, reviewed by default.
 *
 * Reads too (issue 12): every Query field, and every object field whose resolver looks at the viewer
 * (@CurrentUser: guest emails, hold reasons, drafts, emails, …), has a row with the same six cells.
 * A read cell is an error code, or "shown" / "hidden" (the restricted value present, or null/empty).
 * A Query field, or a viewer-dependent field, without a row fails the test.
 */

type Actor = 'guest' | 'member' | 'author' | 'mentor' | 'moderator' | 'admin';
type Outcome =
  'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT' | 'shown' | 'hidden';
const ACTORS: Actor[] = ['guest', 'member', 'author', 'mentor', 'moderator', 'admin'];
const ROLE_OF: Record<Exclude<Actor, 'guest' | 'author'>, Role> = {
  member: 'MEMBER',
  mentor: 'MENTOR',
  moderator: 'MODERATOR',
  admin: 'ADMIN',
};

interface Fixture {
  variables: Record<string, unknown>;
  /** The owner of the target (the "author" column). */
  author?: TestUser;
  /** Overrides the fresh MENTOR of the "mentor" column (a mentorship's mentor). */
  mentor?: TestUser;
  cookie?: string;
}

interface Row {
  /** The operation (a mutation, or for read rows a query). */
  mutation: string;
  /** Builds a fresh target for one cell; `actor` is null for guests. */
  setup: (actor: Actor) => Promise<Fixture>;
  expected: Partial<Record<Actor, Outcome>>;
  /** Read rows: whether an answer without errors shows the restricted value. */
  shown?: (data: Record<string, any>) => boolean;
}

let t: TestApp;
let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;
const EXPERTISE_TAG = 'project-management';

const MEMBERS_ONLY = { guest: 'UNAUTHENTICATED', member: 'ok', mentor: 'ok', moderator: 'ok', admin: 'ok' } as const;
const MODERATORS = {
  guest: 'UNAUTHENTICATED',
  member: 'FORBIDDEN',
  author: 'FORBIDDEN',
  mentor: 'FORBIDDEN',
  moderator: 'ok',
  admin: 'ok',
} as const;
const ADMINS = {
  guest: 'UNAUTHENTICATED',
  member: 'FORBIDDEN',
  mentor: 'FORBIDDEN',
  moderator: 'FORBIDDEN',
  admin: 'ok',
} as const;
const AUTHOR_OR_MODERATOR = {
  guest: 'UNAUTHENTICATED',
  member: 'FORBIDDEN',
  author: 'ok',
  mentor: 'FORBIDDEN',
  moderator: 'ok',
  admin: 'ok',
} as const;
const AUTHOR_ONLY = {
  guest: 'UNAUTHENTICATED',
  member: 'FORBIDDEN',
  author: 'ok',
  mentor: 'FORBIDDEN',
  moderator: 'FORBIDDEN',
  admin: 'FORBIDDEN',
} as const;
const EVERYONE = { guest: 'ok', member: 'ok', mentor: 'ok', moderator: 'ok', admin: 'ok' } as const;
/** Knowledge-base editing: moderators and admins (no member owns a topic or an article). */
const KB_EDITORS = {
  guest: 'UNAUTHENTICATED',
  member: 'FORBIDDEN',
  mentor: 'FORBIDDEN',
  moderator: 'ok',
  admin: 'ok',
} as const;

const member = () => t.createUser('MEMBER');
const gqlOk = async (query: string, variables: Record<string, unknown>, user: TestUser | null) => {
  const res = await t.gql(query, variables, user ? { token: user.token } : {});
  if (res.errors) throw new Error(`fixture ${query.slice(0, 60)}: ${JSON.stringify(res.errors)}`);
  return res.data!;
};
const post = async () => {
  const author = await member();
  const q = await ask(t, author);
  return { author, q };
};
const guestOr = (actor: Actor, body: Record<string, unknown>) =>
  actor === 'guest' ? { ...body, guestName: 'Gus Guest', guestEmail: `gus-${uniqueHandle()}@example.test` } : body;

const MENTOR_PROFILE = `mutation($input: MentorProfileInput!) { upsertMentorProfile(input: $input) { headline } }`;
const profileInput = () => ({
  headline: '27 years of project management in construction',
  yearsExperience: 27,
  expertise: [EXPERTISE_TAG],
});
const REQUEST = `mutation($input: RequestMentorshipInput!) { requestMentorship(input: $input) { id } }`;
const RESPOND = `mutation($input: RespondToMentorshipInput!) { respondToMentorship(input: $input) { id } }`;
const COMPLETE = `mutation($requestId: ID!) { completeMentorship(requestId: $requestId) { id } }`;
const REVIEW = `mutation($input: ReviewMentorshipInput!) { reviewMentorship(input: $input) { rating } }`;

const KB_BODY = 'What to expect in your first week, who to meet, and which reports to read before anything else.';
/** A fresh knowledge-base topic, made by a moderator. */
async function kbTopic(): Promise<{ id: string; slug: string }> {
  const mod = await t.createUser('MODERATOR');
  const { createTopic } = await gqlOk(
    `mutation($input: CreateTopicInput!) { createTopic(input: $input) { id slug } }`,
    { input: { name: `Topic ${randomUUID().slice(0, 8)}` } },
    mod,
  );
  return createTopic;
}
/** A fresh article in a fresh topic, published or a draft. */
async function kbArticle(published: boolean): Promise<{ id: string; slug: string }> {
  const mod = await t.createUser('MODERATOR');
  const { createArticle } = await gqlOk(
    `mutation($input: CreateArticleInput!) { createArticle(input: $input) { id slug } }`,
    { input: { topicSlug: (await kbTopic()).slug, title: `Guide ${randomUUID().slice(0, 8)}`, body: KB_BODY } },
    mod,
  );
  if (published) await gqlOk(`mutation($id: ID!) { publishArticle(id: $id) { id } }`, { id: createArticle.id }, mod);
  return createArticle;
}

/** A mentor with a profile and a request from a fresh mentee, taken to `stage`. */
async function mentorship(stage: 'PENDING' | 'ACCEPTED' | 'COMPLETED' | 'REVIEWED') {
  const [mentor, mentee] = await Promise.all([t.createUser('MENTOR'), member()]);
  await gqlOk(MENTOR_PROFILE, { input: profileInput() }, mentor);
  const { requestMentorship } = await gqlOk(
    REQUEST,
    { input: { mentorHandle: mentor.user.handle, message: 'Could you help me plan my move into a PMO role?' } },
    mentee,
  );
  const requestId = requestMentorship.id as string;
  if (stage !== 'PENDING') await gqlOk(RESPOND, { input: { requestId, accept: true } }, mentor);
  if (stage === 'COMPLETED' || stage === 'REVIEWED') await gqlOk(COMPLETE, { requestId }, mentee);
  if (stage === 'REVIEWED')
    await gqlOk(REVIEW, { input: { requestId, rating: 5, review: 'Clear, kind and practical.' } }, mentee);
  return { mentor, mentee, requestId };
}

/** An accepted mentorship whose mentor has availability every day, with its first free 30-minute slot. */
async function workspace() {
  const m = await mentorship('ACCEPTED');
  await gqlOk(
    `mutation($input: [AvailabilityWindowInput!]!) { setAvailability(input: $input) { headline } }`,
    { input: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '20:00', timeZone: 'UTC' })) },
    m.mentor,
  );
  const { bookableSlots } = await gqlOk(
    `query($h: String!, $from: DateTime!) { bookableSlots(mentorHandle: $h, from: $from, days: 2) }`,
    { h: m.mentor.user.handle, from: new Date(Date.now() + 2 * 86_400_000).toISOString() },
    m.mentor,
  );
  return { ...m, slot: bookableSlots[0] as string };
}
/** An accepted mentorship where the mentor wrote a message and the mentee reported it; moderation has queued the report. */
async function reportedMessage() {
  const m = await mentorship('ACCEPTED');
  const { sendMentorshipMessage } = await gqlOk(
    `mutation($input: SendMentorshipMessageInput!) { sendMentorshipMessage(input: $input) { id } }`,
    { input: { mentorshipId: m.requestId, body: 'Nobody hires career changers.' } },
    m.mentor,
  );
  await gqlOk(
    `mutation($input: ReportMentorshipMessageInput!) { reportMentorshipMessage(input: $input) }`,
    { input: { messageId: sendMentorshipMessage.id, reason: 'Discouraging' } },
    m.mentee,
  );
  // Moderation queues it from mentoring's event, on the job queue.
  const [queued] = await waitFor(
    () =>
      t.dataSource.query(`SELECT id FROM message_reports WHERE message_id = $1`, [sendMentorshipMessage.id]) as Promise<
        { id: string }[]
      >,
    (found) => found.length > 0,
  );
  return { ...m, messageId: sendMentorshipMessage.id as string, reportId: queued.id };
}
const BOOK_SESSION = `mutation($input: BookSessionInput!) { bookMentorshipSession(input: $input) { id } }`;
/** Private to the pair: NOT_FOUND for everyone else, staff included. */
const PAIR_ONLY = {
  guest: 'UNAUTHENTICATED',
  member: 'NOT_FOUND',
  author: 'ok',
  mentor: 'ok',
  moderator: 'NOT_FOUND',
  admin: 'NOT_FOUND',
} as const;
const PAIR_SEES = {
  guest: 'UNAUTHENTICATED',
  member: 'NOT_FOUND',
  author: 'shown',
  mentor: 'shown',
  moderator: 'NOT_FOUND',
  admin: 'NOT_FOUND',
} as const;
/** An accepted mentorship whose mentor answered 31 days ago: the mentee's day-30 check-in is due. */
async function mentorshipAtDay31() {
  const m = await mentorship('ACCEPTED');
  await t.dataSource.query(`UPDATE mentorship_requests SET responded_at = now() - interval '31 days' WHERE id = $1`, [
    m.requestId,
  ]);
  return m;
}

/** A mentor whose new requests are paused (as two no-shows in 30 days leave them). */
async function pausedMentor() {
  const mentor = await t.createUser('MENTOR');
  await gqlOk(MENTOR_PROFILE, { input: profileInput() }, mentor);
  await t.dataSource.query(
    `INSERT INTO mentor_request_pauses (mentor_id, ends_at) VALUES ($1, now() + interval '14 days')`,
    [mentor.user.id],
  );
  return mentor;
}

const ROWS: Record<string, Row> = {
  // Sessions: public by design (the credential is in the input or the refresh cookie).
  register: {
    mutation: `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`,
    setup: async () => {
      const handle = uniqueHandle('reg');
      return {
        variables: {
          input: { handle, email: `${handle}@example.test`, displayName: 'New Member', password: TEST_PASSWORD },
        },
      };
    },
    expected: EVERYONE,
  },
  login: {
    mutation: `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
    setup: async () => {
      const u = await member();
      return { variables: { input: { email: u.email, password: TEST_PASSWORD } } };
    },
    expected: EVERYONE,
  },
  logout: { mutation: `mutation { logout }`, setup: async () => ({ variables: {} }), expected: EVERYONE },
  refreshSession: {
    mutation: `mutation { refreshSession { accessToken } }`,
    setup: async () => {
      const u = await member();
      const res = await t.gql(`mutation($input: LoginInput!) { login(input: $input) { accessToken } }`, {
        input: { email: u.email, password: TEST_PASSWORD },
      });
      return { variables: {}, cookie: cookieFrom(res, 'crossroads_refresh') };
    },
    expected: EVERYONE,
  },
  // Accounts people manage themselves: every signed-in person, on their own account only.
  updateProfile: {
    mutation: `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`,
    setup: async () => ({ variables: { input: { location: 'Porto' } } }),
    expected: MEMBERS_ONLY,
  },
  changePassword: {
    mutation: `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`,
    setup: async () => ({
      variables: { input: { currentPassword: TEST_PASSWORD, newPassword: 'violet tractor under seven lanterns' } },
    }),
    expected: MEMBERS_ONLY,
  },
  // Public by design: the credential is the emailed link; the request never says whether the address exists.
  requestPasswordReset: {
    mutation: `mutation($email: String!) { requestPasswordReset(email: $email) }`,
    setup: async () => ({ variables: { email: (await member()).email } }),
    expected: EVERYONE,
  },
  resetPassword: {
    mutation: `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) { accessToken } }`,
    setup: async () => {
      const u = await member();
      const token = randomUUID();
      await t.dataSource.query(
        `INSERT INTO account_tokens (user_id, purpose, token_hash, expires_at) VALUES ($1, 'password_reset', $2, now() + interval '1 hour')`,
        [u.user.id, createHash('sha256').update(token).digest('hex')],
      );
      return { variables: { input: { token, newPassword: 'violet tractor under seven lanterns' } } };
    },
    expected: EVERYONE,
  },
  verifyEmail: {
    mutation: `mutation($token: String!) { verifyEmail(token: $token) { id } }`,
    setup: async () => {
      const u = await member();
      const token = randomUUID();
      await t.dataSource.query(
        `INSERT INTO account_tokens (user_id, purpose, token_hash, expires_at) VALUES ($1, 'email_verification', $2, now() + interval '1 day')`,
        [u.user.id, createHash('sha256').update(token).digest('hex')],
      );
      return { variables: { token } };
    },
    expected: EVERYONE,
  },
  requestEmailChange: {
    mutation: `mutation($input: RequestEmailChangeInput!) { requestEmailChange(input: $input) }`,
    setup: async () => ({
      variables: { input: { newEmail: `${randomUUID()}@example.test`, password: TEST_PASSWORD } },
    }),
    expected: MEMBERS_ONLY,
  },
  // Public by design: the credential is the link emailed to the new address.
  confirmEmailChange: {
    mutation: `mutation($token: String!) { confirmEmailChange(token: $token) { id } }`,
    setup: async () => {
      const u = await member();
      const token = randomUUID();
      await t.dataSource.query(
        `INSERT INTO account_tokens (user_id, purpose, token_hash, new_email, expires_at) VALUES ($1, 'email_change', $2, $3, now() + interval '1 hour')`,
        [u.user.id, createHash('sha256').update(token).digest('hex'), `${randomUUID()}@example.test`],
      );
      return { variables: { token } };
    },
    expected: EVERYONE,
  },
  resendVerificationEmail: {
    mutation: `mutation { resendVerificationEmail }`,
    setup: async () => ({ variables: {} }),
    expected: MEMBERS_ONLY,
  },
  revokeSession: {
    mutation: `mutation($id: ID!) { revokeSession(id: $id) }`,
    setup: async () => {
      const author = await member();
      const [row] = (await t.dataSource.query(`SELECT family_id AS id FROM refresh_tokens WHERE user_id = $1 LIMIT 1`, [
        author.user.id,
      ])) as { id: string }[];
      return { author, variables: { id: row.id } };
    },
    // Someone else's session is NOT_FOUND, whoever asks: sessions are never anyone else's business.
    expected: {
      guest: 'UNAUTHENTICATED',
      member: 'NOT_FOUND',
      author: 'ok',
      mentor: 'NOT_FOUND',
      moderator: 'NOT_FOUND',
      admin: 'NOT_FOUND',
    },
  },
  signOutEverywhere: {
    mutation: `mutation { signOutEverywhere }`,
    setup: async () => ({ variables: {} }),
    expected: MEMBERS_ONLY,
  },
  deleteAccount: {
    mutation: `mutation($input: DeleteAccountInput!) { deleteAccount(input: $input) }`,
    setup: async () => ({ variables: { input: { password: TEST_PASSWORD } } }),
    expected: MEMBERS_ONLY,
  },
  // OpenID Connect (issue 15). Public by design: the credentials are the signed pending link and the account's password.
  confirmOidcLink: {
    mutation: `mutation($input: ConfirmOidcLinkInput!) { confirmOidcLink(input: $input) { accessToken } }`,
    setup: async () => {
      const u = await member();
      const token = signOidcToken(t.app.get(JwtService), 'pendingLink', {
        uid: u.user.id,
        provider: 'test',
        subject: randomUUID(),
        email: u.email,
      });
      return { variables: { input: { token, password: TEST_PASSWORD } } };
    },
    expected: EVERYONE,
  },
  startOidcLink: {
    mutation: `mutation { startOidcLink(provider: "test") }`,
    setup: async () => ({ variables: {} }),
    expected: MEMBERS_ONLY,
  },
  removeAvatar: {
    mutation: `mutation { removeAvatar { avatarUrl } }`,
    setup: async () => ({ variables: {} }),
    expected: MEMBERS_ONLY,
  },
  unlinkIdentity: {
    mutation: `mutation($id: ID!) { unlinkIdentity(id: $id) }`,
    setup: async () => {
      const author = await member();
      const [row] = (await t.dataSource.query(
        `INSERT INTO user_identities (user_id, provider, subject) VALUES ($1, 'test', $2) RETURNING id`,
        [author.user.id, randomUUID()],
      )) as { id: string }[];
      return { author, variables: { id: row.id } };
    },
    // Someone else's linked sign-in is NOT_FOUND, whoever asks.
    expected: {
      guest: 'UNAUTHENTICATED',
      member: 'NOT_FOUND',
      author: 'ok',
      mentor: 'NOT_FOUND',
      moderator: 'NOT_FOUND',
      admin: 'NOT_FOUND',
    },
  },
  setRole: {
    mutation: `mutation($input: SetRoleInput!) { setRole(input: $input) { role } }`,
    setup: async () => ({ variables: { input: { handle: (await member()).user.handle, role: 'MENTOR' } } }),
    expected: ADMINS,
  },

  // Q&A
  askQuestion: {
    mutation: `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`,
    setup: async () => ({
      variables: {
        input: {
          title: `Moving from customer service into PM ${randomUUID().slice(0, 8)}`,
          body: 'I have managed a customer service team for eight years.',
          tags: ['career-change'],
        },
      },
    }),
    expected: MEMBERS_ONLY,
  },
  editQuestion: {
    mutation: `mutation($input: EditQuestionInput!) { editQuestion(input: $input) { id } }`,
    setup: async () => {
      const { author, q } = await post();
      return {
        author,
        variables: { input: { id: q.id, body: 'An edited body that is long enough to be accepted by validation.' } },
      };
    },
    expected: AUTHOR_OR_MODERATOR,
  },
  postAnswer: {
    mutation: `mutation($input: PostAnswerInput!) { postAnswer(input: $input) { id } }`,
    setup: async () => {
      const { author, q } = await post();
      return {
        author,
        variables: {
          input: { questionId: q.id, body: 'Start with a CAPM certificate and volunteer for small projects.' },
        },
      };
    },
    expected: { ...MEMBERS_ONLY, author: 'ok' },
  },
  editAnswer: {
    mutation: `mutation($input: EditAnswerInput!) { editAnswer(input: $input) { id } }`,
    setup: async () => {
      const { q } = await post();
      const author = await member();
      const a = await answer(t, author, q.id);
      return {
        author,
        variables: { input: { id: a.id, body: 'An edited answer body that is long enough for validation.' } },
      };
    },
    expected: AUTHOR_OR_MODERATOR,
  },
  acceptAnswer: {
    mutation: `mutation($id: ID!) { acceptAnswer(answerId: $id) { id } }`,
    setup: async () => {
      const { author, q } = await post();
      const a = await answer(t, await member(), q.id);
      return { author, variables: { id: a.id } };
    },
    expected: AUTHOR_ONLY,
  },
  unacceptAnswer: {
    mutation: `mutation($id: ID!) { unacceptAnswer(questionId: $id) { id } }`,
    setup: async () => {
      const { author, q } = await post();
      const a = await answer(t, await member(), q.id);
      await gqlOk(`mutation($id: ID!) { acceptAnswer(answerId: $id) { id } }`, { id: a.id }, author);
      return { author, variables: { id: q.id } };
    },
    expected: AUTHOR_ONLY,
  },
  addComment: {
    mutation: `mutation($input: AddCommentInput!) { addComment(input: $input) { id status } }`,
    setup: async (actor) => {
      const { author, q } = await post();
      return {
        author,
        variables: {
          input: guestOr(actor, { targetId: q.id, targetType: 'QUESTION', body: 'Have you looked at the CAPM?' }),
        },
      };
    },
    expected: { ...EVERYONE, author: 'ok' },
  },
  vote: {
    mutation: `mutation($input: VoteInput!) { vote(input: $input) }`,
    setup: async () => {
      const { author, q } = await post();
      return { author, variables: { input: { targetId: q.id, targetType: 'QUESTION', value: 1 } } };
    },
    expected: { ...MEMBERS_ONLY, author: 'FORBIDDEN' },
  },

  // Moderation
  flag: {
    mutation: `mutation($input: FlagInput!) { flag(input: $input) }`,
    setup: async () => {
      const { author, q } = await post();
      return { author, variables: { input: { targetId: q.id, targetType: 'QUESTION', reason: 'SPAM' } } };
    },
    expected: { ...MEMBERS_ONLY, author: 'BAD_USER_INPUT' },
  },
  closeQuestion: {
    mutation: `mutation($input: CloseQuestionInput!) { closeQuestion(input: $input) { id } }`,
    setup: async () => {
      const { author, q } = await post();
      return { author, variables: { input: { id: q.id, reason: 'OFF_TOPIC' } } };
    },
    expected: MODERATORS,
  },
  reopenQuestion: {
    mutation: `mutation($id: ID!) { reopenQuestion(id: $id) { id } }`,
    setup: async () => {
      const { author, q } = await post();
      await t.dataSource.query(`UPDATE questions SET closed_at = now(), close_reason = 'UNCLEAR' WHERE id = $1`, [
        q.id,
      ]);
      return { author, variables: { id: q.id } };
    },
    expected: MODERATORS,
  },
  moderateComment: {
    mutation: `mutation($input: ModerateCommentInput!) { moderateComment(input: $input) { id } }`,
    setup: async () => {
      const { q } = await post();
      const author = await member();
      const { addComment } = await gqlOk(
        `mutation($input: AddCommentInput!) { addComment(input: $input) { id status } }`,
        { input: { targetId: q.id, targetType: 'QUESTION', body: 'A first comment, held for approval.' } },
        author,
      );
      return { author, variables: { input: { commentId: addComment.id, decision: 'APPROVE' } } };
    },
    expected: MODERATORS,
  },
  resolveFlags: {
    mutation: `mutation($input: ResolveFlagsInput!) { resolveFlags(input: $input) { postId } }`,
    setup: async () => {
      const { author, q } = await post();
      await gqlOk(
        `mutation($input: FlagInput!) { flag(input: $input) }`,
        { input: { targetId: q.id, targetType: 'QUESTION', reason: 'RUDE' } },
        await member(),
      );
      return { author, variables: { input: { postId: q.id, decision: 'DISMISS' } } };
    },
    expected: MODERATORS,
  },
  deletePost: {
    mutation: `mutation($input: DeletePostInput!) { deletePost(input: $input) { hidden } }`,
    setup: async () => {
      const { author, q } = await post();
      return { author, variables: { input: { targetId: q.id, targetType: 'QUESTION' } } };
    },
    expected: AUTHOR_ONLY,
  },
  hidePost: {
    mutation: `mutation($input: HidePostInput!) { hidePost(input: $input) { hidden } }`,
    setup: async () => {
      const { author, q } = await post();
      return { author, variables: { input: { targetId: q.id, targetType: 'QUESTION', reason: 'Spam link farm' } } };
    },
    expected: MODERATORS,
  },
  restorePost: {
    mutation: `mutation($input: RestorePostInput!) { restorePost(input: $input) { hidden } }`,
    setup: async () => {
      const { author, q } = await post();
      await gqlOk(
        `mutation($input: DeletePostInput!) { deletePost(input: $input) { hidden } }`,
        { input: { targetId: q.id, targetType: 'QUESTION' } },
        author,
      );
      return { author, variables: { input: { targetId: q.id, targetType: 'QUESTION', reason: 'Deleted by mistake' } } };
    },
    expected: MODERATORS,
  },
  suspendUser: {
    mutation: `mutation($input: SuspendUserInput!) { suspendUser(input: $input) { id } }`,
    setup: async () => {
      const target = await member();
      return { author: target, variables: { input: { handle: target.user.handle, reason: 'Repeated spam', days: 1 } } };
    },
    expected: MODERATORS,
  },
  liftSuspension: {
    mutation: `mutation($input: LiftSuspensionInput!) { liftSuspension(input: $input) { id } }`,
    setup: async () => {
      const target = await member();
      const mod = await t.createUser('MODERATOR');
      await t.dataSource.query(
        `INSERT INTO suspensions (user_id, suspended_by, reason, ends_at) VALUES ($1, $2, 'Spam', now() + interval '1 day')`,
        [target.user.id, mod.user.id],
      );
      return { author: target, variables: { input: { handle: target.user.handle } } };
    },
    expected: MODERATORS,
  },
  setModerationWords: {
    mutation: `mutation($input: SetModerationWordsInput!) { setModerationWords(input: $input) }`,
    setup: async () => {
      const rows = (await t.dataSource.query(`SELECT word FROM moderation_words`)) as { word: string }[];
      return { variables: { input: { words: rows.map((r) => r.word) } } };
    },
    expected: ADMINS,
  },

  // Mentoring
  upsertMentorProfile: {
    mutation: MENTOR_PROFILE,
    setup: async () => ({ variables: { input: profileInput() } }),
    expected: MEMBERS_ONLY,
  },
  verifyMentorProfile: {
    mutation: `mutation($input: VerifyMentorProfileInput!) { verifyMentorProfile(input: $input) { headline } }`,
    setup: async () => {
      const author = await t.createUser('MENTOR');
      await gqlOk(MENTOR_PROFILE, { input: profileInput() }, author);
      return { author, variables: { input: { handle: author.user.handle, verified: true } } };
    },
    expected: MODERATORS,
  },
  requestMentorship: {
    mutation: REQUEST,
    setup: async () => {
      const mentor = await t.createUser('MENTOR');
      await gqlOk(MENTOR_PROFILE, { input: profileInput() }, mentor);
      return {
        mentor,
        variables: {
          input: { mentorHandle: mentor.user.handle, message: 'Could you help me plan my move into a PMO role?' },
        },
      };
    },
    // The mentor cell is the requested mentor themselves (you cannot ask yourself).
    expected: { ...MEMBERS_ONLY, mentor: 'BAD_USER_INPUT' },
  },
  respondToMentorship: {
    mutation: RESPOND,
    setup: async () => {
      const m = await mentorship('PENDING');
      return { author: m.mentee, mentor: m.mentor, variables: { input: { requestId: m.requestId, accept: true } } };
    },
    // A request is private to its two participants: NOT_FOUND for everyone else.
    expected: {
      guest: 'UNAUTHENTICATED',
      member: 'NOT_FOUND',
      author: 'FORBIDDEN',
      mentor: 'ok',
      moderator: 'NOT_FOUND',
      admin: 'NOT_FOUND',
    },
  },
  completeMentorship: {
    mutation: COMPLETE,
    setup: async () => {
      const m = await mentorship('ACCEPTED');
      return { author: m.mentee, mentor: m.mentor, variables: { requestId: m.requestId } };
    },
    expected: {
      guest: 'UNAUTHENTICATED',
      member: 'NOT_FOUND',
      author: 'ok',
      mentor: 'ok',
      moderator: 'NOT_FOUND',
      admin: 'NOT_FOUND',
    },
  },
  cancelMentorship: {
    mutation: `mutation($requestId: ID!) { cancelMentorship(requestId: $requestId) { id } }`,
    setup: async () => {
      const m = await mentorship('PENDING');
      return { author: m.mentee, mentor: m.mentor, variables: { requestId: m.requestId } };
    },
    expected: {
      guest: 'UNAUTHENTICATED',
      member: 'NOT_FOUND',
      author: 'ok',
      mentor: 'FORBIDDEN',
      moderator: 'NOT_FOUND',
      admin: 'NOT_FOUND',
    },
  },
  reviewMentorship: {
    mutation: REVIEW,
    setup: async () => {
      const m = await mentorship('COMPLETED');
      return {
        author: m.mentee,
        mentor: m.mentor,
        variables: { input: { requestId: m.requestId, rating: 4, review: 'Helpful and honest.' } },
      };
    },
    expected: {
      guest: 'UNAUTHENTICATED',
      member: 'NOT_FOUND',
      author: 'ok',
      mentor: 'FORBIDDEN',
      moderator: 'NOT_FOUND',
      admin: 'NOT_FOUND',
    },
  },
  replyToMentorshipReview: {
    mutation: `mutation($input: ReplyToReviewInput!) { replyToMentorshipReview(input: $input) { rating } }`,
    setup: async () => {
      const m = await mentorship('REVIEWED');
      return {
        author: m.mentee,
        mentor: m.mentor,
        variables: { input: { requestId: m.requestId, reply: 'Thank you, it was a pleasure.' } },
      };
    },
    expected: {
      guest: 'UNAUTHENTICATED',
      member: 'NOT_FOUND',
      author: 'FORBIDDEN',
      mentor: 'ok',
      moderator: 'NOT_FOUND',
      admin: 'NOT_FOUND',
    },
  },

  // Mentorship workspace (issue 19)
  sendMentorshipMessage: {
    mutation: `mutation($input: SendMentorshipMessageInput!) { sendMentorshipMessage(input: $input) { id } }`,
    setup: async () => {
      const m = await mentorship('ACCEPTED');
      return {
        author: m.mentee,
        mentor: m.mentor,
        variables: { input: { mentorshipId: m.requestId, body: 'Shall we meet on Thursday?' } },
      };
    },
    expected: PAIR_ONLY,
  },
  reportMentorshipMessage: {
    mutation: `mutation($input: ReportMentorshipMessageInput!) { reportMentorshipMessage(input: $input) }`,
    setup: async () => {
      const m = await mentorship('ACCEPTED');
      const { sendMentorshipMessage } = await gqlOk(
        `mutation($input: SendMentorshipMessageInput!) { sendMentorshipMessage(input: $input) { id } }`,
        { input: { mentorshipId: m.requestId, body: 'You are not cut out for this.' } },
        m.mentor,
      );
      return {
        author: m.mentee,
        mentor: m.mentor,
        variables: { input: { messageId: sendMentorshipMessage.id, reason: 'Discouraging' } },
      };
    },
    // The mentee reports the mentor's message; the mentor cannot report their own; staff are outside the pair.
    expected: { ...PAIR_ONLY, mentor: 'BAD_USER_INPUT' },
  },
  markMentorshipRead: {
    mutation: `mutation($id: ID!) { markMentorshipRead(id: $id) { id } }`,
    setup: async () => {
      const m = await mentorship('ACCEPTED');
      return { author: m.mentee, mentor: m.mentor, variables: { id: m.requestId } };
    },
    expected: PAIR_ONLY,
  },
  setMentorshipPlan: {
    mutation: `mutation($input: MentorshipPlanInput!) { setMentorshipPlan(input: $input) { id } }`,
    setup: async () => {
      const m = await mentorship('ACCEPTED');
      return {
        author: m.mentee,
        mentor: m.mentor,
        variables: { input: { mentorshipId: m.requestId, goal: 'A PMO role within a year' } },
      };
    },
    expected: PAIR_ONLY,
  },
  setAvailability: {
    mutation: `mutation($input: [AvailabilityWindowInput!]!) { setAvailability(input: $input) { headline } }`,
    setup: async () => {
      const mentor = await t.createUser('MENTOR');
      await gqlOk(MENTOR_PROFILE, { input: profileInput() }, mentor);
      return { mentor, variables: { input: [{ weekday: 1, start: '18:00', end: '20:00', timeZone: 'Europe/Paris' }] } };
    },
    // Only a mentor with a profile has availability.
    expected: {
      guest: 'UNAUTHENTICATED',
      member: 'FORBIDDEN',
      mentor: 'ok',
      moderator: 'FORBIDDEN',
      admin: 'FORBIDDEN',
    },
  },
  setAvailabilityExceptions: {
    mutation: `mutation($dates: [String!]!) { setAvailabilityExceptions(dates: $dates) { headline } }`,
    setup: async () => {
      const mentor = await t.createUser('MENTOR');
      await gqlOk(MENTOR_PROFILE, { input: profileInput() }, mentor);
      return { mentor, variables: { dates: ['2027-12-24'] } };
    },
    expected: {
      guest: 'UNAUTHENTICATED',
      member: 'FORBIDDEN',
      mentor: 'ok',
      moderator: 'FORBIDDEN',
      admin: 'FORBIDDEN',
    },
  },
  bookMentorshipSession: {
    mutation: BOOK_SESSION,
    setup: async () => {
      const m = await workspace();
      return {
        author: m.mentee,
        mentor: m.mentor,
        variables: { input: { mentorshipId: m.requestId, startsAt: m.slot, minutes: 30 } },
      };
    },
    expected: PAIR_ONLY,
  },
  updateMentorshipSession: {
    mutation: `mutation($input: UpdateSessionInput!) { updateMentorshipSession(input: $input) { id } }`,
    setup: async () => {
      const m = await workspace();
      const { bookMentorshipSession } = await gqlOk(
        BOOK_SESSION,
        { input: { mentorshipId: m.requestId, startsAt: m.slot, minutes: 30 } },
        m.mentee,
      );
      return {
        author: m.mentee,
        mentor: m.mentor,
        variables: { input: { id: bookMentorshipSession.id, status: 'CANCELLED' } },
      };
    },
    expected: PAIR_ONLY,
  },
  answerMentorshipCheckIn: {
    mutation: `mutation($input: CheckInInput!) { answerMentorshipCheckIn(input: $input) }`,
    setup: async () => {
      const m = await mentorshipAtDay31();
      return {
        author: m.mentee,
        mentor: m.mentor,
        variables: {
          input: { mentorshipId: m.requestId, outcome: { madeMove: true, roleReached: 'Project coordinator' } },
        },
      };
    },
    // Outcome check-ins are the mentee's; the mentorship stays private to the pair.
    expected: {
      guest: 'UNAUTHENTICATED',
      member: 'NOT_FOUND',
      author: 'ok',
      mentor: 'FORBIDDEN',
      moderator: 'NOT_FOUND',
      admin: 'NOT_FOUND',
    },
  },
  appealMentorshipPause: {
    mutation: `mutation($input: AppealMentorshipPauseInput!) { appealMentorshipPause(input: $input) { id } }`,
    setup: async () => ({
      author: await pausedMentor(),
      variables: { input: { message: 'Both sessions clashed with a family emergency; I told the mentees.' } },
    }),
    // Only a paused mentor has a pause to appeal.
    expected: {
      guest: 'UNAUTHENTICATED',
      member: 'NOT_FOUND',
      author: 'ok',
      mentor: 'NOT_FOUND',
      moderator: 'NOT_FOUND',
      admin: 'NOT_FOUND',
    },
  },

  decideMentorPauseAppeal: {
    mutation: `mutation($input: DecideMentorPauseAppealInput!) { decideMentorPauseAppeal(input: $input) { upheld } }`,
    setup: async () => {
      const author = await pausedMentor();
      const { appealMentorshipPause } = await gqlOk(
        `mutation($input: AppealMentorshipPauseInput!) { appealMentorshipPause(input: $input) { id } }`,
        { input: { message: 'Both sessions clashed with a family emergency; I told the mentees.' } },
        author,
      );
      return {
        author,
        variables: { input: { appealId: appealMentorshipPause.id, lift: true, reason: 'Documented emergency' } },
      };
    },
    // The appealing mentor cannot decide their own appeal.
    expected: { ...MODERATORS, author: 'FORBIDDEN' },
  },
  decideMentorshipMessageReport: {
    mutation: `mutation($input: DecideMessageReportInput!) { decideMentorshipMessageReport(input: $input) { decision } }`,
    setup: async () => {
      const r = await reportedMessage();
      return {
        author: r.mentee,
        mentor: r.mentor,
        variables: { input: { reportId: r.reportId, decision: 'HIDE', reason: 'Discouraging' } },
      };
    },
    // Neither the reporter nor the reported decides.
    expected: MODERATORS,
  },

  // Knowledge base (articles.mentorsMayWrite stays off here, so mentors are refused like members)
  createTopic: {
    mutation: `mutation($input: CreateTopicInput!) { createTopic(input: $input) { id } }`,
    setup: async () => ({ variables: { input: { name: `Topic ${randomUUID().slice(0, 8)}` } } }),
    expected: KB_EDITORS,
  },
  updateTopic: {
    mutation: `mutation($input: UpdateTopicInput!) { updateTopic(input: $input) { id } }`,
    setup: async () => ({
      variables: { input: { id: (await kbTopic()).id, description: 'Guides for new project managers.' } },
    }),
    expected: KB_EDITORS,
  },
  createArticle: {
    mutation: `mutation($input: CreateArticleInput!) { createArticle(input: $input) { id } }`,
    setup: async () => ({
      variables: {
        input: {
          topicSlug: (await kbTopic()).slug,
          title: `Your first week in a PMO ${randomUUID().slice(0, 8)}`,
          body: KB_BODY,
        },
      },
    }),
    expected: KB_EDITORS,
  },
  updateArticle: {
    mutation: `mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { id } }`,
    setup: async () => ({
      variables: { input: { id: (await kbArticle(false)).id, title: 'Your first month in a PMO' } },
    }),
    expected: KB_EDITORS,
  },
  publishArticle: {
    mutation: `mutation($id: ID!) { publishArticle(id: $id) { id } }`,
    setup: async () => ({ variables: { id: (await kbArticle(false)).id } }),
    expected: KB_EDITORS,
  },
  unpublishArticle: {
    mutation: `mutation($id: ID!) { unpublishArticle(id: $id) { id } }`,
    setup: async () => ({ variables: { id: (await kbArticle(true)).id } }),
    expected: KB_EDITORS,
  },
  moveArticle: {
    mutation: `mutation($input: MoveArticleInput!) { moveArticle(input: $input) { id } }`,
    setup: async () => ({ variables: { input: { id: (await kbArticle(true)).id, position: 1 } } }),
    expected: KB_EDITORS,
  },
  promoteToArticle: {
    mutation: `mutation($input: PromoteToArticleInput!) { promoteToArticle(input: $input) { id } }`,
    setup: async () => {
      const { author, q } = await post();
      const a = await answer(t, await member(), q.id);
      await gqlOk(`mutation($id: ID!) { acceptAnswer(answerId: $id) { id } }`, { id: a.id }, author);
      return { author, variables: { input: { questionId: q.id, topicSlug: (await kbTopic()).slug } } };
    },
    expected: MODERATORS,
  },
  rateArticle: {
    mutation: `mutation($input: RateArticleInput!) { rateArticle(input: $input) { count } }`,
    setup: async () => ({ variables: { input: { articleId: (await kbArticle(true)).id, stars: 4 } } }),
    expected: EVERYONE,
  },
  articleFeedback: {
    mutation: `mutation($input: ArticleFeedbackInput!) { articleFeedback(input: $input) }`,
    setup: async () => ({
      variables: { input: { articleId: (await kbArticle(true)).id, message: 'Please add an example status report.' } },
    }),
    expected: EVERYONE,
  },
  markArticleFeedbackDone: {
    mutation: `mutation($id: ID!) { markArticleFeedbackDone(id: $id) { id } }`,
    setup: async () => {
      const article = await kbArticle(true);
      await gqlOk(
        `mutation($input: ArticleFeedbackInput!) { articleFeedback(input: $input) }`,
        { input: { articleId: article.id, message: 'The summary could be shorter.' } },
        null,
      );
      const [{ id }] = (await t.dataSource.query(`SELECT id FROM kb_article_feedback WHERE article_id = $1`, [
        article.id,
      ])) as { id: string }[];
      return { variables: { id } };
    },
    // The article's author (a moderator or an allowed mentor) may too; covered in knowledge-base-feedback.int-spec.ts.
    expected: KB_EDITORS,
  },
  setKnowledgeBaseSettings: {
    mutation: `mutation($input: KnowledgeBaseSettingsInput!) { setKnowledgeBaseSettings(input: $input) { mentorsMayWrite } }`,
    setup: async () => ({ variables: { input: { mentorsMayWrite: false } } }),
    expected: ADMINS,
  },

  // Notifications and follows: every member manages their own (nothing of anyone else's is reachable).
  markNotificationsRead: {
    mutation: `mutation { markNotificationsRead }`,
    setup: async () => ({ variables: {} }),
    expected: MEMBERS_ONLY,
  },
  setNotificationSetting: {
    mutation: `mutation($input: NotificationSettingInput!) { setNotificationSetting(input: $input) { type inApp email } }`,
    setup: async () => ({ variables: { input: { type: 'FOLLOWED_TAG_QUESTION', email: 'WEEKLY' } } }),
    expected: MEMBERS_ONLY,
  },
  followTag: {
    mutation: `mutation($name: String!) { followTag(name: $name) { name viewerFollows } }`,
    setup: async () => ({ variables: { name: EXPERTISE_TAG } }),
    expected: MEMBERS_ONLY,
  },
  unfollowTag: {
    mutation: `mutation($name: String!) { unfollowTag(name: $name) { name viewerFollows } }`,
    setup: async () => ({ variables: { name: EXPERTISE_TAG } }),
    expected: MEMBERS_ONLY,
  },
  followQuestion: {
    mutation: `mutation($id: ID!) { followQuestion(id: $id) { id viewerFollows } }`,
    setup: async () => {
      const { author, q } = await post();
      return { author, variables: { id: q.id } };
    },
    expected: { ...MEMBERS_ONLY, author: 'ok' },
  },
  unfollowQuestion: {
    mutation: `mutation($id: ID!) { unfollowQuestion(id: $id) { id viewerFollows } }`,
    setup: async () => {
      const { author, q } = await post();
      return { author, variables: { id: q.id } };
    },
    expected: { ...MEMBERS_ONLY, author: 'ok' },
  },
  followMentor: {
    mutation: `mutation($handle: String!) { followMentor(handle: $handle) { headline viewerFollows } }`,
    setup: async () => {
      const mentor = await t.createUser('MENTOR');
      await gqlOk(MENTOR_PROFILE, { input: profileInput() }, mentor);
      return { variables: { handle: mentor.user.handle } };
    },
    expected: MEMBERS_ONLY,
  },
  unfollowMentor: {
    mutation: `mutation($handle: String!) { unfollowMentor(handle: $handle) { headline viewerFollows } }`,
    setup: async () => {
      const mentor = await t.createUser('MENTOR');
      await gqlOk(MENTOR_PROFILE, { input: profileInput() }, mentor);
      return { variables: { handle: mentor.user.handle } };
    },
    expected: MEMBERS_ONLY,
  },
  setFollowLevel: {
    mutation: `mutation($input: SetFollowLevelInput!) { setFollowLevel(input: $input) { level } }`,
    setup: async () => ({ variables: { input: { targetType: 'TAG', target: EXPERTISE_TAG, level: 'MUTED' } } }),
    expected: MEMBERS_ONLY,
  },
};

/**
 * Staff-only queries: the same cells as mutations (the `mutation` field holds the query). Public and
 * member queries are covered by their own suites; these exist for operators and must stay closed.
 */
const STAFF_QUERY_ROWS: Record<string, Row> = {
  mailBacklog: {
    mutation: `{ mailBacklog { queued failed oldestQueuedSeconds delivering } }`,
    setup: async () => ({ variables: {} }),
    expected: ADMINS,
  },
};

/** Restricted queries (signed in: each member's own inbox, settings and follows), with the same cells. */
const QUERY_ROWS: Record<string, Row> = {
  notifications: {
    mutation: `{ notifications { edges { node { id } } } }`,
    setup: async () => ({ variables: {} }),
    expected: MEMBERS_ONLY,
  },
  unreadNotificationCount: {
    mutation: `{ unreadNotificationCount }`,
    setup: async () => ({ variables: {} }),
    expected: MEMBERS_ONLY,
  },
  notificationSettings: {
    mutation: `{ notificationSettings { type } }`,
    setup: async () => ({ variables: {} }),
    expected: MEMBERS_ONLY,
  },
  followedTags: {
    mutation: `{ followedTags { name } }`,
    setup: async () => ({ variables: {} }),
    expected: MEMBERS_ONLY,
  },
  followedQuestions: {
    mutation: `{ followedQuestions { totalCount } }`,
    setup: async () => ({ variables: {} }),
    expected: MEMBERS_ONLY,
  },
  followedMentors: {
    mutation: `{ followedMentors { headline } }`,
    setup: async () => ({ variables: {} }),
    expected: MEMBERS_ONLY,
  },
};

// ---------------------------------------------------------------------------------------------
// Reads: every Query field, and every field whose resolver depends on the viewer.

/** Staff-only reads (no member owns the data). */
const STAFF_READ = {
  guest: 'UNAUTHENTICATED',
  member: 'FORBIDDEN',
  mentor: 'FORBIDDEN',
  moderator: 'ok',
  admin: 'ok',
} as const;
const SIGNED_IN_READ = { guest: 'UNAUTHENTICATED', member: 'ok', mentor: 'ok', moderator: 'ok', admin: 'ok' } as const;
/** A restricted value only moderators and admins see (null or empty for everyone else). */
const STAFF_SEE = { guest: 'hidden', member: 'hidden', mentor: 'hidden', moderator: 'shown', admin: 'shown' } as const;
const EVERYONE_SEES = { guest: 'shown', member: 'shown', mentor: 'shown', moderator: 'shown', admin: 'shown' } as const;

const Q_COMMENTS = `query($id: ID!) { question(id: $id) { comments { edges { node { id guestEmail holdReason authorHistory { approvedCount } } } } } }`;
const commentNode = (data: Record<string, any>) => data.question.comments.edges[0]?.node ?? {};

/** A question with one published comment: a guest's (with an email) or a member's first one, approved by a moderator. */
async function approvedComment(by: 'guest' | 'member') {
  const { q } = await post();
  const author = by === 'member' ? await member() : null;
  const body = { targetId: q.id, targetType: 'QUESTION', body: 'Have you looked at the CAPM before the PMP?' };
  const { addComment } = await gqlOk(
    `mutation($input: AddCommentInput!) { addComment(input: $input) { id status } }`,
    { input: author ? body : { ...body, guestName: 'Gus Guest', guestEmail: `gus-${uniqueHandle()}@example.test` } },
    author,
  );
  await gqlOk(
    `mutation($input: ModerateCommentInput!) { moderateComment(input: $input) { id } }`,
    { input: { commentId: addComment.id, decision: 'APPROVE' } },
    await t.createUser('MODERATOR'),
  );
  return { q, author };
}

/** Only the member who follows sees a follow (the author cell is that member). */
const FOLLOWER_ONLY = {
  guest: 'hidden',
  member: 'hidden',
  author: 'shown',
  mentor: 'hidden',
  moderator: 'hidden',
  admin: 'hidden',
} as const;
async function followedQuestion() {
  const { author, q } = await post();
  await gqlOk(`mutation($id: ID!) { followQuestion(id: $id) { id } }`, { id: q.id }, author);
  return { author, variables: { id: q.id } };
}
async function followedTag() {
  const { q } = await post();
  // The question's own new tag, followed by a member who did not ask it.
  const follower = await member();
  await gqlOk(`mutation($name: String!) { followTag(name: $name) { name } }`, { name: q.tags[0].name }, follower);
  return { author: follower, variables: { id: q.id } };
}

const READ_ROWS: Record<string, Row> = {
  ...QUERY_ROWS,
  ...STAFF_QUERY_ROWS,
  // Staff-only queries
  moderationQueue: {
    mutation: `{ moderationQueue(first: 5) { totalCount } }`,
    setup: async () => ({ variables: {} }),
    expected: STAFF_READ,
  },
  flagQueue: {
    mutation: `{ flagQueue(first: 5) { edges { cursor } } }`,
    setup: async () => ({ variables: {} }),
    expected: STAFF_READ,
  },
  moderationLog: {
    mutation: `{ moderationLog(first: 5) { edges { cursor } } }`,
    setup: async () => ({ variables: {} }),
    expected: STAFF_READ,
  },
  moderationWords: { mutation: `{ moderationWords }`, setup: async () => ({ variables: {} }), expected: STAFF_READ },
  mentorPauseAppeals: {
    mutation: `{ mentorPauseAppeals(first: 5) { totalCount } }`,
    setup: async () => ({ variables: {} }),
    expected: STAFF_READ,
  },
  mentorshipMessageReports: {
    mutation: `{ mentorshipMessageReports(first: 5) { totalCount } }`,
    setup: async () => ({ variables: {} }),
    expected: STAFF_READ,
  },
  mentorshipMessageReport: {
    mutation: `query($id: ID!) { mentorshipMessageReport(id: $id) { context { body } } }`,
    setup: async () => {
      const r = await reportedMessage();
      return { author: r.mentee, mentor: r.mentor, variables: { id: r.reportId } };
    },
    expected: { ...STAFF_READ, author: 'FORBIDDEN', mentor: 'FORBIDDEN' },
  },
  knowledgeBaseSettings: {
    mutation: `{ knowledgeBaseSettings { mentorsMayWrite } }`,
    setup: async () => ({ variables: {} }),
    expected: STAFF_READ,
  },
  communityInsights: {
    mutation: `{ communityInsights(period: { from: "2026-11-01T00:00:00Z", to: "2026-11-30T00:00:00Z" }) { questionsAsked } }`,
    setup: async () => ({ variables: {} }),
    expected: STAFF_READ,
  },
  // Always the viewer's own figures (there is no argument naming another mentor); a member without a mentor profile is no mentor.
  myMentorInsights: {
    mutation: `{ myMentorInsights(period: { from: "2026-11-01T00:00:00Z", to: "2026-11-30T00:00:00Z" }) { reviewCount } }`,
    setup: async () => ({ variables: {} }),
    expected: {
      guest: 'UNAUTHENTICATED',
      member: 'FORBIDDEN',
      mentor: 'ok',
      moderator: 'ok',
      admin: 'ok',
    },
  },
  articleFeedbackList: {
    mutation: `query($id: ID) { articleFeedbackList(articleId: $id, first: 10) { totalCount } }`,
    setup: async () => {
      const article = await kbArticle(true);
      await gqlOk(
        `mutation($input: ArticleFeedbackInput!) { articleFeedback(input: $input) }`,
        { input: { articleId: article.id, message: 'An example status report would help.' } },
        null,
      );
      return { variables: { id: article.id } };
    },
    // Signed-in: editors see all feedback, others only the feedback on their own articles (refused on another's).
    expected: {
      guest: 'UNAUTHENTICATED',
      member: 'FORBIDDEN',
      mentor: 'FORBIDDEN',
      moderator: 'shown',
      admin: 'shown',
    },
    shown: (d) => d.articleFeedbackList.totalCount > 0,
  },
  article: {
    mutation: `query($slug: String!) { article(slug: $slug) { id } }`,
    setup: async () => ({ variables: { slug: (await kbArticle(false)).slug } }),
    // A draft: editors only.
    expected: { guest: 'NOT_FOUND', member: 'NOT_FOUND', mentor: 'NOT_FOUND', moderator: 'ok', admin: 'ok' },
  },
  question: {
    mutation: `query($id: ID!) { question(id: $id) { id } }`,
    setup: async () => {
      const { author, q } = await post();
      await gqlOk(
        `mutation($input: HidePostInput!) { hidePost(input: $input) { hidden } }`,
        { input: { targetId: q.id, targetType: 'QUESTION', reason: 'Spam link farm' } },
        await t.createUser('MODERATOR'),
      );
      return { author, variables: { id: q.id } };
    },
    // A hidden question.
    expected: {
      guest: 'NOT_FOUND',
      member: 'NOT_FOUND',
      author: 'NOT_FOUND',
      mentor: 'NOT_FOUND',
      moderator: 'NOT_FOUND',
      admin: 'NOT_FOUND',
    },
  },

  // The viewer's own data
  mySessions: {
    mutation: `{ mySessions { id current } }`,
    setup: async () => ({ variables: {} }),
    // Each signed-in viewer sees their own sessions (the current one among them), nobody else's.
    expected: { guest: 'UNAUTHENTICATED', member: 'shown', mentor: 'shown', moderator: 'shown', admin: 'shown' },
    shown: (d) => d.mySessions.length === 1 && d.mySessions[0].current === true,
  },
  mySignInMethods: {
    mutation: `{ mySignInMethods { hasPassword identities { id } } }`,
    setup: async () => ({ variables: {} }),
    // Each signed-in viewer sees their own (a password, no linked sign-in), nobody else's.
    expected: { guest: 'UNAUTHENTICATED', member: 'shown', mentor: 'shown', moderator: 'shown', admin: 'shown' },
    shown: (d) => d.mySignInMethods.hasPassword === true && d.mySignInMethods.identities.length === 0,
  },
  me: {
    mutation: `{ me { handle } }`,
    setup: async () => ({ variables: {} }),
    expected: { guest: 'hidden', member: 'shown', mentor: 'shown', moderator: 'shown', admin: 'shown' },
    shown: (d) => d.me !== null,
  },
  matchedQuestions: {
    mutation: `{ matchedQuestions(first: 5) { edges { cursor } } }`,
    setup: async () => ({ variables: {} }),
    expected: SIGNED_IN_READ,
  },
  mentorshipRequests: {
    mutation: `{ mentorshipRequests(first: 50) { edges { node { id } } } }`,
    setup: async () => {
      const m = await mentorship('PENDING');
      return { author: m.mentee, mentor: m.mentor, variables: {} };
    },
    // Private to its two participants.
    expected: {
      guest: 'UNAUTHENTICATED',
      member: 'hidden',
      author: 'shown',
      mentor: 'shown',
      moderator: 'hidden',
      admin: 'hidden',
    },
    shown: (d) => d.mentorshipRequests.edges.length > 0,
  },

  // A held comment, by the token its author got: whoever holds the token (the author's browser) sees it.
  heldComments: {
    mutation: `query($tokens: [String!]!) { heldComments(tokens: $tokens) { id status } }`,
    setup: async () => {
      const { q } = await post();
      const author = await member();
      // A member's first comment is held.
      const { addComment } = await gqlOk(
        `mutation($input: AddCommentInput!) { addComment(input: $input) { id status heldToken } }`,
        { input: { targetId: q.id, targetType: 'QUESTION', body: 'Have you looked at the CAPM before the PMP?' } },
        author,
      );
      return { author, variables: { tokens: [addComment.heldToken] } };
    },
    expected: { ...EVERYONE_SEES, author: 'shown' },
    shown: (d) => d.heldComments.length === 1 && d.heldComments[0].status === 'PENDING',
  },
  mentorship: {
    mutation: `query($id: ID!) { mentorship(id: $id) { id } }`,
    setup: async () => {
      const m = await mentorship('ACCEPTED');
      return { author: m.mentee, mentor: m.mentor, variables: { id: m.requestId } };
    },
    expected: PAIR_SEES,
    shown: (d) => Boolean(d.mentorship?.id),
  },
  bookableSlots: {
    mutation: `query($h: String!, $from: DateTime!) { bookableSlots(mentorHandle: $h, from: $from, days: 2) }`,
    setup: async () => {
      const m = await workspace();
      return { variables: { h: m.mentor.user.handle, from: new Date(Date.now() + 2 * 86_400_000).toISOString() } };
    },
    expected: SIGNED_IN_READ,
  },
  'MentorshipRequest.messages': {
    mutation: `query($id: ID!) { mentorship(id: $id) { messages(first: 5) { edges { node { body } } } } }`,
    setup: async () => {
      const m = await mentorship('ACCEPTED');
      await gqlOk(
        `mutation($input: SendMentorshipMessageInput!) { sendMentorshipMessage(input: $input) { id } }`,
        { input: { mentorshipId: m.requestId, body: 'Hello' } },
        m.mentor,
      );
      return { author: m.mentee, mentor: m.mentor, variables: { id: m.requestId } };
    },
    expected: PAIR_SEES,
    shown: (d) => d.mentorship.messages.edges.length > 0,
  },
  // The mentee reported the mentor's message: only the reporter sees it as reported.
  'MentorshipMessage.viewerReported': {
    mutation: `query($id: ID!) { mentorship(id: $id) { messages(first: 5) { edges { node { viewerReported } } } } }`,
    setup: async () => {
      const m = await reportedMessage();
      return { author: m.mentee, mentor: m.mentor, variables: { id: m.requestId } };
    },
    expected: { ...PAIR_SEES, mentor: 'hidden' },
    shown: (d) => d.mentorship.messages.edges.some((e: { node: { viewerReported: boolean } }) => e.node.viewerReported),
  },
  ...Object.fromEntries(
    (['goal', 'plan', 'planRevisions'] as const).map((field) => [
      `MentorshipRequest.${field}`,
      {
        mutation: `query($id: ID!) { mentorship(id: $id) { ${field === 'planRevisions' ? 'planRevisions { revision }' : field} } }`,
        setup: async () => {
          const m = await mentorship('ACCEPTED');
          await gqlOk(
            `mutation($input: MentorshipPlanInput!) { setMentorshipPlan(input: $input) { id } }`,
            { input: { mentorshipId: m.requestId, goal: 'A PMO role', plan: 'Step one' } },
            m.mentee,
          );
          return { author: m.mentee, mentor: m.mentor, variables: { id: m.requestId } };
        },
        expected: PAIR_SEES,
        shown: (d: Record<string, any>) =>
          field === 'planRevisions' ? d.mentorship.planRevisions.length > 0 : Boolean(d.mentorship[field]),
      } satisfies Row,
    ]),
  ),
  ...Object.fromEntries(
    (['MentorshipRequest.sessions', 'MentorshipSession.icsUrl'] as const).map((name) => [
      name,
      {
        mutation: `query($id: ID!) { mentorship(id: $id) { sessions { id icsUrl } } }`,
        setup: async () => {
          const m = await workspace();
          await gqlOk(BOOK_SESSION, { input: { mentorshipId: m.requestId, startsAt: m.slot, minutes: 30 } }, m.mentee);
          return { author: m.mentee, mentor: m.mentor, variables: { id: m.requestId } };
        },
        expected: PAIR_SEES,
        shown: (d: Record<string, any>) =>
          d.mentorship.sessions.length > 0 &&
          (name === 'MentorshipRequest.sessions' || d.mentorship.sessions[0].icsUrl.includes('.ics?')),
      } satisfies Row,
    ]),
  ),

  // Public reads
  oidcProviders: { mutation: `{ oidcProviders { id } }`, setup: async () => ({ variables: {} }), expected: EVERYONE },
  questions: {
    mutation: `{ questions(first: 5) { totalCount } }`,
    setup: async () => ({ variables: {} }),
    expected: EVERYONE,
  },
  search: {
    mutation: `{ search(query: "project", first: 5) { __typename } }`,
    setup: async () => ({ variables: {} }),
    expected: EVERYONE,
  },
  similarQuestions: {
    mutation: `{ similarQuestions(title: "Moving into project management") { id } }`,
    setup: async () => ({ variables: {} }),
    expected: EVERYONE,
  },
  tags: {
    mutation: `{ tags(first: 5) { edges { cursor } } }`,
    setup: async () => ({ variables: {} }),
    expected: EVERYONE,
  },
  mentors: {
    mutation: `{ mentors(first: 5) { edges { cursor } } }`,
    setup: async () => ({ variables: {} }),
    expected: EVERYONE,
  },
  mentorCertifications: {
    mutation: `{ mentorCertifications }`,
    setup: async () => ({ variables: {} }),
    expected: EVERYONE,
  },
  topics: { mutation: `{ topics { id } }`, setup: async () => ({ variables: {} }), expected: EVERYONE },
  topic: {
    mutation: `query($slug: String!) { topic(slug: $slug) { id } }`,
    setup: async () => ({ variables: { slug: (await kbTopic()).slug } }),
    expected: EVERYONE,
  },
  user: {
    mutation: `query($h: String!) { user(handle: $h) { handle } }`,
    setup: async () => ({ variables: { h: (await member()).user.handle } }),
    expected: EVERYONE,
  },

  // Fields that depend on the viewer
  'Comment.guestEmail': {
    mutation: Q_COMMENTS,
    setup: async () => ({ variables: { id: (await approvedComment('guest')).q.id } }),
    expected: STAFF_SEE,
    shown: (d) => Boolean(commentNode(d).guestEmail),
  },
  'Comment.holdReason': {
    // Kept only while a comment is held, and held comments are listed only by the staff queue.
    mutation: `{ moderationQueue(first: 50) { edges { node { holdReason } } } }`,
    setup: async () => {
      const { q } = await post();
      const author = await member();
      await gqlOk(
        `mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`,
        { input: { targetId: q.id, targetType: 'QUESTION', body: 'A first comment, held for approval.' } },
        author,
      );
      return { author, variables: {} };
    },
    expected: { ...STAFF_READ, author: 'FORBIDDEN', moderator: 'shown', admin: 'shown' },
    shown: (d) => d.moderationQueue.edges.some((e: any) => e.node.holdReason),
  },
  'Comment.authorHistory': {
    mutation: Q_COMMENTS,
    setup: async () => {
      const { q, author } = await approvedComment('member');
      return { author: author!, variables: { id: q.id } };
    },
    expected: { ...STAFF_SEE, author: 'hidden' },
    shown: (d) => Boolean(commentNode(d).authorHistory),
  },
  'User.email': {
    mutation: `query($h: String!) { user(handle: $h) { email } }`,
    setup: async () => {
      const author = await member();
      return { author, variables: { h: author.user.handle } };
    },
    // The person and admins only.
    expected: {
      guest: 'hidden',
      member: 'hidden',
      author: 'shown',
      mentor: 'hidden',
      moderator: 'hidden',
      admin: 'shown',
    },
    shown: (d) => Boolean(d.user.email),
  },
  'User.emailVerified': {
    mutation: `query($h: String!) { user(handle: $h) { emailVerified } }`,
    setup: async () => {
      const author = await member();
      return { author, variables: { h: author.user.handle } };
    },
    // Same audience as the email itself.
    expected: {
      guest: 'hidden',
      member: 'hidden',
      author: 'shown',
      mentor: 'hidden',
      moderator: 'hidden',
      admin: 'shown',
    },
    shown: (d) => d.user.emailVerified !== null,
  },
  // Follow state is each viewer's own: the author follows, nobody else sees that as theirs.
  'Question.viewerFollows': {
    mutation: `query($id: ID!) { question(id: $id) { viewerFollows } }`,
    setup: followedQuestion,
    expected: FOLLOWER_ONLY,
    shown: (d) => d.question.viewerFollows === true,
  },
  'Question.viewerFollowLevel': {
    mutation: `query($id: ID!) { question(id: $id) { viewerFollowLevel } }`,
    setup: followedQuestion,
    expected: FOLLOWER_ONLY,
    shown: (d) => d.question.viewerFollowLevel !== null,
  },
  'Tag.viewerFollows': {
    mutation: `query($id: ID!) { question(id: $id) { tags { viewerFollows } } }`,
    setup: followedTag,
    expected: FOLLOWER_ONLY,
    shown: (d) => d.question.tags[0].viewerFollows === true,
  },
  'Tag.viewerFollowLevel': {
    mutation: `query($id: ID!) { question(id: $id) { tags { viewerFollowLevel } } }`,
    setup: followedTag,
    expected: FOLLOWER_ONLY,
    shown: (d) => d.question.tags[0].viewerFollowLevel !== null,
  },
  // Mentorship care (issue 19 B): each participant's own view; the pause and "met expectations" for staff.
  'MentorshipRequest.nextMentor': {
    mutation: `{ mentorshipRequests(first: 50) { edges { node { nextMentor { headline } } } } }`,
    setup: async () => {
      const m = await mentorship('PENDING');
      await t.dataSource.query(`UPDATE mentorship_requests SET created_at = now() - interval '8 days' WHERE id = $1`, [
        m.requestId,
      ]);
      await gqlOk(MENTOR_PROFILE, { input: profileInput() }, await t.createUser('MENTOR')); // someone to offer next
      return { author: m.mentee, mentor: m.mentor, variables: {} };
    },
    // The mentee of the expired request only.
    expected: {
      guest: 'UNAUTHENTICATED',
      member: 'hidden',
      author: 'shown',
      mentor: 'hidden',
      moderator: 'hidden',
      admin: 'hidden',
    },
    shown: (d) => d.mentorshipRequests.edges.some((e: any) => e.node.nextMentor !== null),
  },
  'MentorshipRequest.checkIns': {
    mutation: `{ mentorshipRequests(first: 50) { edges { node { checkIns { kind } } } } }`,
    setup: async () => {
      const m = await mentorshipAtDay31();
      await t.app.get(CheckInsService).openDue();
      return { author: m.mentee, mentor: m.mentor, variables: {} };
    },
    // Each participant's own check-ins: the outcome one is the mentee's.
    expected: {
      guest: 'UNAUTHENTICATED',
      member: 'hidden',
      author: 'shown',
      mentor: 'hidden',
      moderator: 'hidden',
      admin: 'hidden',
    },
    shown: (d) => d.mentorshipRequests.edges.some((e: any) => e.node.checkIns.length > 0),
  },
  'MentorProfile.requestsPausedUntil': {
    mutation: `query($handle: String!) { user(handle: $handle) { mentorProfile { requestsPausedUntil } } }`,
    setup: async () => {
      const author = await pausedMentor();
      return { author, variables: { handle: author.user.handle } };
    },
    expected: { ...STAFF_SEE, author: 'shown' },
    shown: (d) => d.user.mentorProfile.requestsPausedUntil !== null,
  },
  'MentorshipReview.metExpectations': {
    mutation: `query($handle: String!) { user(handle: $handle) { mentorProfile { reviews { metExpectations } } } }`,
    setup: async () => {
      const m = await mentorship('COMPLETED');
      await gqlOk(REVIEW, { input: { requestId: m.requestId, rating: 4, metExpectations: 3 } }, m.mentee);
      return { author: m.mentee, mentor: m.mentor, variables: { handle: m.mentor.user.handle } };
    },
    // Private to moderators: not the mentee who gave it, not the mentor.
    expected: { ...STAFF_SEE, author: 'hidden', mentor: 'hidden' },
    shown: (d) =>
      d.user.mentorProfile.reviews[0]?.metExpectations !== null &&
      d.user.mentorProfile.reviews[0]?.metExpectations !== undefined,
  },
  'MentorProfile.viewerFollows': {
    mutation: `query($handle: String!) { user(handle: $handle) { mentorProfile { viewerFollows } } }`,
    setup: async () => {
      const mentor = await t.createUser('MENTOR');
      await gqlOk(MENTOR_PROFILE, { input: profileInput() }, mentor);
      const author = await member();
      await gqlOk(
        `mutation($handle: String!) { followMentor(handle: $handle) { headline } }`,
        { handle: mentor.user.handle },
        author,
      );
      return { author, variables: { handle: mentor.user.handle } };
    },
    expected: FOLLOWER_ONLY,
    shown: (d) => d.user.mentorProfile.viewerFollows === true,
  },
  // The viewer's open request to a mentor: only the mentee who sent it sees it (the mentor is asked on their own profile: null).
  'MentorProfile.viewerOpenRequest': {
    mutation: `query($handle: String!) { user(handle: $handle) { mentorProfile { viewerOpenRequest { id status } } } }`,
    setup: async () => {
      const m = await mentorship('PENDING');
      return { author: m.mentee, mentor: m.mentor, variables: { handle: m.mentor.user.handle } };
    },
    expected: FOLLOWER_ONLY,
    shown: (d) => d.user.mentorProfile.viewerOpenRequest?.status === 'PENDING',
  },
  // The audit log's label of a hidden question: its title, for the staff who may read the log (and see hidden posts).
  'ModerationLogEntry.targetLabel': {
    mutation: `query($target: ID) { moderationLog(first: 5, targetId: $target) { edges { node { targetLabel } } } }`,
    setup: async () => {
      const { q } = await post();
      await gqlOk(
        `mutation($input: HidePostInput!) { hidePost(input: $input) { hidden } }`,
        { input: { targetId: q.id, targetType: 'QUESTION', reason: 'Spam link farm' } },
        await t.createUser('MODERATOR'),
      );
      return { variables: { target: q.id } };
    },
    expected: {
      guest: 'UNAUTHENTICATED',
      member: 'FORBIDDEN',
      mentor: 'FORBIDDEN',
      moderator: 'shown',
      admin: 'shown',
    },
    shown: (d) =>
      d.moderationLog.edges.length > 0 &&
      d.moderationLog.edges.every((e: any) => typeof e.node.targetLabel === 'string' && e.node.targetLabel.length > 0),
  },
  'Question.viewerVote': {
    mutation: `query($id: ID!) { question(id: $id) { viewerVote } }`,
    setup: async () => {
      const { author, q } = await post();
      return { author, variables: { id: q.id } };
    },
    expected: {
      guest: 'hidden',
      member: 'shown',
      author: 'shown',
      mentor: 'shown',
      moderator: 'shown',
      admin: 'shown',
    },
    shown: (d) => d.question.viewerVote !== null,
  },
  'Question.answers': {
    mutation: `query($id: ID!) { question(id: $id) { answers(first: 5) { edges { node { id } } } } }`,
    setup: async () => {
      const { author, q } = await post();
      await answer(t, await member(), q.id);
      return { author, variables: { id: q.id } };
    },
    expected: { ...EVERYONE_SEES, author: 'shown' },
    shown: (d) => d.question.answers.edges.length > 0,
  },
  'Answer.viewerVote': {
    mutation: `query($id: ID!) { question(id: $id) { answers(first: 5) { edges { node { viewerVote } } } } }`,
    setup: async () => {
      const { q } = await post();
      const author = await member();
      await answer(t, author, q.id);
      return { author, variables: { id: q.id } };
    },
    expected: {
      guest: 'hidden',
      member: 'shown',
      author: 'shown',
      mentor: 'shown',
      moderator: 'shown',
      admin: 'shown',
    },
    shown: (d) => d.question.answers.edges[0].node.viewerVote !== null,
  },
  'Article.viewerRating': {
    mutation: `query($slug: String!) { article(slug: $slug) { viewerRating } }`,
    setup: async () => {
      const article = await kbArticle(true);
      const author = await member();
      await gqlOk(
        `mutation($input: RateArticleInput!) { rateArticle(input: $input) { count } }`,
        { input: { articleId: article.id, stars: 4 } },
        author,
      );
      return { author, variables: { slug: article.slug } };
    },
    // One's stars are one's own ("author" is the member who rated).
    expected: {
      guest: 'hidden',
      member: 'hidden',
      author: 'shown',
      mentor: 'hidden',
      moderator: 'hidden',
      admin: 'hidden',
    },
    shown: (d) => d.article.viewerRating !== null,
  },
  'Article.revisions': {
    mutation: `query($slug: String!) { article(slug: $slug) { revisions { id } } }`,
    setup: async () => {
      const article = await kbArticle(true);
      await gqlOk(
        `mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { id } }`,
        { input: { id: article.id, title: `Your first month in a PMO ${randomUUID().slice(0, 8)}` } },
        await t.createUser('MODERATOR'),
      );
      return { variables: { slug: article.slug } };
    },
    expected: EVERYONE_SEES,
    shown: (d) => d.article.revisions.length > 0,
  },
  'Topic.articles': {
    mutation: `query($slug: String!) { topic(slug: $slug) { articles { id } } }`,
    setup: async () => {
      const topic = await kbTopic();
      const mod = await t.createUser('MODERATOR');
      await gqlOk(
        `mutation($input: CreateArticleInput!) { createArticle(input: $input) { id } }`,
        { input: { topicSlug: topic.slug, title: `Draft guide ${randomUUID().slice(0, 8)}`, body: KB_BODY } },
        mod,
      );
      return { variables: { slug: topic.slug } };
    },
    // A topic whose only article is a draft: editors see it.
    expected: STAFF_SEE,
    shown: (d) => d.topic.articles.length > 0,
  },
};

// @nestjs/graphql's metadata keys (graphql.constants.js; not exported from its entry point).
const RESOLVER_NAME_METADATA = 'graphql:resolver_name';
const RESOLVER_PROPERTY_METADATA = 'graphql:resolve_property';

/** "Type.field" of every object field whose resolver takes @CurrentUser: what a viewer may or may not see. */
function viewerDependentFields(): string[] {
  class Probe {
    field(_viewer: unknown) {
      return null;
    }
  }
  CurrentUser()(Probe.prototype, 'field', 0);
  const probe = Object.values(
    Reflect.getMetadata(ROUTE_ARGS_METADATA, Probe, 'field') as Record<string, { factory: unknown }>,
  )[0];
  const found = new Set<string>();
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      const typeName =
        typeof type === 'function'
          ? (Reflect.getMetadata(RESOLVER_NAME_METADATA, type) as string | undefined)
          : undefined;
      if (!type || !typeName) continue;
      for (const method of Object.getOwnPropertyNames(type.prototype)) {
        const fn = (type.prototype as Record<string, unknown>)[method];
        if (typeof fn !== 'function' || !Reflect.getMetadata(RESOLVER_PROPERTY_METADATA, fn)) continue;
        const params = Object.values(
          (Reflect.getMetadata(ROUTE_ARGS_METADATA, type, method) ?? {}) as Record<string, { factory?: unknown }>,
        );
        if (params.some((p) => p.factory === probe.factory))
          found.add(`${typeName}.${(Reflect.getMetadata(RESOLVER_NAME_METADATA, fn) as string | undefined) ?? method}`);
      }
    }
  }
  return [...found];
}

beforeAll(async () => {
  database = await createIsolatedDatabase('authz');
  // A provider that is never contacted: the rows below only need it configured.
  t = await TestApp.start(
    {
      oidcProviders: [
        {
          id: 'test',
          displayName: 'Test ID',
          issuer: 'http://127.0.0.1:9/',
          clientId: 'matrix',
          clientSecret: 'matrix-secret',
        },
      ],
    },
    database.url,
  );
  // The tag mentor profiles claim as expertise.
  await ask(t, await member(), { tags: [EXPERTISE_TAG] });
});
afterAll(async () => {
  await t.close();
  await database.drop();
});

async function runCell(row: Row, actor: Actor): Promise<string> {
  const fixture = await row.setup(actor);
  let user: TestUser | null = null;
  if (actor === 'author') user = fixture.author ?? null;
  else if (actor === 'mentor') user = fixture.mentor ?? (await t.createUser('MENTOR'));
  else if (actor !== 'guest') user = await t.createUser(ROLE_OF[actor]);
  if (actor === 'author' && !user) throw new Error(`${row.mutation}: an author cell needs a fixture author`);
  const res = await t.gql(row.mutation, fixture.variables, {
    ...(user ? { token: user.token } : {}),
    ...(fixture.cookie ? { cookie: fixture.cookie } : {}),
  });
  if (res.status >= 500) return `HTTP ${res.status}`;
  if (res.errors) return codeOf(res) ?? 'NO_CODE';
  if (row.shown) return row.shown(res.data!) ? 'shown' : 'hidden';
  return 'ok';
}

describe('authorization matrix', () => {
  it('has a row for every mutation of the running schema, and no row for a mutation it lacks', () => {
    const mutations = Object.keys(t.app.get(GraphQLSchemaHost).schema.getMutationType()?.getFields() ?? {}).sort();
    expect(Object.keys(ROWS).sort()).toEqual(mutations);
  });

  it('every row names the guest, member, mentor, moderator and admin cells', () => {
    const incomplete = Object.entries(ROWS).filter(([, row]) => ACTORS.some((a) => a !== 'author' && !row.expected[a]));
    expect(incomplete.map(([name]) => name)).toEqual([]);
  });

  it.each(Object.keys(ROWS))('%s: each cell has its expected outcome', async (name) => {
    const row = ROWS[name];
    const actual: Partial<Record<Actor, string>> = {};
    for (const actor of ACTORS) if (row.expected[actor]) actual[actor] = await runCell(row, actor);
    expect(actual).toEqual(row.expected);
  });
});

describe('authorization matrix: reads', () => {
  it('has a row for every Query field and every field that depends on the viewer, and no other', () => {
    const queries = Object.keys(t.app.get(GraphQLSchemaHost).schema.getQueryType()?.getFields() ?? {});
    const fields = viewerDependentFields();
    expect(fields).toEqual(expect.arrayContaining(['Comment.guestEmail', 'User.email'])); // the detection works
    expect(Object.keys(READ_ROWS).sort()).toEqual([...queries, ...fields].sort());
  });

  it('every read row names the guest, member, mentor, moderator and admin cells', () => {
    const incomplete = Object.entries(READ_ROWS).filter(([, row]) =>
      ACTORS.some((a) => a !== 'author' && !row.expected[a]),
    );
    expect(incomplete.map(([name]) => name)).toEqual([]);
  });

  it.each(Object.keys(READ_ROWS))('%s: each cell has its expected outcome', async (name) => {
    const row = READ_ROWS[name];
    const actual: Partial<Record<Actor, string>> = {};
    for (const actor of ACTORS) if (row.expected[actor]) actual[actor] = await runCell(row, actor);
    expect(actual).toEqual(row.expected);
  });
});
