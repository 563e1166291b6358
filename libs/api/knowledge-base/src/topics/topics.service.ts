import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { slugify } from '@crossroads/shared-domain';
import { BadInputError, NotFoundError, byKeys, type LoaderRegistry, inTransaction, returning, type Row } from '@crossroads/api-platform';
import { TOPIC_COLUMNS, topicFromRow, withUniqueSlug } from '../common/sql.js';
import type { CreateTopicInput, UpdateTopicInput } from './dto/topic.inputs.js';
import type { TopicEntity } from './topic.entity.js';

@Injectable()
export class TopicsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<TopicEntity[]> {
    const rows = (await this.dataSource.query(`SELECT ${TOPIC_COLUMNS} FROM kb_topics t ORDER BY t.position, t.name, t.id`)) as Row[];
    return rows.map(topicFromRow);
  }

  async bySlug(slug: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<TopicEntity | null> {
    const [row] = (await manager.query(`SELECT ${TOPIC_COLUMNS} FROM kb_topics t WHERE t.slug = $1${lock ? ' FOR UPDATE' : ''}`, [slug])) as Row[];
    return row ? topicFromRow(row) : null;
  }

  /** The topic, locked (serializes position changes within it), or NOT_FOUND naming `field`. */
  async lockBySlug(manager: EntityManager, slug: string, field: string): Promise<TopicEntity> {
    const topic = await this.bySlug(slug, manager, true);
    if (!topic) throw new NotFoundError(`Topic "${slug}"`, field);
    return topic;
  }

  async lockById(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`SELECT 1 FROM kb_topics WHERE id = $1 FOR UPDATE`, [id]);
  }

  async create(input: CreateTopicInput): Promise<TopicEntity> {
    const slug = input.slug ?? slugify(input.name);
    if (!slug) throw new BadInputError('slug', 'slug is required when the name has no letters or digits.');
    return inTransaction(this.dataSource, (m) =>
      withUniqueSlug('topic', slug, async () => {
        const [row] = (await m.query(
          `INSERT INTO kb_topics AS t (slug, name, description, position)
           VALUES ($1, $2, $3, coalesce($4, (SELECT coalesce(max(position), 0) + 1 FROM kb_topics)))
           RETURNING ${TOPIC_COLUMNS}`,
          [slug, input.name, input.description ?? null, input.position ?? null],
        )) as Row[];
        return topicFromRow(row);
      }),
    );
  }

  async update(input: UpdateTopicInput): Promise<TopicEntity> {
    return inTransaction(this.dataSource, async (m) => {
      const [current] = (await m.query(`SELECT ${TOPIC_COLUMNS} FROM kb_topics t WHERE t.id = $1 FOR UPDATE`, [input.id])) as Row[];
      if (!current) throw new NotFoundError('Topic', 'id');
      const topic = topicFromRow(current);
      const slug = input.slug ?? topic.slug;
      return withUniqueSlug('topic', slug, async () => {
        const [row] = await returning(
          m,
          `UPDATE kb_topics AS t SET slug = $2, name = $3, description = $4, position = $5, updated_at = now() WHERE t.id = $1 RETURNING ${TOPIC_COLUMNS}`,
          [topic.id, slug, input.name ?? topic.name, input.description === undefined ? topic.description : input.description, input.position ?? topic.position],
        );
        return topicFromRow(row);
      });
    });
  }

  byIdLoader(loaders: LoaderRegistry) {
    return loaders.get<string, TopicEntity | null>('kb.topics.byId', async (ids) => {
      const rows = (await this.dataSource.query(`SELECT ${TOPIC_COLUMNS} FROM kb_topics t WHERE t.id = ANY($1::uuid[])`, [[...ids]])) as Row[];
      return byKeys(ids, rows.map(topicFromRow), (t) => t.id, null);
    });
  }

  /** Published articles per topic (the help-centre home), one statement for all topics. */
  articleCountLoader(loaders: LoaderRegistry) {
    return loaders.get<string, number>('kb.topics.articleCount', async (ids) => {
      const rows = (await this.dataSource.query(
        `SELECT a.topic_id AS "topicId", count(*)::int AS n FROM kb_articles a WHERE a.status = 'PUBLISHED' AND a.topic_id = ANY($1::uuid[]) GROUP BY a.topic_id`,
        [[...ids]],
      )) as { topicId: string; n: number }[];
      return byKeys(ids, rows, (r) => r.topicId, { topicId: '', n: 0 }).map((r) => r.n);
    });
  }
}
