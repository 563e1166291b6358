import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Role } from '@crossroads/shared-domain';
import { ARGON2_OPTIONS, TokenService, UserEntity } from '@crossroads/api-accounts';
import { loadConfig, type AppConfig } from '@crossroads/api-platform';
import { createApp } from '../../src/create-app.js';

export interface GqlResult<T = Record<string, any>> {
  status: number;
  data: T | null | undefined;
  errors: Array<{ message: string; extensions?: Record<string, any>; [k: string]: unknown }> | undefined;
  /** The raw response text, to check that nothing private leaks. */
  text: string;
  headers: Headers;
}

export interface RequestOptions {
  token?: string;
  cookie?: string;
  /** Client address (sent as X-Forwarded-For; the test app trusts it), so throttling tests stay apart. */
  ip?: string;
  headers?: Record<string, string>;
}

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;
let counter = 0;

/** A uniquely named handle for this run. */
export function uniqueHandle(prefix = 'u'): string {
  counter += 1;
  return `${prefix}${counter}-${randomUUID().slice(0, 8)}`.slice(0, 24);
}

export function randomIp(): string {
  const b = () => Math.floor(Math.random() * 254) + 1;
  return `10.${b()}.${b()}.${b()}`;
}

export interface TestUser {
  user: UserEntity;
  token: string;
  email: string;
}

/** Closers of the apps this test file started and has not closed: support/test-environment.cjs runs them. */
const openApps: Set<() => Promise<void>> = ((
  globalThis as { __crossroadsOpenApps?: Set<() => Promise<void>> }
).__crossroadsOpenApps ??= new Set());

export class TestApp {
  private constructor(
    readonly app: NestExpressApplication,
    readonly url: string,
    readonly config: AppConfig,
    private readonly leftover: () => Promise<void>,
  ) {}

  /** `databaseUrl`: the shared test database unless a suite brings its own (support/isolated-database.ts). */
  static async start(
    overrides: Partial<AppConfig> = {},
    databaseUrl = process.env.TEST_DATABASE_URL,
  ): Promise<TestApp> {
    if (!databaseUrl) throw new Error('TEST_DATABASE_URL is not set: run the tests through jest with the global setup');
    const config: AppConfig = {
      ...loadConfig({
        NODE_ENV: 'test',
        JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
        // Off unless a suite turns it on (its factories write SQL no event announces); TEST_ANON_CACHE_SECONDS runs a suite with it.
        ANON_CACHE_SECONDS: process.env.TEST_ANON_CACHE_SECONDS ?? '0',
      }),
      trustProxy: true,
      webDistDir: '/nonexistent',
      ...overrides,
    };
    let created: NestExpressApplication | undefined;
    const starting = (async () => {
      created = await createApp(config, databaseUrl);
      await created.listen(overrides.port ?? 0, '127.0.0.1');
      return created;
    })();
    const leftover = async () => {
      openApps.delete(leftover);
      await starting.catch(() => undefined);
      await created?.close();
    };
    openApps.add(leftover);
    const app = await starting;
    const { port } = app.getHttpServer().address() as { port: number };
    return new TestApp(app, `http://127.0.0.1:${port}`, config, leftover);
  }

  get dataSource(): DataSource {
    return this.app.get<DataSource>(getDataSourceToken());
  }

  async close(): Promise<void> {
    openApps.delete(this.leftover);
    await this.app.close();
  }

  async gql<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    options: RequestOptions = {},
  ): Promise<GqlResult<T>> {
    return this.post<T>({ query, variables }, options);
  }

  async post<T = Record<string, any>>(body: unknown, options: RequestOptions = {}): Promise<GqlResult<T>> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-forwarded-for': options.ip ?? randomIp(),
      ...options.headers,
    };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.cookie) headers.cookie = options.cookie;
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: { data?: T | null; errors?: GqlResult<T>['errors'] } = {};
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON (e.g. an HTML error page): left to the caller through `text`
    }
    return { status: res.status, data: parsed.data, errors: parsed.errors, text, headers: res.headers };
  }

  /**
   * Inserts a user with TEST_PASSWORD directly and starts a session for them (an access token). Factory users are
   * four days old (past the new-account limits and the 3-day vote bar) unless `newAccount: true` (created now) or `createdAt`.
   */
  async createUser(
    role: Role = 'MEMBER',
    options: Partial<UserEntity> & { newAccount?: boolean } = {},
  ): Promise<TestUser> {
    const { newAccount, ...fields } = options;
    passwordHash ??= argon2.hash(TEST_PASSWORD, ARGON2_OPTIONS);
    const handle = fields.handle ?? uniqueHandle(role.slice(0, 3).toLowerCase());
    const email = fields.email ?? `${handle}@example.test`;
    const createdAt = fields.createdAt ?? (newAccount ? undefined : new Date(Date.now() - 4 * 86_400_000));
    const repo = this.dataSource.getRepository(UserEntity);
    const user = await repo.save(
      repo.create({
        handle,
        email,
        displayName: `Test ${handle}`,
        passwordHash: await passwordHash,
        role,
        ...fields,
        ...(createdAt ? { createdAt } : {}),
      }),
    );
    // A real session (refresh-token family): the principal lookup refuses tokens of unknown sessions.
    const { accessToken } = await this.dataSource.transaction((m) => this.app.get(TokenService).startSession(m, user));
    return { user, token: accessToken, email };
  }

  /**
   * Back-dates an account (`daysOld`) and/or sets its reputation, for the trust rules (flags, votes).
   * Reputation is written directly, not through the ledger: suites that check the ledger only back-date.
   */
  async setStanding(user: TestUser, standing: { daysOld?: number; reputation?: number }): Promise<TestUser> {
    const [row] = (await this.dataSource.query(
      `UPDATE users SET created_at = coalesce(now() - make_interval(secs => $2::float8 * 86400), created_at), reputation = coalesce($3, reputation)
       WHERE id = $1 RETURNING created_at AS "createdAt", reputation`,
      [user.user.id, standing.daysOld ?? null, standing.reputation ?? null],
    )) as [{ createdAt: Date; reputation: number }];
    Object.assign(user.user, row);
    return user;
  }

  /** A user past the flag bar: 4 days old with 15 reputation unless told otherwise. */
  async createEstablishedUser(
    role: Role = 'MEMBER',
    standing: { daysOld?: number; reputation?: number } = {},
  ): Promise<TestUser> {
    return this.setStanding(await this.createUser(role), { daysOld: 4, reputation: 15, ...standing });
  }
}

/** The first error's code, or undefined. */
export function codeOf(result: GqlResult): string | undefined {
  return result.errors?.[0]?.extensions?.code as string | undefined;
}

/** The value of a Set-Cookie header for `name` ("name=value"), or undefined. */
export function cookieFrom(result: GqlResult, name: string): string | undefined {
  for (const header of result.headers.getSetCookie()) {
    const [pair] = header.split(';');
    if (pair.startsWith(`${name}=`)) return pair;
  }
  return undefined;
}
