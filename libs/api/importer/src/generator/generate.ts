import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
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

const POINTS = { QUESTION_UPVOTED: 5, ANSWER_UPVOTED: 10, POST_DOWNVOTED: -2, ANSWER_ACCEPTED: 15, ACCEPTED_AN_ANSWER: 2 } as const;

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

/** COPY text format: backslash, tab, newline and carriage return escaped; null as \N. */
function esc(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}
const line = (values: Array<string | number | null>) => values.map(esc).join('\t') + '\n';

async function copy(client: pg.ClientBase, sql: string, lines: string[]): Promise<void> {
  if (!lines.length) return;
  const stream = client.query(copyFrom(sql));
  async function* chunks() {
    for (let i = 0; i < lines.length; i += 2000) yield lines.slice(i, i + 2000).join('');
  }
  await pipeline(Readable.from(chunks()), stream);
}

/**
 * Fills the database with realistic volume for benchmarks: users, questions with a long-tail tag
 * distribution, answers (some accepted), comments, votes and the reputation ledger, written with
 * COPY in chunks of one transaction each. The Q&A triggers are bypassed for speed
 * (session_replication_role = replica, which needs a superuser such as the embedded database's):
 * every counter is computed here and written with the rows (score = sum of votes, answer, positive
 * answer and comment counts, users.reputation = ledger sum), the search vector is computed on insert,
 * and tag counts, qa_counters and the search_words dictionary are recomputed set-based at the end.
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
  const reputation = new Int32Array(userCount);
  const now = Date.now();
  const span = 3 * 365 * 86_400_000;
  const summary: GenerateSummary = { users: userCount, questions: 0, answers: 0, comments: 0, votes: 0, reputationEvents: 0, seconds: 0, questionsPerSecond: 0 };

  const client = new pg.Client({ connectionString: options.databaseUrl, application_name: 'crossroads-generate' });
  await client.connect();
  try {
    await client.query(`SET session_replication_role = replica`).catch((e: Error) => {
      throw new Error(`the generator needs a superuser connection (to bypass the per-row triggers): ${e.message}`);
    });
    await client.query(`SET synchronous_commit = off`);
    await client.query(`CREATE TEMP TABLE gen_questions (LIKE questions INCLUDING DEFAULTS) ON COMMIT DELETE ROWS`);
    await client.query(`INSERT INTO tags (name) SELECT unnest($1::varchar[]) ON CONFLICT (name) DO NOTHING`, [TAGS]);

    for (let done = 0; done < options.questions; done += chunkSize) {
      const n = Math.min(chunkSize, options.questions - done);
      const q: string[] = [];
      const a: string[] = [];
      const c: string[] = [];
      const v: string[] = [];
      const r: string[] = [];
      const vote = (voterIdx: number, postId: string, type: 'QUESTION' | 'ANSWER', value: 1 | -1, authorIdx: number, at: Date) => {
        v.push(line([userIds[voterIdx], postId, type, value, at.toISOString(), at.toISOString()]));
        const kind = value < 0 ? 'POST_DOWNVOTED' : type === 'QUESTION' ? 'QUESTION_UPVOTED' : 'ANSWER_UPVOTED';
        r.push(line([randomUUID(), userIds[authorIdx], kind, POINTS[kind], postId, userIds[voterIdx], at.toISOString()]));
        reputation[authorIdx] += POINTS[kind];
      };
      /** Distinct voters other than the author; returns the score. */
      const votesOn = (postId: string, type: 'QUESTION' | 'ANSWER', authorIdx: number, at: Date, mean: number): number => {
        const count = Math.min(userCount - 1, Math.floor(-Math.log(1 - random()) * mean));
        const start = Math.floor(random() * userCount);
        let score = 0;
        for (let k = 0, idx = start; k < count; idx = (idx + 1) % userCount) {
          if (idx === authorIdx) continue;
          const value = random() < 0.88 ? 1 : -1;
          vote(idx, postId, type, value, authorIdx, at);
          score += value;
          k += 1;
        }
        return score;
      };
      const comments = (postId: string, type: 'QUESTION' | 'ANSWER', questionId: string, at: number, mean: number): number => {
        const count = Math.floor(-Math.log(1 - random()) * mean);
        for (let k = 0; k < count; k++) {
          const when = new Date(at + Math.floor(random() * 86_400_000 * 3));
          c.push(line([randomUUID(), type, postId, questionId, userIds[Math.floor(random() * userCount)], fill(pick(SENTENCES)).slice(0, 600), 'PUBLISHED', when.toISOString(), when.toISOString()]));
        }
        return count;
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
        const score = votesOn(id, 'QUESTION', authorIdx, createdAt, 1.5);
        const questionComments = comments(id, 'QUESTION', id, created, 0.8);
        const answerCount = Math.floor(-Math.log(1 - random()) * 1.6);
        let positive = 0;
        let accepted: string | null = null;
        let last = created;
        for (let k = 0; k < answerCount; k++) {
          const answerId = randomUUID();
          let answerAuthor = Math.floor(random() * userCount);
          if (answerAuthor === authorIdx) answerAuthor = (answerAuthor + 1) % userCount;
          const at = created + Math.floor(random() * 86_400_000 * 7);
          last = Math.max(last, at);
          const answerScore = votesOn(answerId, 'ANSWER', answerAuthor, new Date(at), 2);
          if (answerScore > 0) positive += 1;
          const isAccepted = accepted === null && random() < 0.35;
          if (isAccepted) {
            accepted = answerId;
            const when = new Date(at + 3_600_000).toISOString();
            r.push(line([randomUUID(), userIds[answerAuthor], 'ANSWER_ACCEPTED', POINTS.ANSWER_ACCEPTED, answerId, userIds[authorIdx], when]));
            r.push(line([randomUUID(), userIds[authorIdx], 'ACCEPTED_AN_ANSWER', POINTS.ACCEPTED_AN_ANSWER, answerId, userIds[authorIdx], when]));
            reputation[answerAuthor] += POINTS.ANSWER_ACCEPTED;
            reputation[authorIdx] += POINTS.ACCEPTED_AN_ANSWER;
          }
          const answerComments = comments(answerId, 'ANSWER', id, at, 0.6);
          const answerBody = `${paragraph(2 + Math.floor(random() * 4))}\n\n- ${fill(pick(SENTENCES))}\n- ${fill(pick(SENTENCES))}`;
          const iso = new Date(at).toISOString();
          a.push(line([answerId, id, userIds[answerAuthor], answerBody, answerScore, isAccepted ? 't' : 'f', answerComments, iso, iso]));
          summary.answers += 1;
        }
        const lastIso = new Date(last).toISOString();
        q.push(
          line([id, userIds[authorIdx], title, body, `{${[...tags].join(',')}}`, score, answerCount, positive, questionComments, Math.floor(random() * 2000), accepted, createdAt.toISOString(), createdAt.toISOString(), lastIso]),
        );
      }
      summary.questions += n;
      summary.comments += c.length;
      summary.votes += v.length;
      summary.reputationEvents += r.length;

      await client.query('BEGIN');
      await copy(
        client,
        `COPY gen_questions (id, author_id, title, body, tags, score, answer_count, positive_answer_count, comment_count, view_count, accepted_answer_id, created_at, updated_at, last_activity_at) FROM STDIN`,
        q,
      );
      await client.query(
        `INSERT INTO questions (id, author_id, title, body, tags, score, answer_count, positive_answer_count, comment_count, view_count, accepted_answer_id, created_at, updated_at, last_activity_at, search_vector)
         SELECT id, author_id, title, body, tags, score, answer_count, positive_answer_count, comment_count, view_count, accepted_answer_id, created_at, updated_at, last_activity_at,
                setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
           FROM gen_questions`,
      );
      await copy(client, `COPY answers (id, question_id, author_id, body, score, is_accepted, comment_count, created_at, updated_at) FROM STDIN`, a);
      await copy(client, `COPY comments (id, post_type, post_id, question_id, author_id, body, status, created_at, updated_at) FROM STDIN`, c);
      await copy(client, `COPY votes (user_id, post_id, post_type, value, created_at, updated_at) FROM STDIN`, v);
      await copy(client, `COPY reputation_events (id, user_id, kind, points, post_id, actor_id, created_at) FROM STDIN`, r);
      await client.query('COMMIT');
      options.onProgress?.(done + n, options.questions);
    }

    // Users last: their reputation is the sum of the ledger rows generated above.
    await client.query('BEGIN');
    await copy(
      client,
      `COPY users (id, handle, display_name, email, password_hash, reputation, created_at, updated_at) FROM STDIN`,
      userIds.map((id, i) => line([id, `gen${runId}-${i}`.slice(0, 24), `${pick(['Alex', 'Sam', 'Priya', 'Jordan', 'Mei', 'Omar', 'Lena', 'Tomás', 'Aisha', 'Noah'])} ${pick(['Patel', 'Kim', 'García', 'Okafor', 'Novak', 'Silva', 'Berg', 'Ito', 'Moreau', 'Walsh'])}`, null, null, reputation[i], new Date(now - span).toISOString(), new Date(now - span).toISOString()])),
    );
    await client.query('COMMIT');

    // Set-based recomputation of what the per-row triggers would have maintained.
    await client.query(`UPDATE tags t SET question_count = coalesce(x.n, 0)
      FROM tags t2 LEFT JOIN (SELECT unnest(tags) AS name, count(*)::int AS n FROM questions WHERE deleted_at IS NULL GROUP BY 1) x ON x.name = t2.name
      WHERE t.name = t2.name AND t.question_count IS DISTINCT FROM coalesce(x.n, 0)`);
    await client.query(`UPDATE qa_counters SET value = (SELECT count(*) FROM questions WHERE deleted_at IS NULL) WHERE name = 'questions'`);
    await client.query(
      `UPDATE qa_counters SET value = (SELECT count(*) FROM questions WHERE deleted_at IS NULL AND accepted_answer_id IS NULL AND positive_answer_count = 0) WHERE name = 'unanswered'`,
    );
    // The "did you mean" dictionary: exact up to 20,000 generated questions; beyond, the text's fixed
    // vocabulary is counted on the newest 20,000 and scaled to all of them.
    const sample = Math.min(20_000, summary.questions);
    await client.query(
      `INSERT INTO search_words (word, ndoc)
       SELECT w.lexeme, round(count(*) * $2::numeric / $1)::int FROM (SELECT title, body FROM questions ORDER BY created_at DESC LIMIT $1) q,
              unnest(to_tsvector('simple', q.title || ' ' || q.body)) AS w
        WHERE w.lexeme ~ '^[a-z][a-z0-9+#.-]{2,39}$' GROUP BY 1 ORDER BY 1
       ON CONFLICT (word) DO UPDATE SET ndoc = search_words.ndoc + EXCLUDED.ndoc`,
      [sample, summary.questions],
    );
    await client.query(`RESET session_replication_role`);
  } finally {
    await client.end();
  }
  summary.seconds = (performance.now() - started) / 1000;
  summary.questionsPerSecond = summary.questions / summary.seconds;
  return summary;
}
