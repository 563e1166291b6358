import { describe, expect, it } from '@jest/globals';
import { parse, type OperationDefinitionNode } from 'graphql';
import { mutationDropsAll, rootFields, tagsForEvent, tagsForResponse } from './cache-tags.js';

const event = (type: string, payload: object, actorId: string | null = null) => ({
  type,
  payload,
  actorId,
  id: '1',
  occurredAt: '2026-11-30T00:00:00Z',
});

describe('cache tags', () => {
  it("drops a qa event's things by id and the lists it may reorder", () => {
    expect(
      tagsForEvent(
        event('qa.answer.posted', { answerId: 'a1', questionId: 'q1', authorId: 'u1', title: 'not an id' }, 'u1'),
      ).sort(),
    ).toEqual(
      [
        'field:questions',
        'field:search',
        'field:similarQuestions',
        'field:tags',
        'field:user',
        'ref:a1',
        'ref:q1',
        'ref:u1',
      ].sort(),
    );
  });

  it('drops everything for an event it has no rule for', () => {
    expect(tagsForEvent(event('moderation.action.recorded', { targetId: 'q1' }))).toEqual(['all']);
    expect(tagsForEvent(event('knowledge-base.article.published', {}))).toEqual(['all']);
  });

  it('drops nothing for events guests cannot see (a sign-in, article feedback)', () => {
    expect(tagsForEvent(event('accounts.member.signed-in', { userId: 'u1' }))).toEqual([]);
    expect(tagsForEvent(event('knowledge-base.feedback.sent', { articleId: 'a1' }))).toEqual([]);
  });

  it('lets only announced or guest-invisible mutations keep the cache', () => {
    expect(mutationDropsAll(['postAnswer'])).toBe(false);
    expect(mutationDropsAll(['login'])).toBe(false);
    expect(mutationDropsAll(['postAnswer', 'updateProfile'])).toBe(true);
    expect(mutationDropsAll(['someFutureMutation'])).toBe(true);
  });

  it('tags a response with its root fields (through fragments), the ids in its data and its string variables', () => {
    const doc = parse(
      `query Q($id: ID!) { ...Root q: question(id: $id) { id author { id } } __typename } fragment Root on Query { ... on Query { tags { name } } }`,
    );
    const fields = rootFields(doc.definitions[0] as OperationDefinitionNode, doc);
    expect(fields.sort()).toEqual(['question', 'tags']);
    expect(
      tagsForResponse(
        fields,
        { q: { id: 'q1', author: { id: 'u1' } }, tags: [{ name: 'pm' }] },
        { id: 'q1', first: 5 },
      ).sort(),
    ).toEqual(['field:question', 'field:tags', 'ref:q1', 'ref:u1'].sort());
  });
});
