import type { TestApp, TestUser } from './test-app.js';

export const NOTIFICATIONS = `query($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    edges { cursor node { id type read text url count createdAt actor { handle } question { id title } answer { id } comment { id } mentorship { id } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export interface Note {
  id: string;
  type: string;
  read: boolean;
  text: string;
  url: string;
  count: number;
  createdAt: string;
  actor: { handle: string } | null;
  question: { id: string; title: string } | null;
  answer: { id: string } | null;
  comment: { id: string } | null;
  mentorship: { id: string } | null;
}

/** The user's newest notifications (up to 50). */
export async function notificationsOf(t: TestApp, user: TestUser, unreadOnly = false): Promise<Note[]> {
  const res = await t.gql(NOTIFICATIONS, { first: 50, unreadOnly }, { token: user.token });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return (res.data!.notifications.edges as { node: Note }[]).map((e) => e.node);
}

/** Polls `probe` until `done` holds or the deadline passes (then fails with the last value): no fixed sleeps. */
export async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  for (;;) {
    last = await probe();
    if (done(last)) return last;
    if (Date.now() > deadline)
      throw new Error(`waitFor: condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until `user` has a notification matching `match`, and returns all of theirs. */
export async function waitForNote(
  t: TestApp,
  user: TestUser,
  match: (n: Note) => boolean,
  timeoutMs?: number,
): Promise<Note[]> {
  return waitFor(
    () => notificationsOf(t, user),
    (notes) => notes.some(match),
    timeoutMs,
  );
}

/** Waits until `user` has a notification matching `match`, and returns the newest such one. */
export async function waitForMatchingNote(
  t: TestApp,
  user: TestUser,
  match: (n: Note) => boolean,
  timeoutMs?: number,
): Promise<Note> {
  return (await waitForNote(t, user, match, timeoutMs)).find(match)!;
}
