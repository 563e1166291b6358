import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { LOGIN_THROTTLE } from '@crossroads/shared-domain';
import { ConflictError, RateLimitService, UnauthenticatedError } from '@crossroads/api-platform';
import { UserEntity } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import type { LoginInput } from './dto/login.input.js';
import type { RegisterInput } from './dto/register.input.js';
import { PasswordHasher } from './password-hasher.js';
import { TokenService, type IssuedSession } from './token.service.js';

export type SignedIn = IssuedSession & { user: UserEntity };

const LOGIN_RULE = {
  name: 'login',
  points: LOGIN_THROTTLE.attempts,
  windowSeconds: LOGIN_THROTTLE.windowSeconds,
  message: 'Too many sign-in attempts.',
};

const UNIQUE_FIELDS: Record<string, string> = { email: 'email', handle: 'handle' };

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly users: UsersService,
    private readonly rateLimits: RateLimitService,
  ) {}

  async register(input: RegisterInput): Promise<SignedIn> {
    const passwordHash = await this.hasher.hash(input.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const user = manager.create(UserEntity, {
          email: input.email,
          handle: input.handle,
          displayName: input.displayName,
          passwordHash,
          role: 'MEMBER',
        });
        await manager.save(user);
        return { ...(await this.tokens.startSession(manager, user)), user };
      });
    } catch (e) {
      const field = uniqueViolationField(e);
      if (field) throw new ConflictError(`That ${field} is already registered.`, field);
      throw e;
    }
  }

  /** Every attempt counts against both the caller's IP and the account, aliases included. */
  async login(input: LoginInput, ip: string): Promise<SignedIn> {
    await this.rateLimits.consume(LOGIN_RULE, [`ip:${ip}`, `account:${input.email}`]);
    const user = await this.dataSource.manager.findOne(UserEntity, { where: { email: input.email } });
    const ok = await this.hasher.verify(user?.passwordHash ?? null, input.password);
    if (!user || !ok) throw new UnauthenticatedError('Email or password is incorrect.');
    return this.dataSource.transaction(async (manager) => ({ ...(await this.tokens.startSession(manager, user)), user }));
  }

  refresh(token: string | undefined): Promise<SignedIn> {
    if (!token) return Promise.reject(new UnauthenticatedError('There is no session to refresh. Sign in.'));
    return this.tokens.rotate(token, (manager, id) => this.users.findById(id, manager));
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await this.tokens.revoke(token);
  }
}

function uniqueViolationField(e: unknown): string | undefined {
  const err = e as { code?: string; detail?: string; driverError?: { code?: string; detail?: string } };
  const code = err.driverError?.code ?? err.code;
  if (code !== '23505') return undefined;
  const detail = err.driverError?.detail ?? err.detail ?? '';
  const column = /Key \((\w+)\)/.exec(detail)?.[1];
  return column ? UNIQUE_FIELDS[column] : undefined;
}
