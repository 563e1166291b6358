import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { ConfigError, DEV_ADMIN, loadConfig } from './app-config.js';

// What `openssl rand -base64 48` gives: the secrets the README and docker-compose ask for.
const SECRET = 'q3ZJ0v8Xo1m+T9cYb7Lr2kWf6Hn/De4Ug5Aa1Ps0Qx8Vt3Ry7Mz2Nw6Kj9Bh4Gc5Ei1Fu0Ol7Sd3Cp8Iy2';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('loadConfig', () => {
  it('uses defaults: port 3000, embedded database, info logs', () => {
    const config = loadConfig({ JWT_SECRET: SECRET });
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      logLevel: 'info',
      nodeEnv: 'development',
      isProduction: false,
    });
  });

  it('names each bad variable', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      LOG_LEVEL: 'loud',
      NODE_ENV: 'staging',
      JWT_SECRET: SECRET,
    });
    expect(problems.join('\n')).toMatch(/PORT/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL/);
    expect(problems.join('\n')).toMatch(/NODE_ENV/);
  });

  it('requires JWT_SECRET in production, and a long one whenever given', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual(['JWT_SECRET is required when NODE_ENV=production']);
    expect(problemsOf({ JWT_SECRET: 'short' })).toEqual(['JWT_SECRET must be at least 32 characters long']);
  });

  it('refuses a JWT_SECRET of low entropy, naming the variable and how to make a good one', () => {
    const low = [
      'a'.repeat(32),
      'a'.repeat(64),
      'ab'.repeat(20),
      'password'.repeat(4),
      `${'a'.repeat(31)}1`,
      '0000000000000000111111111111111122222222',
    ];
    for (const secret of low) {
      const problems = problemsOf({ NODE_ENV: 'production', JWT_SECRET: secret });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^JWT_SECRET .*openssl rand -base64 48/);
    }
    // also outside production: a predictable key is as forgeable there
    expect(problemsOf({ JWT_SECRET: 'a'.repeat(40) })).toHaveLength(1);
  });

  it('accepts random secrets: base64 from openssl, 32 random hex digits, the test and bench secrets', () => {
    const good = [
      SECRET,
      randomBytes(48).toString('base64'),
      randomBytes(16).toString('hex'),
      randomBytes(24).toString('base64url'),
      'test-secret-that-is-long-enough-0123456789',
      'crossroads-bench-secret-not-for-production-0123456789',
    ];
    for (const secret of good) expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: secret })).toEqual([]);
  });

  it('reads SIGN_IN_LIMIT_PER_MINUTE, 5 by default', () => {
    expect(loadConfig({ JWT_SECRET: SECRET }).signInLimitPerMinute).toBe(5);
    expect(loadConfig({ JWT_SECRET: SECRET, SIGN_IN_LIMIT_PER_MINUTE: '1000' }).signInLimitPerMinute).toBe(1000);
    expect(problemsOf({ JWT_SECRET: SECRET, SIGN_IN_LIMIT_PER_MINUTE: '0' })[0]).toMatch(/SIGN_IN_LIMIT_PER_MINUTE/);
  });

  it('keeps the test-only routes off unless TEST_ROUTES=true, and refuses them in production', () => {
    expect(loadConfig({ JWT_SECRET: SECRET }).testRoutes).toBe(false);
    expect(loadConfig({ JWT_SECRET: SECRET, TEST_ROUTES: 'true' }).testRoutes).toBe(true);
    expect(problemsOf({ JWT_SECRET: SECRET, NODE_ENV: 'production', TEST_ROUTES: 'true' }).join('\n')).toMatch(
      /TEST_ROUTES=true is refused/,
    );
  });

  it('reads REGISTRATION_LIMIT_PER_HOUR, 5 by default', () => {
    expect(loadConfig({ JWT_SECRET: SECRET }).registrationLimitPerHour).toBe(5);
    expect(loadConfig({ JWT_SECRET: SECRET, REGISTRATION_LIMIT_PER_HOUR: '1000' }).registrationLimitPerHour).toBe(1000);
    expect(problemsOf({ JWT_SECRET: SECRET, REGISTRATION_LIMIT_PER_HOUR: '0' })[0]).toMatch(
      /REGISTRATION_LIMIT_PER_HOUR/,
    );
    expect(problemsOf({ JWT_SECRET: SECRET, REGISTRATION_LIMIT_PER_HOUR: 'lots' })[0]).toMatch(
      /REGISTRATION_LIMIT_PER_HOUR/,
    );
  });

  it('reads SEARCH_LOG_DAYS, 180 by default', () => {
    expect(loadConfig({ JWT_SECRET: SECRET }).searchLogDays).toBe(180);
    expect(loadConfig({ JWT_SECRET: SECRET, SEARCH_LOG_DAYS: '30' }).searchLogDays).toBe(30);
    for (const bad of ['0', '3651', 'forever'])
      expect(problemsOf({ JWT_SECRET: SECRET, SEARCH_LOG_DAYS: bad })[0]).toMatch(/SEARCH_LOG_DAYS/);
  });

  it('reads ANON_CACHE_SECONDS, 30 by default, 0 turning the anonymous cache off', () => {
    expect(loadConfig({ JWT_SECRET: SECRET }).anonCacheSeconds).toBe(30);
    expect(loadConfig({ JWT_SECRET: SECRET, ANON_CACHE_SECONDS: '0' }).anonCacheSeconds).toBe(0);
    for (const bad of ['-1', '3601', 'soon', '1.5'])
      expect(problemsOf({ JWT_SECRET: SECRET, ANON_CACHE_SECONDS: bad })[0]).toMatch(/ANON_CACHE_SECONDS/);
  });

  it('reads SMTP_URL (smtp:// or smtps://) and PUBLIC_URL, defaulting links to the local address', () => {
    expect(loadConfig({ JWT_SECRET: SECRET, PORT: '4000' }).mail).toMatchObject({
      smtpUrl: undefined,
      publicUrl: 'http://127.0.0.1:4000',
      retryLimit: 10,
    });
    const config = loadConfig({
      JWT_SECRET: SECRET,
      SMTP_URL: 'smtps://u:p@mail.example.com:465',
      PUBLIC_URL: 'https://crossroads.example.com/',
    });
    expect(config.mail).toMatchObject({
      smtpUrl: 'smtps://u:p@mail.example.com:465',
      publicUrl: 'https://crossroads.example.com',
    });
    const problems = problemsOf({
      JWT_SECRET: SECRET,
      SMTP_URL: 'http://mail.example.com',
      PUBLIC_URL: 'crossroads.example.com',
      MAIL_LEASE_SECONDS: '0',
    }).join('\n');
    expect(problems).toMatch(/SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(problems).toMatch(/PUBLIC_URL must be an http/);
    expect(problems).toMatch(/MAIL_LEASE_SECONDS/);
  });

  it('requires PUBLIC_URL in production when email is sent', () => {
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: SECRET, SMTP_URL: 'smtp://mail:1025' }).join('\n')).toMatch(
      /PUBLIC_URL is required/,
    );
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: SECRET })).toEqual([]);
  });

  it('wants ADMIN_EMAIL and ADMIN_PASSWORD together', () => {
    expect(problemsOf({ JWT_SECRET: SECRET, ADMIN_EMAIL: 'a@b.c' })).toEqual([
      'ADMIN_EMAIL and ADMIN_PASSWORD must be set together',
    ]);
    expect(loadConfig({ JWT_SECRET: SECRET, ADMIN_EMAIL: 'a@b.c', ADMIN_PASSWORD: 'long enough pw' }).admin).toEqual({
      email: 'a@b.c',
      password: 'long enough pw',
      isDefault: false,
    });
  });

  it('seeds the demo community by default in development only, and DEMO_SEED=false turns it off', () => {
    expect(loadConfig({ JWT_SECRET: SECRET }).demoSeed).toBe(true);
    expect(loadConfig({ JWT_SECRET: SECRET, DEMO_SEED: 'false' }).demoSeed).toBe(false);
    expect(loadConfig({ JWT_SECRET: SECRET, NODE_ENV: 'test' }).demoSeed).toBe(false);
    expect(loadConfig({ JWT_SECRET: SECRET, NODE_ENV: 'production', DEMO_SEED: 'true' }).demoSeed).toBe(false);
    expect(problemsOf({ JWT_SECRET: SECRET, DEMO_SEED: 'yes' })).toEqual(['DEMO_SEED must be true or false']);
  });

  it('offers the default admin in development only', () => {
    expect(loadConfig({ JWT_SECRET: SECRET }).admin).toEqual(DEV_ADMIN);
    expect(loadConfig({ JWT_SECRET: SECRET, NODE_ENV: 'production' }).admin).toBeUndefined();
    expect(loadConfig({ JWT_SECRET: SECRET, NODE_ENV: 'test' }).admin).toBeUndefined();
  });
});
