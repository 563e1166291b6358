// Issue 18 (UX pass): what the API gives the web app so that it can (1) say "Request pending" instead
// of offering a second request, (2) skip the refresh call for guests, (4) label audit-log targets and
// (5) show a guest their held comment again after a reload.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { SqlCounter, pageStatementCount } from './support/sql-counter.js';
import { TestApp, codeOf, cookieFrom, uniqueHandle, type TestUser } from './support/test-app.js';
import { COMMENT, answer, ask } from './support/qa.js';
import { makeMentor, requestMentorship, RESPOND } from './support/mentoring.js';

const REGISTER = `mutation Register($input: RegisterInput!) { register(input: $input) { accessToken user { handle } } }`;
const REFRESH = `mutation { refreshSession { accessToken } }`;
const HELD = `query($tokens: [String!]!) { heldComments(tokens: $tokens) { id body status guestName } }`;
const ADD_GUEST = `mutation($input: AddCommentInput!) { addComment(input: $input) { id status heldToken } }`;
const MODERATE = `mutation($input: ModerateCommentInput!) { moderateComment(input: $input) { id status } }`;
const OPEN_REQUEST = `query($handle: String!) { user(handle: $handle) { mentorProfile { viewerOpenRequest { id status mentor { handle } } } } }`;
const LOG = `query($target: ID, $first: Int) { moderationLog(first: $first, targetId: $target) { edges { node { targetType targetId targetLabel } } } }`;

let t: TestApp;
let mod: TestUser;
beforeAll(async () => {
  SqlCounter.install();
  t = await TestApp.start({ jobWorkers: false });
  mod = await t.createUser('MODERATOR');
});
afterAll(() => t.close());

/** The last Set-Cookie header for `name` (what the browser ends with), whole (attributes included). */
const setCookie = (result: { headers: Headers }, name: string) =>
  result.headers.getSetCookie().findLast((h) => h.startsWith(`${name}=`));

describe('the readable "has session" cookie', () => {
  it('comes with the refresh cookie (same lifetime, path /, readable, no secret) and goes with it', async () => {
    const handle = uniqueHandle('hint');
    const registered = await t.gql(REGISTER, {
      input: { email: `${handle}@example.test`, password: 'a long enough password', handle, displayName: 'Hana Hint' },
    });
    expect(registered.errors).toBeUndefined();
    const hint = setCookie(registered, 'cr_session');
    const refresh = setCookie(registered, 'crossroads_refresh');
    expect(hint).toBeDefined();
    expect(hint!.split(';')[0]).toBe('cr_session=1');
    expect(hint).not.toMatch(/HttpOnly/i);
    expect(hint).toMatch(/Path=\/(;|$)/);
    expect(hint).toMatch(/SameSite=Strict/i);
    expect(hint!.match(/Max-Age=(\d+)/)?.[1]).toBe(refresh!.match(/Max-Age=(\d+)/)?.[1]);

    // Renewed with each rotation.
    const rotated = await t.gql(REFRESH, {}, { cookie: cookieFrom(registered, 'crossroads_refresh') });
    expect(rotated.errors).toBeUndefined();
    expect(setCookie(rotated, 'cr_session')?.split(';')[0]).toBe('cr_session=1');

    // Cleared on sign-out and when a refresh fails (an expired or revoked session).
    const out = await t.gql('mutation { logout }', {}, { cookie: cookieFrom(rotated, 'crossroads_refresh') });
    expect(setCookie(out, 'cr_session')).toMatch(/^cr_session=;.*Expires=Thu, 01 Jan 1970/);
    const failed = await t.gql(REFRESH, {}, { cookie: cookieFrom(rotated, 'crossroads_refresh') });
    expect(codeOf(failed)).toBe('UNAUTHENTICATED');
    expect(setCookie(failed, 'cr_session')).toMatch(/^cr_session=;.*Expires=Thu, 01 Jan 1970/);
  });
});

describe('the hint for browsers signed in before it existed', () => {
  it('a request carrying the refresh cookie without the hint gets the hint; one with both, or neither, gets nothing', async () => {
    const handle = uniqueHandle('hintb');
    const registered = await t.gql(REGISTER, {
      input: { email: `${handle}@example.test`, password: 'a long enough password', handle, displayName: 'Hugo Hint' },
    });
    const refresh = cookieFrom(registered, 'crossroads_refresh')!;
    const query = `{ questions(first: 1) { totalCount } }`;
    expect(setCookie(await t.gql(query, {}, { cookie: refresh }), 'cr_session')?.split(';')[0]).toBe('cr_session=1');
    expect(setCookie(await t.gql(query, {}, { cookie: `${refresh}; cr_session=1` }), 'cr_session')).toBeUndefined();
    expect(setCookie(await t.gql(query, {}), 'cr_session')).toBeUndefined();
  });
});

describe('held comments, seen again by their author', () => {
  it('a guest gets a token for a held comment, and the token shows that comment while it waits, and nothing once decided', async () => {
    const q = await ask(t, await t.createUser());
    const body = `Did you try a PMO internship first ${randomUUID().slice(0, 8)}?`;
    const added = await t.gql(ADD_GUEST, {
      input: {
        targetId: q.id,
        targetType: 'QUESTION',
        body,
        guestName: 'Gia Guest',
        guestEmail: `gia-${uniqueHandle()}@example.test`,
      },
    });
    expect(added.errors).toBeUndefined();
    const { id, status, heldToken } = added.data!.addComment;
    expect(status).toBe('PENDING');
    expect(heldToken).toMatch(new RegExp(`^${id}\\.`));

    const seen = await t.gql(HELD, { tokens: [heldToken] });
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.heldComments).toEqual([{ id, body, status: 'PENDING', guestName: 'Gia Guest' }]);

    // A forged signature, or another comment's id under this signature, shows nothing.
    const [, signature] = (heldToken as string).split('.');
    const other = await t.gql(
      COMMENT,
      { input: { targetId: q.id, targetType: 'QUESTION', body: 'Another held comment, by a new member.' } },
      { token: (await t.createUser()).token },
    );
    expect(other.data!.addComment.status).toBe('PENDING');
    const forged = await t.gql(HELD, {
      tokens: [`${id}.${'A'.repeat(43)}`, `${other.data!.addComment.id}.${signature}`, 'not-a-token'],
    });
    expect(forged.errors).toBeUndefined();
    expect(forged.data!.heldComments).toEqual([]);

    // Decided: no longer held, so no longer listed (it shows among the published comments instead).
    await t.gql(MODERATE, { input: { commentId: id, decision: 'APPROVE' } }, { token: mod.token });
    expect((await t.gql(HELD, { tokens: [heldToken] })).data!.heldComments).toEqual([]);
  });

  it('a published comment carries no token, and more tokens than allowed is BAD_USER_INPUT on tokens', async () => {
    const q = await ask(t, await t.createUser());
    // A member's first comment is held; once one is approved, the next publishes at once.
    const member = await t.createUser();
    const first = await t.gql(
      ADD_GUEST,
      { input: { targetId: q.id, targetType: 'QUESTION', body: 'A first comment, held for moderation.' } },
      { token: member.token },
    );
    await t.gql(
      MODERATE,
      { input: { commentId: first.data!.addComment.id, decision: 'APPROVE' } },
      { token: mod.token },
    );
    const published = await t.gql(
      ADD_GUEST,
      { input: { targetId: q.id, targetType: 'QUESTION', body: 'A second comment, published at once.' } },
      { token: member.token },
    );
    expect(published.data!.addComment).toMatchObject({ status: 'PUBLISHED', heldToken: null });
    const tooMany = await t.gql(HELD, {
      tokens: Array.from({ length: 51 }, () => `${randomUUID()}.${'A'.repeat(43)}`),
    });
    expect(codeOf(tooMany)).toBe('BAD_USER_INPUT');
    expect(tooMany.errors?.[0].extensions?.field).toBe('tokens');
  });
});

describe('MentorProfile.viewerOpenRequest', () => {
  it("is the mentee's pending request, then null once it is declined; null for others", async () => {
    const [mentor, mentee, other] = await Promise.all([t.createUser(), t.createUser(), t.createUser()]);
    await makeMentor(t, mentor, { expertise: ['pmo'] });
    const handle = mentor.user.handle;
    expect(
      (await t.gql(OPEN_REQUEST, { handle }, { token: mentee.token })).data!.user.mentorProfile.viewerOpenRequest,
    ).toBeNull();
    const sent = await requestMentorship(t, mentee, handle);
    const requestId = sent.data!.requestMentorship.id;
    const seen = await t.gql(OPEN_REQUEST, { handle }, { token: mentee.token });
    expect(seen.data!.user.mentorProfile.viewerOpenRequest).toEqual({
      id: requestId,
      status: 'PENDING',
      mentor: { handle },
    });
    expect(
      (await t.gql(OPEN_REQUEST, { handle }, { token: other.token })).data!.user.mentorProfile.viewerOpenRequest,
    ).toBeNull();
    expect((await t.gql(OPEN_REQUEST, { handle })).data!.user.mentorProfile.viewerOpenRequest).toBeNull();
    await t.gql(RESPOND, { input: { requestId, accept: false } }, { token: mentor.token });
    expect(
      (await t.gql(OPEN_REQUEST, { handle }, { token: mentee.token })).data!.user.mentorProfile.viewerOpenRequest,
    ).toBeNull();
  });

  it('costs one statement for a whole directory page, the same for 3 and 12 mentors', async () => {
    const tag = `vor-${Date.now().toString(36)}`;
    const mentee = await t.createUser();
    const mentors = await Promise.all(Array.from({ length: 12 }, () => t.createUser()));
    for (const m of mentors) await makeMentor(t, m, { expertise: [tag] });
    for (const m of mentors.slice(0, 6)) await requestMentorship(t, mentee, m.user.handle);
    const DIRECTORY = `query($tag: String, $first: Int) { mentors(first: $first, expertise: $tag) { edges { node { headline } } } }`;
    const WITH_REQUESTS = `query($tag: String, $first: Int) { mentors(first: $first, expertise: $tag) { edges { node { headline viewerOpenRequest { id status } } } } }`;
    const count = async (query: string, first: number) => {
      let result: any;
      const statements = await SqlCounter.during(async () => {
        result = await t.gql(query, { tag, first }, { token: mentee.token });
      });
      expect(result.errors).toBeUndefined();
      return { n: pageStatementCount(statements), edges: result.data.mentors.edges };
    };
    for (const first of [3, 12]) {
      const plain = await count(DIRECTORY, first);
      const withRequests = await count(WITH_REQUESTS, first);
      expect(withRequests.edges).toHaveLength(first);
      expect(withRequests.n).toBe(plain.n + 1);
    }
    const all = await count(WITH_REQUESTS, 12);
    expect(all.edges.filter((e: any) => e.node.viewerOpenRequest?.status === 'PENDING')).toHaveLength(6);
  });
});

describe('ModerationLogEntry.targetLabel', () => {
  it('names questions by title, answers and comments by their question, members by handle, in one statement for the page', async () => {
    const asker = await t.createUser();
    const title = `How do I move from support into a PMO role ${randomUUID().slice(0, 8)}?`;
    const q = await ask(t, asker, { title });
    const a = await answer(t, await t.createUser(), q.id);
    const commenter = await t.createUser();
    const c = await t.gql(
      COMMENT,
      { input: { targetId: q.id, targetType: 'QUESTION', body: 'Did a PMO course help anyone here?' } },
      { token: commenter.token },
    );
    expect(c.data!.addComment.status).toBe('PENDING');
    const hide = `mutation($input: HidePostInput!) { hidePost(input: $input) { hidden } }`;
    await t.gql(
      hide,
      { input: { targetId: a.id, targetType: 'ANSWER', reason: 'Spam link farm' } },
      { token: mod.token },
    );
    await t.gql(MODERATE, { input: { commentId: c.data!.addComment.id, decision: 'APPROVE' } }, { token: mod.token });
    const closed = await t.gql(
      `mutation($input: CloseQuestionInput!) { closeQuestion(input: $input) { id } }`,
      { input: { id: q.id, reason: 'OFF_TOPIC' } },
      { token: mod.token },
    );
    expect(closed.errors).toBeUndefined();
    const label = async (target: string) =>
      (await t.gql(LOG, { target, first: 5 }, { token: mod.token })).data!.moderationLog.edges[0]?.node.targetLabel;
    expect(await label(q.id)).toBe(title);
    // The answer is hidden: moderators still see where it was.
    expect(await label(a.id)).toBe(`Answer on “${title}”`);
    expect(await label(c.data!.addComment.id)).toBe(`Comment on “${title}”`);

    let result: any;
    const plain = await SqlCounter.during(async () => {
      await t.gql(
        `query { moderationLog(first: 20) { edges { node { targetType targetId } } } }`,
        {},
        { token: mod.token },
      );
    });
    const labelled = await SqlCounter.during(async () => {
      result = await t.gql(LOG, { first: 20 }, { token: mod.token });
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.moderationLog.edges.length).toBeGreaterThanOrEqual(3);
    expect(result.data.moderationLog.edges.every((e: any) => typeof e.node.targetLabel === 'string')).toBe(true);
    // The posts' titles in one statement (plus one for any member targets' users).
    const userTargets = result.data.moderationLog.edges.some((e: any) => e.node.targetType === 'USER') ? 1 : 0;
    expect(pageStatementCount(labelled)).toBeLessThanOrEqual(pageStatementCount(plain) + 1 + userTargets);
  });
});
