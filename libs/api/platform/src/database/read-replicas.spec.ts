import { describe, expect, it } from '@jest/globals';
import { isPlainRead } from './read-replicas.js';

describe('isPlainRead: which statements a standby may run', () => {
  it.each([
    'SELECT id FROM questions WHERE id = $1',
    '  with page AS (SELECT 1) SELECT * FROM page',
    '/* tag */ SELECT updated_at, last_update FROM answers',
    'SELECT * FROM qa_search_candidates($1, 50)',
  ])('reads: %s', (sql: string) => expect(isPlainRead(sql)).toBe(true));

  it.each([
    'INSERT INTO votes VALUES ($1)',
    'WITH seen AS (UPDATE users SET last_seen_at = now() RETURNING id) SELECT * FROM users',
    'SELECT * FROM questions WHERE id = $1 FOR UPDATE',
    'SELECT * FROM questions FOR NO KEY UPDATE SKIP LOCKED',
    'SELECT * FROM questions FOR SHARE',
    "SELECT nextval('seq')",
    'SELECT pg_advisory_xact_lock(1)',
    'DELETE FROM sessions',
    'BEGIN',
  ])('not plain reads: %s', (sql: string) => expect(isPlainRead(sql)).toBe(false));
});
