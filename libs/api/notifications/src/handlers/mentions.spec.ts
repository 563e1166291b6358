import { describe, expect, it } from '@jest/globals';
import { mentionedHandles } from './mentions.js';

describe('mentionedHandles', () => {
  it('finds distinct handles, lower-cased, outside code and e-mail addresses', () => {
    expect(
      mentionedHandles('Thanks @Priya-R and @declan_b! Ask @priya-r too. Mail me at me@example.com, `@notme`'),
    ).toEqual(['priya-r', 'declan_b']);
  });

  it('ignores handles that are too short', () => {
    expect(mentionedHandles('@ab hello')).toEqual([]);
  });
});
