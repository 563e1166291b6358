import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { bulkAdjustReputation, bulkCreateAccounts } from '@crossroads/api-accounts';
import { addSampledSearchWords, bulkLoadPosts, ensureTags, finishBulkLoad, type LoadBatch } from '@crossroads/api-qa';
import { CERTS, INDUSTRIES, METHODOLOGIES, ROLES, SENTENCES, TAGS, TITLE_TEMPLATES, TOPICS } from './vocabulary.js';

export interface GenerateOptions {
  databaseUrl: string;
  questions: number;
  /** Questions per transaction. */
  chunkSize?: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateSummary {
  users: number;
  questions: number;
  answers: number;
  comments: number;
  votes: number;
  reputationEvents: number;
  seconds: number;
  questionsPerSecond: number;
}

/** Deterministic PRNG (mulberry32), so a seed gives the same data. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Fills the database with realistic volume for benchmarks: users, questions with a long-tail tag
 * distribution, answers (some accepted), comments and votes, in chunks of one transaction each.
 * It writes through its owners' bulk operations: accounts creates the (aged) users and moves their
 * reputation; qa loads the posts with COPY, deriving its counters, search vectors and reputation
 * ledger, and recomputes tag counts, its counters and the "did you mean" dictionary at the end.
 */
export async function generateData(options: GenerateOptions): Promise<GenerateSummary> {
  const started = performance.now();
  const random = rng(options.seed ?? 20_240_601);
  const chunkSize = options.chunkSize ?? 10_000;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  // Zipf-like: index i drawn with weight 1 / (i + 1).
  const tagWeights = TAGS.map((_t, i) => 1 / (i + 1));
  const tagTotal = tagWeights.reduce((a, b) => a + b, 0);
  const drawTag = () => {
    let r = random() * tagTotal;
    for (let i = 0; i < TAGS.length; i++) if ((r -= tagWeights[i]) <= 0) return TAGS[i];
    return TAGS[TAGS.length - 1];
  };
  const fill = (template: string) =>
    template
      .replace('{role}', pick(ROLES))
      .replace('{role2}', pick(ROLES))
      .replace(/\{role\d?\}/g, () => pick(ROLES))
      .replace(/\{topic\d?\}/g, () => pick(TOPICS))
      .replace(/\{cert\d?\}/g, () => pick(CERTS))
      .replace(/\{industry\}/g, () => pick(INDUSTRIES))
      .replace(/\{methodology\}/g, () => pick(METHODOLOGIES))
      .replace(/\{years\}/g, () => String(2 + Math.floor(random() * 25)));
  const paragraph = (n: number) => Array.from({ length: n }, () => fill(pick(SENTENCES))).join(' ');

  const runId = Date.now().toString(36);
  const userCount = Math.max(20, Math.ceil(options.questions / 10));
  const userIds = Array.from({ length: userCount }, () => randomUUID());
  const now = Date.now();
  const span = 3 * 365 * 86_400_000;
  const summary: GenerateSummary = {
    users: userCount,
    questions: 0,
    answers: 0,
    comments: 0,
    votes: 0,
    reputationEvents: 0,
    seconds: 0,
    questionsPerSecond: 0,
  };

  const client = new pg.Client({ connectionString: options.databaseUrl, application_name: 'crossroads-generate' });
  await client.connect();
  try {
    await client.query(`SET synchronous_commit = off`);
    const names = ['Alex', 'Sam', 'Priya', 'Jordan', 'Mei', 'Omar', 'Lena', 'Tomás', 'Aisha', 'Noah'];
    const surnames = ['Patel', 'Kim', 'García', 'Okafor', 'Novak', 'Silva', 'Berg', 'Ito', 'Moreau', 'Walsh'];
    const joined = new Date(now - span);
    await client.query('BEGIN');
    // Aged accounts (past the new-account limits), as old as the oldest generated question.
    await bulkCreateAccounts(
      client,
      userIds.map((id, i) => ({
        id,
        handle: `gen${runId}-${i}`.slice(0, 24),
        displayName: `${pick(names)} ${pick(surnames)}`,
        createdAt: joined,
      })),
    );
    await ensureTags(client, TAGS);
    await client.query('COMMIT');

    for (let done = 0; done < options.questions; done += chunkSize) {
      const n = Math.min(chunkSize, options.questions - done);
      const batch: LoadBatch = { questions: [], answers: [], comments: [], votes: [] };
      /** Distinct voters other than the author; returns the score. */
      const votesOn = (
        postId: string,
        postType: 'QUESTION' | 'ANSWER',
        authorIdx: number,
        at: Date,
        mean: number,
      ): number => {
        const count = Math.min(userCount - 1, Math.floor(-Math.log(1 - random()) * mean));
        const start = Math.floor(random() * userCount);
        let score = 0;
        for (let k = 0, idx = start; k < count; idx = (idx + 1) % userCount) {
          if (idx === authorIdx) continue;
          const value = random() < 0.88 ? 1 : -1;
          batch.votes.push({ userId: userIds[idx], postId, postType, value, createdAt: at });
          score += value;
          k += 1;
        }
        return score;
      };
      const comments = (
        postId: string,
        postType: 'QUESTION' | 'ANSWER',
        questionId: string,
        at: number,
        mean: number,
      ): void => {
        const count = Math.floor(-Math.log(1 - random()) * mean);
        for (let k = 0; k < count; k++) {
          const when = new Date(at + Math.floor(random() * 86_400_000 * 3));
          batch.comments.push({
            id: randomUUID(),
            postType,
            postId,
            questionId,
            authorId: userIds[Math.floor(random() * userCount)],
            body: fill(pick(SENTENCES)).slice(0, 600),
            createdAt: when,
          });
        }
      };

      for (let i = 0; i < n; i++) {
        const id = randomUUID();
        const authorIdx = Math.floor(random() * userCount);
        const created = now - span + Math.floor(((done + i) / options.questions) * span);
        const createdAt = new Date(created);
        const tags = new Set<string>();
        const tagCount = 1 + Math.floor(random() * 4);
        while (tags.size < tagCount) tags.add(drawTag());
        const title = fill(pick(TITLE_TEMPLATES)).slice(0, 150);
        const body = `${paragraph(2 + Math.floor(random() * 3))}\n\n${paragraph(1 + Math.floor(random() * 3))}`;
        votesOn(id, 'QUESTION', authorIdx, createdAt, 1.5);
        comments(id, 'QUESTION', id, created, 0.8);
        const answerCount = Math.floor(-Math.log(1 - random()) * 1.6);
        let accepted = false;
        for (let k = 0; k < answerCount; k++) {
          const answerId = randomUUID();
          let answerAuthor = Math.floor(random() * userCount);
          if (answerAuthor === authorIdx) answerAuthor = (answerAuthor + 1) % userCount;
          const at = created + Math.floor(random() * 86_400_000 * 7);
          votesOn(answerId, 'ANSWER', answerAuthor, new Date(at), 2);
          const isAccepted: boolean = !accepted && random() < 0.35;
          accepted ||= isAccepted;
          comments(answerId, 'ANSWER', id, at, 0.6);
          const answerBody = `${paragraph(2 + Math.floor(random() * 4))}\n\n- ${fill(pick(SENTENCES))}\n- ${fill(pick(SENTENCES))}`;
          batch.answers.push({
            id: answerId,
            questionId: id,
            authorId: userIds[answerAuthor],
            body: answerBody,
            createdAt: new Date(at),
            acceptedAt: isAccepted ? new Date(at + 3_600_000) : null,
          });
        }
        batch.questions.push({
          id,
          authorId: userIds[authorIdx],
          title,
          body,
          tags: [...tags],
          viewCount: Math.floor(random() * 2000),
          createdAt,
        });
      }

      await client.query('BEGIN');
      const loaded = await bulkLoadPosts(client, batch);
      await bulkAdjustReputation(client, loaded.reputation);
      await client.query('COMMIT');
      summary.questions += n;
      summary.answers += batch.answers.length;
      summary.comments += batch.comments.length;
      summary.votes += batch.votes.length;
      summary.reputationEvents += loaded.reputationEvents;
      options.onProgress?.(done + n, options.questions);
    }

    await finishBulkLoad(client);
    // The "did you mean" dictionary: exact up to 20,000 generated questions; beyond, sampled and scaled.
    await addSampledSearchWords(client, Math.min(20_000, summary.questions), summary.questions);
  } finally {
    await client.end();
  }
  summary.seconds = (performance.now() - started) / 1000;
  summary.questionsPerSecond = summary.questions / summary.seconds;
  return summary;
}
