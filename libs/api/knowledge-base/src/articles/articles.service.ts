import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { LIMITS, roleHasPermission, slugify } from '@crossroads/shared-domain';
import { BadInputError, ConflictError, ForbiddenError, LoaderRegistry, NotFoundError, byKeys, type Principal, inTransaction, isUuid, returning, type Row } from '@crossroads/api-platform';
import { UsersService } from '@crossroads/api-accounts';
import { AnswersService, QuestionsService, type QuestionEntity } from '@crossroads/api-qa';
import { canSee, seesAllDrafts } from '../common/access.js';
import { ARTICLE_COLUMNS, ARTICLE_ORDER, articleFromRow, withUniqueSlug } from '../common/sql.js';
import { KbSettingsService } from '../settings/settings.service.js';
import { TopicsService } from '../topics/topics.service.js';
import type { ArticleRevisionEntity } from './article-revision.entity.js';
import type { ArticleEntity } from './article.entity.js';
import { attributedBody } from './attribution.js';
import type { CreateArticleInput, MoveArticleInput, PromoteToArticleInput, UpdateArticleInput } from './dto/article.inputs.js';

export interface ArticleNeighbours {
  previousId: string | null;
  nextId: string | null;
}

export interface RankedArticle {
  article: ArticleEntity;
  rank: number;
}

/** How many of the newest related-question candidates are ranked by tag overlap. */
const RELATED_CANDIDATES = 200;

type RelatedArticle = Pick<ArticleEntity, 'id' | 'tags' | 'sourceQuestionId'>;


@Injectable()
export class ArticlesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly topics: TopicsService,
    private readonly settings: KbSettingsService,
    private readonly users: UsersService,
    private readonly questions: QuestionsService,
    private readonly answers: AnswersService,
  ) {}

  // ---- reads ----

  /** The article for its page: published, or a draft the viewer may see; NOT_FOUND otherwise. */
  async bySlug(loaders: LoaderRegistry, viewer: Principal | null, slug: string): Promise<ArticleEntity> {
    const [row] = (await this.dataSource.query(`SELECT ${ARTICLE_COLUMNS} FROM kb_articles a WHERE a.slug = $1`, [slug])) as Row[];
    const article = row ? articleFromRow(row) : null;
    if (!article || !canSee(viewer, article)) throw new NotFoundError(`Article "${slug}"`, 'slug');
    this.byIdLoader(loaders).prime(article.id, article);
    return article;
  }

  /** Any article by id, visibility not applied (callers check it). */
  byIdLoader(loaders: LoaderRegistry) {
    return loaders.get<string, ArticleEntity | null>('kb.articles.byId', async (ids) => {
      const rows = (await this.dataSource.query(`SELECT ${ARTICLE_COLUMNS} FROM kb_articles a WHERE a.id = ANY($1::uuid[])`, [[...ids]])) as Row[];
      return byKeys(ids, rows.map(articleFromRow), (a) => a.id, null);
    });
  }

  /** The articles of each topic in order that the viewer may see (drafts: moderators all, authors their own). */
  byTopicLoader(loaders: LoaderRegistry, viewer: Principal | null) {
    const all = seesAllDrafts(viewer);
    const viewerId = viewer?.id ?? null;
    return loaders.get<string, ArticleEntity[]>(`kb.articles.byTopic:${all ? 'all' : (viewerId ?? 'guest')}`, async (topicIds) => {
      const rows = (await this.dataSource.query(
        `SELECT ${ARTICLE_COLUMNS} FROM kb_articles a
         WHERE a.topic_id = ANY($1::uuid[]) AND ($2::boolean OR a.status = 'PUBLISHED' OR a.author_id = $3::uuid)
         ORDER BY a.topic_id, ${ARTICLE_ORDER}`,
        [[...topicIds], all, viewerId],
      )) as Row[];
      const articles = rows.map(articleFromRow);
      for (const a of articles) this.byIdLoader(loaders).prime(a.id, a);
      return topicIds.map((id) => articles.filter((a) => a.topicId === id));
    });
  }

  /** Previous and next published article in the same topic, for a batch of articles in one statement. */
  neighboursLoader(loaders: LoaderRegistry) {
    return loaders.get<string, ArticleNeighbours>('kb.articles.neighbours', async (ids) => {
      const rows = (await this.dataSource.query(
        `SELECT x.id,
           (SELECT p.id FROM kb_articles p WHERE p.topic_id = x.topic_id AND p.status = 'PUBLISHED'
              AND (p.position, p.created_at, p.id) < (x.position, x.created_at, x.id)
            ORDER BY p.position DESC, p.created_at DESC, p.id DESC LIMIT 1) AS "previousId",
           (SELECT n.id FROM kb_articles n WHERE n.topic_id = x.topic_id AND n.status = 'PUBLISHED'
              AND (n.position, n.created_at, n.id) > (x.position, x.created_at, x.id)
            ORDER BY n.position, n.created_at, n.id LIMIT 1) AS "nextId"
         FROM kb_articles x WHERE x.id = ANY($1::uuid[])`,
        [[...ids]],
      )) as { id: string; previousId: string | null; nextId: string | null }[];
      return byKeys(ids, rows, (r) => r.id, { id: '', previousId: null, nextId: null });
    });
  }

  /**
   * Live questions sharing a tag with each article (not its own source thread), through qa's read
   * model: one statement for a batch of articles.
   */
  relatedQuestionsLoader(loaders: LoaderRegistry, size: number) {
    return loaders.get<RelatedArticle, QuestionEntity[]>(
      `kb.articles.relatedQuestions:${size}`,
      async (articles) => {
        const related = await this.questions.relatedToTags(
          articles.map((a) => ({ key: a.id, tags: a.tags, excludeId: a.sourceQuestionId })),
          size,
          RELATED_CANDIDATES,
        );
        return articles.map((a) => related.get(a.id) ?? []);
      },
      { cacheKeyFn: (a) => a.id },
    );
  }

  /** The published article promoted from each question, if any. */
  byQuestionLoader(loaders: LoaderRegistry) {
    return loaders.get<string, ArticleEntity | null>('kb.articles.byQuestion', async (questionIds) => {
      const rows = (await this.dataSource.query(
        `SELECT DISTINCT ON (a.source_question_id) ${ARTICLE_COLUMNS} FROM kb_articles a
         WHERE a.source_question_id = ANY($1::uuid[]) AND a.status = 'PUBLISHED'
         ORDER BY a.source_question_id, a.published_at DESC, a.id`,
        [[...questionIds]],
      )) as Row[];
      return byKeys(questionIds, rows.map(articleFromRow), (a) => a.sourceQuestionId as string, null);
    });
  }

  revisionsLoader(loaders: LoaderRegistry) {
    return loaders.get<string, ArticleRevisionEntity[]>('kb.articles.revisions', async (ids) => {
      const rows = (await this.dataSource.query(
        `SELECT r.id, r.article_id AS "articleId", r.editor_id AS "editorId", r.title, r.summary, r.body, r.created_at AS "createdAt"
         FROM kb_article_revisions r WHERE r.article_id = ANY($1::uuid[]) ORDER BY r.created_at DESC, r.id DESC`,
        [[...ids]],
      )) as ArticleRevisionEntity[];
      return ids.map((id) => rows.filter((r) => r.articleId === id));
    });
  }

  /**
   * Published articles matching a websearch query over the weighted vector (title A, summary B,
   * body C). As for questions, only the newest LIMITS.search.rankedCandidates matches are ranked.
   */
  async search(query: string, size: number): Promise<RankedArticle[]> {
    const rows = (await this.dataSource.query(
      `WITH tsq AS (SELECT websearch_to_tsquery('english', $1) AS query),
       candidates AS (
         SELECT a.id, a.search_vector FROM kb_articles a, tsq
         WHERE a.status = 'PUBLISHED' AND a.search_vector @@ tsq.query
         ORDER BY a.updated_at DESC LIMIT ${LIMITS.search.rankedCandidates}
       ), ranked AS (
         SELECT c.id, ts_rank(c.search_vector, tsq.query)::float8 AS rank FROM candidates c, tsq
         ORDER BY rank DESC, c.id DESC LIMIT $2
       )
       SELECT ${ARTICLE_COLUMNS}, r.rank FROM ranked r JOIN kb_articles a ON a.id = r.id ORDER BY r.rank DESC, a.id DESC`,
      [query, size],
    )) as Row[];
    return rows.map((r) => ({ article: articleFromRow(r), rank: Number(r.rank) }));
  }

  // ---- writes ----

  async create(viewer: Principal, input: CreateArticleInput): Promise<ArticleEntity> {
    const slug = input.slug ?? slugify(input.title);
    if (!slug) throw new BadInputError('slug', 'slug is required when the title has no letters or digits.');
    return inTransaction(this.dataSource, async (m) => {
      await this.assertWriter(m, viewer);
      const topic = await this.topics.lockBySlug(m, input.topicSlug, 'topicSlug');
      return withUniqueSlug('article', slug, () =>
        this.insert(m, { topicId: topic.id, slug, title: input.title, summary: input.summary ?? null, body: input.body, tags: input.tags ?? [], authorId: viewer.id }),
      );
    });
  }

  /** Moderators edit any article; a mentor allowed to write edits their own. The replaced version becomes a revision. */
  async update(viewer: Principal, input: UpdateArticleInput): Promise<ArticleEntity> {
    return inTransaction(this.dataSource, async (m) => {
      const article = await this.lock(m, input.id, 'id');
      await this.assertWriter(m, viewer, article);
      let topicId = article.topicId;
      let position = article.position;
      if (input.topicSlug !== undefined) {
        const topic = await this.topics.lockBySlug(m, input.topicSlug, 'topicSlug');
        if (topic.id !== article.topicId) {
          topicId = topic.id;
          position = await this.nextPosition(m, topic.id);
        }
      }
      const next = {
        title: input.title ?? article.title,
        summary: input.summary === undefined ? article.summary : input.summary,
        body: input.body ?? article.body,
      };
      const slug = input.slug ?? article.slug;
      const tags = input.tags ?? article.tags;
      if (next.title !== article.title || next.summary !== article.summary || next.body !== article.body) {
        await m.query(`INSERT INTO kb_article_revisions (article_id, editor_id, title, summary, body) VALUES ($1, $2, $3, $4, $5)`, [
          article.id,
          viewer.id,
          article.title,
          article.summary,
          article.body,
        ]);
      }
      return withUniqueSlug('article', slug, async () => {
        const [row] = await returning(
          m,
          `UPDATE kb_articles AS a SET topic_id = $2, position = $3, slug = $4, title = $5, summary = $6, body = $7, tags = $8, updated_at = now()
           WHERE a.id = $1 RETURNING ${ARTICLE_COLUMNS}`,
          [article.id, topicId, position, slug, next.title, next.summary, next.body, tags],
        );
        return articleFromRow(row);
      });
    });
  }

  async setStatus(id: string, status: 'DRAFT' | 'PUBLISHED'): Promise<ArticleEntity> {
    return inTransaction(this.dataSource, async (m) => {
      const article = await this.lock(m, id, 'id');
      if (article.status === status) return article;
      const [row] = await returning(
        m,
        `UPDATE kb_articles AS a SET status = $2::kb_article_status, published_at = CASE WHEN $3::boolean THEN now() ELSE a.published_at END
         WHERE a.id = $1 RETURNING ${ARTICLE_COLUMNS}`,
        [id, status, status === 'PUBLISHED'],
      );
      return articleFromRow(row);
    });
  }

  /** Puts the article at a 1-based place among its topic's articles; the others keep their order around it. */
  async move(input: MoveArticleInput): Promise<ArticleEntity> {
    return inTransaction(this.dataSource, async (m) => {
      const article = await this.lock(m, input.id, 'id');
      await this.topics.lockById(m, article.topicId);
      const [{ n }] = (await m.query(`SELECT count(*)::int AS n FROM kb_articles WHERE topic_id = $1`, [article.topicId])) as { n: number }[];
      const target = Math.min(input.position, n);
      await m.query(
        `UPDATE kb_articles AS a SET position = o.rn + CASE WHEN o.rn >= $3 THEN 1 ELSE 0 END
         FROM (SELECT id, row_number() OVER (ORDER BY position, created_at, id)::int AS rn FROM kb_articles WHERE topic_id = $1 AND id <> $2) o
         WHERE a.id = o.id`,
        [article.topicId, article.id, target],
      );
      const [row] = await returning(m, `UPDATE kb_articles AS a SET position = $2 WHERE a.id = $1 RETURNING ${ARTICLE_COLUMNS}`, [article.id, target]);
      return articleFromRow(row);
    });
  }

  /**
   * A question and its accepted answer become a DRAFT article in the topic, credited to the asker
   * and the answerer (kept as columns and as an attribution block opening and closing the body).
   */
  async promote(viewer: Principal, input: PromoteToArticleInput): Promise<ArticleEntity> {
    const loaders = new LoaderRegistry();
    const question = isUuid(input.questionId) ? await this.questions.byIdLoader(loaders).load(input.questionId) : null;
    if (!question) throw new NotFoundError('Question', 'questionId');
    const answer = question.acceptedAnswerId ? await this.answers.byIdLoader(loaders).load(question.acceptedAnswerId) : null;
    if (!answer) throw new ConflictError('Only a question with an accepted answer can be promoted to an article.', 'questionId');
    const [asker, answerer] = await this.users.loader(loaders).loadMany([question.authorId, answer.authorId]);
    const handleOf = (u: unknown) => (u && !(u instanceof Error) ? (u as { handle: string }).handle : 'a former member');
    const body = attributedBody({ questionId: question.id, title: question.title, question: question.body, answer: answer.body, asker: handleOf(asker), answerer: handleOf(answerer) });
    return inTransaction(this.dataSource, async (m) => {
      const topic = await this.topics.lockBySlug(m, input.topicSlug, 'topicSlug');
      const slug = await this.freeSlug(m, slugify(question.title) || 'article');
      return withUniqueSlug('article', slug, () =>
        this.insert(m, {
          topicId: topic.id,
          slug,
          title: question.title,
          summary: null,
          body,
          tags: question.tags,
          authorId: viewer.id,
          sourceQuestionId: question.id,
          sourceAskerId: question.authorId,
          sourceAnswererId: answer.authorId,
        }),
      );
    });
  }

  // ---- helpers ----

  /** Moderators and admins write; mentors too when articles.mentorsMayWrite is on (their own articles only). */
  private async assertWriter(m: EntityManager, viewer: Principal, article?: ArticleEntity): Promise<void> {
    if (roleHasPermission(viewer.role, 'article.write')) return;
    if (viewer.role === 'MENTOR' && (await this.settings.get(m)).mentorsMayWrite) {
      if (!article || article.authorId === viewer.id) return;
      throw new ForbiddenError('Mentors can edit only the articles they wrote.');
    }
    throw new ForbiddenError('Only moderators and admins (and mentors, when an admin allows it) can write articles.');
  }

  private async lock(m: EntityManager, id: string, field: string): Promise<ArticleEntity> {
    const [row] = (await m.query(`SELECT ${ARTICLE_COLUMNS} FROM kb_articles a WHERE a.id = $1 FOR UPDATE`, [id])) as Row[];
    if (!row) throw new NotFoundError('Article', field);
    return articleFromRow(row);
  }

  private async nextPosition(m: EntityManager, topicId: string): Promise<number> {
    const [{ p }] = (await m.query(`SELECT coalesce(max(position), 0) + 1 AS p FROM kb_articles WHERE topic_id = $1`, [topicId])) as { p: number }[];
    return Number(p);
  }

  /** `base`, or `base-2`, `base-3`, … whichever is free. */
  private async freeSlug(m: EntityManager, base: string): Promise<string> {
    const stem = base.slice(0, LIMITS.knowledgeBase.slug.max - 4).replace(/-+$/, '');
    const rows = (await m.query(`SELECT slug FROM kb_articles WHERE slug = $1 OR slug LIKE $2`, [stem, `${stem}-%`])) as { slug: string }[];
    const taken = new Set(rows.map((r) => r.slug));
    if (!taken.has(stem)) return stem;
    for (let i = 2; ; i++) if (!taken.has(`${stem}-${i}`)) return `${stem}-${i}`;
  }

  private async insert(
    m: EntityManager,
    a: Pick<ArticleEntity, 'topicId' | 'slug' | 'title' | 'summary' | 'body' | 'tags' | 'authorId'> & Partial<Pick<ArticleEntity, 'sourceQuestionId' | 'sourceAskerId' | 'sourceAnswererId'>>,
  ): Promise<ArticleEntity> {
    const position = await this.nextPosition(m, a.topicId);
    const [row] = (await m.query(
      `INSERT INTO kb_articles AS a (topic_id, slug, title, summary, body, tags, position, author_id, source_question_id, source_asker_id, source_answerer_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${ARTICLE_COLUMNS}`,
      [a.topicId, a.slug, a.title, a.summary, a.body, a.tags, position, a.authorId, a.sourceQuestionId ?? null, a.sourceAskerId ?? null, a.sourceAnswererId ?? null],
    )) as Row[];
    return articleFromRow(row);
  }
}
