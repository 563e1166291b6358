import type { EntityManager } from 'typeorm';
import { col, maybeOne, one, rows, table, type Db, type RowOf } from '@crossroads/api-platform';
import { PROFILE_COLUMNS, profileFromRow } from '../common/sql.js';
import type { MentorProfileEntity } from './mentor-profile.entity.js';

/* The SQL on mentor_profiles: the profile itself, mentors' stats and the directory. */

/** A profile as PROFILE_COLUMNS selects it. */
export const mentorProfilesTable = table('mentor_profiles', {
  userId: col.uuid(),
  headline: col.text(),
  bio: col.text(),
  yearsExperience: col.int(),
  industries: col.textArray(),
  certifications: col.textArray(),
  expertise: col.textArray(),
  links: col.textArray(),
  acceptingRequests: col.bool(),
  maxOpenRequests: col.int(),
  verifiedAt: col.timestamp().nullable(),
  verifiedById: col.uuid().nullable(),
  createdAt: col.timestamp(),
  updatedAt: col.timestamp(),
});
export type MentorProfileRow = RowOf<typeof mentorProfilesTable>;

/** The member's profile, locked until the caller's transaction ends. */
export async function lockProfile(m: EntityManager, userId: string): Promise<MentorProfileEntity | null> {
  const row = await maybeOne<MentorProfileRow>(
    m,
    `SELECT ${PROFILE_COLUMNS} FROM mentor_profiles mp WHERE mp.user_id = $1 FOR UPDATE`,
    [userId],
  );
  return row ? profileFromRow(row) : null;
}

export type ProfileValues = Pick<
  MentorProfileRow,
  | 'userId'
  | 'headline'
  | 'bio'
  | 'yearsExperience'
  | 'industries'
  | 'certifications'
  | 'expertise'
  | 'links'
  | 'acceptingRequests'
  | 'maxOpenRequests'
>;

/** Creates the profile or replaces its fields. */
export async function upsertProfile(m: EntityManager, p: ProfileValues): Promise<MentorProfileEntity> {
  const row = await one<MentorProfileRow>(
    m,
    `INSERT INTO mentor_profiles AS mp (user_id, headline, bio, years_experience, industries, certifications, expertise, links, accepting_requests, max_open_requests)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (user_id) DO UPDATE SET headline = EXCLUDED.headline, bio = EXCLUDED.bio, years_experience = EXCLUDED.years_experience,
       industries = EXCLUDED.industries, certifications = EXCLUDED.certifications, expertise = EXCLUDED.expertise, links = EXCLUDED.links,
       accepting_requests = EXCLUDED.accepting_requests, max_open_requests = EXCLUDED.max_open_requests, updated_at = now()
     RETURNING ${PROFILE_COLUMNS}`,
    [
      p.userId,
      p.headline,
      p.bio,
      p.yearsExperience,
      p.industries,
      p.certifications,
      p.expertise,
      p.links,
      p.acceptingRequests,
      p.maxOpenRequests,
    ],
  );
  return profileFromRow(row);
}

/** Marks the profile verified by `verifierId` (kept when it already was) or not; null without a profile. */
export async function setVerified(
  m: EntityManager,
  userId: string,
  verified: boolean,
  verifierId: string,
): Promise<MentorProfileEntity | null> {
  const row = await maybeOne<MentorProfileRow>(
    m,
    `UPDATE mentor_profiles AS mp SET verified_at = CASE WHEN $2 THEN coalesce(mp.verified_at, now()) END,
       verified_by_id = CASE WHEN $2 THEN coalesce(mp.verified_by_id, $3::uuid) END
     WHERE mp.user_id = $1
     RETURNING ${PROFILE_COLUMNS}`,
    [userId, verified, verifierId],
  );
  return row ? profileFromRow(row) : null;
}

/** Deletes the member's profile; whether there was one. */
export async function deleteProfile(m: EntityManager, userId: string): Promise<boolean> {
  const deleted = await rows<{ userId: string }>(
    m,
    `DELETE FROM mentor_profiles WHERE user_id = $1 RETURNING user_id AS "userId"`,
    [userId],
  );
  return deleted.length > 0;
}

export async function profilesByUserIds(db: Db, userIds: readonly string[]): Promise<MentorProfileEntity[]> {
  const found = await rows<MentorProfileRow>(
    db,
    `SELECT ${PROFILE_COLUMNS} FROM mentor_profiles mp WHERE mp.user_id = ANY($1::uuid[])`,
    [[...userIds]],
  );
  return found.map(profileFromRow);
}

/** Mentors taking requests whose expertise shares a tag with `tags` (the GIN index on expertise). */
export async function mentorIdsForTags(db: Db, tags: readonly string[]): Promise<string[]> {
  const found = await rows<{ id: string }>(
    db,
    `SELECT mp.user_id AS id FROM mentor_profiles mp WHERE mp.expertise && $1::varchar[] AND mp.accepting_requests`,
    [tags],
  );
  return found.map((r) => r.id);
}

export interface MentorStatsRow {
  userId: string;
  answerCount: number;
  acceptedAnswerCount: number;
  acceptedByTag: { tag: string; count: number }[];
  /** percentile_cont: float8, null without first answers. */
  medianSeconds: number | null;
  completed: number;
  reviewCount: number;
  averageRating: number | null;
}

/** Stats of many mentors in one statement (live Q&A data through qa's read models). */
export function mentorStats(db: Db, userIds: readonly string[]): Promise<MentorStatsRow[]> {
  return rows<MentorStatsRow>(
    db,
    `SELECT mp.user_id AS "userId",
       coalesce(s.answer_count, 0) AS "answerCount", coalesce(s.accepted_count, 0) AS "acceptedAnswerCount",
       (SELECT coalesce(json_agg(json_build_object('tag', t.tag, 'count', t.accepted_count) ORDER BY t.accepted_count DESC, t.tag), '[]'::json)
          FROM qa_accepted_by_tag t WHERE t.user_id = mp.user_id AND t.tag = ANY(mp.expertise)) AS "acceptedByTag",
       (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY f.seconds)
          FROM qa_first_answers f WHERE f.user_id = mp.user_id AND f.tags && mp.expertise) AS "medianSeconds",
       (SELECT count(*)::int FROM mentorship_requests r WHERE r.mentor_id = mp.user_id AND r.status = 'COMPLETED') AS "completed",
       rv.n AS "reviewCount", rv.average AS "averageRating"
     FROM mentor_profiles mp
     LEFT JOIN LATERAL (SELECT s.answer_count, s.accepted_count FROM qa_answer_stats s WHERE s.user_id = mp.user_id) s ON true
     LEFT JOIN LATERAL (SELECT count(*)::int AS n, avg(v.rating)::float8 AS average FROM mentorship_reviews v WHERE v.mentor_id = mp.user_id) rv ON true
     WHERE mp.user_id = ANY($1::uuid[])`,
    [[...userIds]],
  );
}

export interface DirectoryFilter {
  expertise?: string | null;
  industry?: string | null;
  certification?: string | null;
  acceptingRequests?: boolean | null;
  search?: string | null;
}

export interface DirectoryEntry {
  profile: MentorProfileEntity;
  rank: number;
  accepted: number;
}

/**
 * One page of the directory and how many profiles match, in one statement. `filtered` ranks by
 * relevance (see MentorProfilesService.directory), else by accepted answers; keyset (rank, accepted, userId).
 */
export async function directoryPage(
  db: Db,
  filter: DirectoryFilter,
  filtered: boolean,
  after: readonly [number, number, string] | null,
  limit: number,
): Promise<{ totalCount: number; entries: DirectoryEntry[] }> {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  let tagAccepted = 'coalesce(s.accepted_count, 0)';
  let tagJoin = '';
  if (filter.expertise) {
    const p = add(filter.expertise);
    where.push(`mp.expertise @> ARRAY[${p}]::varchar[]`);
    tagJoin = `LEFT JOIN LATERAL (SELECT t.accepted_count FROM qa_accepted_by_tag t WHERE t.user_id = mp.user_id AND t.tag = ${p}) et ON true`;
    tagAccepted = 'coalesce(et.accepted_count, 0)';
  }
  if (filter.industry) where.push(`mp.industries @> ARRAY[${add(filter.industry)}]::varchar[]`);
  if (filter.certification) where.push(`mp.certifications @> ARRAY[${add(filter.certification)}]::varchar[]`);
  if (filter.acceptingRequests !== undefined && filter.acceptingRequests !== null)
    where.push(`mp.accepting_requests = ${add(filter.acceptingRequests)}`);
  let searchRank = '0';
  if (filter.search) {
    const p = add(filter.search);
    where.push(`to_tsvector('english', mp.headline || ' ' || mp.bio) @@ websearch_to_tsquery('english', ${p})`);
    searchRank = `ts_rank(to_tsvector('english', mp.headline || ' ' || mp.bio), websearch_to_tsquery('english', ${p}))`;
  }
  const rank = filtered
    ? `(ln(1 + ${tagAccepted}) + 10 * ${searchRank} + CASE WHEN mp.verified_at IS NOT NULL THEN 0.5 ELSE 0 END + CASE WHEN mp.accepting_requests THEN 0.5 ELSE 0 END)::float8`
    : `coalesce(s.accepted_count, 0)::float8`;
  const keyset = after
    ? `WHERE (f.rank, f.accepted, f.user_id) < (${add(after[0])}::float8, ${add(after[1])}::int, ${add(after[2])}::uuid)`
    : '';
  // A LEFT JOIN LATERAL page row: the profile's columns are null when nothing matches.
  const found = await rows<
    { totalCount: number; rank: number | null; accepted: number | null } & Partial<MentorProfileRow>
  >(
    db,
    `WITH f AS MATERIALIZED (
       SELECT mp.user_id, ${rank} AS rank, coalesce(s.accepted_count, 0) AS accepted
       FROM mentor_profiles mp
       LEFT JOIN LATERAL (SELECT s.accepted_count FROM qa_answer_stats s WHERE s.user_id = mp.user_id) s ON true
       ${tagJoin}
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     )
     SELECT (SELECT count(*) FROM f)::int AS "totalCount", p.* FROM (SELECT 1) one
     LEFT JOIN LATERAL (
       SELECT f.rank, f.accepted, ${PROFILE_COLUMNS} FROM f JOIN mentor_profiles mp ON mp.user_id = f.user_id
       ${keyset}
       ORDER BY f.rank DESC, f.accepted DESC, f.user_id DESC LIMIT ${limit}
     ) p ON true
     ORDER BY p.rank DESC, p.accepted DESC, p."userId" DESC`,
    params,
  );
  return {
    totalCount: found[0]?.totalCount ?? 0,
    entries: found
      .filter((r) => r.userId !== null)
      .map((r) => ({ profile: profileFromRow(r), rank: Number(r.rank), accepted: Number(r.accepted) })),
  };
}
