import { LIMITS } from '@crossroads/shared-domain';
import { describe, expect, it } from 'vitest';
import { normalizeSignUp, validateSignIn, validateSignUp } from './auth-validation.js';
import { returnPathFrom } from './return-path.js';

const valid = { displayName: 'Ada Lovelace', handle: 'ada_l', email: 'ada@example.com', password: 'correct horse' };

describe('sign-up validation', () => {
  it('accepts values within the shared limits', () => {
    expect(validateSignUp(valid)).toEqual({});
  });

  it('applies the handle length limits from shared-domain', () => {
    expect(validateSignUp({ ...valid, handle: 'a'.repeat(LIMITS.handle.min - 1) }).handle).toMatch(
      /3 to 24 characters/,
    );
    expect(validateSignUp({ ...valid, handle: 'a'.repeat(LIMITS.handle.max + 1) }).handle).toMatch(
      /3 to 24 characters/,
    );
    expect(validateSignUp({ ...valid, handle: 'a'.repeat(LIMITS.handle.max) }).handle).toBeUndefined();
  });

  it('rejects handle characters the API refuses', () => {
    expect(validateSignUp({ ...valid, handle: 'ada lovelace' }).handle).toBe(
      'Use only lower-case letters, digits, _ and -.',
    );
    expect(validateSignUp({ ...valid, handle: 'ada.l' }).handle).toBeDefined();
  });

  it('lower-cases and trims the handle and email as the API does, so "Ada_L" is fine', () => {
    const normalized = normalizeSignUp({
      ...valid,
      handle: '  Ada_L ',
      email: ' Ada@Example.com ',
      displayName: '  Ada  ',
    });
    expect(normalized).toEqual({ ...valid, handle: 'ada_l', email: 'ada@example.com', displayName: 'Ada' });
    expect(validateSignUp(normalized)).toEqual({});
  });

  it('requires a password of the minimum length', () => {
    expect(validateSignUp({ ...valid, password: 'x'.repeat(LIMITS.password.min - 1) }).password).toBe(
      `Password must be at least ${LIMITS.password.min} characters.`,
    );
    expect(validateSignUp({ ...valid, password: 'x'.repeat(LIMITS.password.min) }).password).toBeUndefined();
  });

  it('reports every problem at once', () => {
    expect(Object.keys(validateSignUp({ displayName: '', handle: '', email: 'nope', password: '' })).sort()).toEqual([
      'displayName',
      'email',
      'handle',
      'password',
    ]);
  });
});

describe('sign-in validation', () => {
  it('asks for both fields', () => {
    expect(validateSignIn({ email: ' ', password: '' })).toEqual({
      email: 'Enter your email address.',
      password: 'Enter your password.',
    });
    expect(validateSignIn({ email: 'ada@example.com', password: 'x' })).toEqual({});
  });
});

describe('returnPathFrom', () => {
  it('keeps paths on this site and drops anything else', () => {
    expect(returnPathFrom('?next=/questions/1')).toBe('/questions/1');
    expect(returnPathFrom('?next=//evil.example')).toBe('/');
    expect(returnPathFrom('?next=https://evil.example')).toBe('/');
    expect(returnPathFrom('')).toBe('/');
  });
});
