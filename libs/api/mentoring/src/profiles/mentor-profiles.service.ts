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
} from '@crossroads/api-platform';
import { UsersService } from '@crossroads/api-accounts';
import { TagsService } from '@crossroads/api-qa';
import * as profiles from './mentor-profiles.repository.js';
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
      const existing = await profiles.lockProfile(m, viewer.id);
      await this.tags.ensure(m, input.expertise);
      const saved = await profiles.upsertProfile(m, {
        userId: viewer.id,
        headline: input.headline,
        bio: input.bio ?? existing?.bio ?? '',
        yearsExperience: input.yearsExperience,
        industries: input.industries ?? existing?.industries ?? [],
        certifications: input.certifications ?? existing?.certifications ?? [],
        expertise: input.expertise,
        links: input.links ?? existing?.links ?? [],
        acceptingRequests: input.acceptingRequests ?? existing?.acceptingRequests ?? true,
        maxOpenRequests: input.maxOpenRequests ?? existing?.maxOpenRequests ?? LIMITS.mentoring.maxOpenRequests.default,
      });
      if (!existing) await this.users.promoteToMentor(m, viewer.id);
      return saved;
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
      const profile = user ? await profiles.setVerified(m, user.id, verified, viewer.id) : null;
      if (!profile) throw new NotFoundError(`Mentor profile of @${input.handle}`, 'handle');
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
    return profiles.deleteProfile(manager, userId);
  }

  /** Profiles by user id, batched per request (after the loads that discover authors, like the users loader). */
  loader(loaders: LoaderRegistry) {
    return loaders.get<string, MentorProfileEntity | null>(
      'mentoring.profiles.byUserId',
      async (ids) => {
        return byKeys(ids, await profiles.profilesByUserIds(this.dataSource, ids), (p) => p.userId, null);
      },
      { after: 'discoveries' },
    );
  }

  /** Mentors taking requests whose expertise shares a tag with `tags` (the GIN index on expertise): who hears of a matching question. */
  async mentorIdsForTags(tags: string[]): Promise<string[]> {
    if (!tags.length) return [];
    return profiles.mentorIdsForTags(this.dataSource, tags);
  }

  /** Stats of many mentors in one statement (live Q&A data through qa's exported read models). */
  statsLoader(loaders: LoaderRegistry) {
    return loaders.get<string, MentorStats>('mentoring.profiles.stats', async (ids) => {
      const rows = await profiles.mentorStats(this.dataSource, ids);
      const stats = rows.map((r) => ({
        userId: r.userId,
        answerCount: Number(r.answerCount),
        acceptedAnswerCount: Number(r.acceptedAnswerCount),
        acceptedByTag: r.acceptedByTag.map((t) => ({
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
    const after = args.after ? decodeCursor(args.after, list, ['number', 'number', 'id']) : null;
    const { totalCount, entries } = await profiles.directoryPage(this.dataSource, args, filtered, after, size + 1);
    const page = toPage(entries, size);
    return {
      items: page.items.map((e) => e.profile),
      cursors: page.items.map((e) => encodeCursor(list, [e.rank, e.accepted, e.profile.userId])),
      hasNextPage: page.hasNextPage,
      totalCount,
    };
  }
}
