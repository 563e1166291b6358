import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLObjectType } from 'graphql';
import { DirectFields } from '@crossroads/api-platform';
import { TestApp, type TestUser } from './support/test-app.js';
import { ACCEPT, COMMENT, answer, ask, vote } from './support/qa.js';

let t: TestApp;
let asker: TestUser;
let answerer: TestUser;
let voter: TestUser;

beforeAll(async () => {
  t = await TestApp.start();
  [asker, answerer, voter] = await Promise.all([t.createUser(), t.createUser(), t.createEstablishedUser()]);
});
afterAll(() => t.close());

const PAGE = `query($id: ID!) { question(id: $id) {
  author { handle mentorProfile { verified } } tags { name } viewerVote viewCount acceptedAnswer { id }
  answers(first: 5) { edges { node { id viewerVote author { handle } comments { edges { node { author { handle } } } } } } } } }`;

describe('DirectFields: hot fields resolved without Nest’s per-field context', () => {
  it('the served schema calls the registered resolvers of the feed and question page', () => {
    const registered = t.app.get(DirectFields).registered();
    expect([...registered.keys()].sort()).toEqual([
      'Answer.author',
      'Answer.viewerVote',
      'Comment.author',
      'Question.acceptedAnswer',
      'Question.author',
      'Question.tags',
      'Question.viewCount',
      'Question.viewerVote',
      'User.mentorProfile',
    ]);
    const schema = t.app.get(GraphQLSchemaHost).schema;
    for (const [key, resolve] of registered) {
      const [type, field] = key.split('.');
      expect([key, (schema.getType(type) as GraphQLObjectType).getFields()[field].resolve]).toEqual([key, resolve]);
    }
  });

  it('they answer as the decorated methods did: the viewer from the request, guests without one', async () => {
    const q = await ask(t, asker);
    const a = await answer(t, answerer, q.id);
    await t.gql(ACCEPT, { id: a.id }, { token: asker.token });
    await vote(t, voter, q.id, 'QUESTION', 1);
    await vote(t, voter, a.id, 'ANSWER', -1);
    const c = await t.gql(
      COMMENT,
      { input: { targetId: a.id, targetType: 'ANSWER', body: 'Which course did you take first?' } },
      { token: voter.token },
    );
    expect(c.errors).toBeUndefined();
    // A member's first comment is held: a moderator publishes it.
    const moderator = await t.createUser('MODERATOR');
    const approved = await t.gql(
      `mutation($input: ModerateCommentInput!) { moderateComment(input: $input) { status } }`,
      { input: { commentId: c.data!.addComment.id, decision: 'APPROVE' } },
      { token: moderator.token },
    );
    expect(approved.data?.moderateComment.status).toBe('PUBLISHED');

    const member = await t.gql(PAGE, { id: q.id }, { token: voter.token });
    expect(member.errors).toBeUndefined();
    const page = member.data!.question;
    expect(page).toMatchObject({
      author: { handle: asker.user.handle, mentorProfile: null },
      tags: q.tags.map((tag: { name: string }) => ({ name: tag.name })),
      viewerVote: 1,
      acceptedAnswer: { id: a.id },
    });
    expect(typeof page.viewCount).toBe('number');
    expect(page.answers.edges[0].node).toEqual({
      id: a.id,
      viewerVote: -1,
      author: { handle: answerer.user.handle },
      comments: { edges: [{ node: { author: { handle: voter.user.handle } } }] },
    });

    const guest = (await t.gql(PAGE, { id: q.id })).data!.question;
    expect([guest.viewerVote, guest.answers.edges[0].node.viewerVote]).toEqual([null, null]);
  });
});
