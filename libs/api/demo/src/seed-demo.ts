import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import argon2 from 'argon2';
import type { DataSource } from 'typeorm';
import type { Role } from '@crossroads/shared-domain';
import type { Principal } from '@crossroads/api-platform';
import { ARGON2_OPTIONS } from '@crossroads/api-accounts';
import { AnswersService, CommentsService, QuestionsService, VotesService } from '@crossroads/api-qa';
import { MentorProfilesService, MentorshipRequestsService, MentorshipReviewsService } from '@crossroads/api-mentoring';
import { CommentModerationService } from '@crossroads/api-moderation';
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
  const [row] = (await dataSource.query(
    `SELECT (SELECT count(*) FROM questions)::int AS questions, (SELECT count(*) FROM users WHERE role <> 'ADMIN')::int AS users`,
  )) as { questions: number; users: number }[];
  if (row.questions > 0 || row.users > 0) {
    return `the database already has content (${row.questions} question(s), ${row.users} user(s) besides admins): demo content is only seeded into an empty database.`;
  }
  return null;
}

/** The sign-ins to print after seeding: "label: email / password". */
export function demoSignInLines(): string[] {
  return DEMO_SIGN_INS.map((s) => `${s.label.padEnd(34)} ${demoEmail(s.handle)}`).concat(`(every demo account's password: ${DEMO_PASSWORD})`);
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

  // 1. Accounts: the shared password is hashed once; accounts are old enough to be past the new-account limits.
  const passwordHash = await argon2.hash(DEMO_PASSWORD, ARGON2_OPTIONS);
  const people = new Map<string, Principal>();
  await dataSource.transaction(async (m) => {
    for (const p of DEMO_PEOPLE) {
      const [row] = (await m.query(
        `INSERT INTO users (handle, email, display_name, password_hash, role, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
        [p.handle, demoEmail(p.handle), p.displayName, passwordHash, p.role, at(now - p.joinedDaysAgo * DAY)],
      )) as { id: string }[];
      people.set(p.handle, { id: row.id, handle: p.handle, role: p.role as Role });
    }
  });
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
  const times: { table: 'questions' | 'answers' | 'comments'; id: string; at: Date }[] = [];
  const questionIds = new Map<string, string>();
  const views: { id: string; views: number }[] = [];
  let answers = 0;
  let accepted = 0;
  let comments = 0;
  let held = 0;
  let votes = 0;

  const addComment = async (c: DemoComment, targetType: 'QUESTION' | 'ANSWER', targetId: string, postAt: number) => {
    if (!c.by && !c.guest) throw new Error(`Demo comment without an author or a guest: "${c.body.slice(0, 40)}…"`);
    const input = c.by ? { targetType, targetId, body: c.body } : { targetType, targetId, body: c.body, guestName: c.guest?.name, guestEmail: c.guest?.email };
    const comment = await commentsService.add(c.by ? who(c.by) : null, input);
    const when = at(postAt + c.hoursLater * HOUR);
    times.push({ table: 'comments', id: comment.id, at: when });
    comments += 1;
    if (c.held) {
      if (comment.status !== 'PENDING') throw new Error(`Demo comment expected to be held was ${comment.status}: "${c.body.slice(0, 40)}…"`);
      held += 1;
    } else if (comment.status === 'PENDING') {
      // A member's first comment waits for approval (product rule 3): the moderator approves it, as in real use.
      const approver = comment.authorId === moderator.id ? admin : moderator;
      await moderation.decide(approver, { commentId: comment.id, decision: 'APPROVE', reason: 'First comment: on topic and constructive.' });
    }
  };
  const castVotes = async (targetType: 'QUESTION' | 'ANSWER', targetId: string, authorHandle: string, up: number, down: number, salt: number) => {
    const pool = voters.filter((h) => h !== authorHandle);
    if (up + down > pool.length) throw new Error(`Too many demo votes on one post (${up + down})`);
    for (let i = 0; i < up + down; i++) {
      const voter = pool[(salt * 7 + i * 5) % pool.length];
      await votesService.vote(who(voter), { targetType, targetId, value: i < up ? 1 : -1 });
      votes += 1;
    }
  };
  // The voter walk must not repeat a voter on one post: 5 is coprime with the pool size (19).
  const ordered = DEMO_QUESTIONS.map((q, index) => ({ q, index })).sort((a, b) => b.q.daysAgo - a.q.daysAgo || a.index - b.index);
  for (const { q, index } of ordered) {
    const askedAt = now - q.daysAgo * DAY + ((index * 37) % 11) * HOUR - 12 * HOUR;
    const asker = who(q.by);
    const question = await questionsService.ask(asker, { title: q.title, body: q.body, tags: q.tags });
    questionIds.set(q.title, question.id);
    times.push({ table: 'questions', id: question.id, at: at(askedAt) });
    views.push({ id: question.id, views: q.views });
    for (const c of q.comments ?? []) await addComment(c, 'QUESTION', question.id, askedAt);
    let acceptedId: string | null = null;
    for (const [i, a] of q.answers.entries()) {
      const answer = await answersService.post(who(a.by), { questionId: question.id, body: a.body });
      const answeredAt = askedAt + a.hoursLater * HOUR;
      times.push({ table: 'answers', id: answer.id, at: at(answeredAt) });
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
  const requestTimes: { id: string; createdAt: Date; respondedAt: Date | null; closedAt: Date | null }[] = [];
  for (const r of DEMO_MENTORSHIPS) {
    const mentee = who(r.mentee);
    const mentor = who(r.mentor);
    const questionId = r.questionTitle ? questionIds.get(r.questionTitle) : undefined;
    if (r.questionTitle && !questionId) throw new Error(`Demo mentorship names an unknown question: ${r.questionTitle}`);
    const request = await requests.request(mentee, { mentorHandle: r.mentor, message: r.message, ...(questionId ? { questionId } : {}) });
    const createdAt = now - r.daysAgo * DAY;
    if (r.status !== 'PENDING') await requests.respond(mentor, { requestId: request.id, accept: true, message: r.response });
    if (r.status === 'COMPLETED') await requests.complete(mentor, request.id);
    if (r.review) await reviews.review(mentee, { requestId: request.id, rating: r.review.rating, review: r.review.body });
    requestTimes.push({
      id: request.id,
      createdAt: at(createdAt),
      respondedAt: r.status === 'PENDING' ? null : at(createdAt + 20 * HOUR),
      closedAt: r.status === 'COMPLETED' ? at(createdAt + 24 * DAY) : null,
    });
    step(`mentorship ${r.mentee} → ${r.mentor}`);
  }

  // 5. Knowledge base guides (seeded by the knowledge-base context, written by the moderator).
  const kb = await dataSource.transaction((m) => seedKnowledgeBase(m, moderator.id));
  step('knowledge base');

  // 6. Spread the timestamps the services stamped with now() over the last ~60 days.
  await dataSource.transaction(async (m) => {
    for (const table of ['questions', 'answers', 'comments'] as const) {
      const rows = times.filter((t) => t.table === table);
      await m.query(
        `UPDATE ${table} t SET created_at = x.at, updated_at = x.at FROM unnest($1::uuid[], $2::timestamptz[]) AS x(id, at) WHERE t.id = x.id`,
        [rows.map((r) => r.id), rows.map((r) => r.at)],
      );
    }
    await m.query(`UPDATE questions q SET view_count = x.views FROM unnest($1::uuid[], $2::int[]) AS x(id, views) WHERE q.id = x.id`, [
      views.map((v) => v.id),
      views.map((v) => v.views),
    ]);
    await m.query(
      `UPDATE questions q SET last_activity_at = GREATEST(q.created_at,
         (SELECT max(a.created_at) FROM answers a WHERE a.question_id = q.id),
         (SELECT max(c.created_at) FROM comments c WHERE c.question_id = q.id AND c.status = 'PUBLISHED'))
       WHERE q.id = ANY($1::uuid[])`,
      [[...questionIds.values()]],
    );
    // Votes a few hours to four days after their post; each vote's reputation event at the same time.
    await m.query(
      `UPDATE votes v SET created_at = x.at, updated_at = x.at FROM (
         SELECT v2.user_id, v2.post_id, LEAST(now() - interval '1 minute', p.created_at + make_interval(hours => 1 + abs(hashtext(v2.user_id::text || v2.post_id::text)) % 96)) AS at
         FROM votes v2 JOIN (SELECT id, created_at FROM questions UNION ALL SELECT id, created_at FROM answers) p ON p.id = v2.post_id
       ) x WHERE v.user_id = x.user_id AND v.post_id = x.post_id`,
    );
    await m.query(
      `UPDATE reputation_events e SET created_at = v.created_at FROM votes v
       WHERE e.kind IN ('QUESTION_UPVOTED', 'ANSWER_UPVOTED', 'POST_DOWNVOTED') AND v.post_id = e.post_id AND v.user_id = e.actor_id`,
    );
    await m.query(
      `UPDATE reputation_events e SET created_at = LEAST(now() - interval '1 minute', a.created_at + interval '20 hours') FROM answers a
       WHERE e.kind IN ('ANSWER_ACCEPTED', 'ACCEPTED_AN_ANSWER') AND a.id = e.post_id`,
    );
    await m.query(
      `UPDATE moderation_log l SET created_at = LEAST(now() - interval '1 minute', c.created_at + interval '2 hours') FROM comments c
       WHERE l.target_type = 'COMMENT' AND l.target_id = c.id`,
    );
    await m.query(
      `UPDATE mentor_profiles mp SET created_at = u.created_at + interval '1 day', updated_at = u.created_at + interval '1 day',
         verified_at = CASE WHEN mp.verified_at IS NOT NULL THEN u.created_at + interval '3 days' END
       FROM users u WHERE u.id = mp.user_id`,
    );
    await m.query(
      `UPDATE moderation_log l SET created_at = mp.verified_at FROM mentor_profiles mp
       WHERE l.action = 'VERIFY_MENTOR' AND l.target_id = mp.user_id AND mp.verified_at IS NOT NULL`,
    );
    for (const r of requestTimes) {
      await m.query(`UPDATE mentorship_requests SET created_at = $2, responded_at = $3, closed_at = $4 WHERE id = $1`, [r.id, r.createdAt, r.respondedAt, r.closedAt]);
      if (r.closedAt) await m.query(`UPDATE mentorship_reviews SET created_at = $2 WHERE request_id = $1`, [r.id, at(r.closedAt.getTime() + 2 * DAY)]);
    }
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
