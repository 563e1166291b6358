import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  ACCOUNT_DELETION,
  LIMITS,
  LOGIN_THROTTLE,
  displayNameProblem,
  looksLike,
  normalizeDisplayName,
} from '@crossroads/shared-domain';
import { BadInputError, ConflictError, RateLimitService } from '@crossroads/api-platform';
import type { SignedIn } from '../auth/auth.service.js';
import type { ClientInfo } from '../auth/client-info.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import { TokenService } from '../auth/token.service.js';
import { UserEntity } from '../users/user.entity.js';
import { staffNames } from '../users/users.repository.js';
import type { ProviderClaims } from './oidc-client.service.js';
import { readOidcToken, signOidcToken } from './oidc-tokens.js';
import { UserIdentityEntity } from './user-identity.entity.js';

/** Why a provider sign-in was refused; the web app's sign-in page explains each. */
export type OidcFailure =
  'denied' | 'state' | 'unverified_email' | 'no_email' | 'email_in_use' | 'already_linked' | 'deleted' | 'failed';

export type OidcOutcome =
  | { kind: 'signed-in'; session: SignedIn }
  | { kind: 'linked' }
  | { kind: 'link-needed'; token: string }
  | { kind: 'refused'; reason: OidcFailure };

interface PendingLink {
  uid: string;
  provider: string;
  subject: string;
  email: string;
}

const LINK_RULE = {
  name: 'login',
  points: LOGIN_THROTTLE.attempts,
  windowSeconds: LOGIN_THROTTLE.windowSeconds,
  message: 'Too many sign-in attempts.',
};
const HANDLE_TRIES = 5;

/**
 * The account rules of OpenID Connect sign-in. A known (provider, subject) signs in; a verified
 * email that belongs to an account links only once that account's password is entered; otherwise a
 * new account is created. An unverified email changes nothing.
 */
@Injectable()
export class OidcSignInService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly tokens: TokenService,
    private readonly hasher: PasswordHasher,
    private readonly rateLimits: RateLimitService,
  ) {}

  /** `linkTo`: the signed-in member who started the flow from the settings page. */
  async complete(provider: string, claims: ProviderClaims, client: ClientInfo, linkTo?: string): Promise<OidcOutcome> {
    if (!claims.email) return { kind: 'refused', reason: 'no_email' };
    if (!claims.emailVerified) return { kind: 'refused', reason: 'unverified_email' };
    const email = claims.email;
    if (email.length > LIMITS.email.max) return { kind: 'refused', reason: 'failed' };

    const known = await this.dataSource.manager.findOne(UserIdentityEntity, {
      where: { provider, subject: claims.subject },
    });
    if (linkTo) {
      if (known && known.userId !== linkTo) return { kind: 'refused', reason: 'already_linked' };
      if (!known)
        await this.dataSource.manager.insert(UserIdentityEntity, {
          userId: linkTo,
          provider,
          subject: claims.subject,
          email,
        });
      return { kind: 'linked' };
    }
    if (known) {
      const user = await this.dataSource.manager.findOne(UserEntity, { where: { id: known.userId } });
      if (!user || user.erasedAt || deletionExpired(user)) return { kind: 'refused', reason: 'deleted' };
      return {
        kind: 'signed-in',
        session: await this.signIn(user, client, (m) =>
          m.update(UserIdentityEntity, { id: known.id }, { lastUsedAt: new Date() }),
        ),
      };
    }
    const existing = await this.dataSource.manager.findOne(UserEntity, { where: { email } });
    if (existing) {
      // Without a password there is nothing to prove ownership with here: link from the settings page instead.
      if (!existing.passwordHash) return { kind: 'refused', reason: 'email_in_use' };
      const token = signOidcToken(this.jwt, 'pendingLink', {
        uid: existing.id,
        provider,
        subject: claims.subject,
        email,
      } satisfies PendingLink);
      return { kind: 'link-needed', token };
    }
    return { kind: 'signed-in', session: await this.createAccount(provider, claims, email, client) };
  }

  /** The account's password confirms a pending link; then the identity is linked and the member signed in. */
  async confirmLink(token: string, password: string, ip: string, client: ClientInfo): Promise<SignedIn> {
    const link = readOidcToken<PendingLink>(this.jwt, 'pendingLink', token);
    if (!link) throw new BadInputError('token', 'This sign-in link has expired. Sign in with the provider again.');
    await this.rateLimits.consume(LINK_RULE, [`ip:${ip}`, `account:${link.email}`]);
    const user = await this.dataSource.manager.findOne(UserEntity, { where: { id: link.uid } });
    if (!user || user.erasedAt || deletionExpired(user))
      throw new BadInputError('token', 'This account can no longer be signed in to.');
    if (!(await this.hasher.verify(user.passwordHash, password)))
      throw new BadInputError('password', 'The password is incorrect.');
    return this.signIn(user, client, async (m) => {
      const taken = await m.findOne(UserIdentityEntity, { where: { provider: link.provider, subject: link.subject } });
      if (taken && taken.userId !== user.id)
        throw new ConflictError('This sign-in is already linked to another account.', 'token');
      if (!taken)
        await m.insert(UserIdentityEntity, {
          userId: user.id,
          provider: link.provider,
          subject: link.subject,
          email: link.email,
          lastUsedAt: new Date(),
        });
    });
  }

  /** A value for `/auth/oidc/<provider>?link=…` that makes the callback link to this member. */
  linkIntent(userId: string, provider: string): string {
    return signOidcToken(this.jwt, 'linkIntent', { uid: userId, provider });
  }

  readLinkIntent(token: string | undefined, provider: string): string | null {
    const intent = readOidcToken<{ uid: string; provider: string }>(this.jwt, 'linkIntent', token);
    return intent && intent.provider === provider ? intent.uid : null;
  }

  /** Signing in within the deletion grace period undoes deleteAccount, as with a password. */
  private signIn(
    user: UserEntity,
    client: ClientInfo,
    also: (m: EntityManager) => Promise<unknown>,
  ): Promise<SignedIn> {
    return this.dataSource.transaction(async (manager) => {
      await also(manager);
      if (user.deletionRequestedAt) {
        await manager.update(UserEntity, { id: user.id }, { deletionRequestedAt: null });
        user.deletionRequestedAt = null;
      }
      return { ...(await this.tokens.startSession(manager, user, client)), user };
    });
  }

  private async createAccount(
    provider: string,
    claims: ProviderClaims,
    email: string,
    client: ClientInfo,
  ): Promise<SignedIn> {
    const staff = await staffNames(this.dataSource);
    const protectedNames = staff.flatMap((s) => [s.handle, s.displayName]);
    const base = handleBase(claims.preferredUsername ?? email.split('@')[0], protectedNames);
    for (let attempt = 0; ; attempt += 1) {
      const handle = attempt === 0 ? base : `${base.slice(0, LIMITS.handle.max - 5)}-${randomBytes(2).toString('hex')}`;
      const displayName = displayNameFrom(claims.name, protectedNames) ?? handle;
      try {
        return await this.dataSource.transaction(async (manager) => {
          const user = manager.create(UserEntity, {
            email,
            handle,
            displayName,
            passwordHash: null,
            role: 'MEMBER',
            emailVerifiedAt: new Date(),
          });
          await manager.save(user);
          await this.tokens.announceJoined(manager, user);
          await manager.insert(UserIdentityEntity, {
            userId: user.id,
            provider,
            subject: claims.subject,
            email,
            lastUsedAt: new Date(),
          });
          return { ...(await this.tokens.startSession(manager, user, client)), user };
        });
      } catch (e) {
        // Another account took the handle meanwhile: try a suffixed one.
        if (!isUniqueViolation(e, 'handle') || attempt + 1 >= HANDLE_TRIES) throw e;
      }
    }
  }
}

function deletionExpired(user: UserEntity): boolean {
  return (
    !!user.deletionRequestedAt &&
    user.deletionRequestedAt.getTime() < Date.now() - ACCOUNT_DELETION.graceDays * 86_400_000
  );
}

/** A handle from the provider's username or the email's local part: a–z, 0–9, _ and -; never like a staff name. */
export function handleBase(source: string, protectedNames: readonly string[]): string {
  let handle = source
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, LIMITS.handle.max - 5);
  if (handle.length < LIMITS.handle.min || looksLike(handle, protectedNames)) handle = 'member';
  return handle;
}

function displayNameFrom(name: string | null, protectedNames: readonly string[]): string | null {
  if (!name) return null;
  const normalized = normalizeDisplayName(name).slice(0, LIMITS.displayName.max).trim();
  if (
    normalized.length < LIMITS.displayName.min ||
    displayNameProblem(normalized) ||
    looksLike(normalized, protectedNames)
  )
    return null;
  return normalized;
}

function isUniqueViolation(e: unknown, column: string): boolean {
  const err = e as { code?: string; detail?: string; driverError?: { code?: string; detail?: string } };
  return (
    (err.driverError?.code ?? err.code) === '23505' &&
    (err.driverError?.detail ?? err.detail ?? '').includes(`(${column})`)
  );
}
