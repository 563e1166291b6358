import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ROLES, type Role } from '@crossroads/shared-domain';
import { ActiveSuspensionSql, ConflictError, ForbiddenError, ModerationFacts, NotFoundError, type ActiveSuspension, type Principal, inTransaction } from '@crossroads/api-platform';
import { UsersService } from '@crossroads/api-accounts';
import { ModerationLogService } from '../log/moderation-log.service.js';
import type { LiftSuspensionInput, SuspendUserInput } from './dto/suspension.inputs.js';
import { SuspensionEntity } from './suspension.entity.js';

const ACTIVE = `lifted_at IS NULL AND (ends_at IS NULL OR ends_at > now())`;
const COLUMNS = `id, user_id AS "userId", suspended_by AS "suspendedBy", reason, ends_at AS "endsAt", lifted_at AS "liftedAt",
  lifted_by AS "liftedBy", created_at AS "createdAt"`;

const toEntity = (row: Record<string, unknown>) => Object.assign(new SuspensionEntity(), row);

/** Moderation's part of the per-request principal lookup (accounts joins it LATERAL): suspensions_user_open_idx. */
export class ActiveSuspensionQuery extends ActiveSuspensionSql {
  forUser(userId: string): string {
    return `SELECT true AS suspended, ends_at FROM suspensions WHERE user_id = ${userId} AND ${ACTIVE} ORDER BY ends_at DESC NULLS FIRST LIMIT 1`;
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
  async activeSuspension(userId: string, manager: EntityManager = this.dataSource.manager): Promise<ActiveSuspension | null> {
    const [row] = (await manager.query(`SELECT ends_at AS "endsAt" FROM suspensions WHERE user_id = $1 AND ${ACTIVE} ORDER BY ends_at DESC NULLS FIRST LIMIT 1`, [
      userId,
    ])) as { endsAt: Date | null }[];
    return row ? { endsAt: row.endsAt } : null;
  }

  async isSpamMarked(userId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const [row] = (await manager.query(`SELECT 1 FROM member_moderation WHERE user_id = $1 AND spam_marked_at IS NOT NULL`, [userId])) as unknown[];
    return Boolean(row);
  }

  /** Suspends a member (replacing a current suspension: the new end date wins). Logged. */
  async suspend(actor: Principal, input: SuspendUserInput): Promise<SuspensionEntity> {
    return inTransaction(this.dataSource, async (m) => {
      const target = await this.lockTarget(m, actor, input.handle);
      const current = (await m.query(`SELECT ${COLUMNS} FROM suspensions WHERE user_id = $1 AND ${ACTIVE}`, [target.id])) as Record<string, unknown>[];
      if (current.length) {
        await m.query(`UPDATE suspensions SET lifted_at = now(), lifted_by = $2 WHERE user_id = $1 AND lifted_at IS NULL`, [target.id, actor.id]);
      }
      const [row] = (await m.query(
        `INSERT INTO suspensions (user_id, suspended_by, reason, ends_at)
         VALUES ($1, $2, $3, CASE WHEN $4::int IS NULL THEN NULL ELSE now() + make_interval(days => $4::int) END) RETURNING ${COLUMNS}`,
        [target.id, actor.id, input.reason, input.days ?? null],
      )) as Record<string, unknown>[];
      const suspension = toEntity(row);
      await this.log.record(m, {
        actorId: actor.id,
        action: 'SUSPEND',
        targetType: 'USER',
        targetId: target.id,
        reason: input.reason,
        details: { handle: target.handle, days: input.days ?? null, endsAt: suspension.endsAt, replaced: current.map((c) => c.id) },
      });
      return suspension;
    });
  }

  /** Lifts the member's active suspension: NOT_FOUND when there is none. Logged. */
  async lift(actor: Principal, input: LiftSuspensionInput): Promise<SuspensionEntity> {
    return inTransaction(this.dataSource, async (m) => {
      const target = await this.lockTarget(m, actor, input.handle);
      const rows = (await m.query(
        `UPDATE suspensions SET lifted_at = now(), lifted_by = $2 WHERE user_id = $1 AND ${ACTIVE} RETURNING ${COLUMNS}`,
        [target.id, actor.id],
      )) as [Record<string, unknown>[], number];
      const lifted = rows[0];
      if (!lifted.length) throw new ConflictError(`@${target.handle} is not suspended.`, 'handle');
      await this.log.record(m, {
        actorId: actor.id,
        action: 'LIFT_SUSPENSION',
        targetType: 'USER',
        targetId: target.id,
        reason: input.reason ?? null,
        details: { handle: target.handle, suspensionIds: lifted.map((l) => l.id) },
      });
      return toEntity(lifted[0]);
    });
  }

  /** The target, locked; a moderator acts only on roles below their own (never on themselves). */
  private async lockTarget(m: EntityManager, actor: Principal, handle: string): Promise<{ id: string; handle: string; role: Role }> {
    const target = await this.users.lockByHandle(m, handle);
    if (!target) throw new NotFoundError('User', 'handle');
    const rank = (r: Role) => ROLES.indexOf(r);
    if (target.id === actor.id || rank(target.role) >= rank(actor.role)) {
      throw new ForbiddenError(`A ${actor.role} cannot suspend a ${target.role}.`);
    }
    return target;
  }
}
