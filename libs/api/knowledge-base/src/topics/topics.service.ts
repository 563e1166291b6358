import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { slugify } from '@crossroads/shared-domain';
import { BadInputError, NotFoundError, byKeys, type LoaderRegistry, inTransaction } from '@crossroads/api-platform';
import { withUniqueSlug } from '../common/unique-slug.js';
import type { CreateTopicInput, UpdateTopicInput } from './dto/topic.inputs.js';
import * as repo from './topics.repository.js';
import type { TopicRow } from './topics.repository.js';

@Injectable()
export class TopicsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(): Promise<TopicRow[]> {
    return repo.listTopics(this.dataSource);
  }

  async bySlug(slug: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<TopicRow | null> {
    return (await repo.topicBySlug(manager, slug, lock)) ?? null;
  }

  /** The topic, locked (serializes position changes within it), or NOT_FOUND naming `field`. */
  async lockBySlug(manager: EntityManager, slug: string, field: string): Promise<TopicRow> {
    const topic = await this.bySlug(slug, manager, true);
    if (!topic) throw new NotFoundError(`Topic "${slug}"`, field);
    return topic;
  }

  lockById(manager: EntityManager, id: string): Promise<void> {
    return repo.lockTopicRow(manager, id);
  }

  async create(input: CreateTopicInput): Promise<TopicRow> {
    const slug = input.slug ?? slugify(input.name);
    if (!slug) throw new BadInputError('slug', 'slug is required when the name has no letters or digits.');
    return inTransaction(this.dataSource, (m) =>
      withUniqueSlug('topic', slug, () =>
        repo.insertTopic(m, {
          slug,
          name: input.name,
          description: input.description ?? null,
          position: input.position ?? null,
        }),
      ),
    );
  }

  async update(input: UpdateTopicInput): Promise<TopicRow> {
    return inTransaction(this.dataSource, async (m) => {
      const topic = await repo.lockTopicById(m, input.id);
      if (!topic) throw new NotFoundError('Topic', 'id');
      const slug = input.slug ?? topic.slug;
      return withUniqueSlug('topic', slug, () =>
        repo.updateTopic(m, {
          id: topic.id,
          slug,
          name: input.name ?? topic.name,
          description: input.description === undefined ? topic.description : input.description,
          position: input.position ?? topic.position,
        }),
      );
    });
  }

  byIdLoader(loaders: LoaderRegistry) {
    return loaders.get<string, TopicRow | null>('kb.topics.byId', async (ids) =>
      byKeys(ids, await repo.topicsByIds(this.dataSource, ids), (t) => t.id, null),
    );
  }

  /** Published articles per topic (the help-centre home), one statement for all topics. */
  articleCountLoader(loaders: LoaderRegistry) {
    return loaders.get<string, number>('kb.topics.articleCount', async (ids) => {
      const rows = await repo.publishedArticleCounts(this.dataSource, ids);
      return byKeys(ids, rows, (r) => r.topicId, { topicId: '', n: 0 }).map((r) => r.n);
    });
  }
}
