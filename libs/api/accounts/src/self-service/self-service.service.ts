import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  displayNameProblem,
  estimatePasswordStrength,
  looksLike,
  passwordStrengthProblem,
} from '@crossroads/shared-domain';
import { BadInputError, NotFoundError, type Principal, inTransaction } from '@crossroads/api-platform';
import { PasswordHasher } from '../auth/password-hasher.js';
import { TokenService } from '../auth/token.service.js';
import { UserEntity } from '../users/user.entity.js';
import { staffNames } from '../users/users.repository.js';
import type { ChangePasswordInput } from './dto/change-password.input.js';
import type { UpdateProfileInput } from './dto/update-profile.input.js';

/** What members do to their own account: profile, password. */
@Injectable()
export class SelfServiceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
  ) {}

  async updateProfile(viewer: Principal, input: UpdateProfileInput): Promise<UserEntity> {
    if (input.displayName !== undefined) await this.checkDisplayName(viewer.id, input.displayName);
    return inTransaction(this.dataSource, async (manager) => {
      const user = await this.lockedUser(manager, viewer.id);
      if (input.displayName !== undefined) user.displayName = input.displayName;
      if (input.bio !== undefined) user.bio = input.bio || null;
      if (input.location !== undefined) user.location = input.location || null;
      if (input.links !== undefined) user.links = [...new Set(input.links.map((l) => l.trim()))];
      return manager.save(user);
    });
  }

  /** Wrong current password → BAD_USER_INPUT on currentPassword. Every other session family ends; this one stays. */
  async changePassword(viewer: Principal, input: ChangePasswordInput): Promise<void> {
    const user = await this.dataSource.manager.findOne(UserEntity, { where: { id: viewer.id } });
    if (!user) throw new NotFoundError('Your account');
    if (!(await this.hasher.verify(user.passwordHash, input.currentPassword))) {
      throw new BadInputError('currentPassword', 'currentPassword is not your current password.');
    }
    await this.checkPasswordStrength('newPassword', input.newPassword, user);
    const passwordHash = await this.hasher.hash(input.newPassword);
    await inTransaction(this.dataSource, async (manager) => {
      await manager.update(UserEntity, { id: user.id }, { passwordHash });
      await this.tokens.revokeUserSessions(manager, user.id, { except: viewer.sessionId });
    });
  }

  async checkPasswordStrength(
    field: string,
    password: string,
    user: Pick<UserEntity, 'email' | 'handle' | 'displayName'>,
  ): Promise<void> {
    const email = user.email ?? '';
    const problem = passwordStrengthProblem(
      await estimatePasswordStrength(password, [email, email.split('@')[0], user.handle, user.displayName]),
    );
    if (problem) throw new BadInputError(field, problem.replace(/^password/, field));
  }

  /** The registration rules, except that staff may keep a name like their own. */
  private async checkDisplayName(userId: string, displayName: string): Promise<void> {
    const problem = displayNameProblem(displayName);
    if (problem) throw new BadInputError('displayName', problem);
    const staff = await staffNames(this.dataSource, userId);
    if (
      looksLike(
        displayName,
        staff.flatMap((s) => [s.handle, s.displayName]),
      )
    ) {
      throw new BadInputError(
        'displayName',
        'displayName is too close to the name of a Crossroads moderator or admin. Choose another.',
      );
    }
  }

  private async lockedUser(manager: EntityManager, id: string): Promise<UserEntity> {
    const user = await manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw new NotFoundError('Your account');
    return user;
  }
}
