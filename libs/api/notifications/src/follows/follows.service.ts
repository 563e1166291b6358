import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  BadInputError,
  LoaderRegistry,
  NotFoundError,
  decodeCursor,
  encodeCursor,
  isUuid,
  pageSize,
  toPage,
} from '@crossroads/api-platform';
import { UsersService } from '@crossroads/api-accounts';
import { QuestionsService, TagsService } from '@crossroads/api-qa';
import { MentorProfilesService } from '@crossroads/api-mentoring';
import { FOLLOWING_LEVELS, type FollowLevel, type FollowTargetType } from '../common/types.js';
import * as repo from './follows.repository.js';

/** The level an automatic follow may replace: an explicit choice (auto = false) and Muted are never touched. */
const RAISES: Record<'WATCHING' | 'TRACKING', FollowLevel[]> = {
  WATCHING: ['NORMAL', 'TRACKING'],
  TRACKING: ['NORMAL'],
};

const FIELD: Record<FollowTargetType, string> = { TAG: 'name', QUESTION: 'id', MENTOR: 'handle' };

/** Follows of tags, questions and mentors: levels, counts and lists, batched per request. */
@Injectable()
export class FollowsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly questions: QuestionsService,
    private readonly tags: TagsService,
    private readonly mentors: MentorProfilesService,
  ) {}

  /** The stored key of a target named in the API (tag name, question id, mentor handle); NOT_FOUND naming `field` otherwise. */
  async resolveTarget(
    loaders: LoaderRegistry,
    type: FollowTargetType,
    target: string,
    field = FIELD[type],
  ): Promise<string> {
    const value = target.trim().toLowerCase();
    if (type === 'TAG') {
      if (!(await this.tags.loader(loaders).load(value))) throw new NotFoundError(`Tag "${target}"`, field);
      return value;
    }
    if (type === 'QUESTION') {
      if (!isUuid(value) || !(await this.questions.byIdLoader(loaders).load(value)))
        throw new NotFoundError('Question', field);
      return value;
    }
    const user = await this.users.findByHandle(value.replace(/^@/, ''));
    if (!user || !(await this.mentors.loader(loaders).load(user.id)))
      throw new NotFoundError(`Mentor @${target}`, field);
    return user.id;
  }

  /** An explicit choice: replaces any level, automatic or not. */
  async setLevel(userId: string, type: FollowTargetType, key: string, level: FollowLevel): Promise<void> {
    if (level === 'WATCHING_FIRST_POST' && type !== 'TAG')
      throw new BadInputError('level', 'WATCHING_FIRST_POST applies to tags only.');
    await repo.setLevel(this.dataSource, userId, type, key, level);
  }

  async remove(userId: string, type: FollowTargetType, key: string): Promise<void> {
    await repo.removeFollow(this.dataSource, userId, type, key);
  }

  /**
   * Asking follows at Watching, answering and commenting at Tracking: raises an automatic or
   * Normal-by-default level, never lowers one, never overrides an explicit choice or Muted.
   */
  async autoFollowQuestion(
    manager: EntityManager,
    userId: string,
    questionId: string,
    level: 'WATCHING' | 'TRACKING',
  ): Promise<void> {
    await repo.autoFollowQuestion(manager, userId, questionId, level, RAISES[level]);
  }

  /** The viewer's level per target key (null: none), one statement per page and type. */
  levelLoader(loaders: LoaderRegistry, viewerId: string, type: FollowTargetType) {
    return loaders.get<string, FollowLevel | null>(`notifications.follows.level.${type}`, async (keys) => {
      const rows = await repo.levels(this.dataSource, viewerId, type, keys);
      const found = new Map(rows.map((r) => [r.key, r.level]));
      return keys.map((k) => found.get(k) ?? null);
    });
  }

  /** Followers (Watching, Tracking, Watching first post) per target key, one statement per page and type. */
  countLoader(loaders: LoaderRegistry, type: FollowTargetType) {
    return loaders.get<string, number>(`notifications.follows.count.${type}`, async (keys) => {
      const rows = await repo.followerCounts(this.dataSource, type, keys, FOLLOWING_LEVELS);
      const found = new Map(rows.map((r) => [r.key, Number(r.n)]));
      return keys.map((k) => found.get(k) ?? 0);
    });
  }

  /** Keys the user follows of one type, newest first (tags and mentors: a short list; questions: paged). */
  async followedKeys(userId: string, type: FollowTargetType): Promise<string[]> {
    return repo.followedKeys(this.dataSource, userId, type, FOLLOWING_LEVELS);
  }

  /** Followed question ids, newest follow first, keyset on (created_at, key); with the total. */
  async followedQuestions(userId: string, args: { first?: number | null; after?: string | null }) {
    const size = pageSize(args.first);
    const after = args.after ? decodeCursor(args.after, 'followedQuestions', ['date', 'id']) : undefined;
    const [rows, total] = await Promise.all([
      repo.followedQuestionsPage(this.dataSource, userId, FOLLOWING_LEVELS, size + 1, after),
      repo.followedQuestionsCount(this.dataSource, userId, FOLLOWING_LEVELS),
    ]);
    const page = toPage(rows, size);
    return {
      ...page,
      totalCount: total,
      cursorOf: (r: { key: string; createdAt: Date }) => encodeCursor('followedQuestions', [r.createdAt, r.key]),
    };
  }
}
