import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ROLES, type Role } from '@crossroads/shared-domain';
import {
  ActiveSuspensionSql,
  ConflictError,
  ForbiddenError,
  ModerationFacts,
  NotFoundError,
  type ActiveSuspension,
  type Principal,
  inTransaction,
} from '@crossroads/api-platform';
import { UsersService } from '@crossroads/api-accounts';
import { ModerationLogService } from '../log/moderation-log.service.js';
import type { LiftSuspensionInput, SuspendUserInput } from './dto/suspension.inputs.js';
import type { SuspensionEntity } from './suspension.entity.js';
import * as suspensions from './suspensions.repository.js';

/** Moderation's part of the per-request principal lookup (accounts joins it LATERAL): suspensions_user_open_idx. */
export class ActiveSuspensionQuery extends ActiveSuspensionSql {
  forUser(userId: string): string {
    return suspensions.activeSuspensionSql(userId);
  }
}

/** Suspensions (and the SPAM mark): what other contexts learn through ModerationFacts. */
@Injectable()
export class SuspensionsService extends ModerationFacts {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly log: ModerationLogService,
    private readonly users: UsersService,
  ) {
    super();
  }

  /** One indexed lookup (suspensions_user_open_idx). */
  async activeSuspension(
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ActiveSuspension | null> {
    const row = await suspensions.activeEnd(manager, userId);
    return row ? { endsAt: row.endsAt } : null;
  }

  async isSpamMarked(userId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return suspensions.isSpamMarked(manager, userId);
  }

  /** Suspends a member (replacing a current suspension: the new end date wins). Logged. */
  async suspend(actor: Principal, input: SuspendUserInput): Promise<SuspensionEntity> {
    return inTransaction(this.dataSource, async (m) => {
      const target = await this.lockTarget(m, actor, input.handle);
      const current = await suspensions.active(m, target.id);
      if (current.length) await suspensions.liftAll(m, target.id, actor.id);
      const suspension = await suspensions.insert(m, {
        userId: target.id,
        by: actor.id,
        reason: input.reason,
        days: input.days ?? null,
      });
      await this.log.record(m, {
        actorId: actor.id,
        action: 'SUSPEND',
        targetType: 'USER',
        targetId: target.id,
        reason: input.reason,
        details: {
          handle: target.handle,
          days: input.days ?? null,
          endsAt: suspension.endsAt,
          replaced: current.map((c) => c.id),
        },
      });
      return suspension;
    });
  }

  /** Lifts the member's active suspension: NOT_FOUND when there is none. Logged. */
  async lift(actor: Principal, input: LiftSuspensionInput): Promise<SuspensionEntity> {
    return inTransaction(this.dataSource, async (m) => {
      const target = await this.lockTarget(m, actor, input.handle);
      const lifted = await suspensions.liftActive(m, target.id, actor.id);
      if (!lifted.length) throw new ConflictError(`@${target.handle} is not suspended.`, 'handle');
      await this.log.record(m, {
        actorId: actor.id,
        action: 'LIFT_SUSPENSION',
        targetType: 'USER',
        targetId: target.id,
        reason: input.reason ?? null,
        details: { handle: target.handle, suspensionIds: lifted.map((l) => l.id) },
      });
      return lifted[0];
    });
  }

  /** The target, locked; a moderator acts only on roles below their own (never on themselves). */
  private async lockTarget(
    m: EntityManager,
    actor: Principal,
    handle: string,
  ): Promise<{ id: string; handle: string; role: Role }> {
    const target = await this.users.lockByHandle(m, handle);
    if (!target) throw new NotFoundError('User', 'handle');
    const rank = (r: Role) => ROLES.indexOf(r);
    if (target.id === actor.id || rank(target.role) >= rank(actor.role)) {
      throw new ForbiddenError(`A ${actor.role} cannot suspend a ${target.role}.`);
    }
    return target;
  }
}
