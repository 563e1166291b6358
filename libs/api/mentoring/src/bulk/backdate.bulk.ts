import { affected, type Db } from '@crossroads/api-platform';

export interface MentoringBackdate {
  /** A profile's creation; `verifiedAt` applies only to a profile that is verified. */
  profiles: ReadonlyArray<{ userId: string; createdAt: Date; verifiedAt: Date }>;
  requests: ReadonlyArray<{
    id: string;
    createdAt: Date;
    respondedAt: Date | null;
    closedAt: Date | null;
    reviewedAt: Date | null;
  }>;
}

/** Moves mentoring's rows of demo and test data back in time, in the caller's transaction. */
export async function backdateMentoring(db: Db, input: MentoringBackdate): Promise<void> {
  if (input.profiles.length) {
    await affected(
      db,
      `UPDATE mentor_profiles mp SET created_at = x.created, updated_at = x.created,
         verified_at = CASE WHEN mp.verified_at IS NOT NULL THEN x.verified END
       FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS x(user_id, created, verified) WHERE mp.user_id = x.user_id`,
      [
        input.profiles.map((p) => p.userId),
        input.profiles.map((p) => p.createdAt.toISOString()),
        input.profiles.map((p) => p.verifiedAt.toISOString()),
      ],
    );
  }
  if (input.requests.length) {
    const r = input.requests;
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    await affected(
      db,
      `UPDATE mentorship_requests q SET created_at = x.created, responded_at = x.responded, closed_at = x.closed
       FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::timestamptz[]) AS x(id, created, responded, closed) WHERE q.id = x.id`,
      [
        r.map((x) => x.id),
        r.map((x) => x.createdAt.toISOString()),
        r.map((x) => iso(x.respondedAt)),
        r.map((x) => iso(x.closedAt)),
      ],
    );
    await affected(
      db,
      `UPDATE mentorship_reviews v SET created_at = x.reviewed FROM unnest($1::uuid[], $2::timestamptz[]) AS x(id, reviewed) WHERE v.request_id = x.id AND x.reviewed IS NOT NULL`,
      [r.map((x) => x.id), r.map((x) => iso(x.reviewedAt))],
    );
  }
}
