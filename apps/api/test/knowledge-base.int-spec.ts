import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestApp, codeOf, type TestUser } from './support/test-app.js';
import { createIsolatedDatabase } from './support/isolated-database.js';
import { ACCEPT, answer, ask } from './support/qa.js';
import {
  ARTICLE_BODY,
  CREATE_ARTICLE,
  CREATE_TOPIC,
  MOVE,
  PROMOTE,
  PUBLISH,
  SET_SETTINGS,
  UNPUBLISH,
  UPDATE_ARTICLE,
  articleInput,
  createArticle,
  createTopic,
  ok,
} from './support/knowledge-base.js';

/** Creates questions (global Q&A counters), so it runs on a database of its own. */
let t: TestApp;
let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;
let mod: TestUser;
let admin: TestUser;
let member: TestUser;

const TOPIC = `query($slug: String!) { topic(slug: $slug) { slug name articleCount articles { slug status position } } }`;
const ARTICLE = `query($slug: String!) { article(slug: $slug) { id slug title status body topic { slug } author { handle }
  tableOfContents { level text anchor } previous { slug } next { slug } } }`;

beforeAll(async () => {
  database = await createIsolatedDatabase('kb');
  t = await TestApp.start({}, database.url);
  [mod, admin, member] = await Promise.all([t.createUser('MODERATOR'), t.createUser('ADMIN'), t.createUser('MEMBER')]);
});
afterAll(async () => {
  await t.close();
  await database.drop();
});

describe('topics', () => {
  it('lists topics in position order with their published article counts', async () => {
    const second = await createTopic(t, mod, { position: 20 });
    const first = await createTopic(t, mod, { position: 10 });
    await createArticle(t, mod, first.slug);
    await createArticle(t, mod, first.slug);
    await createArticle(t, mod, first.slug, {}, false);
    const { topics } = await ok(t, `{ topics { slug articleCount position } }`, {});
    const mine = (topics as { slug: string; articleCount: number }[]).filter((x) =>
      [first.slug, second.slug].includes(x.slug),
    );
    expect(mine).toEqual([
      { slug: first.slug, articleCount: 2, position: 10 },
      { slug: second.slug, articleCount: 0, position: 20 },
    ]);
  });

  it('derives the slug from the name and refuses a taken slug with CONFLICT naming slug', async () => {
    const { createTopic: created } = await ok(t, CREATE_TOPIC, { input: { name: 'PMO Careers & Growth' } }, mod);
    expect(created.slug).toBe('pmo-careers-and-growth');
    const again = await t.gql(
      CREATE_TOPIC,
      { input: { name: 'Another', slug: 'pmo-careers-and-growth' } },
      { token: mod.token },
    );
    expect(codeOf(again)).toBe('CONFLICT');
    expect(again.errors![0].extensions!.field).toBe('slug');
  });

  it('refuses invalid input naming the field, and members', async () => {
    const bad = await t.gql(CREATE_TOPIC, { input: { name: 'Ok name', slug: 'Not A Slug!' } }, { token: mod.token });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.field).toBe('slug');
    expect(codeOf(await t.gql(CREATE_TOPIC, { input: { name: 'Members cannot' } }, { token: member.token }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await t.gql(CREATE_TOPIC, { input: { name: 'Guests cannot' } }))).toBe('UNAUTHENTICATED');
  });

  it('returns null for an unknown topic', async () => {
    expect((await ok(t, TOPIC, { slug: 'no-such-topic' })).topic).toBeNull();
  });
});

describe('articles', () => {
  it('hides drafts from the public, shows them to moderators, and orders articles by position', async () => {
    const topic = await createTopic(t, mod);
    const a = await createArticle(t, mod, topic.slug);
    const draft = await createArticle(t, mod, topic.slug, {}, false);
    const c = await createArticle(t, mod, topic.slug);
    const guestView = (await ok(t, TOPIC, { slug: topic.slug })).topic;
    expect(guestView.articles.map((x: { slug: string }) => x.slug)).toEqual([a.slug, c.slug]);
    expect(guestView.articleCount).toBe(2);
    const modView = (await ok(t, TOPIC, { slug: topic.slug }, mod)).topic;
    expect(modView.articles.map((x: { slug: string; status: string }) => [x.slug, x.status])).toEqual([
      [a.slug, 'PUBLISHED'],
      [draft.slug, 'DRAFT'],
      [c.slug, 'PUBLISHED'],
    ]);
    for (const viewer of [null, member]) {
      const res = await t.gql(ARTICLE, { slug: draft.slug }, viewer ? { token: viewer.token } : {});
      expect(codeOf(res)).toBe('NOT_FOUND');
      expect(res.errors![0].extensions!.field).toBe('slug');
    }
    expect((await ok(t, ARTICLE, { slug: draft.slug }, mod)).article.status).toBe('DRAFT');
  });

  it('links previous and next published articles in the topic, skipping drafts, and follows moves', async () => {
    const topic = await createTopic(t, mod);
    const a = await createArticle(t, mod, topic.slug);
    const draft = await createArticle(t, mod, topic.slug, {}, false);
    const b = await createArticle(t, mod, topic.slug);
    const c = await createArticle(t, mod, topic.slug);
    const nav = async (slug: string) => {
      const { article } = await ok(t, ARTICLE, { slug }, mod);
      return [article.previous?.slug ?? null, article.next?.slug ?? null];
    };
    expect(await nav(a.slug)).toEqual([null, b.slug]);
    expect(await nav(b.slug)).toEqual([a.slug, c.slug]);
    expect(await nav(c.slug)).toEqual([b.slug, null]);
    expect(await nav(draft.slug)).toEqual([a.slug, b.slug]);

    const moved = await ok(t, MOVE, { input: { id: c.id, position: 1 } }, mod);
    expect(moved.moveArticle.position).toBe(1);
    const order = (await ok(t, TOPIC, { slug: topic.slug }, mod)).topic.articles.map(
      (x: { slug: string; position: number }) => [x.slug, x.position],
    );
    expect(order).toEqual([
      [c.slug, 1],
      [a.slug, 2],
      [draft.slug, 3],
      [b.slug, 4],
    ]);
    expect(await nav(c.slug)).toEqual([null, a.slug]);
    expect(await nav(b.slug)).toEqual([a.slug, null]);

    await ok(t, UNPUBLISH, { id: a.id }, mod);
    expect(await nav(c.slug)).toEqual([null, b.slug]);
    expect(codeOf(await t.gql(ARTICLE, { slug: a.slug }))).toBe('NOT_FOUND');
  });

  it('lists the table of contents from the headings with stable anchors', async () => {
    const topic = await createTopic(t, mod);
    const body = `${ARTICLE_BODY}\n\n\`\`\`\n## not a heading\n\`\`\`\n\n## Next steps\n\n## Soft skills & *tools*`;
    const a = await createArticle(t, mod, topic.slug, { body });
    const { article } = await ok(t, ARTICLE, { slug: a.slug });
    expect(article.tableOfContents).toEqual([
      { level: 2, text: 'Why it matters', anchor: 'why-it-matters' },
      { level: 3, text: 'A detail', anchor: 'a-detail' },
      { level: 2, text: 'Next steps', anchor: 'next-steps' },
      { level: 2, text: 'Next steps', anchor: 'next-steps-1' },
      { level: 2, text: 'Soft skills & tools', anchor: 'soft-skills-and-tools' },
    ]);
  });

  it('keeps the previous title, summary and body as a revision on edit, and refuses a taken slug', async () => {
    const topic = await createTopic(t, mod);
    const a = await createArticle(t, mod, topic.slug, { summary: 'First summary' });
    const other = await createArticle(t, mod, topic.slug);
    const { updateArticle } = await ok(
      t,
      UPDATE_ARTICLE,
      { input: { id: a.id, title: 'A better title for the guide', summary: '' } },
      admin,
    );
    expect(updateArticle).toMatchObject({ title: 'A better title for the guide', summary: null, status: 'PUBLISHED' });
    expect(updateArticle.revisions).toEqual([{ title: a.title, summary: 'First summary', body: ARTICLE_BODY }]);
    const taken = await t.gql(UPDATE_ARTICLE, { input: { id: a.id, slug: other.slug } }, { token: mod.token });
    expect(codeOf(taken)).toBe('CONFLICT');
    expect(taken.errors![0].extensions!.field).toBe('slug');
    const short = await t.gql(UPDATE_ARTICLE, { input: { id: a.id, body: 'too short' } }, { token: mod.token });
    expect(codeOf(short)).toBe('BAD_USER_INPUT');
    expect(short.errors![0].extensions!.field).toBe('body');
    const missing = await t.gql(CREATE_ARTICLE, { input: articleInput('no-such-topic') }, { token: mod.token });
    expect(codeOf(missing)).toBe('NOT_FOUND');
    expect(missing.errors![0].extensions!.field).toBe('topicSlug');
  });

  it('lets mentors write only when an admin allows it, their own articles only, and not publish', async () => {
    const topic = await createTopic(t, mod);
    const mentor = await t.createUser('MENTOR');
    expect(codeOf(await t.gql(CREATE_ARTICLE, { input: articleInput(topic.slug) }, { token: mentor.token }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await t.gql(SET_SETTINGS, { input: { mentorsMayWrite: true } }, { token: mod.token }))).toBe(
      'FORBIDDEN',
    );
    await ok(t, SET_SETTINGS, { input: { mentorsMayWrite: true } }, admin);
    try {
      const mine = (await ok(t, CREATE_ARTICLE, { input: articleInput(topic.slug) }, mentor)).createArticle;
      expect(mine.status).toBe('DRAFT');
      expect((await ok(t, ARTICLE, { slug: mine.slug }, mentor)).article.author.handle).toBe(mentor.user.handle);
      expect(codeOf(await t.gql(ARTICLE, { slug: mine.slug }, { token: member.token }))).toBe('NOT_FOUND');
      await ok(t, UPDATE_ARTICLE, { input: { id: mine.id, title: 'My own article, edited by me' } }, mentor);
      expect(codeOf(await t.gql(PUBLISH, { id: mine.id }, { token: mentor.token }))).toBe('FORBIDDEN');
      const theirs = await createArticle(t, mod, topic.slug);
      expect(
        codeOf(
          await t.gql(
            UPDATE_ARTICLE,
            { input: { id: theirs.id, title: 'Not my article to edit' } },
            { token: mentor.token },
          ),
        ),
      ).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(CREATE_ARTICLE, { input: articleInput(topic.slug) }, { token: member.token }))).toBe(
        'FORBIDDEN',
      );
    } finally {
      await ok(t, SET_SETTINGS, { input: { mentorsMayWrite: false } }, admin);
    }
    expect(codeOf(await t.gql(CREATE_ARTICLE, { input: articleInput(topic.slug) }, { token: mentor.token }))).toBe(
      'FORBIDDEN',
    );
  });

  it('lists related questions by shared tags, most shared tags first', async () => {
    const topic = await createTopic(t, mod);
    const asker = await t.createUser('MEMBER');
    const both = await ask(t, asker, { tags: ['kb-rel-a', 'kb-rel-b'] });
    const one = await ask(t, asker, { tags: ['kb-rel-b'] });
    await ask(t, asker, { tags: ['kb-unrelated'] });
    const a = await createArticle(t, mod, topic.slug, { tags: ['kb-rel-a', 'kb-rel-b'] });
    const { article } = await ok(
      t,
      `query($slug: String!) { article(slug: $slug) { tags relatedQuestions(first: 5) { id author { handle } } } }`,
      { slug: a.slug },
    );
    expect(article.tags).toEqual(['kb-rel-a', 'kb-rel-b']);
    expect(article.relatedQuestions.map((q: { id: string }) => q.id)).toEqual([both.id, one.id]);
  });
});

describe('promote a question to an article', () => {
  const THREAD = `query($id: ID!) { question(id: $id) { id article { id slug } } }`;

  it('makes a DRAFT with attribution, and the thread links to it once published', async () => {
    const topic = await createTopic(t, mod);
    const [asker, answerer] = await Promise.all([t.createUser('MEMBER'), t.createUser('MEMBER')]);
    const q = await ask(t, asker, { tags: ['pmo'] });
    const a = await answer(
      t,
      answerer,
      q.id,
      'Shadow the PMO lead for a month and take over the weekly portfolio report.',
    );
    await ok(t, ACCEPT, { id: a.id }, asker);

    const { promoteToArticle: article } = await ok(
      t,
      PROMOTE,
      { input: { questionId: q.id, topicSlug: topic.slug } },
      mod,
    );
    expect(article).toMatchObject({ title: q.title, status: 'DRAFT', tags: ['pmo'] });
    expect(article.source).toEqual({
      questionId: q.id,
      question: { id: q.id },
      asker: { handle: asker.user.handle },
      answerer: { handle: answerer.user.handle },
    });
    const lines = (article.body as string).trim().split('\n');
    expect(lines[0]).toContain(`asked by @${asker.user.handle}`);
    expect(lines[0]).toContain(`answer by @${answerer.user.handle}`);
    expect(lines[0]).toContain(`(/q/${q.id})`);
    expect(lines[lines.length - 1]).toBe(
      `*Originally asked by @${asker.user.handle} and answered by @${answerer.user.handle} on Crossroads. [Read the full thread](/q/${q.id}).*`,
    );
    expect(article.body).toContain('Shadow the PMO lead for a month');

    expect((await ok(t, THREAD, { id: q.id })).question.article).toBeNull();
    await ok(t, PUBLISH, { id: article.id }, mod);
    expect((await ok(t, THREAD, { id: q.id })).question.article).toEqual({ id: article.id, slug: article.slug });

    // A second promotion of the same thread gets a free slug.
    const again = (await ok(t, PROMOTE, { input: { questionId: q.id, topicSlug: topic.slug } }, mod)).promoteToArticle;
    expect(again.slug).toBe(`${article.slug}-2`);
  });

  it('refuses a question without an accepted answer (CONFLICT naming questionId), unknown ids and members', async () => {
    const topic = await createTopic(t, mod);
    const q = await ask(t, await t.createUser('MEMBER'));
    const res = await t.gql(PROMOTE, { input: { questionId: q.id, topicSlug: topic.slug } }, { token: mod.token });
    expect(codeOf(res)).toBe('CONFLICT');
    expect(res.errors![0].extensions!.field).toBe('questionId');
    const unknown = await t.gql(
      PROMOTE,
      { input: { questionId: '00000000-0000-4000-8000-000000000000', topicSlug: topic.slug } },
      { token: mod.token },
    );
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    expect(unknown.errors![0].extensions!.field).toBe('questionId');
    expect(
      codeOf(await t.gql(PROMOTE, { input: { questionId: q.id, topicSlug: topic.slug } }, { token: member.token })),
    ).toBe('FORBIDDEN');
    const bad = await t.gql(PROMOTE, { input: { questionId: 'nope', topicSlug: topic.slug } }, { token: mod.token });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.field).toBe('questionId');
  });
});

describe('combined search', () => {
  const SEARCH = `query($query: String!, $first: Int) { search(query: $query, first: $first) { articlesFirst didYouMean articles { slug } questions { id } } }`;

  it('puts articles first when they match well, questions first when an article only mentions the words', async () => {
    const topic = await createTopic(t, mod);
    const asker = await t.createUser('MEMBER');
    const strong = await createArticle(t, mod, topic.slug, { title: 'Quokka charters for stakeholder maps' });
    const q = await ask(t, asker, {
      body: 'Has anyone used a quokka charter when moving into a PMO role? It sounds odd.',
    });
    const res = await ok(t, SEARCH, { query: 'quokka charter' });
    expect(res.search).toEqual({
      articlesFirst: true,
      didYouMean: null,
      articles: [{ slug: strong.slug }],
      questions: [{ id: q.id }],
    });

    const weak = await createArticle(t, mod, topic.slug, { body: `${ARTICLE_BODY}\n\nA passing mention of a numbat.` });
    const q2 = await ask(t, asker, { title: 'Is the numbat method useful for PMO reporting cycles?' });
    const res2 = await ok(t, SEARCH, { query: 'numbat' });
    expect(res2.search).toEqual({
      articlesFirst: false,
      didYouMean: null,
      articles: [{ slug: weak.slug }],
      questions: [{ id: q2.id }],
    });
  });

  it('never returns drafts, corrects typos through the Q&A search, and validates the query', async () => {
    const topic = await createTopic(t, mod);
    await createArticle(t, mod, topic.slug, { title: 'Platypus planning for hidden drafts' }, false);
    expect((await ok(t, SEARCH, { query: 'platypus' })).search.articles).toEqual([]);
    const visible = await createArticle(t, mod, topic.slug, { title: 'Wallaby workshops for portfolio offices' });
    await ask(t, await t.createUser('MEMBER'), { title: 'Wallaby workshops: are they worth it for a PMO?' });
    const typo = await ok(t, SEARCH, { query: 'wallabyy' });
    expect(typo.search.didYouMean).toBe('wallaby');
    expect(typo.search.articles).toEqual([{ slug: visible.slug }]);
    const empty = await t.gql(SEARCH, { query: '   ' });
    expect(codeOf(empty)).toBe('BAD_USER_INPUT');
    expect(empty.errors![0].extensions!.field).toBe('query');
  });
});
