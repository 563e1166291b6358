import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { LIMITS } from '@crossroads/shared-domain';
import {
  AuditWriter,
  NotFoundError,
  byKeys,
  type LoaderRegistry,
  type Principal,
  decodeCursor,
  encodeCursor,
  inTransaction,
  pageSize,
  toPage,
  returning,
  type Row,
} from '@crossroads/api-platform';
import { UsersService } from '@crossroads/api-accounts';
import { TagsService } from '@crossroads/api-qa';
import { PROFILE_COLUMNS, profileFromRow } from '../common/sql.js';
import type { MentorProfileInput, VerifyMentorProfileInput } from './dto/mentor-profile.input.js';
import type { MentorsArgs } from './dto/mentors.args.js';
import type { MentorProfileEntity } from './mentor-profile.entity.js';

export interface MentorStats {
  answerCount: number;
  acceptedAnswerCount: number;
  acceptedByTag: { tag: string; count: number }[];
  medianSecondsToFirstAnswer: number | null;
  completedMentorships: number;
  reviewCount: number;
  averageRating: number | null;
}

export interface MentorDirectoryPage {
  items: MentorProfileEntity[];
  cursors: string[];
  hasNextPage: boolean;
  totalCount: number;
}

const EMPTY_STATS: MentorStats = {
  answerCount: 0,
  acceptedAnswerCount: 0,
  acceptedByTag: [],
  medianSecondsToFirstAnswer: null,
  completedMentorships: 0,
  reviewCount: 0,
  averageRating: null,
};

@Injectable()
export class MentorProfilesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly tags: TagsService,
    @Optional() private readonly audit?: AuditWriter,
  ) {}

  /**
   * Creates or updates the caller's profile (omitted optional fields keep their value, or take the
   * default on creation). Creating one makes a MEMBER a MENTOR, in the same transaction.
   */
  async upsert(viewer: Principal, input: MentorProfileInput): Promise<MentorProfileEntity> {
    return inTransaction(this.dataSource, async (m) => {
      const [existingRow] = (await m.query(
        `SELECT ${PROFILE_COLUMNS} FROM mentor_profiles mp WHERE mp.user_id = $1 FOR UPDATE`,
        [viewer.id],
      )) as Row[];
      const existing = existingRow ? profileFromRow(existingRow) : null;
      await this.tags.ensure(m, input.expertise);
      const values = [
        viewer.id,
        input.headline,
        input.bio ?? existing?.bio ?? '',
        input.yearsExperience,
        input.industries ?? existing?.industries ?? [],
        input.certifications ?? existing?.certifications ?? [],
        input.expertise,
        input.links ?? existing?.links ?? [],
        input.acceptingRequests ?? existing?.acceptingRequests ?? true,
        input.maxOpenRequests ?? existing?.maxOpenRequests ?? LIMITS.mentoring.maxOpenRequests.default,
      ];
      const [row] = (await m.query(
        `INSERT INTO mentor_profiles AS mp (user_id, headline, bio, years_experience, industries, certifications, expertise, links, accepting_requests, max_open_requests)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (user_id) DO UPDATE SET headline = EXCLUDED.headline, bio = EXCLUDED.bio, years_experience = EXCLUDED.years_experience,
           industries = EXCLUDED.industries, certifications = EXCLUDED.certifications, expertise = EXCLUDED.expertise, links = EXCLUDED.links,
           accepting_requests = EXCLUDED.accepting_requests, max_open_requests = EXCLUDED.max_open_requests, updated_at = now()
         RETURNING ${PROFILE_COLUMNS}`,
        values,
      )) as Row[];
      if (!existing) await this.users.promoteToMentor(m, viewer.id);
      return profileFromRow(row);
    });
  }

  /**
   * A moderator marks a profile verified (or not). The verifier and time are kept on the profile,
   * and the decision goes to the moderation audit log (the platform's AuditWriter, provided by the
   * moderation module) in the same transaction.
   */
  async verify(viewer: Principal, input: VerifyMentorProfileInput): Promise<MentorProfileEntity> {
    return inTransaction(this.dataSource, async (m) => {
      const verified = input.verified ?? true;
      // The handle's account through the accounts context (it owns users).
      const user = await this.users.findByHandle(input.handle);
      const [row] = user
        ? await returning(
            m,
            `UPDATE mentor_profiles AS mp SET verified_at = CASE WHEN $2 THEN coalesce(mp.verified_at, now()) END,
               verified_by_id = CASE WHEN $2 THEN coalesce(mp.verified_by_id, $3::uuid) END
             WHERE mp.user_id = $1
             RETURNING ${PROFILE_COLUMNS}`,
            [user.id, verified, viewer.id],
          )
        : [];
      if (!row) throw new NotFoundError(`Mentor profile of @${input.handle}`, 'handle');
      const profile = profileFromRow(row);
      await this.audit?.record(m, {
        actorId: viewer.id,
        action: verified ? 'VERIFY_MENTOR' : 'UNVERIFY_MENTOR',
        targetType: 'USER',
        targetId: profile.userId,
        details: { handle: input.handle },
      });
      return profile;
    });
  }

  /** An erased account's profile goes, with its personal text (headline, bio, links): it leaves the directory and matching. */
  async removeForErasedAccount(manager: EntityManager, userId: string): Promise<boolean> {
    const rows = await returning<{ user_id: string }>(
      manager,
      `DELETE FROM mentor_profiles WHERE user_id = $1 RETURNING user_id`,
      [userId],
    );
    return rows.length > 0;
  }

  /** Profiles by user id, batched per request (after the loads that discover authors, like the users loader). */
  loader(loaders: LoaderRegistry) {
    return loaders.get<string, MentorProfileEntity | null>(
      'mentoring.profiles.byUserId',
      async (ids) => {
        const rows = (await this.dataSource.query(
          `SELECT ${PROFILE_COLUMNS} FROM mentor_profiles mp WHERE mp.user_id = ANY($1::uuid[])`,
          [[...ids]],
        )) as Row[];
        return byKeys(ids, rows.map(profileFromRow), (p) => p.userId, null);
      },
      { after: 'discoveries' },
    );
  }

  /** Mentors taking requests whose expertise shares a tag with `tags` (the GIN index on expertise): who hears of a matching question. */
  async mentorIdsForTags(tags: string[]): Promise<string[]> {
    if (!tags.length) return [];
    const rows = (await this.dataSource.query(
      `SELECT mp.user_id AS id FROM mentor_profiles mp WHERE mp.expertise && $1::varchar[] AND mp.accepting_requests`,
      [tags],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Stats of many mentors in one statement (live Q&A data through qa's exported read models). */
  statsLoader(loaders: LoaderRegistry) {
    return loaders.get<string, MentorStats>('mentoring.profiles.stats', async (ids) => {
      const rows = (await this.dataSource.query(
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
        [[...ids]],
      )) as Row[];
      const stats = rows.map((r) => ({
        userId: String(r.userId),
        answerCount: Number(r.answerCount),
        acceptedAnswerCount: Number(r.acceptedAnswerCount),
        acceptedByTag: (r.acceptedByTag as { tag: string; count: number }[]).map((t) => ({
          tag: t.tag,
          count: Number(t.count),
        })),
        medianSecondsToFirstAnswer: r.medianSeconds === null ? null : Number(r.medianSeconds),
        completedMentorships: Number(r.completed),
        reviewCount: Number(r.reviewCount),
        averageRating: r.averageRating === null ? null : Math.round(Number(r.averageRating) * 100) / 100,
      }));
      return byKeys(ids, stats, (s) => s.userId, EMPTY_STATS);
    });
  }

  /**
   * The directory, keyset-paged. Unfiltered: by accepted answers (then user id). Filtered (any of
   * expertise, industry, certification, acceptingRequests, search): by relevance =
   *   ln(1 + accepted answers in the `expertise` tag, or in all tags without one)
   *   + 10 · ts_rank of `search` over headline and bio
   *   + 0.5 if verified + 0.5 if accepting requests,
   * then accepted answers, then user id. Filters use the GIN indexes; the set of mentors is small
   * next to questions, so the ranking runs over the filtered set.
   */
  async directory(args: MentorsArgs): Promise<MentorDirectoryPage> {
    const size = pageSize(args.first);
    const filtered = Boolean(
      args.expertise || args.industry || args.certification || args.search || args.acceptingRequests !== undefined,
    );
    const list = filtered ? 'mentors:relevance' : 'mentors:accepted';
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    let tagAccepted = 'coalesce(s.accepted_count, 0)';
    let tagJoin = '';
    if (args.expertise) {
      const p = add(args.expertise);
      where.push(`mp.expertise @> ARRAY[${p}]::varchar[]`);
      tagJoin = `LEFT JOIN LATERAL (SELECT t.accepted_count FROM qa_accepted_by_tag t WHERE t.user_id = mp.user_id AND t.tag = ${p}) et ON true`;
      tagAccepted = 'coalesce(et.accepted_count, 0)';
    }
    if (args.industry) where.push(`mp.industries @> ARRAY[${add(args.industry)}]::varchar[]`);
    if (args.certification) where.push(`mp.certifications @> ARRAY[${add(args.certification)}]::varchar[]`);
    if (args.acceptingRequests !== undefined && args.acceptingRequests !== null)
      where.push(`mp.accepting_requests = ${add(args.acceptingRequests)}`);
    let searchRank = '0';
    if (args.search) {
      const p = add(args.search);
      where.push(`to_tsvector('english', mp.headline || ' ' || mp.bio) @@ websearch_to_tsquery('english', ${p})`);
      searchRank = `ts_rank(to_tsvector('english', mp.headline || ' ' || mp.bio), websearch_to_tsquery('english', ${p}))`;
    }
    const rank = filtered
      ? `(ln(1 + ${tagAccepted}) + 10 * ${searchRank} + CASE WHEN mp.verified_at IS NOT NULL THEN 0.5 ELSE 0 END + CASE WHEN mp.accepting_requests THEN 0.5 ELSE 0 END)::float8`
      : `coalesce(s.accepted_count, 0)::float8`;
    let keyset = '';
    if (args.after) {
      const [r, a, id] = decodeCursor(args.after, list, ['number', 'number', 'id']);
      keyset = `WHERE (f.rank, f.accepted, f.user_id) < (${add(r)}::float8, ${add(a)}::int, ${add(id)}::uuid)`;
    }
    const rows = (await this.dataSource.query(
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
         ORDER BY f.rank DESC, f.accepted DESC, f.user_id DESC LIMIT ${size + 1}
       ) p ON true
       ORDER BY p.rank DESC, p.accepted DESC, p."userId" DESC`,
      params,
    )) as Row[];
    const totalCount = Number(rows[0]?.totalCount ?? 0);
    const live = rows.filter((r) => r.userId !== null);
    const page = toPage(live, size);
    return {
      items: page.items.map(profileFromRow),
      cursors: page.items.map((r) => encodeCursor(list, [Number(r.rank), Number(r.accepted), String(r.userId)])),
      hasNextPage: page.hasNextPage,
      totalCount,
    };
  }
}
