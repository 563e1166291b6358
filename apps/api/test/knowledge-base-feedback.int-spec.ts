import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestApp, codeOf, randomIp, type TestUser } from './support/test-app.js';
import {
  FEEDBACK,
  FEEDBACK_LIST,
  MARK_DONE,
  RATE,
  SET_SETTINGS,
  createArticle,
  createTopic,
  ok,
} from './support/knowledge-base.js';

let t: TestApp;
let mod: TestUser;
let admin: TestUser;
let topicSlug: string;

const VIEWER_RATING = `query($slug: String!) { article(slug: $slug) { viewerRating rating { average count distribution { stars count percent } } } }`;

beforeAll(async () => {
  t = await TestApp.start();
  [mod, admin] = await Promise.all([t.createUser('MODERATOR'), t.createUser('ADMIN')]);
  topicSlug = (await createTopic(t, mod)).slug;
});
afterAll(() => t.close());

describe('"Was this article helpful?" ratings', () => {
  it('gives an exact distribution, 5 → 1, one rating per user that they can change', async () => {
    const a = await createArticle(t, mod, topicSlug);
    const users = await Promise.all([1, 2, 3, 4].map(() => t.createUser('MEMBER')));
    const stars = [5, 5, 4, 1];
    for (const [i, u] of users.entries()) await ok(t, RATE, { input: { articleId: a.id, stars: stars[i] } }, u);
    const { article } = await ok(t, VIEWER_RATING, { slug: a.slug }, users[2]);
    expect(article.viewerRating).toBe(4);
    expect(article.rating).toEqual({
      average: 3.75,
      count: 4,
      distribution: [
        { stars: 5, count: 2, percent: 50 },
        { stars: 4, count: 1, percent: 25 },
        { stars: 3, count: 0, percent: 0 },
        { stars: 2, count: 0, percent: 0 },
        { stars: 1, count: 1, percent: 25 },
      ],
    });
    const changed = (await ok(t, RATE, { input: { articleId: a.id, stars: 3 } }, users[3])).rateArticle;
    expect(changed.count).toBe(4);
    expect(changed.average).toBe(4.25);
    expect(changed.distribution.map((s: { count: number }) => s.count)).toEqual([2, 1, 1, 0, 0]);
  });

  it('rounds percents to one decimal, summing to about 100, and has no average without ratings', async () => {
    const a = await createArticle(t, mod, topicSlug);
    expect((await ok(t, VIEWER_RATING, { slug: a.slug })).article.rating).toEqual({
      average: null,
      count: 0,
      distribution: [5, 4, 3, 2, 1].map((s) => ({ stars: s, count: 0, percent: 0 })),
    });
    const users = await Promise.all([1, 2, 3].map(() => t.createUser('MEMBER')));
    for (const [i, u] of users.entries()) await ok(t, RATE, { input: { articleId: a.id, stars: [5, 4, 2][i] } }, u);
    const { rating } = (await ok(t, VIEWER_RATING, { slug: a.slug })).article;
    expect(rating.distribution.map((s: { percent: number }) => s.percent)).toEqual([33.3, 33.3, 0, 33.3, 0]);
    expect(rating.average).toBe(3.67);
    const sum = rating.distribution.reduce((acc: number, s: { percent: number }) => acc + s.percent, 0);
    expect(Math.abs(sum - 100)).toBeLessThanOrEqual(0.2);
  });

  it('counts a guest once per browser through a signed httpOnly cookie; a second browser counts separately', async () => {
    const a = await createArticle(t, mod, topicSlug);
    const first = await t.gql(RATE, { input: { articleId: a.id, stars: 2 } });
    expect(first.errors).toBeUndefined();
    const setCookie = first.headers.getSetCookie().find((c) => c.startsWith('crossroads_rater='))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\/graphql/i);
    const cookie = setCookie.split(';')[0];

    const again = await t.gql(RATE, { input: { articleId: a.id, stars: 5 } }, { cookie });
    expect(again.data!.rateArticle.count).toBe(1);
    expect(again.data!.rateArticle.average).toBe(5);
    expect(again.headers.getSetCookie().some((c) => c.startsWith('crossroads_rater='))).toBe(false);
    expect((await t.gql(VIEWER_RATING, { slug: a.slug }, { cookie })).data!.article.viewerRating).toBe(5);
    expect((await t.gql(VIEWER_RATING, { slug: a.slug })).data!.article.viewerRating).toBeNull();

    const otherBrowser = await t.gql(RATE, { input: { articleId: a.id, stars: 1 } });
    expect(otherBrowser.data!.rateArticle.count).toBe(2);

    // A forged cookie (valid shape, wrong signature) is a new browser, not the first one.
    const [id] = cookie.split('=')[1].split('.');
    const forged = `crossroads_rater=${id}.${'A'.repeat(43)}`;
    const res = await t.gql(RATE, { input: { articleId: a.id, stars: 3 } }, { cookie: forged });
    expect(res.data!.rateArticle.count).toBe(3);
    expect((await t.gql(VIEWER_RATING, { slug: a.slug }, { cookie })).data!.article.viewerRating).toBe(5);
  });

  it('refuses stars out of range naming the field, and drafts as NOT_FOUND', async () => {
    const a = await createArticle(t, mod, topicSlug);
    const bad = await t.gql(RATE, { input: { articleId: a.id, stars: 6 } });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.field).toBe('stars');
    const draft = await createArticle(t, mod, topicSlug, {}, false);
    const res = await t.gql(RATE, { input: { articleId: draft.id, stars: 4 } });
    expect(codeOf(res)).toBe('NOT_FOUND');
    expect(res.errors![0].extensions!.field).toBe('articleId');
  });
});

describe('"How can we improve this article?" feedback', () => {
  it('takes feedback from guests and members, validates the message, and shows it to moderators only', async () => {
    const a = await createArticle(t, mod, topicSlug);
    const member = await t.createUser('MEMBER');
    const short = await t.gql(FEEDBACK, { input: { articleId: a.id, message: 'too short' } });
    expect(codeOf(short)).toBe('BAD_USER_INPUT');
    expect(short.errors![0].extensions!.field).toBe('message');
    const long = await t.gql(FEEDBACK, { input: { articleId: a.id, message: 'x'.repeat(2001) } });
    expect(long.errors![0].extensions!.field).toBe('message');

    expect(
      (await t.gql(FEEDBACK, { input: { articleId: a.id, message: 'The PMO roles table needs salaries.' } })).data!
        .articleFeedback,
    ).toBe(true);
    await ok(t, FEEDBACK, { input: { articleId: a.id, message: 'Please add a section on planning tools.' } }, member);

    const list = (await ok(t, FEEDBACK_LIST, { articleId: a.id }, mod)).articleFeedbackList;
    expect(list.totalCount).toBe(2);
    expect(list.edges.map((e: any) => [e.node.message, e.node.author?.handle ?? null, e.node.status])).toEqual([
      ['Please add a section on planning tools.', member.user.handle, 'NEW'],
      ['The PMO roles table needs salaries.', null, 'NEW'],
    ]);
    expect(codeOf(await t.gql(FEEDBACK_LIST, { articleId: a.id }, { token: member.token }))).toBe('FORBIDDEN');
    expect((await ok(t, FEEDBACK_LIST, {}, member)).articleFeedbackList.totalCount).toBe(0);
    expect(codeOf(await t.gql(FEEDBACK_LIST, { articleId: a.id }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(MARK_DONE, { id: list.edges[0].node.id }, { token: member.token }))).toBe('FORBIDDEN');
  });

  it("lets the article's author read and close its feedback, filtered by status and paged", async () => {
    const mentor = await t.createUser('MENTOR');
    await ok(t, SET_SETTINGS, { input: { mentorsMayWrite: true } }, admin);
    let article: { id: string };
    try {
      article = await createArticle(t, mentor, topicSlug, {}, false);
    } finally {
      await ok(t, SET_SETTINGS, { input: { mentorsMayWrite: false } }, admin);
    }
    await ok(t, `mutation($id: ID!) { publishArticle(id: $id) { id } }`, { id: article.id }, mod);
    for (const n of [1, 2, 3])
      await ok(t, FEEDBACK, { input: { articleId: article.id, message: `Suggestion number ${n} for the author.` } });

    const page1 = (await ok(t, FEEDBACK_LIST, { articleId: article.id, first: 2 }, mentor)).articleFeedbackList;
    expect(page1.edges).toHaveLength(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (
      await ok(t, FEEDBACK_LIST, { articleId: article.id, first: 2, after: page1.pageInfo.endCursor }, mentor)
    ).articleFeedbackList;
    expect(page2.edges.map((e: any) => e.node.message)).toEqual(['Suggestion number 1 for the author.']);

    const done = (await ok(t, MARK_DONE, { id: page1.edges[0].node.id }, mentor)).markArticleFeedbackDone;
    expect(done.status).toBe('DONE');
    expect(done.doneAt).not.toBeNull();
    const open = (await ok(t, FEEDBACK_LIST, { articleId: article.id, status: 'NEW' }, mentor)).articleFeedbackList;
    expect(open.totalCount).toBe(2);
    const mine = (await ok(t, FEEDBACK_LIST, { status: 'DONE' }, mentor)).articleFeedbackList;
    expect(mine.edges.map((e: any) => e.node.id)).toEqual([done.id]);
    expect(codeOf(await t.gql(MARK_DONE, { id: '00000000-0000-4000-8000-000000000000' }, { token: mod.token }))).toBe(
      'NOT_FOUND',
    );
  });

  it('limits feedback to 5 per 10 minutes per IP (RATE_LIMITED with retryAfterSeconds)', async () => {
    const a = await createArticle(t, mod, topicSlug);
    const ip = randomIp();
    for (let i = 0; i < 5; i++) {
      const res = await t.gql(
        FEEDBACK,
        { input: { articleId: a.id, message: `Feedback message number ${i}.` } },
        { ip },
      );
      expect(res.errors).toBeUndefined();
    }
    const limited = await t.gql(FEEDBACK, { input: { articleId: a.id, message: 'One message too many.' } }, { ip });
    expect(codeOf(limited)).toBe('RATE_LIMITED');
    expect(limited.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited.errors![0].extensions!.retryAfterSeconds).toBeLessThanOrEqual(600);
    const list = (await ok(t, FEEDBACK_LIST, { articleId: a.id }, mod)).articleFeedbackList;
    expect(list.totalCount).toBe(5);
  });

  it('limits a signed-in user across IPs', async () => {
    const a = await createArticle(t, mod, topicSlug);
    const member = await t.createUser('MEMBER');
    for (let i = 0; i < 5; i++)
      await ok(t, FEEDBACK, { input: { articleId: a.id, message: `Member feedback number ${i}.` } }, member);
    expect(
      codeOf(
        await t.gql(
          FEEDBACK,
          { input: { articleId: a.id, message: 'From yet another address.' } },
          { token: member.token, ip: randomIp() },
        ),
      ),
    ).toBe('RATE_LIMITED');
  });
});
