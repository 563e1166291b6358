import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { findProjectRoot } from '@crossroads/api-platform';

const root = findProjectRoot();
const composeFile = join(root, 'docker-compose.yml');

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(composeFile, 'utf8'));

  it('runs PostgreSQL 17, Redis, the API and the web app, each with a health check', () => {
    expect(compose.services.postgres.image).toBe('postgres:17');
    expect(compose.services.redis.image).toMatch(/^redis:/);
    for (const name of ['postgres', 'redis', 'api', 'web'])
      expect(compose.services[name].healthcheck?.test).toBeDefined();
    expect(compose.volumes).toHaveProperty('pgdata');
    expect(compose.services.postgres.volumes).toContain('pgdata:/var/lib/postgresql/data');
  });

  it('points the API at the postgres service, in production mode, as replicas', () => {
    const env = compose.services.api.environment;
    expect(env.DATABASE_URL).toMatch(/@postgres:5432\//);
    expect(env.NODE_ENV).toBe('production');
    expect(env.JWT_SECRET).toMatch(/JWT_SECRET:\?/);
    expect(compose.services.api.deploy.replicas).toBeGreaterThan(1);
    expect(compose.services.api.depends_on.postgres.condition).toBe('service_healthy');
  });

  it('catches email in Mailpit (SMTP 1025, web UI 8025) and points the API at it', () => {
    const mailpit = compose.services.mailpit;
    expect(mailpit.image).toMatch(/^axllent\/mailpit/);
    expect(mailpit.healthcheck?.test).toBeDefined();
    expect(mailpit.ports.some((p: string) => /:8025$/.test(p))).toBe(true);
    const env = compose.services.api.environment;
    expect(env.SMTP_URL).toBe('smtp://mailpit:1025');
    // Required in production with SMTP_URL: the links in emails.
    expect(env.PUBLIC_URL).toMatch(/^\$\{PUBLIC_URL:-http:\/\/localhost:/);
    expect(compose.services.api.depends_on.mailpit.condition).toBe('service_healthy');
  });

  it('keeps avatars in MinIO, which both API replicas reach, with its bucket made before the API starts', () => {
    expect(compose.services.minio.image).toMatch(/^minio\/minio:/);
    expect(compose.services.minio.healthcheck?.test).toBeDefined();
    const env = compose.services.api.environment;
    expect(env.S3_ENDPOINT).toBe('http://minio:9000');
    expect(env.S3_BUCKET).toBe('crossroads');
    expect(compose.services['minio-bucket'].entrypoint.join(' ')).toContain(`local/${env.S3_BUCKET}`);
    expect(compose.services.api.depends_on['minio-bucket'].condition).toBe('service_completed_successfully');
    expect(compose.volumes).toHaveProperty('miniodata');
  });

  it('builds images from the Dockerfile targets that exist', () => {
    for (const name of ['api', 'web']) {
      const { context, dockerfile, target } = compose.services[name].build;
      const text = readFileSync(join(root, context, dockerfile), 'utf8');
      expect(text).toMatch(new RegExp(`^FROM .* AS ${target}$`, 'm'));
      for (const [, source] of text.matchAll(/^COPY (?!--from)(\S+)/gm))
        if (source !== '.') expect(existsSync(join(root, context, source))).toBe(true);
    }
  });

  // `docker-compose config` (Debian's docker-compose) validates the file without a Docker engine.
  it('is valid for docker-compose (docker-compose config)', () => {
    const out = execFileSync('docker-compose', ['-f', composeFile, 'config', '-q'], {
      env: { ...process.env, JWT_SECRET: 'x'.repeat(40) },
      encoding: 'utf8',
    });
    expect(out).toBe('');
  });

  it('refuses to start without JWT_SECRET', () => {
    const { JWT_SECRET: _omit, ...env } = process.env;
    expect(() => execFileSync('docker-compose', ['-f', composeFile, 'config', '-q'], { env, stdio: 'pipe' })).toThrow(
      /JWT_SECRET/,
    );
  });
});
