import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { ABUSE_LIMITS, LIMITS, LOGIN_THROTTLE, SEARCH_THROTTLE } from '@crossroads/shared-domain';
import { readOidcProviders, type OidcProviderConfig } from './oidc-config.js';
import { readS3Storage, type S3StorageConfig } from './storage-config.js';
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
  /** Streaming replicas for the plain reads of GraphQL queries (DATABASE_REPLICA_URLS, comma-separated); empty: the primary only. */
  databaseReplicaUrls: string[];
  /** How long a member's (or client address's) own requests read the primary after their write (DATABASE_REPLICA_STICKY_SECONDS). */
  replicaStickySeconds: number;
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
  /** Run background jobs (notifications, email) in this instance; `false` only queues them. */
  jobWorkers: boolean;
  /** How often an idle worker looks for new jobs (pg-boss's minimum is 0.5 s). */
  jobPollSeconds: number;
  /** Full-text searches allowed per minute and client address (SEARCH_RATE_LIMIT). */
  searchesPerMinute: number;
  /** Accounts one IP may register per hour (REGISTRATION_LIMIT_PER_HOUR; browser test rigs raise it). */
  registrationLimitPerHour: number;
  /** Sign-in attempts per minute, per address and per account (SIGN_IN_LIMIT_PER_MINUTE; browser test rigs raise it). */
  signInLimitPerMinute: number;
  /** Test-only HTTP routes (`/test/…`, e.g. aged accounts for the browser suite); refused in production (TEST_ROUTES). */
  testRoutes: boolean;
  /** How often the job queue fails jobs whose worker died (their lease ran out), so they are retried. */
  jobMaintenanceSeconds: number;
  /** How long an instant notification email waits (dropped if the notification is read meanwhile). */
  emailInstantDelaySeconds: number;
  /** Backstop lifetime of a cached anonymous GraphQL read (ANON_CACHE_SECONDS); 0 turns the cache off. */
  anonCacheSeconds: number;
  /** Days the anonymous search log (insights' "searches that found nothing") is kept (SEARCH_LOG_DAYS). */
  searchLogDays: number;
  mail: MailConfig;
  /** OpenID Connect providers people may sign in with; empty: password sign-in only. */
  oidcProviders: OidcProviderConfig[];
  /** Where uploads (avatars) are kept: S3-compatible storage when set, else files under `dataDir`. */
  s3: S3StorageConfig | undefined;
}

export interface MailConfig {
  /** `smtp://` or `smtps://` URL of the SMTP server; unset: messages are kept in the database, never sent. */
  smtpUrl: string | undefined;
  /** Base of links in emails (unsubscribe, the app's pages), without a trailing slash. */
  publicUrl: string;
  /** `From:` of every email. */
  from: string;
  /** First retry delay after a transient SMTP failure; later ones double (pg-boss backoff). */
  retryDelaySeconds: number;
  /** Retries after the first attempt: with 15 s doubling, 10 retries span over 4 hours. */
  retryLimit: number;
  /** How long one delivery attempt may hold a message before another worker may take it over. */
  leaseSeconds: number;
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
  const databaseReplicaUrls = (value('DATABASE_REPLICA_URLS') ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  if (databaseReplicaUrls.some((u) => !/^postgres(ql)?:\/\//.test(u)))
    problems.push('DATABASE_REPLICA_URLS must be postgres:// or postgresql:// URLs, separated by commas');
  if (databaseReplicaUrls.length && !databaseUrl)
    problems.push('DATABASE_REPLICA_URLS needs DATABASE_URL (the primary they replicate)');
  const stickyRaw = value('DATABASE_REPLICA_STICKY_SECONDS') ?? '5';
  const replicaStickySeconds = Number(stickyRaw);
  if (!/^\d+$/.test(stickyRaw) || replicaStickySeconds < 1 || replicaStickySeconds > 3600)
    problems.push(`DATABASE_REPLICA_STICKY_SECONDS must be a whole number from 1 to 3600 (got "${stickyRaw}")`);
  const redisUrl = value('REDIS_URL');
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) problems.push('REDIS_URL must be a redis:// or rediss:// URL');

  const logLevel = (value('LOG_LEVEL') ?? (nodeEnv === 'test' ? 'silent' : 'info')) as LogLevel;
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);

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

  const signInRaw = value('SIGN_IN_LIMIT_PER_MINUTE') ?? String(LOGIN_THROTTLE.attempts);
  const signInLimitPerMinute = Number(signInRaw);
  if (!/^\d+$/.test(signInRaw) || signInLimitPerMinute < 1)
    problems.push(`SIGN_IN_LIMIT_PER_MINUTE must be a whole number of at least 1 (got "${signInRaw}")`);
  const testRoutesRaw = value('TEST_ROUTES') ?? 'false';
  if (!['true', 'false'].includes(testRoutesRaw)) problems.push('TEST_ROUTES must be true or false');
  else if (testRoutesRaw === 'true' && isProduction)
    problems.push('TEST_ROUTES=true is refused when NODE_ENV=production');

  const trustProxyRaw = value('TRUST_PROXY') ?? 'false';
  if (!['true', 'false'].includes(trustProxyRaw)) problems.push('TRUST_PROXY must be true or false');
  const demoSeedRaw = value('DEMO_SEED') ?? String(nodeEnv === 'development');
  if (!['true', 'false'].includes(demoSeedRaw)) problems.push('DEMO_SEED must be true or false');

  const jobWorkersRaw = value('JOB_WORKERS') ?? 'true';
  if (!['true', 'false'].includes(jobWorkersRaw)) problems.push('JOB_WORKERS must be true or false');
  const jobPollRaw = value('JOB_POLL_SECONDS') ?? '0.5';
  const jobPollSeconds = Number(jobPollRaw);
  if (!Number.isFinite(jobPollSeconds) || jobPollSeconds < 0.5 || jobPollSeconds > 60)
    problems.push(`JOB_POLL_SECONDS must be a number from 0.5 to 60 (got "${jobPollRaw}")`);

  const jobMaintenanceRaw = value('JOB_MAINTENANCE_SECONDS') ?? '60';
  const jobMaintenanceSeconds = Number(jobMaintenanceRaw);
  if (!/^\d+$/.test(jobMaintenanceRaw) || jobMaintenanceSeconds < 1 || jobMaintenanceSeconds > 3600)
    problems.push(`JOB_MAINTENANCE_SECONDS must be a whole number from 1 to 3600 (got "${jobMaintenanceRaw}")`);

  const instantDelayRaw = value('EMAIL_INSTANT_DELAY_SECONDS') ?? '60';
  const emailInstantDelaySeconds = Number(instantDelayRaw);
  if (!/^\d+$/.test(instantDelayRaw) || emailInstantDelaySeconds < 1 || emailInstantDelaySeconds > 3600)
    problems.push(`EMAIL_INSTANT_DELAY_SECONDS must be a whole number from 1 to 3600 (got "${instantDelayRaw}")`);

  const anonCacheRaw = value('ANON_CACHE_SECONDS') ?? '30';
  const anonCacheSeconds = Number(anonCacheRaw);
  if (!/^\d+$/.test(anonCacheRaw) || anonCacheSeconds > 3600)
    problems.push(`ANON_CACHE_SECONDS must be a whole number from 0 (off) to 3600 (got "${anonCacheRaw}")`);

  const searchLogRaw = value('SEARCH_LOG_DAYS') ?? '180';
  const searchLogDays = Number(searchLogRaw);
  if (!/^\d+$/.test(searchLogRaw) || searchLogDays < 1 || searchLogDays > 3650)
    problems.push(`SEARCH_LOG_DAYS must be a whole number from 1 to 3650 (got "${searchLogRaw}")`);

  const smtpUrl = value('SMTP_URL');
  if (smtpUrl && !validUrl(smtpUrl, ['smtp:', 'smtps:']))
    problems.push('SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.com:587');
  const publicUrlRaw = value('PUBLIC_URL');
  if (publicUrlRaw && !validUrl(publicUrlRaw, ['http:', 'https:']))
    problems.push('PUBLIC_URL must be an http:// or https:// URL, e.g. https://crossroads.example.com');
  if (!publicUrlRaw && isProduction && smtpUrl)
    problems.push('PUBLIC_URL is required when NODE_ENV=production and SMTP_URL is set (links in emails point to it)');
  const mailFrom = value('MAIL_FROM') ?? 'Crossroads <no-reply@crossroads.local>';
  if (!/^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(mailFrom))
    problems.push('MAIL_FROM must be an address, e.g. "Crossroads <no-reply@example.com>"');
  const mailRetryRaw = value('MAIL_RETRY_DELAY_SECONDS') ?? '15';
  const mailRetryDelaySeconds = Number(mailRetryRaw);
  if (!/^\d+$/.test(mailRetryRaw) || mailRetryDelaySeconds < 1 || mailRetryDelaySeconds > 3600)
    problems.push(`MAIL_RETRY_DELAY_SECONDS must be a whole number from 1 to 3600 (got "${mailRetryRaw}")`);
  const mailLeaseRaw = value('MAIL_LEASE_SECONDS') ?? '120';
  const mailLeaseSeconds = Number(mailLeaseRaw);
  if (!/^\d+$/.test(mailLeaseRaw) || mailLeaseSeconds < 1 || mailLeaseSeconds > 3600)
    problems.push(`MAIL_LEASE_SECONDS must be a whole number from 1 to 3600 (got "${mailLeaseRaw}")`);

  const projectRoot = findProjectRoot();
  const dataDirRaw = value('DATA_DIR') ?? '.data';
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(projectRoot, dataDirRaw);

  const searchLimitRaw = value('SEARCH_RATE_LIMIT') ?? String(SEARCH_THROTTLE.perMinute);
  if (!/^[1-9]\d{0,8}$/.test(searchLimitRaw))
    problems.push(
      `SEARCH_RATE_LIMIT must be a whole number of searches per minute, at least 1 (got "${searchLimitRaw}")`,
    );

  let jwtSecret = value('JWT_SECRET');
  if (jwtSecret && jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters long');
  else if (jwtSecret) {
    const weakness = secretWeakness(jwtSecret);
    if (weakness)
      problems.push(`JWT_SECRET is too predictable (${weakness}); generate one with: openssl rand -base64 48`);
  }
  if (!jwtSecret && isProduction) problems.push('JWT_SECRET is required when NODE_ENV=production');

  const oidcProviders = readOidcProviders(value, isProduction, problems);
  const s3 = readS3Storage(value, problems);
  if (oidcProviders.length && isProduction && !publicUrlRaw)
    problems.push(
      'PUBLIC_URL is required when NODE_ENV=production and OIDC_PROVIDERS is set (the providers send people back to it)',
    );

  if (problems.length) throw new ConfigError(problems);
  jwtSecret ??= readOrCreateSecret(dataDir);

  return {
    nodeEnv,
    isProduction,
    host: value('HOST') ?? '127.0.0.1',
    port,
    databaseUrl,
    databaseReplicaUrls,
    replicaStickySeconds,
    redisUrl,
    jwtSecret,
    admin:
      adminEmail && adminPassword
        ? { email: adminEmail, password: adminPassword, isDefault: false }
        : nodeEnv === 'development'
          ? DEV_ADMIN
          : undefined,
    logLevel,
    trustProxy: trustProxyRaw === 'true',
    demoSeed: demoSeedRaw === 'true' && !isProduction,
    projectRoot,
    dataDir,
    webDistDir: value('WEB_DIST_DIR') ?? join(projectRoot, 'dist', 'apps', 'web'),
    jobWorkers: jobWorkersRaw === 'true',
    jobPollSeconds,
    searchesPerMinute: Number(searchLimitRaw),
    registrationLimitPerHour,
    signInLimitPerMinute,
    testRoutes: testRoutesRaw === 'true',
    jobMaintenanceSeconds,
    emailInstantDelaySeconds,
    anonCacheSeconds,
    searchLogDays,
    mail: {
      smtpUrl,
      publicUrl: (publicUrlRaw ?? `http://127.0.0.1:${port}`).replace(/\/+$/, ''),
      from: mailFrom,
      retryDelaySeconds: mailRetryDelaySeconds,
      retryLimit: 10,
      leaseSeconds: mailLeaseSeconds,
    },
    oidcProviders,
    s3,
  };
}

/** What a signing key must at least have: 32 random hex digits pass, `a` × 32 or a repeated word do not. */
export const JWT_SECRET_RULE = { minDistinct: 10, minEntropyBits: 80 } as const;

/**
 * Why a key is too predictable, or null. Length alone lets `a` × 32 through: this counts distinct
 * characters and estimates the key's Shannon entropy (bits per character × length).
 */
export function secretWeakness(secret: string): string | null {
  const counts = new Map<string, number>();
  for (const c of secret) counts.set(c, (counts.get(c) ?? 0) + 1);
  const length = [...secret].length;
  let bitsPerChar = 0;
  for (const n of counts.values()) bitsPerChar -= (n / length) * Math.log2(n / length);
  const bits = Math.round(bitsPerChar * length);
  if (counts.size < JWT_SECRET_RULE.minDistinct || bits < JWT_SECRET_RULE.minEntropyBits) {
    return `${counts.size} distinct characters and about ${bits} bits of entropy; at least ${JWT_SECRET_RULE.minDistinct} and ${JWT_SECRET_RULE.minEntropyBits} are needed`;
  }
  return null;
}

function validUrl(raw: string, protocols: string[]): boolean {
  try {
    const url = new URL(raw);
    return protocols.includes(url.protocol) && url.hostname !== '';
  } catch {
    return false;
  }
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
