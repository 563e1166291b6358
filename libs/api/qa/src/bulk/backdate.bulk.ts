import { rows, type Db } from '@crossroads/api-platform';

export interface QaBackdate {
  /** When each post was written (created and last updated then). */
  posts: ReadonlyArray<{ kind: 'QUESTION' | 'ANSWER' | 'COMMENT'; id: string; at: Date }>;
  /** View counts to set. */
  views?: ReadonlyArray<{ questionId: string; views: number }>;
}

/**
 * Moves qa's rows for demo and test data, which the services stamped with now(), back in time, in
 * the caller's transaction: the posts; their questions' last activity; the votes on them (a few hours
 * to four days after their post, spread by a hash) with their reputation events; acceptances 20 hours
 * after their answer. Never later than a minute ago.
 */
export async function backdateQaRows(db: Db, input: QaBackdate): Promise<void> {
  for (const [kind, table] of [
    ['QUESTION', 'questions'],
    ['ANSWER', 'answers'],
    ['COMMENT', 'comments'],
  ] as const) {
    const posts = input.posts.filter((p) => p.kind === kind);
    if (!posts.length) continue;
    await rows(
      db,
      `UPDATE ${table} t SET created_at = x.at, updated_at = x.at FROM unnest($1::uuid[], $2::timestamptz[]) AS x(id, at) WHERE t.id = x.id`,
      [posts.map((r) => r.id), posts.map((r) => r.at.toISOString())],
    );
  }
  if (input.views?.length) {
    await rows(
      db,
      `UPDATE questions q SET view_count = x.views FROM unnest($1::uuid[], $2::int[]) AS x(id, views) WHERE q.id = x.id`,
      [input.views.map((v) => v.questionId), input.views.map((v) => v.views)],
    );
  }
  const questionIds = input.posts.filter((p) => p.kind === 'QUESTION').map((p) => p.id);
  const postIds = input.posts.filter((p) => p.kind !== 'COMMENT').map((p) => p.id);
  await rows(
    db,
    `UPDATE questions q SET last_activity_at = GREATEST(q.created_at,
       (SELECT max(a.created_at) FROM answers a WHERE a.question_id = q.id),
       (SELECT max(c.created_at) FROM comments c WHERE c.question_id = q.id AND c.status = 'PUBLISHED'))
     WHERE q.id = ANY($1::uuid[])`,
    [questionIds],
  );
  await rows(
    db,
    `UPDATE votes v SET created_at = x.at, updated_at = x.at FROM (
       SELECT v2.user_id, v2.post_id, LEAST(now() - interval '1 minute', p.created_at + make_interval(hours => 1 + abs(hashtext(v2.user_id::text || v2.post_id::text)) % 96)) AS at
       FROM votes v2 JOIN (SELECT id, created_at FROM questions UNION ALL SELECT id, created_at FROM answers) p ON p.id = v2.post_id
       WHERE v2.post_id = ANY($1::uuid[])
     ) x WHERE v.user_id = x.user_id AND v.post_id = x.post_id`,
    [postIds],
  );
  await rows(
    db,
    `UPDATE reputation_events e SET created_at = v.created_at FROM votes v
     WHERE e.kind IN ('QUESTION_UPVOTED', 'ANSWER_UPVOTED', 'POST_DOWNVOTED') AND v.post_id = e.post_id AND v.user_id = e.actor_id AND e.post_id = ANY($1::uuid[])`,
    [postIds],
  );
  await rows(
    db,
    `UPDATE reputation_events e SET created_at = LEAST(now() - interval '1 minute', a.created_at + interval '20 hours') FROM answers a
     WHERE e.kind IN ('ANSWER_ACCEPTED', 'ACCEPTED_AN_ANSWER') AND a.id = e.post_id AND a.id = ANY($1::uuid[])`,
    [postIds],
  );
}
