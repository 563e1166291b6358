import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  ABUSE_LIMITS,
  ACCOUNT_DELETION,
  LOGIN_THROTTLE,
  displayNameProblem,
  estimatePasswordStrength,
  looksLike,
  passwordStrengthProblem,
} from '@crossroads/shared-domain';
import {
  APP_CONFIG,
  BadInputError,
  ConflictError,
  RateLimitService,
  UnauthenticatedError,
  uniqueViolationColumn,
  type AppConfig,
  inTransaction,
} from '@crossroads/api-platform';
import { EmailVerificationService } from '../self-service/email-verification.service.js';
import { UserEntity } from '../users/user.entity.js';
import { staffNames } from '../users/users.repository.js';
import { UsersService } from '../users/users.service.js';
import type { ClientInfo } from './client-info.js';
import type { LoginInput } from './dto/login.input.js';
import type { RegisterInput } from './dto/register.input.js';
import { PasswordHasher } from './password-hasher.js';
import { TokenService, type IssuedSession } from './token.service.js';

export type SignedIn = IssuedSession & { user: UserEntity };

const UNIQUE_FIELDS: Record<string, string> = { email: 'email', handle: 'handle' };

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly users: UsersService,
    private readonly rateLimits: RateLimitService,
    private readonly emailVerification: EmailVerificationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Identity and password rules first (cheap, and a person fixing a weak password should not use
   * up the limit), then the per-IP registration limit, then the (deliberately slow) hash.
   */
  async register(input: RegisterInput, ip: string, client?: ClientInfo): Promise<SignedIn> {
    await this.checkIdentity(input);
    const problem = passwordStrengthProblem(
      await estimatePasswordStrength(input.password, [
        input.email,
        input.email.split('@')[0],
        input.handle,
        input.displayName,
      ]),
    );
    if (problem) throw new BadInputError('password', problem);
    await this.rateLimits.consume(
      {
        name: 'register',
        points: this.config.registrationLimitPerHour,
        windowSeconds: ABUSE_LIMITS.registrationsPerIp.windowSeconds,
        message: 'Too many accounts were created from your network. Try again later.',
      },
      [`ip:${ip}`],
    );
    const passwordHash = await this.hasher.hash(input.password);
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        const user = manager.create(UserEntity, {
          email: input.email,
          handle: input.handle,
          displayName: input.displayName,
          passwordHash,
          role: 'MEMBER',
        });
        await manager.save(user);
        await this.tokens.announceJoined(manager, user);
        await this.emailVerification.sendLink(manager, user);
        return { ...(await this.tokens.startSession(manager, user, client)), user };
      });
    } catch (e) {
      const field = uniqueViolationField(e);
      if (field) throw new ConflictError(`That ${field} is already registered.`, field);
      throw e;
    }
  }

  /** Display names: no direction controls, something visible, and nothing that passes for a staff member (names or handles). */
  private async checkIdentity(input: RegisterInput): Promise<void> {
    const problem = displayNameProblem(input.displayName);
    if (problem) throw new BadInputError('displayName', problem);
    const staff = await staffNames(this.dataSource);
    const protectedNames = staff.flatMap((s) => [s.handle, s.displayName]);
    if (looksLike(input.displayName, protectedNames)) {
      throw new BadInputError(
        'displayName',
        'displayName is too close to the name of a Crossroads moderator or admin. Choose another.',
      );
    }
    if (looksLike(input.handle, protectedNames)) {
      throw new BadInputError(
        'handle',
        'handle is too close to the name of a Crossroads moderator or admin. Choose another.',
      );
    }
  }

  /** Every attempt counts against both the caller's IP and the account, aliases included. */
  async login(input: LoginInput, ip: string, client?: ClientInfo): Promise<SignedIn> {
    const loginRule = {
      name: 'login',
      points: this.config.signInLimitPerMinute,
      windowSeconds: LOGIN_THROTTLE.windowSeconds,
      message: 'Too many sign-in attempts.',
    };
    await this.rateLimits.consume(loginRule, [`ip:${ip}`, `account:${input.email}`]);
    const user = await this.dataSource.manager.findOne(UserEntity, { where: { email: input.email } });
    const ok = await this.hasher.verify(user?.passwordHash ?? null, input.password);
    if (!user || !ok) throw new UnauthenticatedError('Email or password is incorrect.');
    if (
      user.deletionRequestedAt &&
      user.deletionRequestedAt.getTime() < Date.now() - ACCOUNT_DELETION.graceDays * 86_400_000
    ) {
      throw new UnauthenticatedError('This account was deleted and can no longer be restored.');
    }
    return inTransaction(this.dataSource, async (manager) => {
      // Signing in within the grace period undoes deleteAccount.
      if (user.deletionRequestedAt) {
        await manager.update(UserEntity, { id: user.id }, { deletionRequestedAt: null });
        user.deletionRequestedAt = null;
      }
      return { ...(await this.tokens.startSession(manager, user, client)), user };
    });
  }

  refresh(token: string | undefined, client?: ClientInfo): Promise<SignedIn> {
    if (!token) return Promise.reject(new UnauthenticatedError('There is no session to refresh. Sign in.'));
    return this.tokens.rotate(token, (manager, id) => this.users.findById(id, manager), client);
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await this.tokens.revoke(token);
  }
}

function uniqueViolationField(e: unknown): string | undefined {
  const column = uniqueViolationColumn(e);
  return column ? UNIQUE_FIELDS[column] : undefined;
}
