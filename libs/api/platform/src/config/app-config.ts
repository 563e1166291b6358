import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { ABUSE_LIMITS, LIMITS } from '@crossroads/shared-domain';
import { findProjectRoot } from './project-root.js';

export const APP_CONFIG = Symbol('APP_CONFIG');

export type NodeEnv = 'development' | 'production' | 'test';
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The whole configuration, read once from the environment at start. */
export interface AppConfig {
  nodeEnv: NodeEnv;
  isProduction: boolean;
  host: string;
  port: number;
  /** When unset, an embedded PostgreSQL is started with its data under `dataDir`. */
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  jwtSecret: string;
  /** `isDefault` marks the development-only fallback account, printed at start. */
  admin: { email: string; password: string; isDefault: boolean } | undefined;
  logLevel: LogLevel;
  trustProxy: boolean;
  /** Seed the demo community into an empty database at start (never in production). */
  demoSeed: boolean;
  projectRoot: string;
  dataDir: string;
  /** Built web app served at `/`, when present. */
  webDistDir: string;
  /** Accounts one IP may register per hour (REGISTRATION_LIMIT_PER_HOUR; browser test rigs raise it). */
  registrationLimitPerHour: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Outside production and tests, a known admin sign-in so a fresh clone can be explored at once. */
export const DEV_ADMIN = { email: 'admin@crossroads.local', password: 'crossroads-admin', isDefault: true } as const;

type Env = Record<string, string | undefined>;

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const value = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };

  const nodeEnvRaw = value('NODE_ENV') ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnvRaw)) {
    problems.push(`NODE_ENV must be development, production or test (got "${nodeEnvRaw}")`);
  }
  const nodeEnv = nodeEnvRaw as NodeEnv;
  const isProduction = nodeEnv === 'production';

  const portRaw = value('PORT') ?? '3000';
  const port = Number(portRaw);
  if (!/^\d+$/.test(portRaw) || port > 65535) problems.push(`PORT must be a number from 0 to 65535 (got "${portRaw}")`);

  const databaseUrl = value('DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const redisUrl = value('REDIS_URL');
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) problems.push('REDIS_URL must be a redis:// or rediss:// URL');

  const logLevel = (value('LOG_LEVEL') ?? (nodeEnv === 'test' ? 'silent' : 'info')) as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);

  const adminEmail = value('ADMIN_EMAIL');
  const adminPassword = value('ADMIN_PASSWORD');
  if (Boolean(adminEmail) !== Boolean(adminPassword)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (adminEmail && !/^[^\s@]+@[^\s@]+$/.test(adminEmail)) problems.push('ADMIN_EMAIL must be an email address');
  if (adminPassword && (adminPassword.length < LIMITS.password.min || adminPassword.length > LIMITS.password.max)) {
    problems.push(`ADMIN_PASSWORD must be ${LIMITS.password.min} to ${LIMITS.password.max} characters long`);
  }

  const registrationRaw = value('REGISTRATION_LIMIT_PER_HOUR') ?? String(ABUSE_LIMITS.registrationsPerIp.points);
  const registrationLimitPerHour = Number(registrationRaw);
  if (!/^\d+$/.test(registrationRaw) || registrationLimitPerHour < 1) {
    problems.push(`REGISTRATION_LIMIT_PER_HOUR must be a whole number of at least 1 (got "${registrationRaw}")`);
  }

  const trustProxyRaw = value('TRUST_PROXY') ?? 'false';
  if (!['true', 'false'].includes(trustProxyRaw)) problems.push('TRUST_PROXY must be true or false');
  const demoSeedRaw = value('DEMO_SEED') ?? String(nodeEnv === 'development');
  if (!['true', 'false'].includes(demoSeedRaw)) problems.push('DEMO_SEED must be true or false');

  const projectRoot = findProjectRoot();
  const dataDirRaw = value('DATA_DIR') ?? '.data';
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(projectRoot, dataDirRaw);

  let jwtSecret = value('JWT_SECRET');
  if (jwtSecret && jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters long');
  if (!jwtSecret && isProduction) problems.push('JWT_SECRET is required when NODE_ENV=production');

  if (problems.length) throw new ConfigError(problems);
  jwtSecret ??= readOrCreateSecret(dataDir);

  return {
    nodeEnv,
    isProduction,
    host: value('HOST') ?? '127.0.0.1',
    port,
    databaseUrl,
    redisUrl,
    jwtSecret,
    admin: adminEmail && adminPassword ? { email: adminEmail, password: adminPassword, isDefault: false } : nodeEnv === 'development' ? DEV_ADMIN : undefined,
    logLevel,
    trustProxy: trustProxyRaw === 'true',
    demoSeed: demoSeedRaw === 'true' && !isProduction,
    projectRoot,
    dataDir,
    webDistDir: value('WEB_DIST_DIR') ?? join(projectRoot, 'dist', 'apps', 'web'),
    registrationLimitPerHour,
  };
}

/** Outside production the signing secret is generated once and kept with the local data. */
function readOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
