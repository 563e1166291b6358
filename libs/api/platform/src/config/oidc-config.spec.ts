import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config.js';

const SECRET = 'q3ZJ0v8Xo1m+T9cYb7Lr2kWf6Hn/De4Ug5Aa1Ps0Qx8Vt3Ry7Mz2Nw6Kj9Bh4Gc5Ei1Fu0Ol7Sd3Cp8Iy2';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ JWT_SECRET: SECRET, ...env });
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('OIDC providers in the configuration', () => {
  it('reads each named provider, its name defaulting to the id', () => {
    const config = loadConfig({
      JWT_SECRET: SECRET,
      OIDC_PROVIDERS: 'google, Corp-SSO',
      OIDC_GOOGLE_ISSUER: 'https://accounts.google.com',
      OIDC_GOOGLE_CLIENT_ID: 'g-id',
      OIDC_GOOGLE_CLIENT_SECRET: 'g-secret',
      OIDC_GOOGLE_NAME: 'Google',
      OIDC_CORP_SSO_ISSUER: 'http://127.0.0.1:9000',
      OIDC_CORP_SSO_CLIENT_ID: 'c-id',
      OIDC_CORP_SSO_CLIENT_SECRET: 'c-secret',
    });
    expect(config.oidcProviders).toEqual([
      {
        id: 'google',
        displayName: 'Google',
        issuer: 'https://accounts.google.com',
        clientId: 'g-id',
        clientSecret: 'g-secret',
      },
      {
        id: 'corp-sso',
        displayName: 'corp-sso',
        issuer: 'http://127.0.0.1:9000',
        clientId: 'c-id',
        clientSecret: 'c-secret',
      },
    ]);
    expect(loadConfig({ JWT_SECRET: SECRET }).oidcProviders).toEqual([]);
  });

  it('names the missing variables of a provider', () => {
    expect(problemsOf({ OIDC_PROVIDERS: 'corp', OIDC_CORP_ISSUER: 'https://id.example' })).toEqual([
      'OIDC_CORP_CLIENT_ID, OIDC_CORP_CLIENT_SECRET must be set for the OIDC provider "corp"',
    ]);
  });

  it('refuses a bad id, and a plain-http issuer or no PUBLIC_URL in production', () => {
    expect(problemsOf({ OIDC_PROVIDERS: 'no/slash' })[0]).toMatch(/not a valid id/);
    const production = problemsOf({
      NODE_ENV: 'production',
      OIDC_PROVIDERS: 'corp',
      OIDC_CORP_ISSUER: 'http://id.example',
      OIDC_CORP_CLIENT_ID: 'x',
      OIDC_CORP_CLIENT_SECRET: 'y',
    });
    expect(production).toEqual(['OIDC_CORP_ISSUER must be an https:// URL']);
    const noPublicUrl = problemsOf({
      NODE_ENV: 'production',
      OIDC_PROVIDERS: 'corp',
      OIDC_CORP_ISSUER: 'https://id.example',
      OIDC_CORP_CLIENT_ID: 'x',
      OIDC_CORP_CLIENT_SECRET: 'y',
    });
    expect(noPublicUrl).toEqual([
      'PUBLIC_URL is required when NODE_ENV=production and OIDC_PROVIDERS is set (the providers send people back to it)',
    ]);
  });
});
