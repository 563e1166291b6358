import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { percentile, post, round } from './measure.js';
import { query } from './setup.js';

const ASK = `mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`;
const ANSWER = `mutation Answer($input: PostAnswerInput!) { postAnswer(input: $input) { id } }`;
const NOTIFICATION = `subscription Notification { notificationAdded { id type read question { id } } }`;
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
async function connect(apiUrl: string, attempts = 20, token?: () => string): Promise<Client> {
  for (let i = 1; ; i++) {
    try {
      return await connectOnce(apiUrl, token);
    } catch (e) {
      if (i >= attempts) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** With `token`, signed in through connection_init (`{ authorization: "Bearer …" }`); without it, a guest. */
function connectOnce(apiUrl: string, token?: () => string): Promise<Client> {
  return new Promise((resolve, reject) => {
    const client = createClient({
      url: `${apiUrl.replace(/^http/, 'ws')}/graphql`,
      connectionParams: token ? () => ({ authorization: `Bearer ${token()}` }) : undefined,
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
    {
      query: ASK,
      variables: {
        input: {
          title: `Benchmark live question ${n}: how do I move into a PMO role?`,
          body: 'I lead a customer service team and want to move into a PMO within a year.',
          tags: ['pmo'],
        },
      },
    },
    member.token,
  );
  const id = (JSON.parse(body) as { data?: { askQuestion?: { id: string } } }).data?.askQuestion?.id;
  if (!id) throw new Error(`askQuestion failed: ${body.slice(0, 300)}`);
  return id;
}

async function postAnswer(apiUrl: string, member: Member, questionId: string, n: number): Promise<string> {
  const body = await post(
    `${apiUrl}/graphql`,
    {
      query: ANSWER,
      variables: {
        input: {
          questionId,
          body: `Benchmark answer ${n}: shadow a PMO analyst for a month, then ask for a small portfolio report to own.`,
        },
      },
    },
    member.token,
  );
  const id = (JSON.parse(body) as { data?: { postAnswer?: { id: string } } }).data?.postAnswer?.id;
  if (!id) throw new Error(`postAnswer failed: ${body.slice(0, 300)}`);
  return id;
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
  const ms: number[] = [];
  const after: number[] = [];
  /** Subscriptions that have heard anything, and the delivery times of each answer (frames name it). */
  const heard = new Set<number>();
  const byAnswer = new Map<string, number[]>();
  let waiting: { id: string; resolve: () => void } | undefined;
  const disposers = clients.flatMap((client, c) =>
    Array.from({ length: 20 }, (_, j) =>
      client.subscribe(
        { query: ACTIVITY, variables: { id: questionId } },
        {
          next: (frame) => {
            const now = performance.now();
            heard.add(c * 20 + j);
            const id = (frame.data as { questionActivity?: { answer?: { id: string } | null } } | null | undefined)
              ?.questionActivity?.answer?.id;
            if (!id) return;
            let times = byAnswer.get(id);
            if (!times) byAnswer.set(id, (times = []));
            times.push(now);
            if (waiting?.id === id && times.length === 1_000) waiting.resolve();
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
    // Warm-up answers, not counted, until every subscription has heard one: graphql-ws does not
    // acknowledge a subscription, and an event published before the server has set it up never
    // reaches it. Timed deliveries are then matched to their answer by id, so a late warm-up frame
    // is never taken for one.
    for (let round = 0; round < 5 && heard.size < 1_000; round++) {
      await postAnswer(apiUrl, members[1], questionId, -1 - round);
      const settle = performance.now() + 10_000;
      while (heard.size < 1_000 && performance.now() < settle) await new Promise((r) => setTimeout(r, 20));
    }
    if (heard.size < 1_000) throw new Error(`only ${heard.size} of 1000 subscriptions answered the warm-up`);
    for (let i = 0; i < events; i++) {
      const sentAt = performance.now();
      const id = await postAnswer(apiUrl, members[1 + (i % (members.length - 1))], questionId, i);
      const committed = performance.now();
      const times = () => byAnswer.get(id) ?? [];
      if (times().length < 1_000)
        await new Promise<void>((resolve, reject) => {
          waiting = { id, resolve };
          setTimeout(() => reject(new Error(`only ${times().length} of 1000 deliveries within 30 s`)), 30_000).unref();
        });
      waiting = undefined;
      for (const at of times()) {
        ms.push(at - sentAt);
        after.push(Math.max(0, at - committed));
      }
    }
  } finally {
    disposers.forEach((d) => d());
    await Promise.all(clients.map((c) => c.dispose()));
  }
  return figures(ms, after, events * 1_000);
}

/**
 * 50 writers, each posting answers one after another on its own question for `seconds`, and one
 * subscriber per question: event (the posting request's start) → delivered. `questionActivity`:
 * guests, 5 connections; `notificationAdded`: each question's asker, signed in, one connection each.
 */
export async function measureUnderWriters(
  apiUrl: string,
  members: Member[],
  seconds: number,
  via: 'questionActivity' | 'notificationAdded' = 'questionActivity',
  dbUrl?: string,
): Promise<LiveFigures & { writes: number }> {
  const writers = 50;
  const askers = Array.from({ length: writers }, (_, w) => members[w % members.length]);
  const questions = await Promise.all(askers.map((m, w) => ask(apiUrl, m, w)));
  const clients =
    via === 'questionActivity'
      ? await Promise.all(Array.from({ length: 5 }, () => connect(apiUrl)))
      : await Promise.all(askers.map((m) => connect(apiUrl, 20, () => m.token)));
  const ms: number[] = [];
  const pending = questions.map(() => [] as { sent: number; committed?: number }[]);
  const after: number[] = [];
  const warm = new Set<number>();
  const disposers = questions.map((id, w) =>
    clients[w % clients.length].subscribe(
      via === 'questionActivity' ? { query: ACTIVITY, variables: { id } } : { query: NOTIFICATION },
      {
        next: (frame) => {
          const now = performance.now();
          // An asker's inbox may also hear of other things (a late job of an earlier measurement): only this question's answers count.
          if (via === 'notificationAdded') {
            const n = (frame.data as { notificationAdded?: { question?: { id: string } | null } } | null | undefined)
              ?.notificationAdded;
            if (n?.question?.id !== id) return;
          }
          const started = pending[w].shift();
          if (started === undefined) warm.add(w);
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
    // Let the subscriptions settle: untimed answers until each subscriber has heard one. graphql-ws
    // does not acknowledge a subscription, and a message published before the server has set it up
    // is never delivered, so a question whose subscriber heard nothing gets another answer (rounds).
    for (let round = 0; round < 5 && warm.size < writers; round++) {
      await Promise.all(
        questions.map((id, w) =>
          warm.has(w) ? undefined : postAnswer(apiUrl, members[(w + 1) % members.length], id, -1 - round),
        ),
      );
      const settle = performance.now() + 6_000;
      while (warm.size < writers && performance.now() < settle) await new Promise((r) => setTimeout(r, 20));
    }
    if (warm.size < writers) throw new Error(`only ${warm.size} of ${writers} subscriptions answered the warm-up`);
    // Warm-up deliveries still on their way would be taken for timed ones: start from an idle queue.
    if (dbUrl) await drainJobs(dbUrl, 60_000);
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
    // Wait for the last deliveries (bounded; notifications go through a slower job than questionActivity).
    const deadline = performance.now() + (via === 'questionActivity' ? 10_000 : 60_000);
    while (pending.some((p) => p.length) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  } finally {
    disposers.forEach((d) => d());
    await Promise.all(clients.map((c) => c.dispose()));
  }
  return { ...figures(ms, after, writes), writes };
}

const pgbossBusy = async (dbUrl: string) =>
  Number(
    (
      await query<{ n: number }>(
        dbUrl,
        `SELECT count(*)::int AS n FROM pgboss.job WHERE name IN ('notifications', 'live-question-activity') AND state IN ('created', 'retry', 'active') AND start_after <= now()`,
      )
    )[0].n,
  );

/** Waits (bounded) until no notification or live job is due or running (emails are not waited for); returns how long it took. */
export async function drainJobs(dbUrl: string, limitMs: number): Promise<{ ms: number; drained: boolean }> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    if ((await pgbossBusy(dbUrl)) === 0) return { ms: round(performance.now() - started), drained: true };
    await new Promise((r) => setTimeout(r, 100));
  }
  return { ms: round(performance.now() - started), drained: false };
}

/** 10,000 bench-only members (handles `benchfan<n>`), made once per database. */
async function ensureFollowers(dbUrl: string, count: number): Promise<void> {
  const [{ n }] = await query<{ n: number }>(
    dbUrl,
    `SELECT count(*)::int AS n FROM users WHERE handle LIKE 'benchfan%'`,
  );
  if (n >= count) return;
  await query(
    dbUrl,
    `INSERT INTO users (handle, email, display_name, password_hash, role, created_at)
     SELECT 'benchfan' || g, 'benchfan' || g || '@example.test', 'Fan ' || g, 'x', 'MEMBER', now() - interval '30 days'
     FROM generate_series($1::int + 1, $2::int) g`,
    [n, count],
  );
}

export interface LatencySide {
  p50: number;
  p95: number;
  p99: number;
  requests: number;
}

const side = (ms: number[]): LatencySide => ({
  p50: round(percentile(ms, 50)),
  p95: round(percentile(ms, 95)),
  p99: round(percentile(ms, 99)),
  requests: ms.length,
});

/**
 * postAnswer on a question watched by `followers` members vs on an unfollowed question, side by side:
 * phases alternate (quiet, followed, quiet, followed), each `perPhase` answers by `concurrency`
 * clients posting one after another. First, one answer on a fresh followed question with nothing else
 * running: the time until all its notifications exist (count polled).
 */
export async function measureFollowedAnswer(
  apiUrl: string,
  dbUrl: string,
  members: Member[],
  opts: { followers: number; perPhase: number; concurrency: number },
) {
  await ensureFollowers(dbUrl, opts.followers);
  const asker = members[0];
  const quiet = await ask(apiUrl, asker, Date.now());
  const followed = await ask(apiUrl, asker, Date.now() + 1);
  await query(
    dbUrl,
    `INSERT INTO follows (user_id, target_type, target_key, level) SELECT id, 'QUESTION', $1, 'WATCHING' FROM users WHERE handle LIKE 'benchfan%' LIMIT $2`,
    [followed, opts.followers],
  );
  await query(dbUrl, 'ANALYZE follows');
  await drainJobs(dbUrl, 60_000);

  // All notifications of one answer: the followers and the asker (the answerer is excluded).
  const expected = opts.followers + 1;
  const count = async () =>
    Number(
      (
        await query<{ n: number }>(dbUrl, `SELECT count(*)::int AS n FROM notifications WHERE answer_id = $1`, [
          answerId,
        ])
      )[0].n,
    );
  const sent = performance.now();
  const answerId = await postAnswer(apiUrl, members[1], followed, -1);
  const committed = performance.now();
  let notified = 0;
  while (performance.now() - committed < 120_000) {
    notified = await count();
    if (notified >= expected) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const allNotified = {
    afterCommitMs: round(performance.now() - committed),
    fromRequestMs: round(performance.now() - sent),
    notified,
    expected,
  };
  // Warm the quiet path too.
  await postAnswer(apiUrl, members[1], quiet, -1);
  await drainJobs(dbUrl, 60_000);

  const results = { quiet: [] as number[], followed: [] as number[] };
  let n = 0;
  for (const target of ['quiet', 'followed', 'quiet', 'followed'] as const) {
    const questionId = target === 'quiet' ? quiet : followed;
    let left = opts.perPhase;
    await Promise.all(
      Array.from({ length: opts.concurrency }, async () => {
        while (left > 0) {
          left--;
          const i = n++;
          const started = performance.now();
          await postAnswer(apiUrl, members[1 + (i % (members.length - 1))], questionId, i);
          results[target].push(performance.now() - started);
        }
      }),
    );
  }
  // The followed phases queued one 10,000-row fan-out per answer: let them finish before the next measurement.
  const backlog = await drainJobs(dbUrl, 300_000);
  return { quiet: side(results.quiet), followed: side(results.followed), allNotified, backlog, ...opts };
}
