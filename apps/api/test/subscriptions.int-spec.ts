import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { LIVE_CLOSE_CODES, LIVE_LIMITS } from '@crossroads/shared-domain';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER, LIVE_TOPICS, LiveServer } from '@crossroads/api-platform';
import { TestApp, randomIp, type TestUser } from './support/test-app.js';
import { createIsolatedDatabase } from './support/isolated-database.js';
import { COMMENT, answer, ask } from './support/qa.js';
import { LiveSubscription, connectLive, untilSubscribed, type LiveConnectionHandle } from './support/live.js';

// Live updates over graphql-ws on /graphql: a real server, real sockets, real pg-boss workers.
// Own database: the held comments below must not disturb other suites' moderation queue counts.
let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;
let t: TestApp;
let asker: TestUser;
let mentor: TestUser;
let moderator: TestUser;
let admin: TestUser;
const open: LiveConnectionHandle[] = [];

const ACTIVITY = `subscription($id: ID!) { questionActivity(questionId: $id) {
  kind question { id answerCount score } answer { id body isAccepted score } comment { id body status } } }`;
const QUEUE = `subscription { moderationQueueChanged }`;

function live(options: Parameters<typeof connectLive>[1] = {}): LiveConnectionHandle {
  const connection = connectLive(t, options);
  open.push(connection);
  return connection;
}

/** An access token for `user`'s session with chosen times (seconds since the epoch). */
function tokenFor(user: TestUser, iat: number, exp: number): string {
  const { sid } = new JwtService().decode(user.token) as { sid: string };
  return new JwtService().sign(
    { sub: user.user.id, sid, handle: user.user.handle, role: user.user.role, iat, exp },
    { secret: t.config.jwtSecret, algorithm: JWT_ALGORITHM, issuer: JWT_ISSUER, audience: JWT_AUDIENCE },
  );
}

beforeAll(async () => {
  database = await createIsolatedDatabase('live');
  t = await TestApp.start({}, database.url);
  [asker, mentor, moderator, admin] = await Promise.all([
    t.createUser('MEMBER'),
    t.createUser('MENTOR'),
    t.createUser('MODERATOR'),
    t.createUser('ADMIN'),
  ]);
});

afterAll(async () => {
  await Promise.all(open.map((c) => c.dispose()));
  await t.close();
  await database.drop();
});

describe('questionActivity', () => {
  it('delivers an answer posted through HTTP to a guest watching the question', async () => {
    const question = await ask(t, asker);
    const guest = live();
    const activity = new LiveSubscription(guest, ACTIVITY, { id: question.id });
    await untilSubscribed(t, LIVE_TOPICS.question(question.id));
    const posted = await answer(t, mentor, question.id, 'Volunteer to run the next small internal project end to end.');
    const result = await activity.next();
    expect(result.errors).toBeUndefined();
    expect(result.data?.questionActivity).toEqual({
      kind: 'ANSWER_POSTED',
      question: { id: question.id, answerCount: 1, score: 0 },
      answer: {
        id: posted.id,
        body: 'Volunteer to run the next small internal project end to end.',
        isAccepted: false,
        score: 0,
      },
      comment: null,
    });
  });

  it('never shows a held comment to the stream; it arrives once a moderator approves it', async () => {
    const question = await ask(t, asker);
    const guest = live();
    const activity = new LiveSubscription(guest, ACTIVITY, { id: question.id });
    await untilSubscribed(t, LIVE_TOPICS.question(question.id));
    // A guest's comment is held for moderation: no message while it waits.
    const held = await t.gql(COMMENT, {
      input: {
        targetId: question.id,
        targetType: 'QUESTION',
        body: 'Guest here: which certificate first?',
        guestName: 'Pat',
        guestEmail: 'pat@example.test',
      },
    });
    expect(held.errors).toBeUndefined();
    expect(held.data?.addComment.status).toBe('PENDING');
    const commentId = held.data!.addComment.id as string;
    const approved = await t.gql(
      `mutation($input: ModerateCommentInput!) { moderateComment(input: $input) { status } }`,
      { input: { commentId, decision: 'APPROVE' } },
      { token: moderator.token },
    );
    expect(approved.data?.moderateComment.status).toBe('PUBLISHED');
    // The first message is the approval: a held comment would have come first, PENDING.
    const result = await activity.next();
    expect(result.data?.questionActivity).toMatchObject({
      kind: 'COMMENT_POSTED',
      comment: { id: commentId, status: 'PUBLISHED' },
    });
  });

  it('answers NOT_FOUND for a question that does not exist, and keeps the connection for others', async () => {
    const guest = live();
    for (const id of [randomUUID(), 'not-an-id']) {
      const missing = new LiveSubscription(guest, ACTIVITY, { id });
      const result = await missing.next();
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const question = await ask(t, asker);
    const activity = new LiveSubscription(guest, ACTIVITY, { id: question.id });
    await untilSubscribed(t, LIVE_TOPICS.question(question.id));
    await answer(t, mentor, question.id);
    expect((await activity.next()).data?.questionActivity.kind).toBe('ANSWER_POSTED');
  });

  it('applies the HTTP document limits and serves only subscriptions over the socket', async () => {
    const guest = live();
    // 11 levels: questionActivity > question > author > questions > edges > node > author > answers > edges > node > id
    const deep = `subscription($id: ID!) { questionActivity(questionId: $id) { question { author { questions { edges { node { author { answers { edges { node { id } } } } } } } } } } }`;
    const nested = new LiveSubscription(guest, deep, { id: randomUUID() });
    expect(await nested.error()).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/depth/i),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    ]);
    const aliases = new LiveSubscription(
      guest,
      `subscription { ${Array.from({ length: 12 }, (_, i) => `a${i}: moderationQueueChanged`).join(' ')} }`,
    );
    const aliasErrors = (await aliases.error()) as { message: string; extensions: unknown }[];
    expect(aliasErrors.map((e) => e.extensions)).toEqual(
      aliasErrors.map(() => ({ code: 'GRAPHQL_VALIDATION_FAILED' })),
    );
    expect(aliasErrors.map((e) => e.message)).toContainEqual(expect.stringMatching(/aliases/i));
    const query = new LiveSubscription(guest, `{ questions { totalCount } }`);
    expect(await query.error()).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/only subscriptions/i) }),
    ]);
  });
});

describe('notificationAdded', () => {
  const ADDED = `subscription { notificationAdded { id type read text url question { id } answer { id } } }`;

  it("delivers the viewer's own new notification, and is refused to guests", async () => {
    const own = await t.createUser('MEMBER');
    const other = await t.createUser('MEMBER');
    const question = await ask(t, own);
    const mine = new LiveSubscription(live({ token: own.token }), ADDED);
    const theirs = new LiveSubscription(live({ token: other.token }), ADDED);
    await untilSubscribed(t, LIVE_TOPICS.notifications(own.user.id));
    await untilSubscribed(t, LIVE_TOPICS.notifications(other.user.id));
    const posted = await answer(t, mentor, question.id);
    const result = await mine.next();
    expect(result.errors).toBeUndefined();
    expect(result.data?.notificationAdded).toMatchObject({
      type: 'ANSWER_POSTED',
      read: false,
      question: { id: question.id },
      answer: { id: posted.id },
    });
    // Another member's stream stays quiet: the first thing it hears is its own notification.
    const otherQuestion = await ask(t, other);
    await answer(t, mentor, otherQuestion.id);
    expect((await theirs.next()).data?.notificationAdded).toMatchObject({ question: { id: otherQuestion.id } });

    const guest = new LiveSubscription(live(), ADDED);
    expect((await guest.next()).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('moderationQueueChanged', () => {
  it('is refused to guests and members and delivered to moderators', async () => {
    const guest = new LiveSubscription(live(), QUEUE);
    expect((await guest.next()).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const member = new LiveSubscription(live({ token: asker.token }), QUEUE);
    expect((await member.next()).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const queue = new LiveSubscription(live({ token: moderator.token }), QUEUE);
    await untilSubscribed(t, LIVE_TOPICS.moderationQueue);
    const question = await ask(t, asker);
    await t.gql(COMMENT, {
      input: {
        targetId: question.id,
        targetType: 'QUESTION',
        body: 'A guest question about PMO roles.',
        guestName: 'Kim',
        guestEmail: 'kim@example.test',
      },
    });
    const result = await queue.next();
    const [{ waiting }] = await t.dataSource.query(
      `SELECT count(*)::int AS waiting FROM comments WHERE status = 'PENDING'`,
    );
    expect(result).toEqual({ data: { moderationQueueChanged: waiting } });
    expect(waiting).toBeGreaterThan(0);
  });

  it("ends the moderator's queue subscription with 4403 when an admin demotes them", async () => {
    const demoted = await t.createUser('MODERATOR');
    const connection = live({ token: demoted.token });
    new LiveSubscription(connection, QUEUE);
    await untilSubscribed(t, LIVE_TOPICS.moderationQueue, 2);
    const res = await t.gql(
      `mutation($input: SetRoleInput!) { setRole(input: $input) { role } }`,
      { input: { handle: demoted.user.handle, role: 'MEMBER' } },
      { token: admin.token },
    );
    expect(res.data?.setRole.role).toBe('MEMBER');
    expect(await connection.closed).toEqual({
      code: LIVE_CLOSE_CODES.forbidden,
      reason: expect.stringMatching(/role/i),
    });
  });
});

describe('authentication in connection_init', () => {
  it('closes with 4401 for an expired, forged or malformed token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = live({ token: tokenFor(asker, now - 1000, now - 100) });
    expect(await expired.closed).toEqual({
      code: LIVE_CLOSE_CODES.unauthorized,
      reason: expect.stringMatching(/expired/),
    });
    const forged = live({ token: asker.token.slice(0, -4) + 'AAAA' });
    expect((await forged.closed).code).toBe(LIVE_CLOSE_CODES.unauthorized);
    const malformed = live({ authorization: 'Token abc' });
    expect((await malformed.closed).code).toBe(LIVE_CLOSE_CODES.unauthorized);
  });

  it('closes an open connection with 4401 when its token expires', async () => {
    const now = Math.floor(Date.now() / 1000);
    const connection = live({ token: tokenFor(asker, now - 60, now + 2) });
    await connection.connected;
    const question = await ask(t, asker);
    new LiveSubscription(connection, ACTIVITY, { id: question.id });
    expect(await connection.closed).toEqual({
      code: LIVE_CLOSE_CODES.unauthorized,
      reason: expect.stringMatching(/expired/),
    });
    expect(Date.now() / 1000).toBeGreaterThanOrEqual(now + 1);
  });
});

describe('limits', () => {
  it(`refuses subscription ${LIVE_LIMITS.subscriptionsPerConnection + 1} on one connection with RATE_LIMITED`, async () => {
    const question = await ask(t, asker);
    const connection = live();
    const subs = Array.from(
      { length: LIVE_LIMITS.subscriptionsPerConnection },
      () => new LiveSubscription(connection, ACTIVITY, { id: question.id }),
    );
    await untilSubscribed(t, LIVE_TOPICS.question(question.id), subs.length);
    const extra = new LiveSubscription(connection, ACTIVITY, { id: question.id });
    expect(await extra.error()).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED' }) }),
    ]);
    // The others still work.
    await answer(t, mentor, question.id);
    expect((await subs[0].next()).data?.questionActivity.kind).toBe('ANSWER_POSTED');
  });

  it(`closes connection ${LIVE_LIMITS.connectionsPerUser + 1} of one member with 4429`, async () => {
    const member = await t.createUser('MEMBER');
    const connections = Array.from({ length: LIVE_LIMITS.connectionsPerUser }, () => live({ token: member.token }));
    await Promise.all(connections.map((c) => c.connected));
    const extra = live({ token: member.token });
    expect(await extra.closed).toEqual({
      code: LIVE_CLOSE_CODES.tooManyConnections,
      reason: expect.stringMatching(/account/),
    });
    // Closing one frees a place.
    await connections[0].dispose();
    await connections[0].closed;
    await live({ token: member.token }).connected;
  });

  it(`closes connection ${LIVE_LIMITS.connectionsPerIp + 1} from one address with 4429`, async () => {
    const ip = randomIp();
    const connections = Array.from({ length: LIVE_LIMITS.connectionsPerIp }, () => live({ ip }));
    await Promise.all(connections.map((c) => c.connected));
    const extra = live({ ip });
    expect(await extra.closed).toEqual({
      code: LIVE_CLOSE_CODES.tooManyConnections,
      reason: expect.stringMatching(/address/),
    });
    await live({ ip: randomIp() }).connected;
    expect(t.app.get(LiveServer).connectionCount).toBeGreaterThanOrEqual(LIVE_LIMITS.connectionsPerIp);
  });
});
