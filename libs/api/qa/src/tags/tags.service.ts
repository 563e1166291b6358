import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { byKeys, type LoaderRegistry, decodeCursor, encodeCursor, pageSize, toPage } from '@crossroads/api-platform';
import { TagEntity } from './tag.entity.js';

const TAG_COLUMNS = `t.name, t.description, t.question_count AS "questionCount", t.created_at AS "createdAt"`;
const tagFromRow = (r: Record<string, unknown>) =>
  Object.assign(new TagEntity(), { ...r, questionCount: Number(r.questionCount) });

@Injectable()
export class TagsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Creates the tags that do not exist yet (in name order, so concurrent askers never deadlock). */
  async ensure(manager: EntityManager, names: string[]): Promise<void> {
    if (!names.length) return;
    await manager.query(
      `INSERT INTO tags (name) SELECT DISTINCT unnest($1::varchar[]) ORDER BY 1 ON CONFLICT (name) DO NOTHING`,
      [names],
    );
  }

  loader(loaders: LoaderRegistry) {
    return loaders.get<string, TagEntity | null>('qa.tags.byName', async (names) => {
      const rows: Record<string, unknown>[] = await this.dataSource.query(
        `SELECT ${TAG_COLUMNS} FROM tags t WHERE t.name = ANY($1::varchar[])`,
        [[...names]],
      );
      return byKeys(names, rows.map(tagFromRow), (t) => t.name, null);
    });
  }

  /** Most used first (then by name); `query` keeps the names starting with it (autocomplete). */
  async list(args: { first?: number; after?: string; query?: string }) {
    const size = pageSize(args.first);
    const params: unknown[] = [args.query ? `${args.query}%` : '%'];
    let keyset = '';
    if (args.after) {
      const [count, name] = decodeCursor(args.after, 'tags', ['number', 'string']);
      params.push(count, name);
      keyset = `AND (t.question_count < $2 OR (t.question_count = $2 AND t.name > $3))`;
    }
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT x.total AS "totalCount", p.* FROM (SELECT count(*)::int AS total FROM tags t WHERE t.name LIKE $1) x
       LEFT JOIN LATERAL (SELECT ${TAG_COLUMNS} FROM tags t WHERE t.name LIKE $1 ${keyset}
         ORDER BY t.question_count DESC, t.name LIMIT ${size + 1}) p ON true
       ORDER BY p."questionCount" DESC, p.name`,
      params,
    );
    const totalCount = Number(rows[0]?.totalCount ?? 0);
    const page = toPage(
      rows.filter((r) => r.name !== null).map(({ totalCount: _t, ...r }) => tagFromRow(r)),
      size,
    );
    return { ...page, totalCount, cursorOf: (t: TagEntity) => encodeCursor('tags', [t.questionCount, t.name]) };
  }
}
