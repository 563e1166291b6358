import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { VIEW_FLUSH_TAG } from '@crossroads/api-qa';
import { SqlCounter } from './support/sql-counter.js';
import { TestApp, type TestUser } from './support/test-app.js';
import { ask } from './support/qa.js';
import { makeMentor } from './support/mentoring.js';

let t: TestApp;
let viewer: TestUser;
beforeAll(async () => {
  SqlCounter.install();
  t = await TestApp.start();
  viewer = await t.createUser();
});
afterAll(() => t.close());

const FEED = `query($first: Int, $tag: String) { questions(first: $first, tag: $tag) { edges { node {
  id title author { handle } tags { name }
  suggestedMentors { headline verified acceptedAnswerCount averageRating user { handle mentorProfile { headline } } expertise { name } }
  mentorSuggestions { score reason } } } } }`;

describe('SQL statements with mentor suggestions (no N+1)', () => {
  it('a feed page with suggestedMentors costs the same for 5 and 50 questions', async () => {
    const tag = `msc-${Date.now().toString(36)}`;
    const mentors = await Promise.all(Array.from({ length: 6 }, () => t.createUser()));
    for (const [i, m] of mentors.entries()) await makeMentor(t, m, { expertise: [tag, `msx-${i % 3}`] });
    const authors = await Promise.all(Array.from({ length: 10 }, () => t.createUser()));
    for (let i = 0; i < 50; i++) await ask(t, authors[i % 10], { tags: [tag, `msx-${i % 3}`] });
    const counts: number[] = [];
    for (const first of [5, 50]) {
      let result: any;
      const statements = await SqlCounter.during(
        async () => {
          result = await t.gql(FEED, { first, tag }, { token: viewer.token });
        },
        (sql) => sql.includes(VIEW_FLUSH_TAG),
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.questions.edges).toHaveLength(first);
      expect(result.data.questions.edges.every((e: any) => e.node.suggestedMentors.length === 3)).toBe(true);
      counts.push(statements.length);
    }
    process.stdout.write(`feed + suggestedMentors statements: N=5 → ${counts[0]}, N=50 → ${counts[1]}\n`);
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(6);
  });
});
