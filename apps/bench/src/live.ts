import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { percentile, post, round } from './measure.js';

const ASK = `mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`;
const ANSWER = `mutation Answer($input: PostAnswerInput!) { postAnswer(input: $input) { id } }`;
const ACTIVITY = `subscription Activity($id: ID!) { questionActivity(questionId: $id) { kind question { id answerCount } answer { id body score author { handle } } } }`;

export interface LiveFigures {
  /** From the start of the postAnswer request (includes the mutation itself). */
  p50: number;
  p95: number;
  max: number;
  /** From the postAnswer response (the commit): outbox → job → LiveBus → every subscriber. */
  afterCommit: { p50: number; p95: number; max: number };
  delivered: number;
  expected: number;
}

type Member = { readonly token: string };

/** A guest connection; retried briefly when the previous measurement's sockets are still closing (4429). */
async function connect(apiUrl: string, attempts = 20): Promise<Client> {
  for (let i = 1; ; i++) {
    try {
      return await connectOnce(apiUrl);
    } catch (e) {
      if (i >= attempts) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

function connectOnce(apiUrl: string): Promise<Client> {
  return new Promise((resolve, reject) => {
    const client = createClient({
      url: `${apiUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: reject,
      on: {
        connected: () => resolve(client),
        closed: (event) => reject(new Error(`closed ${(event as { code?: number }).code}`)),
      },
    });
  });
}

async function ask(apiUrl: string, member: Member, n: number): Promise<string> {
  const body = await post(
    `${apiUrl}/graphql`,
    { query: ASK, variables: { input: { title: `Benchmark live question ${n}: how do I move into a PMO role?`, body: 'I lead a customer service team and want to move into a PMO within a year.', tags: ['pmo'] } } },
    member.token,
  );
  const id = (JSON.parse(body) as { data?: { askQuestion?: { id: string } } }).data?.askQuestion?.id;
  if (!id) throw new Error(`askQuestion failed: ${body.slice(0, 300)}`);
  return id;
}

async function postAnswer(apiUrl: string, member: Member, questionId: string, n: number): Promise<void> {
  const body = await post(`${apiUrl}/graphql`, { query: ANSWER, variables: { input: { questionId, body: `Benchmark answer ${n}: shadow a PMO analyst for a month, then ask for a small portfolio report to own.` } } }, member.token);
  if (!body.includes('"postAnswer"')) throw new Error(`postAnswer failed: ${body.slice(0, 300)}`);
}

const figures = (ms: number[], after: number[], expected: number): LiveFigures => ({
  p50: round(percentile(ms, 50)),
  p95: round(percentile(ms, 95)),
  max: round(Math.max(...ms)),
  afterCommit: { p50: round(percentile(after, 50)), p95: round(percentile(after, 95)), max: round(Math.max(...after)) },
  delivered: ms.length,
  expected,
});

/**
 * 1,000 open subscriptions on one instance (50 connections × 20 subscriptions, the per-address and
 * per-connection limits) to one question; each event (an answer posted through HTTP) delivered to
 * all. Latency per delivery from the start of the posting request (it includes the mutation itself).
 */
export async function measureFanOut(apiUrl: string, members: Member[], events: number): Promise<LiveFigures> {
  const questionId = await ask(apiUrl, members[0], Date.now());
  const clients = await Promise.all(Array.from({ length: 50 }, () => connect(apiUrl)));
  let sentAt = 0;
  let received = 0;
  let onAll: (() => void) | undefined;
  const ms: number[] = [];
  const at: number[] = [];
  const after: number[] = [];
  const disposers = clients.flatMap((client) =>
    Array.from({ length: 20 }, () =>
      client.subscribe(
        { query: ACTIVITY, variables: { id: questionId } },
        {
          next: () => {
            const now = performance.now();
            ms.push(now - sentAt);
            at.push(now);
            if (++received === 1_000) onAll?.();
          },
          error: (e) => {
            throw new Error(`subscription failed: ${JSON.stringify(e)}`);
          },
          complete: () => undefined,
        },
      ),
    ),
  );
  try {
    // A warm-up event, not counted, also proves every subscription is in place.
    for (let i = -1; i < events; i++) {
      received = 0;
      const all = new Promise<void>((resolve, reject) => {
        onAll = resolve;
        setTimeout(() => reject(new Error(`only ${received} of 1000 deliveries within 30 s`)), 30_000).unref();
      });
      if (i === -1) {
        await postAnswer(apiUrl, members[1], questionId, i);
        await all;
        ms.length = 0;
        at.length = 0;
        continue;
      }
      sentAt = performance.now();
      const first = at.length;
      await postAnswer(apiUrl, members[1 + (i % (members.length - 1))], questionId, i);
      const committed = performance.now();
      await all;
      for (let k = first; k < at.length; k++) after.push(Math.max(0, at[k] - committed));
    }
  } finally {
    disposers.forEach((d) => d());
    await Promise.all(clients.map((c) => c.dispose()));
  }
  return figures(ms, after, events * 1_000);
}

/**
 * 50 writers, each posting answers one after another on its own question for `seconds`, and one
 * subscriber per question: event (the posting request's start) → questionActivity delivered.
 */
export async function measureUnderWriters(apiUrl: string, members: Member[], seconds: number): Promise<LiveFigures & { writes: number }> {
  const writers = 50;
  const questions = await Promise.all(Array.from({ length: writers }, (_, w) => ask(apiUrl, members[w % members.length], w)));
  const clients = await Promise.all(Array.from({ length: 5 }, () => connect(apiUrl)));
  const ms: number[] = [];
  const pending = questions.map(() => [] as { sent: number; committed?: number }[]);
  const after: number[] = [];
  let warm = 0;
  const disposers = questions.map((id, w) =>
    clients[w % clients.length].subscribe(
      { query: ACTIVITY, variables: { id } },
      {
        next: () => {
          const started = pending[w].shift();
          const now = performance.now();
          if (started === undefined) warm++;
          else {
            ms.push(now - started.sent);
            after.push(Math.max(0, now - (started.committed ?? now)));
          }
        },
        error: (e) => {
          throw new Error(`subscription failed: ${JSON.stringify(e)}`);
        },
        complete: () => undefined,
      },
    ),
  );
  let writes = 0;
  try {
    // Let the subscriptions settle: one untimed answer each, delivered.
    await Promise.all(questions.map((id, w) => postAnswer(apiUrl, members[(w + 1) % members.length], id, -1)));
    const settle = performance.now() + 30_000;
    while (warm < writers && performance.now() < settle) await new Promise((r) => setTimeout(r, 20));
    if (warm < writers) throw new Error(`only ${warm} of ${writers} subscriptions answered the warm-up`);
    const until = performance.now() + seconds * 1_000;
    await Promise.all(
      questions.map(async (id, w) => {
        for (let n = 0; performance.now() < until; n++) {
          const write: { sent: number; committed?: number } = { sent: performance.now() };
          pending[w].push(write);
          await postAnswer(apiUrl, members[(w + 1) % members.length], id, n);
          write.committed = performance.now();
          writes++;
        }
      }),
    );
    // Wait for the last deliveries (bounded).
    const deadline = performance.now() + 10_000;
    while (pending.some((p) => p.length) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  } finally {
    disposers.forEach((d) => d());
    await Promise.all(clients.map((c) => c.dispose()));
  }
  return { ...figures(ms, after, writes), writes };
}
