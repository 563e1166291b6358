import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AccountDeletionService } from '@crossroads/api-accounts';
import { MentorshipExpiryJob } from '@crossroads/api-mentoring';
import { TEST_PASSWORD, TestApp, codeOf, type TestUser } from './support/test-app.js';
import { ACCEPT, answer, ask } from './support/qa.js';
import {
  CANCEL,
  COMPLETE,
  RESPOND,
  UPSERT_PROFILE,
  makeMentor,
  profileInput,
  requestMentorship,
} from './support/mentoring.js';
import { waitFor } from './support/notifications.js';

let t: TestApp;
beforeAll(async () => {
  t = await TestApp.start();
});
afterAll(() => t.close());

let n = 0;
const uniqueTag = (p: string) => `${p}-${Date.now().toString(36)}${(n++).toString(36)}`.slice(0, 25);
const fieldOf = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.field;

/** `count` accepted answers by `mentor` on fresh questions tagged `tag`. */
async function acceptedAnswers(mentor: TestUser, tag: string, count: number) {
  const asker = await t.createUser();
  for (let i = 0; i < count; i++) {
    const q = await ask(t, asker, { tags: [tag] });
    const a = await answer(t, mentor, q.id);
    const res = await t.gql(ACCEPT, { id: a.id }, { token: asker.token });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
  }
}

describe('mentor profiles', () => {
  it('creates a profile and makes a member a MENTOR; canonical certifications, new expertise tags', async () => {
    const member = await t.createUser('MEMBER');
    const tag = uniqueTag('new');
    const res = await t.gql(
      UPSERT_PROFILE,
      { input: profileInput({ certifications: ['pmp', 'Scrum at Scale'], expertise: [` ${tag.toUpperCase()} `] }) },
      { token: member.token },
    );
    expect(res.errors).toBeUndefined();
    const p = res.data!.upsertMentorProfile;
    expect(p).toMatchObject({
      certifications: ['PMP', 'Scrum at Scale'],
      expertise: [{ name: tag }],
      acceptingRequests: true,
      maxOpenRequests: 5,
      verified: false,
    });
    expect(p.user.role).toBe('MENTOR');
    const me = await t.gql(`{ me { role mentorProfile { headline } } }`, {}, { token: member.token });
    expect(me.data!.me).toEqual({ role: 'MENTOR', mentorProfile: { headline: profileInput().headline } });
  });

  it('keeps a moderator a moderator, and keeps omitted fields on update', async () => {
    const moderator = await t.createUser('MODERATOR');
    await makeMentor(t, moderator, { maxOpenRequests: 3, links: ['https://example.com/a'] });
    const res = await t.gql(
      UPSERT_PROFILE,
      { input: { headline: 'Updated headline for my profile', yearsExperience: 13, expertise: ['pmo'] } },
      { token: moderator.token },
    );
    expect(res.data!.upsertMentorProfile).toMatchObject({
      maxOpenRequests: 3,
      links: ['https://example.com/a'],
      yearsExperience: 13,
      user: { role: 'MODERATOR' },
    });
  });

  it.each([
    ['headline', { headline: 'short' }],
    ['bio', { bio: 'x'.repeat(5001) }],
    ['yearsExperience', { yearsExperience: 61 }],
    ['expertise', { expertise: [] }],
    ['expertise', { expertise: Array.from({ length: 11 }, (_, i) => `tag-${i}`) }],
    ['expertise', { expertise: ['Not A Tag!'] }],
    ['links', { links: ['http://example.com'] }],
    ['links', { links: ['javascript:alert(1)'] }],
    ['links', { links: Array.from({ length: 6 }, (_, i) => `https://example.com/${i}`) }],
    ['maxOpenRequests', { maxOpenRequests: 0 }],
    ['maxOpenRequests', { maxOpenRequests: 21 }],
    ['certifications', { certifications: ['x'] }],
  ])('refuses a bad %s with BAD_USER_INPUT naming the field', async (field, overrides) => {
    const member = await t.createUser();
    const res = await t.gql(UPSERT_PROFILE, { input: profileInput(overrides) }, { token: member.token });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldOf(res)).toBe(field);
  });

  it('refuses guests', async () => {
    const res = await t.gql(UPSERT_PROFILE, { input: profileInput() });
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
  });

  it('lets moderators verify a profile; members cannot; unknown handles are NOT_FOUND', async () => {
    const mentor = await t.createUser();
    await makeMentor(t, mentor);
    const VERIFY = `mutation V($input: VerifyMentorProfileInput!) { verifyMentorProfile(input: $input) { verified verifiedAt user { handle } } }`;
    const member = await t.createUser();
    expect(codeOf(await t.gql(VERIFY, { input: { handle: mentor.user.handle } }, { token: member.token }))).toBe(
      'FORBIDDEN',
    );
    const moderator = await t.createUser('MODERATOR');
    const ok = await t.gql(VERIFY, { input: { handle: mentor.user.handle } }, { token: moderator.token });
    expect(ok.data!.verifyMentorProfile).toMatchObject({ verified: true, user: { handle: mentor.user.handle } });
    const missing = await t.gql(VERIFY, { input: { handle: 'nobody-here' } }, { token: moderator.token });
    expect(codeOf(missing)).toBe('NOT_FOUND');
    expect(fieldOf(missing)).toBe('handle');
    const off = await t.gql(
      VERIFY,
      { input: { handle: mentor.user.handle, verified: false } },
      { token: moderator.token },
    );
    expect(off.data!.verifyMentorProfile.verified).toBe(false);
    const log = await t.dataSource.query(
      `SELECT action::text FROM moderation_log WHERE actor_id = $1 AND target_id = $2 ORDER BY created_at, id`,
      [moderator.user.id, mentor.user.id],
    );
    expect(log.map((l: { action: string }) => l.action)).toEqual(['VERIFY_MENTOR', 'UNVERIFY_MENTOR']);
  });
});

describe('mentor directory', () => {
  const MENTORS = `query M($first: Int, $after: String, $expertise: String, $industry: String, $certification: String, $acceptingRequests: Boolean, $search: String) {
    mentors(first: $first, after: $after, expertise: $expertise, industry: $industry, certification: $certification, acceptingRequests: $acceptingRequests, search: $search) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { user { handle } acceptedAnswerCount acceptingRequests stats { acceptedByTag { tag count } } } } } }`;
  let tag: string;
  let industry: string;
  let strong: TestUser;
  let weak: TestUser;
  let closed: TestUser;
  const handles = (res: any) => res.data.mentors.edges.map((e: any) => e.node.user.handle);

  beforeAll(async () => {
    tag = uniqueTag('dir');
    industry = `Industry ${tag}`;
    [strong, weak, closed] = await Promise.all([t.createUser(), t.createUser(), t.createUser()]);
    await makeMentor(t, weak, {
      expertise: [tag],
      industries: [industry],
      certifications: ['PRINCE2 Practitioner'],
      bio: 'I coach agile transformations.',
    });
    await makeMentor(t, strong, {
      expertise: [tag, 'pmo'],
      industries: [industry],
      certifications: ['PMP'],
      bio: 'Portfolio governance specialist.',
    });
    await makeMentor(t, closed, { expertise: [tag], industries: ['Elsewhere'], acceptingRequests: false });
    await acceptedAnswers(strong, tag, 2);
    await acceptedAnswers(weak, 'other-tag', 3);
  });

  it('filters by expertise and orders by relevance (accepted answers in that tag)', async () => {
    const res = await t.gql(MENTORS, { expertise: tag });
    expect(res.errors).toBeUndefined();
    expect(res.data!.mentors.totalCount).toBe(3);
    expect(handles(res)[0]).toBe(strong.user.handle);
    expect(res.data!.mentors.edges[0].node.stats.acceptedByTag).toEqual([{ tag, count: 2 }]);
  });

  it('filters by industry, certification, accepting requests and search', async () => {
    expect(handles(await t.gql(MENTORS, { expertise: tag, industry })).sort()).toEqual(
      [strong.user.handle, weak.user.handle].sort(),
    );
    expect(handles(await t.gql(MENTORS, { expertise: tag, certification: 'prince2 practitioner' }))).toEqual([]);
    expect(handles(await t.gql(MENTORS, { expertise: tag, certification: 'PRINCE2 Practitioner' }))).toEqual([
      weak.user.handle,
    ]);
    expect(handles(await t.gql(MENTORS, { expertise: tag, acceptingRequests: false }))).toEqual([closed.user.handle]);
    expect(handles(await t.gql(MENTORS, { expertise: tag, search: 'governance' }))).toEqual([strong.user.handle]);
  });

  it('pages with keyset cursors', async () => {
    const first = await t.gql(MENTORS, { expertise: tag, first: 2 });
    expect(first.data!.mentors.pageInfo.hasNextPage).toBe(true);
    const second = await t.gql(MENTORS, { expertise: tag, first: 2, after: first.data!.mentors.pageInfo.endCursor });
    expect(second.data!.mentors.pageInfo.hasNextPage).toBe(false);
    expect([...handles(first), ...handles(second)].sort()).toEqual(
      [strong.user.handle, weak.user.handle, closed.user.handle].sort(),
    );
    const bad = await t.gql(MENTORS, { after: first.data!.mentors.pageInfo.endCursor });
    expect(fieldOf(bad)).toBe('after');
  });

  it('unfiltered, orders by accepted answers', async () => {
    const res = await t.gql(MENTORS, { first: 50 });
    const counts = res.data!.mentors.edges.map((e: any) => e.node.acceptedAnswerCount);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
  });
});

describe('mentor matching', () => {
  const SUGGEST = `query Q($id: ID!) { question(id: $id) { suggestedMentors(first: 5) { user { handle } }
    mentorSuggestions(first: 5) { score reason mentor { user { handle } } } } }`;
  let tagA: string;
  let tagB: string;
  let asker: TestUser;
  let best: TestUser;
  let mid: TestUser;
  let full: TestUser;
  let unrelated: TestUser;
  let questionId: string;

  beforeAll(async () => {
    tagA = uniqueTag('ma');
    tagB = uniqueTag('mb');
    [asker, best, mid, full, unrelated] = await Promise.all(Array.from({ length: 5 }, () => t.createUser()));
    await makeMentor(t, asker, { expertise: [tagA, tagB] });
    await makeMentor(t, best, { expertise: [tagA, tagB] });
    await makeMentor(t, mid, { expertise: [tagA] });
    await makeMentor(t, full, { expertise: [tagA, tagB], maxOpenRequests: 1 });
    await makeMentor(t, unrelated, { expertise: [uniqueTag('mz')] });
    await acceptedAnswers(best, tagA, 2);
    await acceptedAnswers(full, tagA, 5);
    const mentee = await t.createUser();
    expect((await requestMentorship(t, mentee, full.user.handle)).errors).toBeUndefined();
    questionId = (await ask(t, asker, { tags: [tagA, tagB] })).id;
  });

  it('ranks the best-matching mentor first, a full mentor last, never the asker', async () => {
    const res = await t.gql(SUGGEST, { id: questionId });
    expect(res.errors).toBeUndefined();
    const order = res.data!.question.suggestedMentors.map((m: any) => m.user.handle);
    expect(order).toEqual([best.user.handle, mid.user.handle, full.user.handle]);
    expect(order).not.toContain(asker.user.handle);
    expect(order).not.toContain(unrelated.user.handle);
    const suggestions = res.data!.question.mentorSuggestions;
    expect(suggestions.map((s: any) => s.mentor.user.handle)).toEqual(order);
    expect(suggestions[0].reason).toBe(`2 accepted answers in #${tagA}`);
    expect(suggestions[1].reason).toBe(`Expertise in #${tagA}`);
    expect(suggestions[2].reason).toBe(`5 accepted answers in #${tagA} (fully booked)`);
    expect(suggestions[0].score).toBeGreaterThan(suggestions[1].score);
  });

  it('lists matched open questions for the signed-in mentor, with the reason', async () => {
    const MATCHED = `{ matchedQuestions(first: 50) { totalCount edges { reason sharedTags node { id title } } } }`;
    const res = await t.gql(MATCHED, {}, { token: mid.token });
    expect(res.errors).toBeUndefined();
    const edge = res.data!.matchedQuestions.edges.find((e: any) => e.node.id === questionId);
    expect(edge).toMatchObject({ sharedTags: [tagA], reason: `Matches your expertise: #${tagA}` });
    const own = await t.gql(MATCHED, {}, { token: asker.token });
    expect(own.data!.matchedQuestions.edges.map((e: any) => e.node.id)).not.toContain(questionId);
    const nobody = await t.gql(MATCHED, {}, { token: (await t.createUser()).token });
    expect(nobody.data!.matchedQuestions).toEqual({ totalCount: 0, edges: [] });
  });
});

describe('mentorship requests', () => {
  const LIST = `query($first: Int, $side: MentorshipSide) { mentorshipRequests(first: $first, side: $side) { totalCount edges { node { id status mentee { handle } mentor { handle } } } } }`;

  it('refuses yourself, unknown mentors, mentors not accepting, short messages', async () => {
    const mentor = await t.createUser();
    await makeMentor(t, mentor);
    const self = await requestMentorship(t, mentor, mentor.user.handle);
    expect([codeOf(self), fieldOf(self)]).toEqual(['BAD_USER_INPUT', 'mentorHandle']);
    const member = await t.createUser();
    expect(codeOf(await requestMentorship(t, member, 'no-such-mentor'))).toBe('NOT_FOUND');
    expect(codeOf(await requestMentorship(t, member, (await t.createUser()).user.handle))).toBe('NOT_FOUND');
    const short = await requestMentorship(t, member, mentor.user.handle, { message: 'Help?' });
    expect([codeOf(short), fieldOf(short)]).toEqual(['BAD_USER_INPUT', 'message']);
    const closed = await t.createUser();
    await makeMentor(t, closed, { acceptingRequests: false });
    expect(codeOf(await requestMentorship(t, member, closed.user.handle))).toBe('CONFLICT');
  });

  it('allows one open request per member–mentor pair, also when sent in parallel', async () => {
    const mentor = await t.createUser();
    await makeMentor(t, mentor, { maxOpenRequests: 20 });
    const mentee = await t.createUser();
    const results = await Promise.all(
      Array.from({ length: 6 }, () => requestMentorship(t, mentee, mentor.user.handle)),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(5);
  });

  it("never exceeds a mentor's limit of open requests, also under concurrency", async () => {
    const mentor = await t.createUser();
    await makeMentor(t, mentor, { maxOpenRequests: 2 });
    const mentees = await Promise.all(Array.from({ length: 6 }, () => t.createUser()));
    const results = await Promise.all(mentees.map((m) => requestMentorship(t, m, mentor.user.handle)));
    expect(results.filter((r) => !r.errors)).toHaveLength(2);
    expect(results.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(4);
    const [{ open }] = await t.dataSource.query(
      `SELECT count(*)::int AS open FROM mentorship_requests WHERE mentor_id = $1 AND status IN ('PENDING', 'ACCEPTED')`,
      [mentor.user.id],
    );
    expect(open).toBe(2);
  });

  it('lets the mentor accept or decline once; others cannot', async () => {
    const mentor = await t.createUser();
    await makeMentor(t, mentor);
    const mentee = await t.createUser();
    const q = await ask(t, mentee);
    const req = await requestMentorship(t, mentee, mentor.user.handle, { questionId: q.id });
    expect(req.data!.requestMentorship).toMatchObject({
      status: 'PENDING',
      question: { id: q.id },
      mentor: { handle: mentor.user.handle },
    });
    const id = req.data!.requestMentorship.id;
    expect(codeOf(await t.gql(RESPOND, { input: { requestId: id, accept: true } }, { token: mentee.token }))).toBe(
      'FORBIDDEN',
    );
    expect(
      codeOf(await t.gql(RESPOND, { input: { requestId: id, accept: true } }, { token: (await t.createUser()).token })),
    ).toBe('NOT_FOUND');
    const ok = await t.gql(
      RESPOND,
      { input: { requestId: id, accept: true, message: 'Happy to help!' } },
      { token: mentor.token },
    );
    expect(ok.data!.respondToMentorship).toMatchObject({ status: 'ACCEPTED', responseMessage: 'Happy to help!' });
    expect(codeOf(await t.gql(RESPOND, { input: { requestId: id, accept: false } }, { token: mentor.token }))).toBe(
      'CONFLICT',
    );
    const mine = await t.gql(LIST, { side: 'MENTEE' }, { token: mentee.token });
    expect(mine.data!.mentorshipRequests.edges.map((e: any) => e.node.id)).toEqual([id]);
    const theirs = await t.gql(LIST, {}, { token: mentor.token });
    expect(theirs.data!.mentorshipRequests.edges[0].node).toMatchObject({
      id,
      status: 'ACCEPTED',
      mentee: { handle: mentee.user.handle },
    });
    expect(codeOf(await t.gql(LIST, {}))).toBe('UNAUTHENTICATED');
  });

  it('expires requests not answered in 7 days: on read, on write, and by the scheduled job', async () => {
    const mentor = await t.createUser();
    await makeMentor(t, mentor, { maxOpenRequests: 1 });
    const mentee = await t.createUser();
    const id = (await requestMentorship(t, mentee, mentor.user.handle)).data!.requestMentorship.id;
    await t.dataSource.query(`UPDATE mentorship_requests SET created_at = now() - interval '8 days' WHERE id = $1`, [
      id,
    ]);
    const list = await t.gql(LIST, {}, { token: mentee.token });
    expect(list.data!.mentorshipRequests.edges[0].node).toMatchObject({ id, status: 'EXPIRED' });
    expect(codeOf(await t.gql(RESPOND, { input: { requestId: id, accept: true } }, { token: mentor.token }))).toBe(
      'CONFLICT',
    );
    // The expired request frees both the pair and the mentor's only place.
    const again = await requestMentorship(t, mentee, mentor.user.handle);
    expect(again.errors).toBeUndefined();
    const [stored] = await t.dataSource.query(`SELECT status FROM mentorship_requests WHERE id = $1`, [id]);
    expect(stored.status).toBe('EXPIRED');

    const other = await t.createUser();
    const otherMentor = await t.createUser();
    await makeMentor(t, otherMentor);
    const stale = (await requestMentorship(t, other, otherMentor.user.handle)).data!.requestMentorship.id;
    await t.dataSource.query(`UPDATE mentorship_requests SET created_at = now() - interval '8 days' WHERE id = $1`, [
      stale,
    ]);
    expect(await t.app.get(MentorshipExpiryJob).sweep()).toBeGreaterThanOrEqual(1);
    const [swept] = await t.dataSource.query(`SELECT status FROM mentorship_requests WHERE id = $1`, [stale]);
    expect(swept.status).toBe('EXPIRED');
  });

  it('lets the mentee cancel, either side complete an accepted mentorship', async () => {
    const mentor = await t.createUser();
    await makeMentor(t, mentor);
    const mentee = await t.createUser();
    const first = (await requestMentorship(t, mentee, mentor.user.handle)).data!.requestMentorship.id;
    expect(codeOf(await t.gql(CANCEL, { id: first }, { token: mentor.token }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(COMPLETE, { id: first }, { token: mentee.token }))).toBe('CONFLICT');
    expect((await t.gql(CANCEL, { id: first }, { token: mentee.token })).data!.cancelMentorship.status).toBe(
      'CANCELLED',
    );
    expect(codeOf(await t.gql(CANCEL, { id: first }, { token: mentee.token }))).toBe('CONFLICT');
    const second = (await requestMentorship(t, mentee, mentor.user.handle)).data!.requestMentorship.id;
    await t.gql(RESPOND, { input: { requestId: second, accept: true } }, { token: mentor.token });
    expect((await t.gql(COMPLETE, { id: second }, { token: mentor.token })).data!.completeMentorship.status).toBe(
      'COMPLETED',
    );
  });
});

describe('mentorship reviews', () => {
  const REVIEW = `mutation R($input: ReviewMentorshipInput!) { reviewMentorship(input: $input) { rating review reply mentee { handle } } }`;
  const REPLY = `mutation R($input: ReplyToReviewInput!) { replyToMentorshipReview(input: $input) { rating reply repliedAt } }`;

  it('the mentee rates a completed mentorship once, the mentor replies once; shown on the profile', async () => {
    const mentor = await t.createUser();
    await makeMentor(t, mentor);
    const mentee = await t.createUser();
    const id = (await requestMentorship(t, mentee, mentor.user.handle)).data!.requestMentorship.id;
    expect(codeOf(await t.gql(REVIEW, { input: { requestId: id, rating: 5 } }, { token: mentee.token }))).toBe(
      'CONFLICT',
    );
    await t.gql(RESPOND, { input: { requestId: id, accept: true } }, { token: mentor.token });
    await t.gql(COMPLETE, { id }, { token: mentee.token });
    const bad = await t.gql(REVIEW, { input: { requestId: id, rating: 6 } }, { token: mentee.token });
    expect([codeOf(bad), fieldOf(bad)]).toEqual(['BAD_USER_INPUT', 'rating']);
    const long = await t.gql(
      REVIEW,
      { input: { requestId: id, rating: 4, review: 'x'.repeat(1001) } },
      { token: mentee.token },
    );
    expect(fieldOf(long)).toBe('review');
    expect(codeOf(await t.gql(REVIEW, { input: { requestId: id, rating: 4 } }, { token: mentor.token }))).toBe(
      'FORBIDDEN',
    );
    const ok = await t.gql(
      REVIEW,
      { input: { requestId: id, rating: 4, review: 'Clear, practical advice.' } },
      { token: mentee.token },
    );
    expect(ok.data!.reviewMentorship).toMatchObject({
      rating: 4,
      review: 'Clear, practical advice.',
      reply: null,
      mentee: { handle: mentee.user.handle },
    });
    expect(codeOf(await t.gql(REVIEW, { input: { requestId: id, rating: 1 } }, { token: mentee.token }))).toBe(
      'CONFLICT',
    );
    expect(codeOf(await t.gql(REPLY, { input: { requestId: id, reply: 'Thanks!' } }, { token: mentee.token }))).toBe(
      'FORBIDDEN',
    );
    expect(
      (await t.gql(REPLY, { input: { requestId: id, reply: 'Thanks!' } }, { token: mentor.token })).data!
        .replyToMentorshipReview.reply,
    ).toBe('Thanks!');
    expect(codeOf(await t.gql(REPLY, { input: { requestId: id, reply: 'Again' } }, { token: mentor.token }))).toBe(
      'CONFLICT',
    );

    const profile = await t.gql(
      `query($h: String!) { user(handle: $h) { mentorProfile { averageRating stats { completedMentorships reviewCount averageRating }
      reviews { rating review reply } } } }`,
      { h: mentor.user.handle },
    );
    expect(profile.data!.user.mentorProfile).toEqual({
      averageRating: 4,
      stats: { completedMentorships: 1, reviewCount: 1, averageRating: 4 },
      reviews: [{ rating: 4, review: 'Clear, practical advice.', reply: 'Thanks!' }],
    });
  });
});

describe('an erased account', () => {
  it('leaves mentoring: its open requests on either side are cancelled and its mentor profile is gone', async () => {
    const mentor = await t.createUser();
    const otherMentor = await t.createUser();
    const mentee = await t.createUser();
    await makeMentor(t, mentor);
    await makeMentor(t, otherMentor);
    const asMentor = (await requestMentorship(t, mentee, mentor.user.handle)).data!.requestMentorship.id as string;
    const asMentee = (await requestMentorship(t, mentor, otherMentor.user.handle)).data!.requestMentorship.id as string;
    await t.gql(
      `mutation($input: DeleteAccountInput!) { deleteAccount(input: $input) }`,
      { input: { password: TEST_PASSWORD } },
      { token: mentor.token },
    );
    await t.dataSource.query(`UPDATE users SET deletion_requested_at = now() - interval '8 days' WHERE id = $1`, [
      mentor.user.id,
    ]);
    // Another suite's instance may erase this due account first (same database): check the outcome, not the count.
    await t.app.get(AccountDeletionService).eraseDue();
    expect(
      (
        (await t.dataSource.query(`SELECT erased_at FROM users WHERE id = $1`, [mentor.user.id])) as {
          erased_at: Date | null;
        }[]
      )[0].erased_at,
    ).not.toBeNull();

    // The accounts.account-erased event reaches mentoring's handler through the job queue.
    const statusOf = async (id: string) =>
      (
        (await t.dataSource.query(`SELECT status FROM mentorship_requests WHERE id = $1`, [id])) as { status: string }[]
      )[0].status;
    await waitFor(
      () => Promise.all([statusOf(asMentor), statusOf(asMentee)]),
      (s) => s.every((x) => x === 'CANCELLED'),
    );
    const profiles = (await t.dataSource.query(`SELECT count(*)::int AS n FROM mentor_profiles WHERE user_id = $1`, [
      mentor.user.id,
    ])) as { n: number }[];
    expect(profiles[0].n).toBe(0);
    const other = (await t.dataSource.query(`SELECT count(*)::int AS n FROM mentor_profiles WHERE user_id = $1`, [
      otherMentor.user.id,
    ])) as { n: number }[];
    expect(other[0].n).toBe(1);
  });
});
