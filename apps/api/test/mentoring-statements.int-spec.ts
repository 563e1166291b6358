import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { VIEW_FLUSH_TAG } from '@crossroads/api-qa';
import { SqlCounter, pageStatementCount } from './support/sql-counter.js';
import { TestApp, type TestUser } from './support/test-app.js';
import { COMMENT, answer, ask, vote } from './support/qa.js';
import { RESPOND, makeMentor, requestMentorship } from './support/mentoring.js';

let t: TestApp;
let viewer: TestUser;
beforeAll(async () => {
  SqlCounter.install();
  // No job workers here: the counter sees every statement of the process, and background jobs
  // (notifications made from this suite's events) are not part of the requests measured.
  t = await TestApp.start({ jobWorkers: false });
  viewer = await t.createUser();
});
afterAll(() => t.close());

const FEED = `query($first: Int, $tag: String) { questions(first: $first, tag: $tag) { edges { node {
  id title author { handle } tags { name }
  suggestedMentors { headline verified acceptedAnswerCount averageRating user { handle mentorProfile { headline } } expertise { name } }
  mentorSuggestions { score reason } } } } }`;

describe('SQL statements with mentor suggestions (no N+1)', () => {
  it('a feed page with suggestedMentors costs the same for 5 and 50 questions', async () => {
    const tag = `msc-${Date.now().toString(36)}`;
    const mentors = await Promise.all(Array.from({ length: 6 }, () => t.createUser()));
    for (const [i, m] of mentors.entries()) await makeMentor(t, m, { expertise: [tag, `msx-${i % 3}`] });
    const authors = await Promise.all(Array.from({ length: 10 }, () => t.createUser()));
    for (let i = 0; i < 50; i++) await ask(t, authors[i % 10], { tags: [tag, `msx-${i % 3}`] });
    const counts: number[] = [];
    for (const first of [5, 50]) {
      let result: any;
      const statements = await SqlCounter.during(
        async () => {
          result = await t.gql(FEED, { first, tag }, { token: viewer.token });
        },
        (sql) => sql.includes(VIEW_FLUSH_TAG),
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.questions.edges).toHaveLength(first);
      expect(result.data.questions.edges.every((e: any) => e.node.suggestedMentors.length === 3)).toBe(true);
      counts.push(pageStatementCount(statements));
    }
    process.stdout.write(`feed + suggestedMentors statements: N=5 → ${counts[0]}, N=50 → ${counts[1]}\n`);
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(6);
  });

  // The feed page of the benchmark (apps/bench/src/queries.ts FEED), with the authors' mentor badges.
  const FEED_WITH_BADGES = `query Feed($first: Int, $tag: String) { questions(first: $first, tag: $tag) { totalCount edges { node {
  id title createdAt score answerCount viewCount status viewerVote author { handle reputation mentorProfile { verified } } tags { name } acceptedAnswer { id } } }
  pageInfo { hasNextPage endCursor } } }`;

  it("a feed page with the authors' mentor badges costs the same for 5 and 50 questions (≤ 4)", async () => {
    const tag = `mfb-${Date.now().toString(36)}`;
    const authors = await Promise.all(Array.from({ length: 10 }, () => t.createUser()));
    for (const a of authors.slice(6)) await makeMentor(t, a, { expertise: [`mfx-${tag}`] }); // among the newest five authors
    for (let i = 0; i < 50; i++) await ask(t, authors[i % 10], { tags: [tag] });
    const counts: number[] = [];
    for (const first of [5, 50]) {
      let result: any;
      const statements = await SqlCounter.during(
        async () => {
          result = await t.gql(FEED_WITH_BADGES, { first, tag }, { token: viewer.token });
        },
        (sql) => sql.includes(VIEW_FLUSH_TAG),
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.questions.edges).toHaveLength(first);
      expect(result.data.questions.edges.some((e: any) => e.node.author.mentorProfile)).toBe(true);
      expect(result.data.questions.edges.some((e: any) => e.node.author.mentorProfile === null)).toBe(true);
      counts.push(pageStatementCount(statements));
    }
    process.stdout.write(`feed + mentor badges statements: N=5 → ${counts[0]}, N=50 → ${counts[1]}\n`);
    expect(counts[0]).toBeLessThanOrEqual(4);
    expect(counts[1]).toBe(counts[0]);
  });

  // Exactly the question page of the benchmark (apps/bench/src/queries.ts QUESTION_WITH_MENTORS): the
  // question, 30 answers, the comments of both, every author with their mentor badge, suggested mentors.
  const QUESTION_PAGE = `query Question($id: ID!) { question(id: $id) {
  id title body createdAt score viewerVote status author { handle reputation mentorProfile { verified } } tags { name }
  comments { totalCount edges { node { body author { handle } } } }
  answers(first: 30) { totalCount edges { node { id body score viewerVote isAccepted author { handle reputation mentorProfile { verified } }
    comments { totalCount edges { node { body author { handle } } } } } } } suggestedMentors { headline verified user { handle } } } }`;

  it('the question page (30 answers, comments, authors with mentor badges, suggested mentors) costs the same for 1 and 30 answers (≤ 6)', async () => {
    const tag = `mqp-${Date.now().toString(36)}`;
    const mentors = await Promise.all(Array.from({ length: 4 }, () => t.createUser()));
    for (const m of mentors) await makeMentor(t, m, { expertise: [tag] });
    const asker = await t.createUser();
    await makeMentor(t, asker, { expertise: [`${tag}-other`] });
    const measure = async (answers: number) => {
      const q = await ask(t, asker, { tags: [tag] });
      const commenters = await Promise.all(Array.from({ length: 3 }, () => t.createUser()));
      // An approved first comment each (a first comment is held), so their answer comments publish.
      for (const c of commenters) {
        await t.dataSource.query(
          `INSERT INTO comments (post_type, post_id, question_id, author_id, body, status) VALUES ('QUESTION', $1, $1, $2, 'An approved earlier comment.', 'PUBLISHED')`,
          [q.id, c.user.id],
        );
      }
      for (let i = 0; i < answers; i++) {
        // The first answer is a mentor's (a badge at the answer level), the others members'.
        const answerer = i === 0 ? mentors[0] : await t.createUser();
        const a = await answer(t, answerer, q.id);
        await vote(t, viewer, a.id, 'ANSWER', i % 2 ? 1 : -1);
        for (const c of commenters.slice(0, 2))
          await t.gql(
            COMMENT,
            { input: { targetId: a.id, targetType: 'ANSWER', body: 'A useful comment on this answer.' } },
            { token: c.token },
          );
      }
      let result: any;
      const statements = await SqlCounter.during(
        async () => {
          result = await t.gql(QUESTION_PAGE, { id: q.id }, { token: viewer.token });
        },
        (sql) => sql.includes(VIEW_FLUSH_TAG),
      );
      expect(result.errors).toBeUndefined();
      const page = result.data.question;
      expect(page.author.mentorProfile).toEqual({ verified: false });
      expect(page.comments.edges).toHaveLength(3);
      expect(page.comments.edges.every((e: any) => e.node.author.handle)).toBe(true);
      expect(page.answers.edges).toHaveLength(answers);
      expect(page.answers.edges.some((e: any) => e.node.author.mentorProfile)).toBe(true);
      expect(
        page.answers.edges.every(
          (e: any) =>
            e.node.comments.edges.length === 2 && e.node.comments.edges.every((c: any) => c.node.author.handle),
        ),
      ).toBe(true);
      expect(page.answers.edges.every((e: any) => e.node.viewerVote !== 0)).toBe(true);
      expect(page.suggestedMentors.length).toBeGreaterThan(0);
      expect(page.suggestedMentors.every((m: any) => m.user.handle)).toBe(true);
      if (answers > 1) expect(page.answers.edges.some((e: any) => e.node.author.mentorProfile === null)).toBe(true);
      return { count: pageStatementCount(statements), statements };
    };
    const one = await measure(1);
    const thirty = await measure(30);
    process.stdout.write(
      `question page (bench document) statements: 1 answer → ${one.count}, 30 answers → ${thirty.count}\n${thirty.statements.map((s) => `  ${s.slice(0, 90)}`).join('\n')}\n`,
    );
    expect(one.count).toBeLessThanOrEqual(6);
    expect(thirty.count).toBe(one.count);
  });

  // Issue 19 B: the care fields on the directory and on the requests list are batched.
  const DIRECTORY = `query($first: Int, $tag: String) { mentors(first: $first, expertise: $tag) { edges { node {
    headline medianResponseHours requestsPausedUntil outcomes { answerCount madeMoveCount } reviews { rating metExpectations } } } } }`;

  it('the mentor directory with reply times, outcomes and pauses costs the same for 2 and 12 mentors', async () => {
    const tag = `mcd-${Date.now().toString(36)}`;
    const mentors = await Promise.all(Array.from({ length: 12 }, () => t.createUser()));
    for (const m of mentors) {
      await makeMentor(t, m, { expertise: [tag] });
      const id = (await requestMentorship(t, await t.createUser(), m.user.handle)).data!.requestMentorship.id;
      await t.gql(RESPOND, { input: { requestId: id, accept: true } }, { token: m.token });
    }
    const counts: number[] = [];
    for (const first of [2, 12]) {
      let result: any;
      const statements = await SqlCounter.during(
        async () => {
          result = await t.gql(DIRECTORY, { first, tag }, { token: viewer.token });
        },
        (sql) => sql.includes(VIEW_FLUSH_TAG),
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.mentors.edges).toHaveLength(first);
      expect(result.data.mentors.edges.every((e: any) => e.node.medianResponseHours !== null)).toBe(true);
      counts.push(pageStatementCount(statements));
    }
    process.stdout.write(`directory + care fields statements: N=2 → ${counts[0]}, N=12 → ${counts[1]}\n`);
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(4);
  });

  const MY_REQUESTS = `query($first: Int) { mentorshipRequests(first: $first) { edges { node { id status endReason
    nextMentor { headline medianResponseHours } checkIns { kind answeredAt } } } } }`;

  it("a mentee's requests with next mentors and check-ins cost the same for 2 and 10 requests", async () => {
    const tag = `mcr-${Date.now().toString(36)}`;
    const mentee = await t.createUser();
    const mentors = await Promise.all(Array.from({ length: 12 }, () => t.createUser()));
    for (const m of mentors) await makeMentor(t, m, { expertise: [tag] });
    for (const m of mentors.slice(0, 10)) await requestMentorship(t, mentee, m.user.handle);
    // All expired: each offers a next mentor (the two never asked).
    await t.dataSource.query(
      `UPDATE mentorship_requests SET created_at = now() - interval '8 days' WHERE mentee_id = $1`,
      [mentee.user.id],
    );
    const counts: number[] = [];
    for (const first of [2, 10]) {
      let result: any;
      const statements = await SqlCounter.during(
        async () => {
          result = await t.gql(MY_REQUESTS, { first }, { token: mentee.token });
        },
        (sql) => sql.includes(VIEW_FLUSH_TAG),
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.mentorshipRequests.edges).toHaveLength(first);
      expect(result.data.mentorshipRequests.edges.every((e: any) => e.node.nextMentor !== null)).toBe(true);
      counts.push(pageStatementCount(statements));
    }
    process.stdout.write(
      `mentorship requests + next mentor + check-ins statements: N=2 → ${counts[0]}, N=10 → ${counts[1]}\n`,
    );
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(4);
  });
});

describe('SQL statements of the mentorship workspace (no N+1)', () => {
  const WORKSPACE = `query($id: ID!, $first: Int) { mentorship(id: $id) { id status goal plan planRevisions { revision }
    mentee { handle } mentor { handle mentorProfile { headline availability { weekday start end timeZone } } }
    messages(first: $first) { totalCount unreadCount edges { cursor node { id body createdAt author { handle displayName } } } pageInfo { hasNextPage } }
    sessions { id startsAt endsAt status icsUrl } } }`;

  it('the workspace page costs the same for 5 and 40 messages (≤ 9)', async () => {
    const mentor = await t.createUser('MENTOR');
    await makeMentor(t, mentor);
    await t.gql(
      `mutation($i: [AvailabilityWindowInput!]!) { setAvailability(input: $i) { headline } }`,
      { i: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '20:00', timeZone: 'UTC' })) },
      { token: mentor.token },
    );
    const mentee = await t.createUser();
    const id = (await requestMentorship(t, mentee, mentor.user.handle)).data!.requestMentorship.id as string;
    await t.gql(RESPOND, { input: { requestId: id, accept: true } }, { token: mentor.token });
    await t.gql(
      `mutation($i: MentorshipPlanInput!) { setMentorshipPlan(input: $i) { id } }`,
      { i: { mentorshipId: id, goal: 'A PMO role', plan: 'Step one' } },
      { token: mentee.token },
    );
    for (let i = 0; i < 40; i++) {
      const author = i % 2 ? mentor : mentee;
      await t.gql(
        `mutation($i: SendMentorshipMessageInput!) { sendMentorshipMessage(input: $i) { id } }`,
        { i: { mentorshipId: id, body: `Message ${i}` } },
        { token: author.token },
      );
    }
    const counts: number[] = [];
    for (const first of [5, 40]) {
      let result: any;
      const statements = await SqlCounter.during(async () => {
        result = await t.gql(WORKSPACE, { id, first }, { token: mentee.token });
      });
      expect(result.errors).toBeUndefined();
      expect(result.data.mentorship.messages.edges).toHaveLength(first);
      counts.push(pageStatementCount(statements));
    }
    process.stdout.write(`mentorship workspace statements: 5 messages → ${counts[0]}, 40 messages → ${counts[1]}\n`);
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(9);
  });
});

describe('SQL statements of reported mentorship messages (no N+1)', () => {
  const QUEUE = `query($first: Int) { mentorshipMessageReports(first: $first) { totalCount edges { node { id reason
    reporter { handle } context { id body isReported removed author { handle displayName } } } } } }`;

  it("moderators' queue of reported messages, with their context, costs the same for 2 and 10 reports", async () => {
    const mentor = await t.createUser('MENTOR');
    await makeMentor(t, mentor, { maxOpenRequests: 20 });
    const moderator = await t.createUser('MODERATOR');
    for (let n = 0; n < 10; n++) {
      const mentee = await t.createUser();
      const id = (await requestMentorship(t, mentee, mentor.user.handle)).data!.requestMentorship.id as string;
      await t.gql(RESPOND, { input: { requestId: id, accept: true } }, { token: mentor.token });
      let reported = '';
      for (let i = 0; i < 4; i++) {
        const sent = await t.gql(
          `mutation($i: SendMentorshipMessageInput!) { sendMentorshipMessage(input: $i) { id } }`,
          { i: { mentorshipId: id, body: `Message ${i}` } },
          { token: (i % 2 ? mentee : mentor).token },
        );
        if (i === 2) reported = sent.data!.sendMentorshipMessage.id;
      }
      const res = await t.gql(
        `mutation($i: ReportMentorshipMessageInput!) { reportMentorshipMessage(input: $i) }`,
        { i: { messageId: reported, reason: `Report ${n}` } },
        { token: mentee.token },
      );
      expect(res.errors).toBeUndefined();
    }
    // No job workers in this suite: queue the reports as moderation's handler of the event would.
    await t.dataSource.query(
      `INSERT INTO message_reports (id, message_id, mentorship_id, reporter_id, author_id, reason)
       SELECT mr.id, mr.message_id, mm.mentorship_id, mr.reporter_id, mm.author_id, mr.reason
       FROM mentorship_message_reports mr JOIN mentorship_messages mm ON mm.id = mr.message_id ON CONFLICT DO NOTHING`,
    );
    const counts: number[] = [];
    for (const first of [2, 10]) {
      let result: any;
      const statements = await SqlCounter.during(async () => {
        result = await t.gql(QUEUE, { first }, { token: moderator.token });
      });
      expect(result.errors).toBeUndefined();
      expect(result.data.mentorshipMessageReports.edges).toHaveLength(first);
      expect(result.data.mentorshipMessageReports.edges[0].node.context).toHaveLength(4);
      counts.push(pageStatementCount(statements));
    }
    process.stdout.write(`reported messages queue statements: 2 reports → ${counts[0]}, 10 reports → ${counts[1]}\n`);
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(6);
  });
});
