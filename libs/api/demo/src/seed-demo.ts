import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import argon2 from 'argon2';
import type { DataSource } from 'typeorm';
import type { Role } from '@crossroads/shared-domain';
import type { Principal } from '@crossroads/api-platform';
import { ARGON2_OPTIONS, accountCensus, bulkCreateAccounts } from '@crossroads/api-accounts';
import {
  AnswersService,
  CommentsService,
  QuestionsService,
  VotesService,
  backdateQaRows,
  countAllQuestions,
  type QaBackdate,
} from '@crossroads/api-qa';
import {
  MentorProfilesService,
  MentorshipRequestsService,
  MentorshipReviewsService,
  backdateMentoring,
  type MentoringBackdate,
} from '@crossroads/api-mentoring';
import { CommentModerationService, backdateModerationLog } from '@crossroads/api-moderation';
import { seedKnowledgeBase } from '@crossroads/api-knowledge-base';
import { DEMO_MENTORSHIPS } from './content/mentorships.js';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_SIGN_INS, demoEmail } from './content/people.js';
import { DEMO_QUESTIONS } from './content/questions.js';
import type { DemoComment } from './content/types.js';

export interface DemoSeedSummary {
  users: number;
  mentors: number;
  questions: number;
  answers: number;
  acceptedAnswers: number;
  comments: number;
  heldComments: number;
  votes: number;
  mentorships: number;
  knowledgeBaseArticles: number;
  seconds: number;
}

export interface DemoSeedOptions {
  /** From the app's config: demo content is never seeded in production. */
  isProduction?: boolean;
  /** Called after each step: `done` of `total`, with a short label. */
  onProgress?: (done: number, total: number, label: string) => void;
}

/** Thrown when seeding is refused (production, or a database with content); `message` says why. */
export class DemoSeedRefused extends Error {
  override readonly name = 'DemoSeedRefused';
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Why demo content must not be seeded here, or null when it may: never with NODE_ENV=production,
 * never on a database that already has questions or any user besides admins (the bootstrap admin).
 */
export async function demoSeedRefusal(dataSource: DataSource, isProduction: boolean): Promise<string | null> {
  if (isProduction) return 'NODE_ENV is production: demo content is never seeded in production.';
  const row = {
    questions: await countAllQuestions(dataSource.manager),
    users: (await accountCensus(dataSource.manager)).nonAdmins,
  };
  if (row.questions > 0 || row.users > 0) {
    return `the database already has content (${row.questions} question(s), ${row.users} user(s) besides admins): demo content is only seeded into an empty database.`;
  }
  return null;
}

/** The sign-ins to print after seeding: "label: email / password". */
export function demoSignInLines(): string[] {
  return DEMO_SIGN_INS.map((s) => `${s.label.padEnd(34)} ${demoEmail(s.handle)}`).concat(
    `(every demo account's password: ${DEMO_PASSWORD})`,
  );
}

/**
 * Seeds the demo community through the application's own services (so every rule, counter, trigger
 * and reputation event is exactly as in real use), then moves the timestamps the services stamped
 * with now() back over the last ~60 days. Refuses (DemoSeedRefused) unless demoSeedRefusal allows it.
 */
export async function seedDemo(app: INestApplicationContext, options: DemoSeedOptions = {}): Promise<DemoSeedSummary> {
  const started = Date.now();
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const refusal = await demoSeedRefusal(dataSource, options.isProduction ?? false);
  if (refusal) throw new DemoSeedRefused(`Not seeding demo content: ${refusal}`);

  const get = <T>(type: abstract new (...args: never[]) => T): T => app.get(type as never, { strict: false }) as T;
  const questionsService = get(QuestionsService);
  const answersService = get(AnswersService);
  const commentsService = get(CommentsService);
  const votesService = get(VotesService);
  const profiles = get(MentorProfilesService);
  const requests = get(MentorshipRequestsService);
  const reviews = get(MentorshipReviewsService);
  const moderation = get(CommentModerationService);

  const mentors = DEMO_PEOPLE.filter((p) => p.mentor);
  const total = 1 + mentors.length + DEMO_QUESTIONS.length + DEMO_MENTORSHIPS.length + 2;
  let done = 0;
  const step = (label: string) => options.onProgress?.(++done, total, label);
  const now = Date.now();
  const at = (ms: number) => new Date(Math.min(ms, now - 60_000));

  // 1. Accounts (accounts' bulk operation): the shared password is hashed once; aged accounts, past the new-account limits.
  const passwordHash = await argon2.hash(DEMO_PASSWORD, ARGON2_OPTIONS);
  const people = new Map<string, Principal>();
  const joined = new Map<string, Date>();
  const accounts = DEMO_PEOPLE.map((p) => ({
    id: randomUUID(),
    handle: p.handle,
    email: demoEmail(p.handle),
    displayName: p.displayName,
    passwordHash,
    role: p.role as Role,
    createdAt: at(now - p.joinedDaysAgo * DAY),
  }));
  await dataSource.transaction((m) => bulkCreateAccounts(m, accounts));
  for (const a of accounts) {
    people.set(a.handle, { id: a.id, handle: a.handle, role: a.role });
    joined.set(a.handle, a.createdAt);
  }
  step('accounts');
  const who = (handle: string): Principal => {
    const p = people.get(handle);
    if (!p) throw new Error(`Demo content names an unknown person: ${handle}`);
    return p;
  };
  const withRole = (role: Role) => who(DEMO_PEOPLE.find((p) => p.role === role)?.handle ?? `(no demo ${role})`);
  const moderator = withRole('MODERATOR');
  const admin = withRole('ADMIN');

  // 2. Mentor profiles (creating one makes the member a MENTOR); the moderator verifies some.
  for (const p of mentors) {
    if (!p.mentor) continue;
    const { verified, ...profile } = p.mentor;
    await profiles.upsert(who(p.handle), profile);
    people.set(p.handle, { ...who(p.handle), role: 'MENTOR' });
    if (verified) await profiles.verify(moderator, { handle: p.handle, verified: true });
    step(`mentor ${p.displayName}`);
  }

  // 3. Questions, answers, comments, acceptances and votes, oldest question first.
  const voters = DEMO_PEOPLE.map((p) => p.handle);
  const times: QaBackdate['posts'][number][] = [];
  const questionIds = new Map<string, string>();
  const views: { questionId: string; views: number }[] = [];
  let answers = 0;
  let accepted = 0;
  let comments = 0;
  let held = 0;
  let votes = 0;

  const addComment = async (c: DemoComment, targetType: 'QUESTION' | 'ANSWER', targetId: string, postAt: number) => {
    if (!c.by && !c.guest) throw new Error(`Demo comment without an author or a guest: "${c.body.slice(0, 40)}…"`);
    const input = c.by
      ? { targetType, targetId, body: c.body }
      : { targetType, targetId, body: c.body, guestName: c.guest?.name, guestEmail: c.guest?.email };
    const comment = await commentsService.add(c.by ? who(c.by) : null, input);
    const when = at(postAt + c.hoursLater * HOUR);
    times.push({ kind: 'COMMENT', id: comment.id, at: when });
    comments += 1;
    if (c.held) {
      if (comment.status !== 'PENDING')
        throw new Error(`Demo comment expected to be held was ${comment.status}: "${c.body.slice(0, 40)}…"`);
      held += 1;
    } else if (comment.status === 'PENDING') {
      // A member's first comment waits for approval (product rule 3): the moderator approves it, as in real use.
      const approver = comment.authorId === moderator.id ? admin : moderator;
      await moderation.decide(approver, {
        commentId: comment.id,
        decision: 'APPROVE',
        reason: 'First comment: on topic and constructive.',
      });
    }
  };
  const castVotes = async (
    targetType: 'QUESTION' | 'ANSWER',
    targetId: string,
    authorHandle: string,
    up: number,
    down: number,
    salt: number,
  ) => {
    const pool = voters.filter((h) => h !== authorHandle);
    if (up + down > pool.length) throw new Error(`Too many demo votes on one post (${up + down})`);
    for (let i = 0; i < up + down; i++) {
      const voter = pool[(salt * 7 + i * 5) % pool.length];
      await votesService.vote(who(voter), { targetType, targetId, value: i < up ? 1 : -1 });
      votes += 1;
    }
  };
  // The voter walk must not repeat a voter on one post: 5 is coprime with the pool size (19).
  const ordered = DEMO_QUESTIONS.map((q, index) => ({ q, index })).sort(
    (a, b) => b.q.daysAgo - a.q.daysAgo || a.index - b.index,
  );
  for (const { q, index } of ordered) {
    const askedAt = now - q.daysAgo * DAY + ((index * 37) % 11) * HOUR - 12 * HOUR;
    const asker = who(q.by);
    const question = await questionsService.ask(asker, { title: q.title, body: q.body, tags: q.tags });
    questionIds.set(q.title, question.id);
    times.push({ kind: 'QUESTION', id: question.id, at: at(askedAt) });
    views.push({ questionId: question.id, views: q.views });
    for (const c of q.comments ?? []) await addComment(c, 'QUESTION', question.id, askedAt);
    let acceptedId: string | null = null;
    for (const [i, a] of q.answers.entries()) {
      const answer = await answersService.post(who(a.by), { questionId: question.id, body: a.body });
      const answeredAt = askedAt + a.hoursLater * HOUR;
      times.push({ kind: 'ANSWER', id: answer.id, at: at(answeredAt) });
      answers += 1;
      if (a.accepted) acceptedId = answer.id;
      for (const c of a.comments ?? []) await addComment(c, 'ANSWER', answer.id, answeredAt);
      await castVotes('ANSWER', answer.id, a.by, a.up ?? 0, a.down ?? 0, index * 3 + i + 1);
    }
    if (acceptedId) {
      await answersService.accept(asker, acceptedId);
      accepted += 1;
    }
    await castVotes('QUESTION', question.id, q.by, q.up ?? 0, q.down ?? 0, index);
    step(`question ${done - mentors.length}/${DEMO_QUESTIONS.length}`);
  }

  // 4. Mentorships: one in each state the profiles show.
  const requestTimes: MentoringBackdate['requests'][number][] = [];
  for (const r of DEMO_MENTORSHIPS) {
    const mentee = who(r.mentee);
    const mentor = who(r.mentor);
    const questionId = r.questionTitle ? questionIds.get(r.questionTitle) : undefined;
    if (r.questionTitle && !questionId)
      throw new Error(`Demo mentorship names an unknown question: ${r.questionTitle}`);
    const request = await requests.request(mentee, {
      mentorHandle: r.mentor,
      message: r.message,
      ...(questionId ? { questionId } : {}),
    });
    const createdAt = now - r.daysAgo * DAY;
    if (r.status !== 'PENDING')
      await requests.respond(mentor, { requestId: request.id, accept: true, message: r.response });
    if (r.status === 'COMPLETED') await requests.complete(mentor, request.id);
    if (r.review)
      await reviews.review(mentee, { requestId: request.id, rating: r.review.rating, review: r.review.body });
    const closedAt = r.status === 'COMPLETED' ? at(createdAt + 24 * DAY) : null;
    requestTimes.push({
      id: request.id,
      createdAt: at(createdAt),
      respondedAt: r.status === 'PENDING' ? null : at(createdAt + 20 * HOUR),
      closedAt,
      reviewedAt: closedAt ? at(closedAt.getTime() + 2 * DAY) : null,
    });
    step(`mentorship ${r.mentee} → ${r.mentor}`);
  }

  // 5. Knowledge base guides (seeded by the knowledge-base context, written by the moderator).
  const kb = await dataSource.transaction((m) => seedKnowledgeBase(m, moderator.id));
  step('knowledge base');

  // 6. Spread the timestamps the services stamped with now() over the last ~60 days: each owner
  // back-dates its own rows (moderation's log entries follow the comments and verifications).
  const profileTimes = mentors.map((p) => {
    const since = (joined.get(p.handle) as Date).getTime();
    return { userId: who(p.handle).id, createdAt: new Date(since + DAY), verifiedAt: new Date(since + 3 * DAY) };
  });
  await dataSource.transaction(async (m) => {
    await backdateQaRows(m, { posts: times, views });
    await backdateModerationLog(m, [
      ...times
        .filter((t) => t.kind === 'COMMENT')
        .map((t) => ({ targetType: 'COMMENT' as const, targetId: t.id, at: at(t.at.getTime() + 2 * HOUR) })),
      ...profileTimes.map((p) => ({
        targetType: 'USER' as const,
        targetId: p.userId,
        action: 'VERIFY_MENTOR',
        at: p.verifiedAt,
      })),
    ]);
    await backdateMentoring(m, { profiles: profileTimes, requests: requestTimes });
  });
  step('timestamps');

  return {
    users: DEMO_PEOPLE.length,
    mentors: mentors.length,
    questions: DEMO_QUESTIONS.length,
    answers,
    acceptedAnswers: accepted,
    comments,
    heldComments: held,
    votes,
    mentorships: DEMO_MENTORSHIPS.length,
    knowledgeBaseArticles: kb.articles,
    seconds: (Date.now() - started) / 1000,
  };
}

/** One line for the summary printed after seeding. */
export function formatDemoSummary(s: DemoSeedSummary): string {
  return (
    `Seeded the demo community in ${s.seconds.toFixed(1)} s: ${s.users} accounts (${s.mentors} mentors), ${s.questions} questions, ` +
    `${s.answers} answers (${s.acceptedAnswers} accepted), ${s.comments} comments (${s.heldComments} held for moderation), ${s.votes} votes, ` +
    `${s.mentorships} mentorships, ${s.knowledgeBaseArticles} knowledge-base articles`
  );
}
