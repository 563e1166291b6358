import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AccountStanding, Role } from '@crossroads/shared-domain';
import {
  AuditWriter,
  ConflictError,
  NotFoundError,
  byKeys,
  type LoaderRegistry,
  type Principal,
  inTransaction,
} from '@crossroads/api-platform';
import { UserEntity } from './user.entity.js';
import * as users from './users.repository.js';

/** Users as other contexts see them: lookups, batch loading, role changes. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    /** The moderation log (provided by the moderation context): role changes are audited. */
    @Optional() private readonly audit?: AuditWriter,
  ) {}

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return manager.findOne(UserEntity, { where: { id } });
  }

  findByHandle(handle: string): Promise<UserEntity | null> {
    return this.dataSource.manager.findOne(UserEntity, { where: { handle: handle.trim().toLowerCase() } });
  }

  /**
   * Per-request batch loader: every author on a page in one query. It waits for the request's
   * tracked loads (answer pages, mentor suggestions) that discover more authors (LoaderRegistry).
   */
  loader(loaders: LoaderRegistry) {
    return loaders.get<string, UserEntity | null>(
      'users.byId',
      async (ids) => {
        // Hand-written rather than manager.find: the same row, without building the statement and
        // hydrating through TypeORM's metadata on every page.
        const found = await users.usersByIds(this.dataSource, ids);
        return byKeys(
          ids,
          found.map((r) => Object.assign(new UserEntity(), r)),
          (u) => u.id,
          null,
        );
      },
      { after: 'discoveries' },
    );
  }

  /**
   * Presence for the email rules: when each user was last active (null: not since presence was
   * recorded) and when they joined. One indexed read by primary key.
   */
  async lastSeen(userIds: readonly string[]): Promise<Map<string, { lastSeenAt: Date | null; createdAt: Date }>> {
    if (!userIds.length) return new Map();
    const found = await users.lastSeenByIds(this.dataSource, userIds);
    return new Map(found.map((r) => [r.id, { lastSeenAt: r.lastSeenAt, createdAt: r.createdAt }]));
  }

  /** Every account in id order with when it joined, a page at a time (insights' backfill), and how many there are. */
  joinedPage(afterId: string | null, limit: number): Promise<{ id: string; createdAt: Date }[]> {
    return users.joinedPage(this.dataSource, afterId, limit);
  }

  countAll(): Promise<number> {
    return users.countUsers(this.dataSource);
  }

  /** Role, reputation and age of each account (the facts flag weights and vote rules use), in the caller's transaction. */
  async standings(manager: EntityManager, userIds: readonly string[]): Promise<Map<string, AccountStanding>> {
    const found = await users.standingsByIds(manager, userIds);
    return new Map(found.map(({ id, ...standing }) => [id, standing]));
  }

  /** The standing of an account known to exist (the signed-in member's). */
  async standing(manager: EntityManager, userId: string): Promise<AccountStanding> {
    const { id: _id, ...standing } = (await users.standingsByIds(manager, [userId]))[0];
    return standing;
  }

  /** The account with this handle, locked until the caller's transaction ends (a moderator acting on it). */
  async lockByHandle(
    manager: EntityManager,
    handle: string,
  ): Promise<{ id: string; handle: string; role: Role } | undefined> {
    return users.lockByHandle(manager, handle.trim().toLowerCase());
  }

  /** Seconds until the account is `periodSeconds` old; null when it already is (or does not exist). */
  async secondsUntilAged(manager: EntityManager, userId: string, periodSeconds: number): Promise<number | null> {
    return (await users.secondsUntilAged(manager, userId, periodSeconds)) ?? null;
  }

  /**
   * Moves a user's cached reputation by `delta`, inside the caller's transaction (the one that writes
   * the matching ledger event), atomically: concurrent events never lose an update.
   */
  async adjustReputation(manager: EntityManager, userId: string, delta: number): Promise<void> {
    if (!Number.isInteger(delta)) throw new TypeError('reputation delta must be an integer');
    if (delta === 0) return;
    await manager
      .createQueryBuilder()
      .update(UserEntity)
      .set({ reputation: () => `reputation + ${delta}` })
      .where('id = :userId', { userId })
      .execute();
  }

  /**
   * Makes a MEMBER a MENTOR inside the caller's transaction (the one that creates their mentor
   * profile). Mentors, moderators and admins keep their role. True when the role changed.
   */
  async promoteToMentor(manager: EntityManager, userId: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(UserEntity)
      .set({ role: 'MENTOR' })
      .where('id = :userId AND role = :member', { userId, member: 'MEMBER' })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async setRole(actor: Principal, handle: string, role: Role): Promise<UserEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { handle }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundError(`User @${handle}`, 'handle');
      if (user.id === actor.id)
        throw new ConflictError('You cannot change your own role; ask another admin.', 'handle');
      if (user.role !== role) {
        const previous = user.role;
        user.role = role;
        await manager.save(user);
        await this.audit?.record(manager, {
          actorId: actor.id,
          action: 'SET_ROLE',
          targetType: 'USER',
          targetId: user.id,
          details: { handle: user.handle, from: previous, to: role },
        });
      }
      return user;
    });
  }
}
