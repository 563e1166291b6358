import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '@crossroads/api-platform';
import { NotificationHandlers } from '@crossroads/api-notifications';
import { TestApp, codeOf, type TestUser } from './support/test-app.js';
import { createIsolatedDatabase } from './support/isolated-database.js';
import { COMMENT, answer, ask } from './support/qa.js';
import { COMPLETE, RESPOND, makeMentor, requestMentorship } from './support/mentoring.js';
import { notificationsOf, waitFor, waitForMatchingNote, waitForNote, type Note } from './support/notifications.js';

// Real endpoint, real PostgreSQL, real pg-boss workers (JOB_POLL_SECONDS 0.5): every notification is
// made by the job after the request committed, so each check polls until it appears (waitFor).
let t: TestApp;
let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;
let mod: TestUser;

const MODERATE = `mutation($input: ModerateCommentInput!) { moderateComment(input: $input) { id status } }`;
const EDIT_ANSWER = `mutation($input: EditAnswerInput!) { editAnswer(input: $input) { id } }`;
const CLOSE = `mutation($input: CloseQuestionInput!) { closeQuestion(input: $input) { id } }`;
const REVIEW = `mutation($input: ReviewMentorshipInput!) { reviewMentorship(input: $input) { rating } }`;
const FOLLOW_Q = `mutation($id: ID!) { followQuestion(id: $id) { id viewerFollows followerCount } }`;
const UNFOLLOW_Q = `mutation($id: ID!) { unfollowQuestion(id: $id) { id viewerFollows followerCount } }`;
const FOLLOW_TAG = `mutation($name: String!) { followTag(name: $name) { name viewerFollows followerCount } }`;
const UNFOLLOW_TAG = `mutation($name: String!) { unfollowTag(name: $name) { name viewerFollows followerCount } }`;
const FOLLOW_MENTOR = `mutation($handle: String!) { followMentor(handle: $handle) { headline viewerFollows followerCount } }`;
const UNFOLLOW_MENTOR = `mutation($handle: String!) { unfollowMentor(handle: $handle) { headline viewerFollows followerCount } }`;
const SET_LEVEL = `mutation($input: SetFollowLevelInput!) { setFollowLevel(input: $input) { targetType target level } }`;
const QUESTION = `query($id: ID!) { question(id: $id) { id viewerFollows followerCount } }`;
const MARK_READ = `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`;
const UNREAD = `{ unreadNotificationCount }`;
const SETTINGS = `{ notificationSettings { type inApp email } }`;
const SET_SETTING = `mutation($input: NotificationSettingInput!) { setNotificationSetting(input: $input) { type inApp email } }`;

const ok = async (query: string, variables: Record<string, unknown>, user: TestUser | null) => {
  const res = await t.gql(query, variables, user ? { token: user.token } : {});
  if (res.errors) throw new Error(`${query.slice(0, 50)}: ${JSON.stringify(res.errors)}`);
  return res.data!;
};

async function addComment(
  user: TestUser,
  targetId: string,
  targetType: 'QUESTION' | 'ANSWER' = 'QUESTION',
  body = 'Have you looked at the PMI talent triangle? It helped me.',
) {
  const res = await t.gql(COMMENT, { input: { targetId, targetType, body } }, { token: user.token });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.addComment as { id: string; status: string };
}

/** A member whose comments publish at once (one approved comment already). */
async function trustedCommenter(): Promise<TestUser> {
  const user = await t.createUser();
  const q = await ask(t, await t.createUser());
  const held = await addComment(user, q.id);
  await ok(MODERATE, { input: { commentId: held.id, decision: 'APPROVE' } }, mod);
  return user;
}

/** The domain event recorded for `type` whose payload has `key` = `value`. */
async function eventOf(type: string, key: string, value: string): Promise<RecordedEvent<object>> {
  const [row] = (await t.dataSource.query(
    `SELECT id::text AS id, type, actor_id AS "actorId", payload, occurred_at AS "occurredAt" FROM domain_events WHERE type = $1 AND payload->>$2 = $3`,
    [type, key, value],
  )) as (RecordedEvent<object> & { occurredAt: Date })[];
  return { ...row, occurredAt: new Date(row.occurredAt).toISOString() };
}

const byType = (notes: Note[], type: string) => notes.filter((n) => n.type === type);

beforeAll(async () => {
  database = await createIsolatedDatabase('notif');
  t = await TestApp.start({ jobPollSeconds: 0.5 }, database.url);
  mod = await t.createUser('MODERATOR');
});
afterAll(async () => {
  await t.close();
  await database.drop();
});

describe('answers and comments', () => {
  it('an answer notifies the asker with the exact url; never the answerer themselves', async () => {
    const asker = await t.createUser();
    const answerer = await t.createUser();
    const q = await ask(t, asker);
    const a = await answer(t, answerer, q.id);
    const notes = await waitForNote(t, asker, (n) => n.type === 'ANSWER_POSTED');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      type: 'ANSWER_POSTED',
      read: false,
      url: `/q/${q.id}#answer-${a.id}`,
      text: `Test ${answerer.user.handle} answered your question “${q.title}”`,
      count: 1,
      actor: { handle: answerer.user.handle },
      question: { id: q.id },
      answer: { id: a.id },
      comment: null,
    });
    // The asker answering their own question notifies nobody (and the answerer got nothing for theirs).
    await answer(t, asker, q.id, 'Update: I also started a CAPM course, which covers the basics of scheduling.');
    const sentinel = await t.createUser();
    await ok(FOLLOW_Q, { id: q.id }, sentinel);
    await answer(t, answerer, q.id, 'One more idea: shadow a project manager in your company for a sprint or two.');
    await waitForNote(t, sentinel, (n) => n.type === 'FOLLOWED_QUESTION_ANSWER');
    expect(await notificationsOf(t, answerer)).toEqual([]);
  });

  it('watchers hear of every answer, trackers do not, the muted hear nothing even when mentioned', async () => {
    const asker = await t.createUser();
    const watcher = await t.createUser();
    const tracker = await t.createUser();
    const muted = await t.createUser();
    const q = await ask(t, asker);
    await answer(t, tracker, q.id); // answering sets Tracking
    await waitForNote(t, asker, (n) => n.type === 'ANSWER_POSTED');
    await ok(FOLLOW_Q, { id: q.id }, watcher);
    await ok(SET_LEVEL, { input: { targetType: 'QUESTION', target: q.id, level: 'MUTED' } }, muted);
    const tracked = await ok(QUESTION, { id: q.id }, tracker);
    expect(tracked.question).toMatchObject({ viewerFollows: true });

    const author = await t.createUser();
    const a = await answer(
      t,
      author,
      q.id,
      `I agree with the others. @${muted.user.handle} did exactly this move last year, ask them.`,
    );
    const notes = await waitForNote(t, watcher, (n) => n.answer?.id === a.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      type: 'FOLLOWED_QUESTION_ANSWER',
      url: `/q/${q.id}#answer-${a.id}`,
      text: `Test ${author.user.handle} answered “${q.title}”`,
    });
    // The asker's grouped row now holds both answers; the tracker and the muted member got nothing.
    await waitForNote(t, asker, (n) => n.count === 2);
    expect(await notificationsOf(t, tracker)).toEqual([]);
    expect(await notificationsOf(t, muted)).toEqual([]);
  });

  it('a mention that is also an answer to your (watched) question notifies once', async () => {
    const asker = await t.createUser();
    const q = await ask(t, asker);
    const author = await t.createUser();
    await answer(
      t,
      author,
      q.id,
      `@${asker.user.handle} the short answer: get a CAPM and volunteer for internal projects.`,
    );
    const notes = await waitForNote(t, asker, () => true);
    // Wait for a later event on the same queue so a duplicate would have been written by now.
    const other = await t.createUser();
    const q2 = await ask(t, other);
    await answer(t, author, q2.id);
    await waitForNote(t, other, () => true);
    expect(await notificationsOf(t, asker)).toHaveLength(1);
    expect(notes[0]).toMatchObject({ type: 'ANSWER_POSTED' });
  });

  it('a mention in a comment notifies the mentioned member; the post author hears of the comment', async () => {
    const asker = await t.createUser();
    const mentioned = await t.createUser();
    const commenter = await trustedCommenter();
    const q = await ask(t, asker);
    const c = await addComment(
      commenter,
      q.id,
      'QUESTION',
      `Good question, @${mentioned.user.handle} knows this area well.`,
    );
    expect(c.status).toBe('PUBLISHED');
    const mention = await waitForMatchingNote(t, mentioned, (n) => n.type === 'MENTION');
    expect(mention).toMatchObject({
      url: `/q/${q.id}#comment-${c.id}`,
      comment: { id: c.id },
      text: `Test ${commenter.user.handle} mentioned you in a comment on “${q.title}”`,
    });
    const onMine = await waitForMatchingNote(t, asker, (n) => n.type === 'COMMENT_POSTED');
    expect(onMine.text).toBe(`Test ${commenter.user.handle} commented on your question on “${q.title}”`);
  });

  it('a held comment notifies nobody until approved, then once as new; its author hears the decision', async () => {
    const asker = await t.createUser();
    const q = await ask(t, asker);
    const newcomer = await t.createUser();
    const held = await addComment(newcomer, q.id);
    expect(held.status).toBe('PENDING');
    await ok(MODERATE, { input: { commentId: held.id, decision: 'APPROVE', reason: 'Helpful' } }, mod);
    const notes = await waitForNote(t, asker, (n) => n.type === 'COMMENT_POSTED');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ url: `/q/${q.id}#comment-${held.id}`, actor: { handle: newcomer.user.handle } });
    const decision = await waitForMatchingNote(t, newcomer, (n) => n.type === 'MODERATION_DECISION');
    expect(decision).toMatchObject({
      url: `/q/${q.id}#comment-${held.id}`,
      text: `A moderator approved your comment on “${q.title}”: Helpful`,
    });
    expect(await notificationsOf(t, mod)).toEqual([]);
  });

  it('an edit notifies nobody', async () => {
    const asker = await t.createUser();
    const q = await ask(t, asker);
    const author = await t.createUser();
    const a = await answer(t, author, q.id);
    await waitForNote(t, asker, (n) => n.type === 'ANSWER_POSTED');
    await ok(
      EDIT_ANSWER,
      { input: { id: a.id, body: 'Edited: start with a CAPM certificate, then volunteer for internal projects.' } },
      author,
    );
    // A later answer (on the same queue) arrives and merges; the edit added nothing of its own.
    const second = await t.createUser();
    await answer(t, second, q.id);
    const notes = await waitForNote(t, asker, (n) => n.count === 2);
    expect(notes).toHaveLength(1);
  });

  it('groups answers on one question while unread: "A, B and N others answered …"; read, a new one starts again', async () => {
    const asker = await t.createUser();
    const q = await ask(t, asker);
    const answerers: TestUser[] = [];
    for (let i = 0; i < 4; i++) {
      const u = await t.createUser();
      answerers.push(u);
      await answer(t, u, q.id);
      await waitForNote(t, asker, (n) => n.count === i + 1);
    }
    const [group] = await notificationsOf(t, asker);
    expect(group).toMatchObject({ type: 'ANSWER_POSTED', count: 4, actor: { handle: answerers[3].user.handle } });
    expect(group.text).toBe(
      `Test ${answerers[3].user.handle}, Test ${answerers[2].user.handle} and 2 others answered “${q.title}”`,
    );
    expect(await notificationsOf(t, asker)).toHaveLength(1);

    await ok(MARK_READ, {}, asker);
    await answer(t, answerers[0], q.id, 'Coming back to this: a PMO analyst role is another good first step.');
    const notes = await waitForNote(t, asker, (n) => !n.read);
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatchObject({ read: false, count: 1 });
  });

  it('an accepted answer notifies its author', async () => {
    const asker = await t.createUser();
    const q = await ask(t, asker);
    const author = await t.createUser();
    const a = await answer(t, author, q.id);
    await ok(`mutation($id: ID!) { acceptAnswer(answerId: $id) { id } }`, { id: a.id }, asker);
    const accepted = await waitForMatchingNote(t, author, (n) => n.type === 'ANSWER_ACCEPTED');
    expect(accepted).toMatchObject({
      url: `/q/${q.id}#answer-${a.id}`,
      text: `Test ${asker.user.handle} accepted your answer on “${q.title}”`,
    });
  });

  it('a retried job writes nothing twice (the handler run again on the same event)', async () => {
    const asker = await t.createUser();
    const watcher = await t.createUser();
    const q = await ask(t, asker);
    await ok(FOLLOW_Q, { id: q.id }, watcher);
    const a = await answer(t, await t.createUser(), q.id);
    await waitForNote(t, watcher, (n) => n.answer?.id === a.id);
    await waitForNote(t, asker, (n) => n.answer?.id === a.id);
    const event = await eventOf('qa.answer.posted', 'answerId', a.id);
    const handlers = t.app.get(NotificationHandlers);
    expect(await handlers.handle(event)).toBe(0);
    expect(await handlers.handle(event)).toBe(0);
    expect(await notificationsOf(t, asker)).toHaveLength(1);
    expect((await notificationsOf(t, asker))[0].count).toBe(1);
    expect(await notificationsOf(t, watcher)).toHaveLength(1);
  });
});

describe('tags, mentors, mentorship and moderation', () => {
  it('tag watchers hear of new questions (muted tags win); matching mentors get MATCHED_QUESTION', async () => {
    const tag = `notif-${Date.now().toString(36)}`.slice(0, 25);
    const seed = await t.createUser();
    await ask(t, seed, { tags: [tag] });
    const fan = await t.createUser();
    const silent = await t.createUser();
    const followed = await ok(FOLLOW_TAG, { name: tag }, fan);
    expect(followed.followTag).toEqual({ name: tag, viewerFollows: true, followerCount: 1 });
    await ok(FOLLOW_TAG, { name: tag }, silent);
    await ok(SET_LEVEL, { input: { targetType: 'TAG', target: tag, level: 'MUTED' } }, silent);
    const mentor = await t.createUser('MENTOR');
    await makeMentor(t, mentor, { expertise: [tag] });

    const asker = await t.createUser();
    const q = await ask(t, asker, { tags: [tag] });
    const n = await waitForMatchingNote(t, fan, (x) => x.question?.id === q.id);
    expect(n).toMatchObject({
      type: 'FOLLOWED_TAG_QUESTION',
      url: `/q/${q.id}`,
      text: `Test ${asker.user.handle} asked “${q.title}” in #${tag}`,
    });
    const m = await waitForMatchingNote(t, mentor, (x) => x.question?.id === q.id);
    expect(m).toMatchObject({ type: 'MATCHED_QUESTION' });
    // Only q counts: the seed's question may be handled after the follows (its job runs on any instance, any time).
    // The fan's note for q shows q's event was handled, and one handler call notifies everyone for it.
    expect((await notificationsOf(t, silent)).filter((x) => x.question?.id === q.id)).toEqual([]);
    expect(await notificationsOf(t, asker)).toEqual([]);
  });

  it('mentorship: the mentor hears of the request and the review, the mentee of the answer; expiring reminders come once', async () => {
    const mentor = await t.createUser('MENTOR');
    await makeMentor(t, mentor);
    const mentee = await t.createUser();
    const res = await requestMentorship(t, mentee, mentor.user.handle);
    const requestId = res.data!.requestMentorship.id as string;
    const requested = await waitForMatchingNote(t, mentor, (n) => n.type === 'MENTORSHIP_REQUESTED');
    expect(requested).toMatchObject({
      mentorship: { id: requestId },
      url: `/mentorships#mentorship-${requestId}`,
      actor: { handle: mentee.user.handle },
    });

    await ok(RESPOND, { input: { requestId, accept: true } }, mentor);
    const answered = await waitForMatchingNote(t, mentee, (n) => n.type === 'MENTORSHIP_ANSWERED');
    expect(answered.text).toBe(`Test ${mentor.user.handle} accepted your mentorship request`);

    await ok(COMPLETE, { id: requestId }, mentee);
    await ok(REVIEW, { input: { requestId, rating: 5, review: 'Clear and kind.' } }, mentee);
    const reviewed = await waitForMatchingNote(t, mentor, (n) => n.type === 'MENTORSHIP_REVIEWED');
    expect(reviewed.text).toBe(`Test ${mentee.user.handle} reviewed your mentorship (5/5)`);

    // A pending request 6.5 days old expires within 24 h: the scheduled job reminds the mentor once.
    const other = await t.createUser();
    const pending = await requestMentorship(t, other, mentor.user.handle);
    const pendingId = pending.data!.requestMentorship.id as string;
    await t.dataSource.query(`UPDATE mentorship_requests SET created_at = now() - interval '156 hours' WHERE id = $1`, [
      pendingId,
    ]);
    const handlers = t.app.get(NotificationHandlers);
    await handlers.remindExpiring();
    await handlers.remindExpiring();
    const notes = await notificationsOf(t, mentor);
    expect(notes.filter((n) => n.type === 'MENTORSHIP_EXPIRING' && n.mentorship?.id === pendingId)).toHaveLength(1);
  });

  it('a moderator closing a question tells its author, not the moderator', async () => {
    const asker = await t.createUser();
    const q = await ask(t, asker);
    await ok(CLOSE, { input: { id: q.id, reason: 'OFF_TOPIC' } }, mod);
    const decision = await waitForMatchingNote(t, asker, (n) => n.type === 'MODERATION_DECISION');
    expect(decision).toMatchObject({
      url: `/q/${q.id}`,
      text: `A moderator closed your question “${q.title}”: off topic`,
    });
    expect(await notificationsOf(t, mod)).toEqual([]);
  });
});

describe('inbox, settings and follows', () => {
  it('marks some or all read; the unread count follows; paging is newest first', async () => {
    const asker = await t.createUser();
    const questions = [await ask(t, asker), await ask(t, asker), await ask(t, asker)];
    for (const q of questions) await answer(t, await t.createUser(), q.id);
    const notes = await waitFor(
      () => notificationsOf(t, asker),
      (n) => n.length === 3,
    );
    expect((await ok(UNREAD, {}, asker)).unreadNotificationCount).toBe(3);
    // Newest first (the jobs may run in any order, so the order is checked on the times).
    const times = notes.map((n) => new Date(n.createdAt).getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(notes.map((n) => n.question!.id).sort()).toEqual(questions.map((q) => q.id).sort());

    const page1 = await ok(
      `query { notifications(first: 2) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
      {},
      asker,
    );
    expect(page1.notifications.pageInfo.hasNextPage).toBe(true);
    const page2 = await ok(
      `query($after: String) { notifications(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage } } }`,
      { after: page1.notifications.pageInfo.endCursor },
      asker,
    );
    expect(page2.notifications.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([notes[2].id]);

    expect((await ok(MARK_READ, { ids: [notes[0].id] }, asker)).markNotificationsRead).toBe(1);
    expect((await ok(MARK_READ, { ids: [notes[0].id] }, asker)).markNotificationsRead).toBe(0);
    expect((await ok(UNREAD, {}, asker)).unreadNotificationCount).toBe(2);
    expect(await notificationsOf(t, asker, true)).toHaveLength(2);
    // Someone else's ids change nothing.
    const stranger = await t.createUser();
    expect((await ok(MARK_READ, { ids: [notes[1].id] }, stranger)).markNotificationsRead).toBe(0);
    expect((await ok(MARK_READ, {}, asker)).markNotificationsRead).toBe(2);
    expect((await ok(UNREAD, {}, asker)).unreadNotificationCount).toBe(0);
    expect(codeOf(await t.gql(MARK_READ, { ids: ['nope'] }, { token: asker.token }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(UNREAD, {}))).toBe('UNAUTHENTICATED');
  });

  it('settings: defaults for every type, changes kept; in-app off means no notification', async () => {
    const asker = await t.createUser();
    const settings = (await ok(SETTINGS, {}, asker)).notificationSettings as {
      type: string;
      inApp: boolean;
      email: string;
    }[];
    expect(settings).toHaveLength(19); // 12, 3 for the workspace, 4 for the care rules (issue 19)
    expect(settings.find((s) => s.type === 'ANSWER_POSTED')).toEqual({
      type: 'ANSWER_POSTED',
      inApp: true,
      email: 'INSTANT',
    });
    expect(settings.find((s) => s.type === 'FOLLOWED_TAG_QUESTION')).toEqual({
      type: 'FOLLOWED_TAG_QUESTION',
      inApp: true,
      email: 'DAILY',
    });

    expect(
      (await ok(SET_SETTING, { input: { type: 'ANSWER_POSTED', inApp: false } }, asker)).setNotificationSetting,
    ).toEqual({ type: 'ANSWER_POSTED', inApp: false, email: 'INSTANT' });
    expect(
      (await ok(SET_SETTING, { input: { type: 'ANSWER_POSTED', email: 'WEEKLY' } }, asker)).setNotificationSetting,
    ).toEqual({ type: 'ANSWER_POSTED', inApp: false, email: 'WEEKLY' });
    const after = (await ok(SETTINGS, {}, asker)).notificationSettings as { type: string }[];
    expect(after.find((s) => s.type === 'ANSWER_POSTED')).toEqual({
      type: 'ANSWER_POSTED',
      inApp: false,
      email: 'WEEKLY',
    });

    const q = await ask(t, asker);
    const watcher = await t.createUser();
    await ok(FOLLOW_Q, { id: q.id }, watcher);
    await answer(t, await t.createUser(), q.id);
    // The watcher's notification comes from the same event: by then the asker's would exist too. The
    // asker's highest level for the event (their own question's answer) is off: they get nothing,
    // not the lower "followed question" one.
    await waitForNote(t, watcher, () => true);
    expect(byType(await notificationsOf(t, asker), 'ANSWER_POSTED')).toEqual([]);
    expect(await notificationsOf(t, asker)).toEqual([]);
    expect(codeOf(await t.gql(SET_SETTING, { input: { type: 'NOPE' } }, { token: asker.token }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('follow and unfollow questions, tags and mentors: counts, lists, NOT_FOUND naming the field, guests refused', async () => {
    const asker = await t.createUser();
    const q = await ask(t, asker);
    const fan = await t.createUser();
    // The asker follows it automatically, once the job has run.
    const seen = await waitFor(
      () => ok(QUESTION, { id: q.id }, fan),
      (d) => d.question.followerCount === 1,
    );
    expect(seen.question).toMatchObject({ viewerFollows: false, followerCount: 1 });
    expect((await ok(FOLLOW_Q, { id: q.id }, fan)).followQuestion).toMatchObject({
      viewerFollows: true,
      followerCount: 2,
    });
    const listed = await ok(`{ followedQuestions { totalCount edges { node { id } } } }`, {}, fan);
    expect(listed.followedQuestions).toEqual({ totalCount: 1, edges: [{ node: { id: q.id } }] });
    expect((await ok(UNFOLLOW_Q, { id: q.id }, fan)).unfollowQuestion).toMatchObject({
      viewerFollows: false,
      followerCount: 1,
    });

    const tag = (q.tags as { name: string }[])[0].name;
    expect((await ok(FOLLOW_TAG, { name: tag }, fan)).followTag).toMatchObject({
      viewerFollows: true,
      followerCount: 1,
    });
    expect((await ok(`{ followedTags { name } }`, {}, fan)).followedTags).toEqual([{ name: tag }]);
    expect((await ok(UNFOLLOW_TAG, { name: tag }, fan)).unfollowTag).toMatchObject({
      viewerFollows: false,
      followerCount: 0,
    });

    const mentor = await t.createUser('MENTOR');
    await makeMentor(t, mentor);
    expect((await ok(FOLLOW_MENTOR, { handle: mentor.user.handle }, fan)).followMentor).toMatchObject({
      viewerFollows: true,
      followerCount: 1,
    });
    expect((await ok(`{ followedMentors { headline } }`, {}, fan)).followedMentors).toHaveLength(1);
    expect((await ok(UNFOLLOW_MENTOR, { handle: mentor.user.handle }, fan)).unfollowMentor).toMatchObject({
      viewerFollows: false,
      followerCount: 0,
    });

    const unknownTag = await t.gql(FOLLOW_TAG, { name: 'no-such-tag-here' }, { token: fan.token });
    expect(unknownTag.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'name' });
    const unknownQ = await t.gql(FOLLOW_Q, { id: '00000000-0000-4000-8000-000000000000' }, { token: fan.token });
    expect(unknownQ.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const unknownMentor = await t.gql(FOLLOW_MENTOR, { handle: asker.user.handle }, { token: fan.token });
    expect(unknownMentor.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'handle' });
    const badLevel = await t.gql(
      SET_LEVEL,
      { input: { targetType: 'QUESTION', target: q.id, level: 'WATCHING_FIRST_POST' } },
      { token: fan.token },
    );
    expect(badLevel.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'level' });
    expect(codeOf(await t.gql(FOLLOW_Q, { id: q.id }))).toBe('UNAUTHENTICATED');
    // Guests read the public fields.
    expect((await ok(QUESTION, { id: q.id }, null)).question).toMatchObject({ viewerFollows: false, followerCount: 1 });
  });

  it('unfollowing stops notifications, and answering later does not re-follow an explicit choice', async () => {
    const asker = await t.createUser();
    const q = await ask(t, asker);
    const quitter = await t.createUser();
    await ok(FOLLOW_Q, { id: q.id }, quitter);
    await ok(UNFOLLOW_Q, { id: q.id }, quitter);
    await answer(t, quitter, q.id);
    // The asker's notification is written in the same job transaction as the answerer's auto-follow.
    await waitForNote(t, asker, (n) => n.type === 'ANSWER_POSTED');
    expect((await ok(QUESTION, { id: q.id }, quitter)).question.viewerFollows).toBe(false);
    // Without an explicit choice, answering does follow (Tracking).
    const answerer = await t.createUser();
    await answer(t, answerer, q.id);
    await waitForNote(t, asker, (n) => n.count === 2);
    expect((await ok(QUESTION, { id: q.id }, answerer)).question.viewerFollows).toBe(true);
  });
});
