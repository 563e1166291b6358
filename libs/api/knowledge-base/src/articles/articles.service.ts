import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { roleHasPermission, slugify } from '@crossroads/shared-domain';
import {
  BadInputError,
  ConflictError,
  ForbiddenError,
  LoaderRegistry,
  NotFoundError,
  byKeys,
  type Principal,
  inTransaction,
  isUuid,
} from '@crossroads/api-platform';
import { UsersService } from '@crossroads/api-accounts';
import { AnswersService, QuestionsService, type QuestionEntity } from '@crossroads/api-qa';
import { canSee, seesAllDrafts } from '../common/access.js';
import { withUniqueSlug } from '../common/unique-slug.js';
import { KbSettingsService } from '../settings/settings.service.js';
import { TopicsService } from '../topics/topics.service.js';
import * as repo from './articles.repository.js';
import type { ArticleRevisionRow, ArticleRow, NewArticle } from './articles.repository.js';
import { attributedBody } from './attribution.js';
import { firstFreeSlug, slugStem } from './free-slug.js';
import type {
  CreateArticleInput,
  MoveArticleInput,
  PromoteToArticleInput,
  UpdateArticleInput,
} from './dto/article.inputs.js';

export interface ArticleNeighbours {
  previousId: string | null;
  nextId: string | null;
}

export interface RankedArticle {
  article: ArticleRow;
  rank: number;
}

/** How many of the newest related-question candidates are ranked by tag overlap. */
const RELATED_CANDIDATES = 200;

type RelatedArticle = Pick<ArticleRow, 'id' | 'tags' | 'sourceQuestionId'>;

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
  async bySlug(loaders: LoaderRegistry, viewer: Principal | null, slug: string): Promise<ArticleRow> {
    const article = await repo.articleBySlug(this.dataSource, slug);
    if (!article || !canSee(viewer, article)) throw new NotFoundError(`Article "${slug}"`, 'slug');
    this.byIdLoader(loaders).prime(article.id, article);
    return article;
  }

  /** Any article by id, visibility not applied (callers check it). */
  byIdLoader(loaders: LoaderRegistry) {
    return loaders.get<string, ArticleRow | null>('kb.articles.byId', async (ids) => {
      return byKeys(ids, await repo.articlesByIds(this.dataSource, ids), (a) => a.id, null);
    });
  }

  /** The articles of each topic in order that the viewer may see (drafts: moderators all, authors their own). */
  byTopicLoader(loaders: LoaderRegistry, viewer: Principal | null) {
    const all = seesAllDrafts(viewer);
    const viewerId = viewer?.id ?? null;
    return loaders.get<string, ArticleRow[]>(
      `kb.articles.byTopic:${all ? 'all' : (viewerId ?? 'guest')}`,
      async (topicIds) => {
        const articles = await repo.articlesOfTopics(this.dataSource, topicIds, all, viewerId);
        for (const a of articles) this.byIdLoader(loaders).prime(a.id, a);
        return topicIds.map((id) => articles.filter((a) => a.topicId === id));
      },
    );
  }

  /** Previous and next published article in the same topic, for a batch of articles in one statement. */
  neighboursLoader(loaders: LoaderRegistry) {
    return loaders.get<string, ArticleNeighbours>('kb.articles.neighbours', async (ids) => {
      const rows = await repo.articleNeighbours(this.dataSource, ids);
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
    return loaders.get<string, ArticleRow | null>('kb.articles.byQuestion', async (questionIds) => {
      const rows = await repo.publishedArticlesFromQuestions(this.dataSource, questionIds);
      return byKeys(questionIds, rows, (a) => a.sourceQuestionId ?? '', null);
    });
  }

  revisionsLoader(loaders: LoaderRegistry) {
    return loaders.get<string, ArticleRevisionRow[]>('kb.articles.revisions', async (ids) => {
      const rows = await repo.revisionsOfArticles(this.dataSource, ids);
      return ids.map((id) => rows.filter((r) => r.articleId === id));
    });
  }

  /**
   * Published articles matching a websearch query over the weighted vector (title A, summary B,
   * body C). As for questions, only the newest LIMITS.search.rankedCandidates matches are ranked.
   */
  async search(query: string, size: number): Promise<RankedArticle[]> {
    const rows = await repo.searchPublished(this.dataSource, query, size);
    return rows.map(({ rank, ...article }) => ({ article, rank: Number(rank) }));
  }

  // ---- writes ----

  async create(viewer: Principal, input: CreateArticleInput): Promise<ArticleRow> {
    const slug = input.slug ?? slugify(input.title);
    if (!slug) throw new BadInputError('slug', 'slug is required when the title has no letters or digits.');
    return inTransaction(this.dataSource, async (m) => {
      await this.assertWriter(m, viewer);
      const topic = await this.topics.lockBySlug(m, input.topicSlug, 'topicSlug');
      return withUniqueSlug('article', slug, () =>
        this.insert(m, {
          topicId: topic.id,
          slug,
          title: input.title,
          summary: input.summary ?? null,
          body: input.body,
          tags: input.tags ?? [],
          authorId: viewer.id,
        }),
      );
    });
  }

  /** Moderators edit any article; a mentor allowed to write edits their own. The replaced version becomes a revision. */
  async update(viewer: Principal, input: UpdateArticleInput): Promise<ArticleRow> {
    return inTransaction(this.dataSource, async (m) => {
      const article = await this.lock(m, input.id, 'id');
      await this.assertWriter(m, viewer, article);
      let topicId = article.topicId;
      let position = article.position;
      if (input.topicSlug !== undefined) {
        const topic = await this.topics.lockBySlug(m, input.topicSlug, 'topicSlug');
        if (topic.id !== article.topicId) {
          topicId = topic.id;
          position = await repo.nextPosition(m, topic.id);
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
        await repo.insertRevision(m, article, viewer.id);
      }
      return withUniqueSlug('article', slug, async () => {
        return repo.updateArticle(m, { id: article.id, topicId, position, slug, ...next, tags });
      });
    });
  }

  async setStatus(id: string, status: 'DRAFT' | 'PUBLISHED'): Promise<ArticleRow> {
    return inTransaction(this.dataSource, async (m) => {
      const article = await this.lock(m, id, 'id');
      if (article.status === status) return article;
      return repo.setArticleStatus(m, id, status);
    });
  }

  /** Puts the article at a 1-based place among its topic's articles; the others keep their order around it. */
  async move(input: MoveArticleInput): Promise<ArticleRow> {
    return inTransaction(this.dataSource, async (m) => {
      const article = await this.lock(m, input.id, 'id');
      await this.topics.lockById(m, article.topicId);
      const target = Math.min(input.position, await repo.countInTopic(m, article.topicId));
      return repo.moveArticle(m, article, target);
    });
  }

  /**
   * A question and its accepted answer become a DRAFT article in the topic, credited to the asker
   * and the answerer (kept as columns and as an attribution block opening and closing the body).
   */
  async promote(viewer: Principal, input: PromoteToArticleInput): Promise<ArticleRow> {
    const loaders = new LoaderRegistry();
    const question = isUuid(input.questionId) ? await this.questions.byIdLoader(loaders).load(input.questionId) : null;
    if (!question) throw new NotFoundError('Question', 'questionId');
    const answer = question.acceptedAnswerId
      ? await this.answers.byIdLoader(loaders).load(question.acceptedAnswerId)
      : null;
    if (!answer)
      throw new ConflictError('Only a question with an accepted answer can be promoted to an article.', 'questionId');
    const [asker, answerer] = await this.users.loader(loaders).loadMany([question.authorId, answer.authorId]);
    const handleOf = (u: { handle: string } | Error | null | undefined) =>
      u && !(u instanceof Error) ? u.handle : 'a former member';
    const body = attributedBody({
      questionId: question.id,
      title: question.title,
      question: question.body,
      answer: answer.body,
      asker: handleOf(asker),
      answerer: handleOf(answerer),
    });
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
  private async assertWriter(m: EntityManager, viewer: Principal, article?: ArticleRow): Promise<void> {
    if (roleHasPermission(viewer.role, 'article.write')) return;
    if (viewer.role === 'MENTOR' && (await this.settings.get(m)).mentorsMayWrite) {
      if (!article || article.authorId === viewer.id) return;
      throw new ForbiddenError('Mentors can edit only the articles they wrote.');
    }
    throw new ForbiddenError('Only moderators and admins (and mentors, when an admin allows it) can write articles.');
  }

  private async lock(m: EntityManager, id: string, field: string): Promise<ArticleRow> {
    const article = await repo.lockArticle(m, id);
    if (!article) throw new NotFoundError('Article', field);
    return article;
  }

  private async freeSlug(m: EntityManager, base: string): Promise<string> {
    const stem = slugStem(base);
    return firstFreeSlug(stem, await repo.slugsLike(m, stem));
  }

  private async insert(m: EntityManager, a: NewArticle): Promise<ArticleRow> {
    return repo.insertArticle(m, a, await repo.nextPosition(m, a.topicId));
  }
}
