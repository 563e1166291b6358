import { describe, expect, it } from '@jest/globals';
import { heldCommentId, heldCommentToken } from './held-comment-token.js';

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
const ID = '6f1c7a2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';

describe('held comment tokens', () => {
  it('give back the id they were made for', () => {
    expect(heldCommentId(SECRET, heldCommentToken(SECRET, ID))).toBe(ID);
  });

  it('refuse another id, another secret, and anything malformed', () => {
    const token = heldCommentToken(SECRET, ID);
    const other = '7f1c7a2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
    expect(heldCommentId(SECRET, `${other}.${token.split('.')[1]}`)).toBeNull();
    expect(heldCommentId(`${SECRET}-other`, token)).toBeNull();
    expect(heldCommentId(SECRET, ID)).toBeNull();
    expect(heldCommentId(SECRET, `${token}x`)).toBeNull();
  });
});
